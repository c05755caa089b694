// `triage check RULES...`: every problem in rule files (and test files),
// and the analyses over every possible case.
#include "cli/verb.h"

#include <ostream>

#include <fmt/format.h>

#include "cli/formats.h"
#include "cli/rules.h"
#include "triage/report.h"

namespace triage::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> rules;
  std::string against;  ///< --rules: test files are checked against this rule file
  bool strict = false;
  std::string format = "text";
};

std::string Plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// How a format reports the rule files checked: `file` reports one, adding
// to `collected` what `end` writes after the last; it returns whether the
// file fails the check.
struct CheckReport {
  bool (*file)(const CompiledRules& c, bool strict, Io& io, std::string& collected);
  void (*end)(const std::string& collected, Io& io);
};

// Diagnostics on stderr, a line per file on stdout.
bool ReportText(const CompiledRules& c, bool strict, Io& io, std::string&) {
  PrintDiagnostics(c, io);
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : c.diags.items()) {
    (d.severity == Severity::kError ? errors : warnings)++;
  }
  if (errors > 0 || (strict && warnings > 0)) {
    io.out << fmt::format("{}: {}, {}\n", c.file, Plural(errors, "error"),
                          Plural(warnings, "warning"));
    return true;
  }
  const RuleSet& rs = *c.rules;
  const DecisionGraph& g = *c.graph;
  io.out << fmt::format(
      "{}: ok: {} rules, {} facts, {} routes; decision graph of {} nodes, "
      "{} edges, {} leaves; {} guarantee{} proven{}\n",
      c.file, rs.rules.size(), rs.facts.size(), rs.routes.size(), g.nodes().size(), g.edge_count(),
      g.leaves().size(), rs.guarantees.size(), rs.guarantees.size() == 1 ? "" : "s",
      warnings ? fmt::format(", {}", Plural(warnings, "warning")) : "");
  return false;
}

// The findings as data: one JSON array of every file, on stdout.
bool ReportJson(const CompiledRules& c, bool strict, Io&, std::string& collected) {
  collected += (collected.empty() ? "[" : ",\n ") +
               FindingsJson(c.file, c.diags, c.rules.get(), c.graph ? &*c.graph : nullptr, strict);
  return c.diags.HasErrors() || (strict && !c.diags.items().empty());
}

void EndJson(const std::string& collected, Io& io) {
  io.out << (collected.empty() ? "[" : collected) << "]\n";
}

const FormatTable<CheckReport> kFormats = {
    {"text", {}, {ReportText, [](const std::string&, Io&) {}}},
    {"json", {}, {ReportJson, EndJson}},
};

// `triage check` of a test file: its structure, the names it uses, and
// whether its cases are cases of the rule set.
int CheckTestFile(const std::string& path, const std::string& against, Io& io) {
  int status = kExitOk;
  std::optional<LoadedTests> tests = LoadTests(path, io, status, {against, true});
  if (!tests) {
    if (status == kExitFound) io.out << fmt::format("{}: test file has errors\n", path);
    return status;
  }
  io.out << fmt::format("{}: ok: {} tests of {}\n", path, tests->file.tests.size(),
                        against.empty() ? tests->file.rules : against);
  return kExitOk;
}

int RunCheck(const CheckArgs& args, Io& io) {
  const Format<CheckReport>& format = ChooseFormat(kFormats, args.format, "");
  int status = kExitOk;
  std::string collected;
  for (const std::string& path : args.rules) {
    if (IsTestFile(path)) {
      int test_status = CheckTestFile(path, args.against, io);
      if (test_status == kExitCannot) return kExitCannot;
      status = std::max(status, test_status);
      continue;
    }
    std::string error;
    std::optional<CompiledRules> c = LoadRules(path, io, error);
    if (!c) {
      io.Say(error);
      return kExitCannot;
    }
    if (format.render.file(*c, args.strict, io, collected)) status = kExitFound;
  }
  format.render.end(collected, io);
  return status;
}

}  // namespace

VerbRun DefineCheck(Options& options) {
  auto args = std::make_shared<CheckArgs>();
  options.Positional("RULES", args->rules, "Rule files").Required().RuleFile();
  options.Flag("--strict", args->strict, "Treat warnings as errors");
  options
      .Value("--rules", args->against,
             "Check the cases of test files against this rule file instead of the one each "
             "names (a candidate version)")
      .RuleFile();
  options
      .Value("--format", args->format,
             "Output format: text (diagnostics on stderr) or json "
             "(findings as data on stdout)")
      .OneOf(FormatNames(kFormats))
      .ShowDefault("text");
  options.Examples(
      {"triage check rules/lokale-driehoek.yaml",
       "triage check --rules lokale-driehoek-2026.2.yaml rules/lokale-driehoek.test.yaml"});
  options.ExitStatus("0 no problems, 1 problems found, 2 a file could not be read.");
  return [args](Io& io) { return RunCheck(*args, io); };
}

}  // namespace triage::cli
