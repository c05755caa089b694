#include <catch2/catch.hpp>

#include "support/schemas.h"
#include "support/support.h"

using namespace triage;

TEST_CASE("guarantees: proven, or refuted with a case that routes so") {
  std::string rules = std::string(testing::kThreeFacts) + R"(default: y
rules:
  - {id: r1, when: a and n > 10, route: x}
  - {id: r2, when: e == rood and n > 50, route: x}
guarantees:
  - {id: only-big, that: route == x implies n > 10}
  - {id: needs-a, that: route == x implies a}
  - {id: r2-rood, that: rule == r2 implies e == rood}
  - {id: routed, that: "route in [x, y]"}
  - {id: not-z, that: "rule != r1 or a"}
)";
  CompiledRules c = testing::Compile(rules);
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E042");
  CHECK(d.message ==
        "guarantee 'needs-a' does not hold: the case {\"a\": false, \"n\": 51, "
        "\"e\": \"rood\"} routes to 'x' by rule 'r2'");
  Decision routed = testing::Route(c, d.example);
  CHECK(c.rules->routes[routed.routes[0]].name == "x");
  CHECK(c.rules->rules[routed.rule].id == "r2");

  // Past its budget the analysis says so rather than guess.
  Diagnostics out_of_budget;
  AnalyzeRuleSet(*c.graph, 4, out_of_budget);
  REQUIRE(out_of_budget.items().size() == 1);
  CHECK(RenderDiagnostic(out_of_budget.items()[0], "t.yaml", "") ==
        "t.yaml: error: the analyses could not finish within the budget of 4 "
        "nodes (16 search steps); gaps, overlaps, dead rules and guarantees are "
        "neither proven nor refuted [E044]\n");
}
