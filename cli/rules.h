// Rule files and test files as the verbs read them: compiled through the
// pipeline, with their diagnostics on stderr (in colour on a terminal).
#pragma once

#include <optional>
#include <string>

#include "cli/io.h"
#include "triage/pipeline.h"
#include "triage/rule_tests.h"

namespace triage::cli {

/// Prints every diagnostic of `c` to `io.err`, the severity in colour when
/// `io.color`.
void PrintDiagnostics(const CompiledRules& c, Io& io);

/// Loads and compiles a rule file (`check`: whatever its problems). nullopt
/// with `error` set when it cannot be read.
std::optional<CompiledRules> LoadRules(const std::string& path, Io& io, std::string& error);

/// Loads and compiles a rule file for a verb other than `check`: one that
/// cannot be read, or has errors other than gaps, is reported and nullopt
/// returned (exit 2).
std::optional<CompiledRules> LoadUsableRules(const std::string& path, Io& io);

/// The language to speak with `rs`: `asked` (--lang) when the rule file has
/// texts in it (or, for a file of plain texts only, when triage speaks it),
/// else the file's own language; nullopt, having said which languages there
/// are, when the file does not have `asked`.
std::optional<std::string> ChooseLanguage(const RuleSet& rs, const std::string& asked, Io& io);

/// Whether `path` names a test file (X.test.yaml).
bool IsTestFile(const std::string& path);

/// A loaded test file and the rule file it names.
struct LoadedTests {
  std::string path;
  TestFile file;
  CompiledRules rules;
};

/// How a test file is loaded: against the rule file it names or another
/// one (`rules`: a candidate version), and whether its cases are checked
/// against the rule set's facts (`check_cases`, for `triage check`).
struct TestLoad {
  std::string rules;
  bool check_cases = false;
};

/// Loads a test file and its rule file, printing their problems. nullopt
/// with `status` kExitCannot (a file cannot be read, the rule file has
/// errors) or kExitFound (the test file has problems).
std::optional<LoadedTests> LoadTests(const std::string& test_path, Io& io, int& status,
                                     const TestLoad& how = {});

}  // namespace triage::cli
