// Each finding's example case routes exactly as the finding says.
#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

std::string ExampleOf(const Diagnostic& d) {
  size_t at = d.message.find('{');
  REQUIRE(at != std::string::npos);
  size_t end = d.message.find('}', at);
  return d.message.substr(at, end - at + 1);
}

const char* kHead = R"(ruleset: t
version: "1"
facts:
  a: {type: bool}
  n: {type: int, min: 0, max: 100}
  e: {type: enum, values: [rood, groen, blauw]}
routes: {x: {}, y: {}}
)";

}  // namespace

TEST_CASE("gaps: a case no rule matches, and none on a complete set") {
  CompiledRules c = testing::Compile(std::string(kHead) + R"(rules:
  - {id: r1, when: n > 3 and e != blauw, route: x}
  - {id: r2, when: a, route: y}
)");
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E040");
  CHECK(c.Usable());  // gaps alone still allow routing
  CHECK(testing::RouteName(c, ExampleOf(d)) == "unrouted");

  CompiledRules complete = testing::Compile(std::string(kHead) + R"(rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: n <= 3, route: y}
)");
  CHECK(complete.diags.items().empty());
}

TEST_CASE("overlaps under unique: a case two rules match") {
  CompiledRules c = testing::Compile(std::string(kHead) + R"(hit_policy: unique
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: e == rood, route: x}
  - {id: r3, when: n <= 3 and e == groen, route: y}
)");
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E041");
  CHECK(d.message.find("'r1' and 'r2'") != std::string::npos);
  CHECK_FALSE(c.Usable());
  // Route the example with the same rules under `collect`: both hold.
  CompiledRules collect = testing::Compile(std::string(kHead) + R"(hit_policy: collect
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: e == rood, route: x}
  - {id: r3, when: n <= 3 and e == groen, route: y}
)");
  Decision both = testing::Route(collect, ExampleOf(d));
  CHECK(both.rules == std::vector<int>{0, 1});

  CompiledRules disjoint = testing::Compile(std::string(kHead) + R"(hit_policy: unique
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: n <= 3 and e == rood, route: x}
)");
  CHECK(disjoint.diags.items().empty());
}

TEST_CASE("guarantees: proven, or refuted with a case that routes so") {
  std::string rules = std::string(kHead) + R"(default: y
rules:
  - {id: r1, when: a and n > 10, route: x}
  - {id: r2, when: e == rood and n > 50, route: x}
guarantees:
  - {id: only-big, that: route == x implies n > 10}
  - {id: needs-a, that: route == x implies a}
  - {id: r2-rood, that: rule == r2 implies e == rood}
)";
  CompiledRules c = testing::Compile(rules);
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E042");
  CHECK(d.message.find("'needs-a'") != std::string::npos);
  Decision routed = testing::Route(c, ExampleOf(d));
  CHECK(c.rules->routes[routed.routes[0]].name == "x");
  CHECK(c.rules->rules[routed.rule].id == "r2");

  // Past its budget the prover says so rather than guess.
  Diagnostics out_of_budget;
  ProveGuarantees(*c.graph, 4, out_of_budget);
  REQUIRE(out_of_budget.items().size() == 1);
  CHECK(RenderDiagnostic(out_of_budget.items()[0], "t.yaml", "") ==
        "t.yaml: error: guarantees could not be proven within the budget of 4 "
        "nodes; they are neither proven nor refuted [E044]\n");
}
