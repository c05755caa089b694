// The dry-run audit: the exact comparison of two decision graphs, and the
// replay of a corpus against a candidate and a baseline.
#include "triage/audit.h"

#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/generate.h"
#include "support/support.h"
#include "triage/batch.h"

using triage::testing::Compile;
using triage::testing::ReadSourceFile;
using triage::testing::RouteName;

namespace {

const std::string& Shipped() {
  static const std::string text = ReadSourceFile("rules/lokale-driehoek.yaml");
  return text;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The cell of the transition matrix from the outcome shown as `from` to the
// one shown as `to`.
std::uint64_t Count(const triage::AuditReport& r, const std::string& from, const std::string& to) {
  auto row = r.matrix.find(triage::Outcome::Recorded(from));
  if (row == r.matrix.end()) return 0;
  auto cell = row->second.find(triage::Outcome::Recorded(to));
  return cell == row->second.end() ? 0 : cell->second;
}

// Runs an audit of `corpus` (JSON Lines) with 2 threads and small batches.
triage::AuditReport Audit(const triage::CompiledRules& candidate,
                          const triage::CompiledRules* baseline, const std::string& corpus,
                          triage::AuditOptions options = {}) {
  triage::Auditor auditor(*candidate.graph, baseline ? &*baseline->graph : nullptr, options);
  std::istringstream in(corpus);
  triage::BatchOptions batch;
  batch.format = triage::InputFormat::kJsonLines;
  batch.threads = 2;
  batch.batch_size = 64;
  std::vector<triage::AuditedCase> slots(batch.batch_size);
  triage::ForEachCase(
      in, batch,
      [&](triage::RawCase raw, std::size_t slot, unsigned) {
        auditor.Audit(raw, "corpus.jsonl", slots[slot]);
      },
      [&](std::size_t slot) { auditor.Add(slots[slot]); });
  return auditor.Report({"corpus.jsonl"});
}

// A corpus for the shipped rule set that walks over every procedure count.
std::string ShippedCorpus(int n) {
  const char* roles[] = {"burgemeester", "wethouder", "raadslid", "ambtenaar"};
  const char* capacity[] = {"voldoende", "beperkt", "geen"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "{\"case_id\": \"c" + std::to_string(i) + "\", \"role\": \"" + roles[i % 4] +
           "\", \"instrument\": \"woo_verzoek\", \"procedures_12m\": " + std::to_string(i % 16) +
           ", \"initiators\": " + std::to_string(1 + i % 3) +
           ", \"explicit_threat\": " + (i % 37 == 0 ? "true" : "false") +
           ", \"false_report_suspected\": false, \"doxing\": false, "
           "\"subversion_link\": false, \"personal_life_affected\": " +
           (i % 11 == 0 ? "true" : "false") +
           ", \"prior_dialogue_failed\": " + (i % 5 == 0 ? "true" : "false") +
           ", \"legal_capacity\": \"" + capacity[i % 3 == 0 ? 0 : (i / 3) % 3] + "\"}\n";
  }
  return out;
}

// The shipped rule set, and the same with owb-volume from 8 procedures.
struct Lowered {
  triage::CompiledRules base = Compile(Shipped());
  triage::CompiledRules cand =
      Compile(Replace(Shipped(), "procedures_12m >= 10", "procedures_12m >= 8"));
};

// A wethouder with 9 procedures and nothing else going on: de-escalation
// before the change, the OWB after. `extra` comes first in the object;
// `initiators` is left out when `with_initiators` is false.
std::string NineProcedures(const std::string& extra, bool with_initiators = true) {
  return "{" + extra +
         "\"role\": \"wethouder\", \"procedures_12m\": 9, \"explicit_threat\": false, "
         "\"instrument\": \"woo_verzoek\", \"doxing\": false, \"subversion_link\": false, "
         "\"legal_capacity\": \"voldoende\", \"personal_life_affected\": false, " +
         (with_initiators ? "\"initiators\": 1, " : "") +
         "\"prior_dialogue_failed\": false, \"false_report_suspected\": false}\n";
}

// Every region's example case is decided as the region says, by both graphs.
void CheckExamples(const triage::GraphDiff& diff, const triage::CompiledRules& baseline,
                   const triage::CompiledRules& candidate) {
  for (const triage::DiffRegion& r : diff.regions) {
    INFO(r.example);
    CHECK(RouteName(baseline, r.example) ==
          (r.from.text() == "unrouted" ? "unrouted"
                                       : r.from.text().substr(0, r.from.text().find('+'))));
    CHECK(RouteName(candidate, r.example) ==
          (r.to.text() == "unrouted" ? "unrouted" : r.to.text().substr(0, r.to.text().find('+'))));
    CHECK(r.from != r.to);
  }
}

}  // namespace

TEST_CASE("audit: identical versions change nothing, in the corpus or anywhere") {
  triage::CompiledRules a = Compile(Shipped());
  triage::CompiledRules b = Compile(Shipped());
  triage::AuditReport r = Audit(b, &a, ShippedCorpus(500));
  CHECK(r.cases == 500);
  CHECK(r.changed == 0);
  CHECK(r.changes.empty());
  REQUIRE(r.diff);
  CHECK(r.diff->compared);
  CHECK(r.diff->complete);
  CHECK(r.diff->regions.empty());
  CHECK(r.shifted.empty());
  std::uint64_t diagonal = 0;
  for (const auto& label : r.rows) diagonal += r.matrix[label][label];
  CHECK(diagonal == 500);
  CHECK(triage::AuditText(r, "en").find(
            "nowhere: the two versions decide every case the same way") != std::string::npos);
}

TEST_CASE("audit: lowering the owb-volume threshold from 10 to 8") {
  triage::CompiledRules base = Compile(Shipped());
  triage::CompiledRules cand =
      Compile(Replace(Shipped(), "procedures_12m >= 10", "procedures_12m >= 8"));
  triage::AuditReport r = Audit(cand, &base, ShippedCorpus(2000));
  REQUIRE(r.diff);
  const triage::GraphDiff& diff = *r.diff;
  CHECK(diff.complete);
  REQUIRE(!diff.regions.empty());
  CheckExamples(diff, base, cand);
  std::uint64_t in_regions = 0;
  for (const triage::DiffRegion& g : diff.regions) {
    // Only cases at 8 or 9 procedures move, and only towards the OWB.
    CHECK(g.to.text() == "owb");
    CHECK(g.to_rule == "owb-volume");
    REQUIRE(!g.conditions.empty());
    CHECK(g.conditions[0] == std::make_pair(std::string("procedures_12m"), std::string("8..9")));
    in_regions += g.corpus_cases;
  }
  // Every changed case of the corpus falls in a region, and moves as it says.
  CHECK(r.changed > 0);
  CHECK(in_regions == r.changed);
  for (const auto& t : r.changes) {
    CHECK(t.to.text() == "owb");
    for (const triage::AuditedCase& c : t.examples) {
      CHECK(c.to_rule == "owb-volume");
      REQUIRE(c.facts.size() == 1);
      CHECK(c.facts[0].first == "procedures_12m");
      CHECK((c.facts[0].second == "8" || c.facts[0].second == "9"));
    }
  }
  bool shifted = false;
  for (const triage::RuleUse& u : r.shifted)
    shifted |= u.rule == "owb-volume" && u.after > u.before;
  CHECK(shifted);
}

TEST_CASE("audit: a new rule, and a removed route") {
  triage::CompiledRules base = Compile(Shipped());
  SECTION("a new rule that sends doxing with many procedures to the OWB first") {
    std::string text = Replace(Shipped(), "  - id: owb-prive\n",
                               "  - id: owb-doxing-volume\n"
                               "    when: doxing and procedures_12m >= 12\n"
                               "    route: owb\n\n"
                               "  - id: owb-prive\n");
    // Put it first, ahead of the rule that sends doxing to the OM.
    triage::CompiledRules cand = Compile(text);
    REQUIRE(cand.Usable());
    triage::GraphDiff diff = triage::CompareGraphs(*base.graph, *cand.graph);
    CheckExamples(diff, base, cand);
    for (const triage::DiffRegion& g : diff.regions) CHECK(g.to_rule == "owb-doxing-volume");
    triage::AuditReport r = Audit(cand, &base, ShippedCorpus(300));
    bool listed = false;
    for (const triage::RuleUse& u : r.rules)
      listed |= u.rule == "owb-doxing-volume" && !u.in_baseline;
    CHECK(listed);
  }
  SECTION("a route removed: its cases go to the default") {
    const std::string before = R"(ruleset: t
version: "1"
facts: {a: {type: bool}, n: {type: int, min: 0, max: 100}}
routes: {x: {}, y: {}, z: {}}
rules:
  - {id: rx, when: a, route: x}
  - {id: ry, when: n >= 5, route: y}
default: z
)";
    const std::string after = R"(ruleset: t
version: "2"
facts: {a: {type: bool}, n: {type: int, min: 0, max: 100}}
routes: {x: {}, z: {}}
rules:
  - {id: rx, when: a, route: x}
default: z
)";
    triage::CompiledRules b = Compile(before), c = Compile(after);
    REQUIRE(c.Usable());
    std::string corpus;
    for (int n = 0; n <= 100; n += 3) {
      corpus += "{\"a\": " + std::string(n % 2 ? "true" : "false") +
                ", \"n\": " + std::to_string(n) + "}\n";
    }
    triage::AuditReport r = Audit(c, &b, corpus);
    REQUIRE(r.diff);
    REQUIRE(r.diff->regions.size() == 1);
    const triage::DiffRegion& g = r.diff->regions[0];
    CHECK(g.from.text() == "y");
    CHECK(g.to.text() == "z");
    CHECK(g.from_rule == "ry");
    CHECK(g.to_rule.empty());
    using Condition = std::pair<std::string, std::string>;
    CHECK(g.conditions == std::vector<Condition>{{"n", "5..100"}, {"a", "false"}});
    CheckExamples(*r.diff, b, c);
    CHECK(r.changed == g.corpus_cases);
    CHECK(r.changed == 16);  // n = 6, 12, ..., 96
    for (const auto& t : r.changes) CHECK(t.from.text() == "y");
    // The matrix keeps the baseline's route as a row; rule ry is removed.
    CHECK(std::find(r.rows.begin(), r.rows.end(), triage::Outcome::Recorded("y")) != r.rows.end());
    bool removed = false;
    for (const triage::RuleUse& u : r.shifted) removed |= u.rule == "ry" && !u.in_candidate;
    CHECK(removed);
  }
}

TEST_CASE("audit: recorded-route mode compares with the route in each case") {
  triage::CompiledRules cand = Compile(Shipped());
  std::string corpus =
      "{\"case_id\": \"a\", \"explicit_threat\": true, \"route\": \"om\"}\n"
      "{\"case_id\": \"b\", \"explicit_threat\": true, \"route\": \"owb\"}\n"
      "{\"case_id\": \"c\", \"explicit_threat\": true}\n";
  triage::AuditOptions options;
  options.recorded_field = "route";
  triage::AuditReport r = Audit(cand, nullptr, corpus, options);
  CHECK(r.cases == 3);
  CHECK(!r.baseline);
  CHECK(!r.diff);
  CHECK(r.invalid == 0);  // the recorded field is not a fact, and not an error
  CHECK(Count(r, "om", "om") == 1);
  CHECK(Count(r, "owb", "om") == 1);
  CHECK(Count(r, "(not recorded)", "om") == 1);
  CHECK(r.changed == 2);
  std::string json = triage::AuditJson(r);
  CHECK(json.find("\"baseline\": {\"recorded_field\": \"route\"}") != std::string::npos);
}

TEST_CASE("audit: invalid rows are counted and listed, never dropped; personal data masked") {
  std::string rules =
      Replace(Shipped(), "facts:\n", "facts:\n  bsn:\n    type: string\n    personal: true\n");
  triage::CompiledRules base = Compile(rules);
  triage::CompiledRules cand =
      Compile(Replace(rules, "procedures_12m >= 10", "procedures_12m >= 8"));
  REQUIRE(cand.Usable());
  std::string corpus = NineProcedures("\"bsn\": \"123456782\", ") +
                       "not json at all\n"
                       "{\"role\": \"koning\", \"bsn\": 42}\n";
  triage::AuditReport r = Audit(cand, &base, corpus);
  CHECK(r.cases == 3);
  CHECK(r.invalid == 2);
  CHECK(Count(r, "invalid", "invalid") == 2);
  CHECK(r.changed == 1);
  REQUIRE(r.invalid_examples.size() == 2);
  CHECK(r.invalid_examples[0].line == 2);
  for (const std::string& text :
       {triage::AuditText(r), triage::AuditJson(r), triage::AuditHtml(r)}) {
    CHECK(text.find("123456782") == std::string::npos);
    CHECK(text.find("koning") != std::string::npos);  // what is wrong is said
  }
}

TEST_CASE("audit: the graph comparison is exact on random pairs of rule sets") {
  std::mt19937_64 rng(20261130);
  triage::testing::GenerateOptions options;
  int pairs = 0;
  std::uint64_t changed = 0, regions = 0;
  for (int round = 0; round < triage::testing::Scaled(60); ++round) {
    triage::CompiledRules a = Compile(triage::testing::GenerateRuleSet(rng, options));
    triage::CompiledRules b = Compile(triage::testing::GenerateRuleSet(rng, options));
    if (!a.Usable() || !b.Usable()) continue;
    ++pairs;
    std::string corpus;
    for (int k = 0; k < 300; ++k) corpus += triage::testing::GenerateCase(rng, options, 0) + "\n";
    triage::AuditReport r = Audit(b, &a, corpus);
    REQUIRE(r.diff);
    const triage::GraphDiff& diff = *r.diff;
    REQUIRE(diff.compared);
    REQUIRE(diff.complete);
    regions += diff.regions.size();
    CheckExamples(diff, a, b);
    // Complete: every changed case lies in a region with its transition.
    std::uint64_t placed = 0;
    for (const triage::DiffRegion& g : diff.regions) placed += g.corpus_cases;
    CHECK(placed == r.changed);
    changed += r.changed;
    for (const auto& t : r.changes) {
      for (const triage::AuditedCase& c : t.examples) {
        REQUIRE(c.region >= 0);
        CHECK(diff.regions[static_cast<size_t>(c.region)].from == c.from);
        CHECK(diff.regions[static_cast<size_t>(c.region)].to == c.to);
      }
    }
    // And sound: no region without a reason, so identical sets give none.
    CHECK(triage::CompareGraphs(*a.graph, *a.graph).regions.empty());
  }
  // The generator must give usable pairs that differ, for real (thresholds
  // for 60 rounds, scaled as the rounds are).
  CHECK(pairs > triage::testing::Scaled(30));
  CHECK(changed > static_cast<std::uint64_t>(triage::testing::Scaled(1000)));
  CHECK(regions > static_cast<std::uint64_t>(triage::testing::Scaled(1000)));
}

TEST_CASE("audit: versions with different schemas") {
  triage::CompiledRules base = Compile(Shipped());
  SECTION("a new fact: cases that lack it still count, the comparison notes it") {
    std::string text =
        Replace(Shipped(), "facts:\n", "facts:\n  media_attention:\n    type: bool\n");
    text = Replace(text, "  - id: owb-prive\n",
                   "  - id: owb-media\n    when: media_attention and bestuurder\n"
                   "    route: owb\n\n  - id: owb-prive\n");
    triage::CompiledRules cand = Compile(text);
    REQUIRE(cand.Usable());
    triage::GraphDiff diff = triage::CompareGraphs(*base.graph, *cand.graph);
    CHECK(diff.compared);
    CHECK(!diff.regions.empty());
    CHECK(std::find(diff.notes.begin(), diff.notes.end(),
                    "fact 'media_attention' exists only in the candidate") != diff.notes.end());
    for (const triage::DiffRegion& g : diff.regions) {
      CHECK(g.to_rule == "owb-media");
      CHECK(g.example.find("\"media_attention\": true") != std::string::npos);
    }
  }
  SECTION("a fact whose type changed cannot be compared, and says so") {
    std::string text =
        Replace(Shipped(), "  initiators:\n    type: int", "  initiators:\n    type: number");
    triage::CompiledRules cand = Compile(text);
    REQUIRE(cand.Usable());
    triage::GraphDiff diff = triage::CompareGraphs(*base.graph, *cand.graph);
    CHECK(!diff.compared);
    CHECK(diff.not_compared ==
          "fact 'initiators' is int in the baseline and number in the candidate");
  }
}

TEST_CASE("audit: the HTML report escapes what cases and rule files say") {
  Lowered v;
  std::string corpus = NineProcedures("\"case_id\": \"<script>alert(1)</script>\", ") +
                       "{\"case_id\": \"x&y\", \"role\": \"<b>\"}\n";
  triage::AuditReport r = Audit(v.cand, &v.base, corpus);
  REQUIRE(r.changed == 1);
  std::string html = triage::AuditHtml(r);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("x&amp;y") != std::string::npos);
  CHECK(html.find("'<b>'") == std::string::npos);
}

TEST_CASE("audit: changed cases with unknown facts are counted outside the regions") {
  Lowered v;
  // Without `initiators` the baseline cannot tell de-escalation from the OWB
  // (three or more initiators); the candidate sends it to the OWB anyway.
  triage::AuditReport r = Audit(v.cand, &v.base, NineProcedures("", false));
  REQUIRE(r.changed == 1);
  CHECK(Count(r, "undetermined", "owb") == 1);
  CHECK(r.changed_outside_regions == 1);
  CHECK(triage::AuditText(r, "en").find("1 changed case of the corpus is in no region") !=
        std::string::npos);
}
