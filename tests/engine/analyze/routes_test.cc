#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

TEST_CASE("unreachable routes are reported; reachable ones are not") {
  CompiledRules c = testing::Compile(R"(ruleset: t
version: "1"
facts: {n: {type: int}}
routes: {x: {}, y: {}, z: {}, w: {}}
default: y
rules:
  - {id: r1, when: n > 3, route: x}
  - {id: r2, when: n > 5, route: z}
)");
  std::vector<std::string> messages;
  for (const Diagnostic& d : c.diags.items()) {
    if (d.code == "W002") messages.push_back(d.message);
  }
  CHECK(messages == std::vector<std::string>{
                        "route 'z' is reached by no case: every rule that leads to it is dead",
                        "route 'w' is reached by no case: no rule leads to it and it is not "
                        "the default"});
}
