#include <catch2/catch.hpp>

#include "support/schemas.h"
#include "support/support.h"

using namespace triage;

TEST_CASE("gaps: a case no rule matches routes as unrouted") {
  CompiledRules c = testing::Compile(std::string(testing::kThreeFacts) + R"(rules:
  - {id: r1, when: n > 3 and e != blauw, route: x}
  - {id: r2, when: a, route: y}
)");
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E040");
  CHECK(d.example == R"({"a": false, "n": 0})");
  CHECK(d.message ==
        "some cases match no rule and there is no 'default', for "
        "example {\"a\": false, \"n\": 0}");
  CHECK(c.Usable());  // gaps alone still allow routing
  CHECK(testing::RouteName(c, d.example) == "unrouted");
}

TEST_CASE("gaps: none on a complete set, none with a default") {
  CHECK(testing::Compile(std::string(testing::kThreeFacts) + R"(rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: n <= 3, route: y}
)")
            .diags.items()
            .empty());
  CHECK(testing::Compile(std::string(testing::kThreeFacts) + R"(default: y
rules:
  - {id: r1, when: n > 3, route: x}
)")
            .diags.items()
            .empty());
}
