#include <catch2/catch.hpp>

#include "support/schemas.h"
#include "support/support.h"

using namespace triage;

namespace {

std::string Rules(const char* policy) {
  return std::string(testing::kThreeFacts) + "hit_policy: " + policy + R"(
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: e == rood, route: x}
  - {id: r3, when: n <= 3 and e == groen, route: y}
)";
}

}  // namespace

TEST_CASE("overlaps under unique: a case both rules match") {
  CompiledRules c = testing::Compile(Rules("unique"));
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E041");
  CHECK(d.rules == std::vector<std::string>{"r1", "r2"});
  CHECK(d.pos.line == 12);
  CHECK_FALSE(c.Usable());
  // Under `collect` the same rules show that both hold for the example.
  CompiledRules collect = testing::Compile(Rules("collect"));
  CHECK(testing::Route(collect, d.example).rules == std::vector<int>{0, 1});
}

TEST_CASE("overlaps: none when the rules exclude each other, none under first") {
  CHECK(testing::Compile(std::string(testing::kThreeFacts) + R"(hit_policy: unique
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: n <= 3 and e == rood, route: x}
)")
            .diags.items()
            .empty());
  CompiledRules first = testing::Compile(Rules("first"));
  for (const Diagnostic& d : first.diags.items()) {
    CHECK(d.code != "E041");
  }
}
