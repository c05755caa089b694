// `triage test RULES_OR_TEST_FILES...`: a rule set's own test cases, and the
// coverage they reach.
#include "cli/verb.h"

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/rules.h"
#include "triage/report.h"

namespace triage::cli {
namespace {

struct TestArgs {
  std::vector<std::string> paths;
  std::string rules;  ///< --rules: run the tests against this rule file instead
  bool coverage = false;
  double threshold = -1;
  std::string lang;
};

// A rule file's tests are in X.test.yaml beside X.yaml.
std::string TestFileOf(const std::string& path) {
  namespace fs = std::filesystem;
  if (IsTestFile(path)) return path;
  return (fs::path(path).parent_path() / (fs::path(path).stem().string() + ".test.yaml")).string();
}

// A failed test: what was expected, and the decision record indented under it.
void PrintFailure(const std::string& test_path, const TestResult& r, const RuleSet& rs,
                  const std::string& lang, Io& io) {
  std::string actual = RecordText(rs, r.record, lang);
  std::string indented;
  for (char ch : actual) {
    indented += ch;
    if (ch == '\n') indented += "    ";
  }
  while (!indented.empty() && indented.back() == ' ') indented.pop_back();
  io.out << fmt::format("FAIL {}:{}: {}\n  expected: {}\n  actual:\n    {}", test_path,
                        r.test->pos.line, r.test->name, r.expected, indented);
}

// A leaf for people: its outcome, and the conditions on one way into it.
std::string LeafText(const DecisionGraph& graph, int leaf) {
  const RuleSet& rs = graph.rules();
  const Leaf& l = graph.leaves()[static_cast<std::size_t>(leaf)];
  std::string outcome;
  for (int route : l.routes) {
    outcome += (outcome.empty() ? "" : ", ") + rs.routes[static_cast<std::size_t>(route)].name;
  }
  if (outcome.empty()) outcome = "unrouted";
  if (l.rule >= 0) {
    outcome += fmt::format(" by rule '{}'", rs.rules[static_cast<std::size_t>(l.rule)].id);
  } else if (l.by_default) {
    outcome += " by default";
  }
  LeafWay way = PathToLeaf(graph, leaf);
  if (way.kind == LeafWay::Kind::kNone) return outcome + ": no case can reach it";
  if (way.kind == LeafWay::Kind::kUnknown) {
    return outcome + ": (no way into it found within the search's budget)";
  }
  std::string when;
  for (const PathStep& step : way.path) {
    when += fmt::format("{}{} is {}", when.empty() ? "" : " and ",
                        rs.facts[static_cast<std::size_t>(step.fact)].name,
                        graph.domain(step.fact).Describe(step.cells));
  }
  return outcome + (when.empty() ? ": always" : ": for example when " + when);
}

// Which rules and leaves the tests reach; false when below the threshold.
bool PrintCoverage(const CompiledRules& c, const std::vector<TestResult>& results, double threshold,
                   Io& io) {
  Coverage cov = MeasureCoverage(*c.rules, *c.graph, results);
  io.out << fmt::format("{}: {:.0f}% of rules decide some test ({} of {})\n", c.file, cov.percent,
                        c.rules->rules.size() - cov.rules_missed.size(), c.rules->rules.size());
  for (int r : cov.rules_missed) {
    const Rule& rule = c.rules->rules[static_cast<size_t>(r)];
    io.out << fmt::format("  no test reaches rule '{}' (line {})\n", rule.id, rule.pos.line);
  }
  io.out << fmt::format(
      "  graph leaves reached: {} of {} (a leaf is one outcome of the decision graph: every case "
      "that meets the same conditions on the way there gets the same decision for the same "
      "reason)\n",
      c.graph->leaves().size() - cov.leaves_missed.size(), c.graph->leaves().size());
  if (!cov.leaves_missed.empty()) io.out << "  leaves no test reaches:\n";
  for (int leaf : cov.leaves_missed) io.out << "    " << LeafText(*c.graph, leaf) << "\n";
  return !(threshold >= 0 && cov.percent < threshold);
}

int RunTest(const TestArgs& args, Io& io) {
  size_t passed = 0, failed = 0;
  bool below_threshold = false;
  for (const std::string& path : args.paths) {
    std::string test_path = TestFileOf(path);
    int load_status = kExitOk;
    std::optional<LoadedTests> loaded = LoadTests(test_path, io, load_status, {args.rules});
    if (!loaded) return kExitCannot;
    const CompiledRules& c = loaded->rules;
    if (!args.rules.empty()) {
      io.out << fmt::format("{}: against {} (not {})\n", test_path, args.rules, loaded->file.rules);
    }
    std::optional<std::string> lang = ChooseLanguage(*c.rules, args.lang, io);
    if (!lang) return kExitCannot;
    std::vector<TestResult> results = RunRuleTests(*c.rules, *c.graph, loaded->file);
    for (const TestResult& r : results) {
      if (r.passed) {
        ++passed;
        continue;
      }
      ++failed;
      PrintFailure(test_path, r, *c.rules, *lang, io);
    }
    if (args.coverage || args.threshold >= 0) {
      if (!PrintCoverage(c, results, args.threshold, io)) below_threshold = true;
    }
  }
  io.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed || below_threshold ? kExitFound : kExitOk;
}

}  // namespace

VerbRun DefineTest(Options& options) {
  auto args = std::make_shared<TestArgs>();
  options.Positional("PATHS", args->paths, "Rule files or test files").Required().RuleFile();
  options
      .Value("--rules", args->rules,
             "Run the tests against this rule file instead of the one each test file names "
             "(a candidate version)")
      .RuleFile();
  options.Flag("--coverage", args->coverage,
               "Show the rules and graph leaves (outcomes) no test reaches, each leaf with the "
               "conditions that lead to it");
  options.Value("--threshold", args->threshold,
                "Fail when fewer than this percent of rules decide a test");
  options.Value("--lang", args->lang, "Language of the explanations");
  options.Examples({
      "triage test rules/lokale-driehoek.yaml --coverage --threshold 100",
      "triage test --rules lokale-driehoek-2026.2.yaml rules/lokale-driehoek.test.yaml",
  });
  options.ExitStatus(
      "0 all passed, 1 a test failed or coverage is below the threshold, 2 the job could not be "
      "done.");
  return [args](Io& io) { return RunTest(*args, io); };
}

}  // namespace triage::cli
