// Rule tests: a rule set's own test cases (`X.test.yaml` beside `X.yaml`),
// run against the compiled graph, with the coverage they reach.
//
//   rules: lokale-driehoek.yaml        # the rule file, relative to this file
//   cases:
//     - name: Bedreiging gaat naar het OM
//       facts: {explicit_threat: true}
//       expect: {route: om, rule: om-bedreiging}
//     - name: Capaciteit onbekend
//       facts: {role: wethouder, procedures_12m: 6, ...}
//       expect: {status: undetermined, routes: [riec_liec, de_escalatie]}
//     - name: Ongeldige rol
//       facts: {role: burgmeester}
//       expect: {status: invalid}
//
// `expect` holds any of status (decided, undetermined, unrouted, invalid),
// route, rule (a rule id, or `default`) and routes; `expect: om` is short for
// `expect: {route: om}`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/cases.h"
#include "triage/compile.h"
#include "triage/diagnostic.h"
#include "triage/report.h"

namespace triage {

struct RuleTest {
  std::string name;
  SourcePos pos, expect_pos;
  RawCase facts;
  std::optional<RecordStatus> status;
  std::optional<std::string> route, rule;
  std::optional<std::vector<std::string>> routes;
};

struct TestFile {
  std::string rules;  ///< the rule file as written in the test file
  std::vector<RuleTest> tests;
};

/// Reads a test file strictly (as rule files are read); problems go to
/// `diags`.
std::optional<TestFile> LoadTestFile(std::string_view bytes, Diagnostics& diags);

/// Checks that the tests name routes and rules the rule set has (E024,
/// E021, with did-you-mean).
void CheckTestFile(const RuleSet& rs, const TestFile& file, Diagnostics& diags);

/// Checks that each test's facts make a valid case of `rs` (E028: an
/// unknown fact, with did-you-mean, a value of the wrong type or out of
/// bounds), except in tests that expect `status: invalid`. So a test file
/// still naming a fact the rule set renamed is an error, not a test that
/// fails for another reason than the one it tests.
void CheckTestCases(const RuleSet& rs, const TestFile& file, Diagnostics& diags);

struct TestResult {
  const RuleTest* test = nullptr;
  bool passed = false;
  std::string expected;  ///< for people: "route om, rule om-bedreiging"
  Record record;         ///< what the rule set decided
};

/// Runs every test of `file` against `graph` (of rule set `rs`).
std::vector<TestResult> RunRuleTests(const RuleSet& rs, const DecisionGraph& graph,
                                     const TestFile& file);

struct Coverage {
  std::vector<int> rules_missed;   ///< rules no test sees decide
  std::vector<int> leaves_missed;  ///< graph leaves no test reaches
  double percent = 100;            ///< of rules that some test sees decide
};

/// Which rules (and leaves) the results reach.
Coverage MeasureCoverage(const RuleSet& rs, const DecisionGraph& graph,
                         const std::vector<TestResult>& results);

/// One test on the way into a leaf: a fact, and its cells that lead on.
struct PathStep {
  int fact;
  std::vector<bool> cells;
};

/// A way into a leaf: the conditions a case meets on it, a fact at most
/// once, in the order the graph tests them.
struct LeafWay {
  enum class Kind {
    kFound,
    kNone,     ///< no case reaches the leaf (a chain's leaf behind tests that contradict)
    kUnknown,  ///< the search's budget ran out first (a long chain of diagrams)
  };
  Kind kind = Kind::kUnknown;
  std::vector<PathStep> path;  ///< kFound
};

/// One way from the root into `leaf` (an index into graph.leaves()). In a
/// single diagram every leaf has one; in a chain a leaf can lie behind
/// tests of a fact that contradict each other, and no case reaches it.
LeafWay PathToLeaf(const DecisionGraph& graph, int leaf);

}  // namespace triage
