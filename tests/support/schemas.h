// The head of a small rule file (three facts, two routes) that tests add
// rules to: the analyses, the compiler, regions.
#pragma once

#include <string>

namespace triage::testing {

inline const char* kThreeFacts = R"(ruleset: t
version: "1"
facts:
  a: {type: bool}
  n: {type: int, min: 0, max: 100}
  e: {type: enum, values: [rood, groen, blauw]}
routes: {x: {}, y: {}}
)";

}  // namespace triage::testing
