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
  // That is a warning for the analyses of the file, and an error for each
  // guarantee not refuted: a guarantee that is not proven is not kept.
  REQUIRE(out_of_budget.items().size() >= 2);
  std::string rendered;
  for (const Diagnostic& e : out_of_budget.items()) rendered += RenderDiagnostic(e, "t.yaml", "");
  CHECK(rendered.find("t.yaml: warning: the analyses could not finish within the budget of 4 "
                      "nodes (16 search steps); gaps, overlaps and dead rules are neither proven "
                      "nor refuted [E044]\n") != std::string::npos);
  std::size_t guarantees_unknown = 0;
  for (const Diagnostic& e : out_of_budget.items()) {
    if (e.code == "E044" && e.severity == Severity::kError) {
      ++guarantees_unknown;
      CHECK(e.message.find("is neither proven nor refuted within the budget; a guarantee that is "
                           "not proven is not kept") != std::string::npos);
    }
  }
  CHECK(guarantees_unknown >= 1);
}

TEST_CASE("analyses past their budget: the file may still route; an unproven guarantee is an error") {
  const char* rules = R"(ruleset: t
version: "1"
facts:
  a: {type: bool}
  n: {type: int, min: 0, max: 100}
routes: {x: {}, y: {}}
rules:
  - {id: r1, when: a and n > 50, route: x}
  - {id: r2, when: n > 10, route: y}
default: y
)";
  struct Row {
    const char* guarantees;
    bool error;  // an E044 error: a guarantee not proven
  };
  const Row rows[] = {
      {"", false},
      {"guarantees:\n  - {id: g, that: route == x implies a}\n", true},
  };
  for (const Row& row : rows) {
    CompiledRules c = testing::Compile(std::string(rules) + row.guarantees);
    REQUIRE(c.Usable());
    c.diags = Diagnostics();
    AnalyzeRuleSet(*c.graph, 4, c.diags);
    INFO(row.guarantees);
    CHECK(c.diags.HasErrors() == row.error);
    // Either way no defect of the file: route, test and audit take it.
    CHECK(c.Usable());
    c.diags.Error({1, 1}, "E022", "another error");
    CHECK_FALSE(c.Usable());
  }
}
