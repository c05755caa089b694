// The audit report as a policy officer reads it: in the rule file's
// language with its labels, conditions as the rule file writes them,
// example cases as tables, the default route counted, moves that need
// attention first, schema changes at the top, the same version warned of,
// and every changed case in the JSON report.
#include <sstream>

#include <catch2/catch.hpp>

#include "support/support.h"
#include "triage/audit.h"
#include "triage/batch.h"
#include "triage/words.h"

using triage::testing::Compile;
using triage::testing::ReadSourceFile;

namespace {

const std::string& Shipped() {
  static const std::string text = ReadSourceFile("rules/lokale-driehoek.yaml");
  return text;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  for (; at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

triage::AuditReport Audit(const triage::CompiledRules& candidate,
                          const triage::CompiledRules& baseline, const std::string& corpus,
                          triage::AuditOptions options = {}) {
  triage::Auditor auditor(*candidate.graph, &*baseline.graph, options);
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

// Cases over every procedure count up to 15, some with an explicit threat.
std::string Corpus(int n, const std::string& extra = "") {
  const char* roles[] = {"burgemeester", "wethouder", "raadslid", "ambtenaar"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "{\"case_id\": \"c" + std::to_string(i) + "\", \"role\": \"" + roles[i % 4] +
           "\", \"instrument\": \"woo_verzoek\", \"procedures_12m\": " + std::to_string(i % 16) +
           ", \"initiators\": 1, \"explicit_threat\": " + (i % 7 == 0 ? "true" : "false") +
           ", \"false_report_suspected\": false, \"doxing\": false, \"subversion_link\": false, "
           "\"personal_life_affected\": false, \"prior_dialogue_failed\": false, "
           "\"legal_capacity\": \"voldoende\"" +
           extra + "}\n";
  }
  return out;
}

bool Has(const std::string& text, const std::string& part) {
  INFO(part);
  return text.find(part) != std::string::npos;
}

struct Lowered {
  triage::CompiledRules base = Compile(Shipped());
  triage::CompiledRules cand =
      Compile(ReplaceAll(Shipped(), "procedures_12m >= 10", "procedures_12m >= 8"));
};

}  // namespace

TEST_CASE("audit report: every language triage speaks has the audit's words") {
  for (const triage::Words& w : triage::AllWords()) {
    CHECK(triage::AuditWordsIn(w.lang).lang == w.lang);
  }
}

TEST_CASE("audit report: in the language asked, with the rule file's labels") {
  Lowered v;
  triage::AuditReport r = Audit(v.cand, v.base, Corpus(200));
  struct Row {
    const char* lang;
    std::vector<std::string> text, html;
  };
  const Row rows[] = {
      {"",  // the rule file's first language: Dutch
       {"Proefdraai: er is niets geschreven behalve dit rapport.",
        "De-escalatie en gesprek met de burger -> Ondersteuningsteam Weerbaar Bestuur: ",
        "regel standaard -> owb-volume; Procedures in de laatste 12 maanden (procedures_12m) = 8",
        "owb-volume beslist vaker: van ", "standaardroute (De-escalatie en gesprek met de burger)",
        "als procedures_12m between 8 and 9 and not explicit_threat", "voorbeeld:\n"},
       {"<html lang=\"nl\">", "<th>Ondersteuningsteam Weerbaar Bestuur</th>",
        "<code>procedures_12m between 8 and 9</code>",
        "<tr><td>Procedures in de laatste 12 maanden (procedures_12m)</td><td>8</td></tr>",
        "<td>Expliciete bedreiging (explicit_threat)</td><td>nee</td>",
        "<td>standaardroute (De-escalatie en gesprek met de burger)</td>"}},
      {"en",
       {"Dry run: nothing was written but this report.",
        "De-escalation and conversation with the citizen -> Resilient Governance Support Team "
        "(OWB): ",
        "rule default -> owb-volume; Procedures in the last 12 months (procedures_12m) = 8",
        "owb-volume decides more often: from ",
        "default (De-escalation and conversation with the citizen) decides less often: from ",
        "when procedures_12m between 8 and 9 and not explicit_threat", "example:\n"},
       {"<html lang=\"en\">", "<th>Resilient Governance Support Team (OWB)</th>",
        "<td>Explicit threat (explicit_threat)</td><td>false</td>", "Decides more often: from "}},
  };
  for (const Row& row : rows) {
    INFO(row.lang);
    std::string text = triage::AuditText(r, row.lang);
    for (const std::string& part : row.text) CHECK(Has(text, part));
    std::string html = triage::AuditHtml(r, row.lang);
    for (const std::string& part : row.html) CHECK(Has(html, part));
    // No internal cell notation, no example case as raw JSON.
    CHECK(!Has(text, "procedures_12m is 8..9"));
    CHECK(!Has(text, "{\"explicit_threat\""));
    CHECK(!Has(html, "{&quot;explicit_threat"));
  }
}

TEST_CASE("audit report: moves down the route order or out of a decision come first") {
  triage::CompiledRules base = Compile(Shipped());
  // Explicit threats alone no longer go to the OM; and owb-volume from 8.
  std::string text = ReplaceAll(Shipped(), "    when: explicit_threat\n",
                                "    when: explicit_threat and doxing\n");
  triage::CompiledRules cand =
      Compile(ReplaceAll(text, "procedures_12m >= 10", "procedures_12m >= 8"));
  REQUIRE(cand.Usable());
  triage::AuditReport r = Audit(cand, base, Corpus(400));
  REQUIRE(r.changes.size() >= 2);
  // om -> later routes need attention; de_escalatie -> owb (earlier) does not.
  bool seen_plain = false;
  for (const auto& t : r.changes) {
    INFO(t.from.text() + " -> " + t.to.text());
    CHECK(t.attention == (t.from.text() == "om"));
    if (!t.attention) seen_plain = true;
    CHECK((!t.attention || !seen_plain));  // attention first
  }
  CHECK(triage::NeedsAttention(*cand.rules, triage::Outcome::Recorded("owb"),
                               triage::Outcome::Recorded("undetermined")));
  CHECK(!triage::NeedsAttention(*cand.rules, triage::Outcome::Recorded("de_escalatie"),
                                triage::Outcome::Recorded("om")));
  std::string out = triage::AuditText(r, "en");
  size_t attention = out.find("[needs attention: to a later route in the order]\n  Public");
  size_t plain = out.find("  De-escalation and conversation with the citizen -> Resilient");
  CHECK(attention != std::string::npos);
  CHECK(attention < plain);
  CHECK(Has(triage::AuditHtml(r, "nl"), "<div class=\"attention\"><b>Vraagt aandacht"));
}

TEST_CASE("audit report: facts added, removed, renamed or retyped, with what they cost") {
  struct Row {
    std::string name, baseline, candidate, corpus;
    triage::SchemaChange::Kind kind;
    std::string fact, old_name, sentence;
    bool invalid, undetermined;
  };
  const std::string shipped = Shipped();
  const std::string renamed = ReplaceAll(shipped, "doxing", "doxxing");
  const std::string added = ReplaceAll(shipped, "facts:\n", "facts:\n  media:\n    type: bool\n");
  const std::string number =
      ReplaceAll(shipped, "  initiators:\n    type: int", "  initiators:\n    type: number");
  const Row rows[] = {
      {"renamed", shipped, renamed, Corpus(200), triage::SchemaChange::Kind::kRenamed, "doxxing",
       "doxing",
       "fact 'doxing' removed and 'doxxing' added, of the same type and values: perhaps renamed; "
       "because of it the candidate cannot decide ",
       false, true},
      {"added", shipped, added, Corpus(20), triage::SchemaChange::Kind::kAdded, "media", "",
       "fact 'media' added\n", false, false},
      {"removed", added, shipped, Corpus(20), triage::SchemaChange::Kind::kRemoved, "media", "",
       "fact 'media' removed\n", false, false},
      {"retyped", number, shipped, Corpus(5) + "{\"initiators\": 1.5}\n",
       triage::SchemaChange::Kind::kRetyped, "initiators", "",
       "fact 'initiators' is number in the baseline and int in the candidate; because of it the "
       "candidate finds 1 case of the corpus invalid\n",
       true, false},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    triage::CompiledRules base = Compile(row.baseline), cand = Compile(row.candidate);
    REQUIRE(base.Usable());
    REQUIRE(cand.Usable());
    triage::AuditReport r = Audit(cand, base, row.corpus);
    REQUIRE(r.schema_changes.size() == 1);
    const triage::SchemaChange& c = r.schema_changes[0];
    CHECK(c.kind == row.kind);
    CHECK(c.fact == row.fact);
    CHECK(c.old_name == row.old_name);
    CHECK((c.invalid > 0) == row.invalid);
    CHECK((c.undetermined > 0) == row.undetermined);
    std::string text = triage::AuditText(r, "en");
    CHECK(Has(text, "\nFacts changed between the versions\n  " + row.sentence));
    // Stated at the top: before the transitions.
    CHECK(text.find("Facts changed") < text.find("Transitions"));
    // A fact the candidate no longer has is said to be gone where a case names it.
    if (row.kind == triage::SchemaChange::Kind::kRenamed) {
      CHECK(Has(text, "Doxing (doxing) = false (not in the candidate)"));
    }
    CHECK(Has(triage::AuditJson(r), "\"schema_changes\": [{\"change\": \"" +
                                        std::string(triage::NameOf(row.kind)) + "\""));
  }
}

TEST_CASE("audit report: both versions with the same version string are warned of") {
  triage::CompiledRules base = Compile(Shipped());
  triage::CompiledRules same =
      Compile(ReplaceAll(Shipped(), "procedures_12m >= 10", "procedures_12m >= 8"));
  triage::CompiledRules other = Compile(ReplaceAll(
      ReplaceAll(Shipped(), "procedures_12m >= 10", "procedures_12m >= 8"), "2026.1", "2026.2"));
  triage::AuditReport r = Audit(same, base, Corpus(20));
  CHECK(r.same_version);
  CHECK(Has(triage::AuditText(r, "en"),
            "warning: candidate and baseline carry the same version '2026.1'"));
  CHECK(Has(triage::AuditText(r, "nl"),
            "waarschuwing: kandidaat en basis hebben dezelfde versie '2026.1'"));
  CHECK(Has(triage::AuditHtml(r, "en"), "id=\"same-version\""));
  CHECK(Has(triage::AuditJson(r), "\"same_version\": true"));
  triage::AuditReport apart = Audit(other, base, Corpus(20));
  CHECK(!apart.same_version);
  CHECK(!Has(triage::AuditText(apart, "en"), "same version"));
}

TEST_CASE("audit report: every changed case kept for the JSON report; a few in text and HTML") {
  Lowered v;
  triage::AuditOptions options;
  options.examples_per_transition = 2;
  options.keep_every_change = true;
  triage::AuditReport r = Audit(v.cand, v.base, Corpus(400), options);
  REQUIRE(r.changes.size() == 1);
  const auto& t = r.changes[0];
  CHECK(t.count > 2);
  CHECK(t.examples.size() == t.count);
  std::string json = triage::AuditJson(r);
  auto count = [](const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  };
  // Each case once in "cases", the first two again in "examples".
  CHECK(count(json, "\"to_rule\": \"owb-volume\", \"facts\"") == t.count + 2);
  std::string text = triage::AuditText(r, "en");
  CHECK(count(text, "): rule default -> owb-volume;") == 2);
  CHECK(Has(text, "... and " + std::to_string(t.count - 2) + " more"));
}

TEST_CASE("audit report: personal facts never in clear, in any form or language") {
  // A personal fact may not decide anything (E027): it rides along in the
  // cases, valid or not, changed or not.
  std::string rules =
      ReplaceAll(Shipped(), "facts:\n", "facts:\n  bsn:\n    type: string\n    personal: true\n");
  triage::CompiledRules base = Compile(rules);
  triage::CompiledRules cand =
      Compile(ReplaceAll(rules, "procedures_12m >= 10", "procedures_12m >= 8"));
  REQUIRE(cand.Usable());
  triage::AuditOptions options;
  options.keep_every_change = true;
  triage::AuditReport r = Audit(
      cand, base,
      Corpus(100, ", \"bsn\": \"123456782\"") + "{\"role\": \"koning\", \"bsn\": \"123456782\"}\n",
      options);
  REQUIRE(r.changed > 0);
  REQUIRE(r.invalid == 1);
  for (const char* lang : {"nl", "en"}) {
    for (const std::string& out :
         {triage::AuditText(r, lang), triage::AuditHtml(r, lang), triage::AuditJson(r)}) {
      CHECK(!Has(out, "123456782"));
      CHECK(Has(out, "koning"));  // what is wrong is said
    }
  }
}
