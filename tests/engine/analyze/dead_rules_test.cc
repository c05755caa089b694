#include <catch2/catch.hpp>

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
