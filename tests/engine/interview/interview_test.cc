// The interview: asked from nothing and answered from a case, it ends with
// the decision Evaluate gives for the whole case, on generated rule sets of
// every hit policy (single diagrams and chains); it asks only facts that
// matter, each once; "don't know" and going back behave as promised.
#include <catch2/catch.hpp>

#include "support/generate.h"
#include "support/support.h"
#include "triage/interview.h"

using namespace triage;

namespace {

Case Parse(const CompiledRules& c, const std::string& json) {
  Record r = testing::MakeRecord(c, json);
  REQUIRE(r.problems.empty());
  return r.values;
}

Case Nothing(const CompiledRules& c) {
  return Case{std::nullopt, std::vector<std::optional<Value>>(c.rules->facts.size())};
}

// Interviews `full` from nothing, answering each question from it (its
// unknown facts as "don't know"); checks each question on the way.
Interview Answered(const CompiledRules& c, const Case& full) {
  Interview interview(*c.graph, Nothing(c));
  std::vector<char> asked(full.values.size(), 0);
  while (interview.Next() >= 0) {
    int f = interview.Next();
    INFO("asked " << c.rules->facts[static_cast<size_t>(f)].name);
    REQUIRE(asked[static_cast<size_t>(f)] == 0);
    asked[static_cast<size_t>(f)] = 1;
    const std::vector<int>& ask = interview.decision().ask;
    REQUIRE(std::find(ask.begin(), ask.end(), f) != ask.end());
    interview.Answer(f, full.values[static_cast<size_t>(f)]);
  }
  return interview;
}

void AgreeWithEvaluate(std::uint64_t seed, int rule_sets, const CompileOptions& compile,
                       const testing::GenerateOptions& options) {
  std::mt19937_64 rng(seed);
  long stuck = 0, asked = 0;
  for (int n = 0; n < rule_sets; ++n) {
    std::string yaml = testing::GenerateRuleSet(rng, options);
    CompiledRules c = CompileRules("generated.yaml", yaml, compile);
    INFO(yaml);
    REQUIRE(c.graph);
    for (int k = 0; k < 100; ++k) {
      std::string json = testing::GenerateCase(rng, options, k % 3 == 0 ? 0.3 : 0.0);
      INFO(json);
      Case full = Parse(c, json);
      Decision whole = Evaluate(*c.graph, full);
      Interview interview = Answered(c, full);
      const Decision& d = interview.decision();
      asked += interview.asked();
      if (d.status == Decision::Status::kUndetermined) ++stuck;
      // Every fact known: the same decision. Some unknown: the interview
      // may stop earlier than the walk, but never at another route.
      if (whole.status != Decision::Status::kUndetermined) {
        REQUIRE(d.status == whole.status);
        REQUIRE(d.routes == whole.routes);
      } else {
        REQUIRE(d.status == Decision::Status::kUndetermined);
        REQUIRE(std::includes(d.routes.begin(), d.routes.end(), whole.routes.begin(),
                              whole.routes.end()));
      }
      // Its decision is Evaluate's on what it learned.
      Decision again = Evaluate(*c.graph, interview.known());
      REQUIRE(again.routes == d.routes);
      REQUIRE(again.rule == d.rule);
    }
  }
  CHECK(stuck > 0);
  CHECK(asked > 0);
}

}  // namespace

TEST_CASE("an interview ends with the decision of the whole case") {
  AgreeWithEvaluate(20261203, testing::Scaled(60), CompileOptions{}, testing::GenerateOptions{});
}

TEST_CASE("an interview over a chain of diagrams ends with the decision of the whole case") {
  CompileOptions chain;
  chain.diagram_budget = 60;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  testing::GenerateOptions first_only;
  first_only.all_policies = false;
  first_only.min_rules = 4;
  AgreeWithEvaluate(20261204, testing::Scaled(30), chain, first_only);
}

TEST_CASE("interview of the shipped rule set") {
  CompiledRules c = testing::Compile(testing::ReadSourceFile("rules/lokale-driehoek.yaml"));
  REQUIRE(c.graph);
  const RuleSet& rs = *c.rules;
  auto fact = [&](std::string_view name) {
    for (size_t f = 0; f < rs.facts.size(); ++f) {
      if (rs.facts[f].name == name) return static_cast<int>(f);
    }
    FAIL("no fact " << name);
    return -1;
  };

  SECTION("a case known in full asks nothing") {
    Case full = Parse(c, R"({"role": "wethouder", "instrument": "aangifte", "explicit_threat": true,
      "procedures_12m": 1, "initiators": 1, "false_report_suspected": false, "doxing": false,
      "subversion_link": false, "personal_life_affected": false, "prior_dialogue_failed": false,
      "legal_capacity": "voldoende"})");
    Interview interview(*c.graph, full);
    CHECK(interview.Next() == -1);
    CHECK(interview.asked() == 0);
    CHECK(interview.decision().status == Decision::Status::kDecided);
    CHECK(rs.routes[static_cast<size_t>(interview.decision().routes[0])].name == "om");
  }

  SECTION("a threat settles it at once, whatever else is unknown") {
    Interview interview(*c.graph, Parse(c, R"({"explicit_threat": true})"));
    CHECK(interview.Next() == -1);
    CHECK(interview.decision().status == Decision::Status::kDecided);
  }

  SECTION("don't know is never asked again, and ends with the routes still possible") {
    Interview interview(*c.graph, Nothing(c));
    std::vector<int> declined;
    while (interview.Next() >= 0) {
      declined.push_back(interview.Next());
      interview.Answer(interview.Next(), std::nullopt);
    }
    std::sort(declined.begin(), declined.end());
    CHECK(std::adjacent_find(declined.begin(), declined.end()) == declined.end());
    for (int f : declined) CHECK(interview.declined(f));
    const Decision& d = interview.decision();
    CHECK(d.status == Decision::Status::kUndetermined);
    CHECK(d.routes == Evaluate(*c.graph, Nothing(c)).routes);
  }

  SECTION("back takes the last answer back and asks it again") {
    Interview interview(*c.graph, Parse(c, R"({"explicit_threat": false})"));
    int first = interview.Next();
    REQUIRE(first >= 0);
    CHECK(first != fact("explicit_threat"));
    Decision before = interview.decision();
    interview.Answer(first, std::nullopt);
    int second = interview.Next();
    CHECK(second != first);
    CHECK(interview.Back());
    CHECK(interview.Next() == first);
    CHECK(interview.asked() == 0);
    CHECK(!interview.declined(first));
    CHECK(interview.decision().routes == before.routes);
    // What the case started with is not an answer to take back.
    CHECK(!interview.Back());
    CHECK(interview.known().values[static_cast<size_t>(fact("explicit_threat"))].has_value());
  }
}
