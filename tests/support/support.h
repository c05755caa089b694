// Helpers shared by the tests: compile a rule file from a string, render its
// diagnostics, route a case given as JSON.
#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/report.h"

namespace triage::testing {

/// CompileOptions::max_diagrams for a chain of diagrams however long: the
/// chain itself, never one rule a diagram.
inline constexpr std::size_t kAnyChain = std::numeric_limits<std::size_t>::max();

/// Compiles `yaml` as the file "t.yaml".
CompiledRules Compile(const std::string& yaml);

/// Every diagnostic of `yaml`, rendered as the CLI prints them.
std::string DiagnosticsText(const std::string& yaml);

/// Diagnostic codes of `yaml`, in output order.
std::vector<std::string> Codes(const std::string& yaml);

/// Routes one case (a JSON object): the record, invalid or decided.
Record MakeRecord(const CompiledRules& c, const std::string& case_json);

/// Routes one case (a JSON object) and returns its JSON record.
std::string RouteJson(const CompiledRules& c, const std::string& case_json,
                      const std::string& lang = "");

/// Routes one case (a JSON object) and returns the decision; fails the test
/// when the case is invalid.
Decision Route(const CompiledRules& c, const std::string& case_json);

/// The route name of a decided case, "undetermined" or "unrouted".
std::string RouteName(const CompiledRules& c, const std::string& case_json);

/// The text of a file below the source tree (e.g. "rules/x.yaml").
std::string ReadSourceFile(const std::string& relative);

/// The bytes of a file; "" when it cannot be read.
std::string Slurp(const std::filesystem::path& p);

/// `n` scaled by TRIAGE_DIFF_SCALE (a positive number, default 1), at least
/// 1: the number of
/// generated rule sets in the randomized agreement tests (the graph against
/// the reference evaluator, the graph diff against a replayed corpus).
/// Larger for a long run; scripts/test.sh runs 0.125 of them under the
/// sanitizers, which look for memory errors rather than wrong answers and
/// run ten times slower.
int Scaled(int n);

}  // namespace triage::testing
