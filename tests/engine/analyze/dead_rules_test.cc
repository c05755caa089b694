#include <catch2/catch.hpp>

#include "analyze/passes.h"
#include "support/schemas.h"
#include "support/support.h"

using namespace triage;

TEST_CASE("dead rules: shadowed by earlier rules, with a case that shows it") {
  CompiledRules c = testing::Compile(std::string(testing::kThreeFacts) + R"(default: y
rules:
  - {id: big, when: n > 10, route: x}
  - {id: a-true, when: a, route: y}
  - {id: shadowed, when: n > 20 or (a and n > 5), route: x}
)");
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "W001");
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.rules == std::vector<std::string>{"shadowed", "big", "a-true"});
  CHECK(d.message.rfind("rule 'shadowed' never decides a case: wherever it "
                        "holds, 'big' or 'a-true' decide first, for example ",
                        0) == 0);
  // The example is a case where the dead rule holds and another decides.
  Decision routed = testing::Route(c, d.example);
  CHECK(routed.rule != 2);
  CHECK(routed.rule >= 0);
  CHECK(c.Usable());
}

TEST_CASE("dead rules: a condition that never holds") {
  CompiledRules c = testing::Compile(std::string(testing::kThreeFacts) + R"(default: y
rules:
  - {id: never, when: n < 3 and n > 5, route: x}
  - {id: fine, when: n == 4, route: x}
)");
  REQUIRE(c.diags.items().size() == 1);
  CHECK(c.diags.items()[0].message ==
        "rule 'never' never applies: its condition holds for no case");
}

TEST_CASE("dead rules: under priority a lower route loses where a higher holds") {
  CompiledRules c = testing::Compile(std::string(testing::kThreeFacts) + R"(hit_policy: priority
default: y
rules:
  - {id: low, when: n > 50 and a, route: y}
  - {id: high, when: n > 40, route: x}
)");
  REQUIRE(c.diags.items().size() == 1);
  CHECK(c.diags.items()[0].rules == std::vector<std::string>{"low", "high"});
}

TEST_CASE("dead rules: no false alarm on a set where every rule decides") {
  CHECK(testing::Compile(std::string(testing::kThreeFacts) + R"(default: y
rules:
  - {id: r1, when: n > 10, route: x}
  - {id: r2, when: a, route: y}
  - {id: r3, when: e == rood, route: x}
)")
            .diags.items()
            .empty());
}

namespace {

// Shadowed by two rules, in a chain: a tiny diagram budget spreads the
// rules over four diagrams.
const char* kShadowed = R"(rules:
  - {id: big, when: n > 10, route: x}
  - {id: a-true, when: a, route: y}
  - {id: blue, when: "e == blauw and n > 3", route: y}
  - {id: red, when: "e == rood and n < 2", route: x}
  - {id: shadowed, when: n > 20 or (a and n > 5), route: x}
default: y
)";

}  // namespace

TEST_CASE("dead rules: in a chain of diagrams, in the same words") {
  CompileOptions chain;
  chain.diagram_budget = 12;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  CompiledRules c = CompileRules("t.yaml", std::string(testing::kThreeFacts) + kShadowed, chain);
  REQUIRE(c.graph);
  REQUIRE(c.graph->diagram_count() > 1);
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.rules == std::vector<std::string>{"shadowed", "big", "a-true"});
  CHECK(d.message.rfind("rule 'shadowed' never decides a case: wherever it "
                        "holds, 'big' or 'a-true' decide first, for example ",
                        0) == 0);
}

TEST_CASE("dead rules: where listing every winner would cost too much, one is named") {
  CompileOptions chain;
  chain.diagram_budget = 12;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  CompiledRules c = CompileRules("t.yaml", std::string(testing::kThreeFacts) + kShadowed, chain);
  REQUIRE(c.graph);
  // No steps at all for lists of leaves: the winner of the example is named.
  ChainSpace space(*c.graph, 100'000, 0);
  Diagnostics diags;
  FindDeadRules(space, *c.graph, diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  REQUIRE(d.rules.size() == 2);
  CHECK(d.rules[0] == "shadowed");
  CHECK(d.message.rfind("rule 'shadowed' never decides a case: wherever it holds, other rules "
                        "decide first, such as '" +
                            d.rules[1] + "', for example ",
                        0) == 0);
  // The rule named decides the example.
  Decision routed = testing::Route(c, d.example);
  REQUIRE(routed.rule >= 0);
  CHECK(c.rules->rules[static_cast<size_t>(routed.rule)].id == d.rules[1]);
}
