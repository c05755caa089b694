// Rule sets for the analysis tests.
#pragma once

#include <string>

namespace triage::testing {

inline const char* kAnalyzeHead = R"(ruleset: t
version: "1"
facts:
  a: {type: bool}
  n: {type: int, min: 0, max: 100}
  e: {type: enum, values: [rood, groen, blauw]}
routes: {x: {}, y: {}}
)";

}  // namespace triage::testing
