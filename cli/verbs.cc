// The table of verbs, and the dispatch over it. Adding a verb is a file of
// its own (its options and how it runs) and one row here.
#include "cli/verb.h"

#include <fmt/format.h>

#include "cli/manual.h"
#include "triage/version.h"

namespace triage::cli {

VerbRun DefineCheck(Options& options);
VerbRun DefineRoute(Options& options);
VerbRun DefineTest(Options& options);
VerbRun DefineGraph(Options& options);
VerbRun DefineAudit(Options& options);
VerbRun DefineLog(Options& options);
VerbRun DefineMonitor(Options& options);
VerbRun DefineInterview(Options& options);
VerbRun DefineSchema(Options& options);
VerbRun DefineFmt(Options& options);

namespace {

// In the order `triage --help` lists them.
const std::vector<Verb> kVerbs = {
    {"check",
     "Parse, type-check and compile rule files (or check test files); report every problem, and "
     "gaps, overlaps, dead rules and unreachable routes with an example case; prove guarantees",
     DefineCheck},
    {"route", "Route cases with a rule set: one decision record per case", DefineRoute},
    {"interview",
     "Ask only the questions that can still change the route, one at a time, most deciding "
     "first; stop once the route is decided and show the decision",
     DefineInterview},
    {"test", "Run a rule set's own test cases (X.test.yaml beside X.yaml)", DefineTest},
    {"graph", "The compiled decision graph as DOT, SVG (via Graphviz) or JSON", DefineGraph},
    {"audit",
     "Dry run: replay a corpus against a candidate rule file and compare with another version "
     "(--baseline) or the route recorded in each case (--recorded); writes nothing but its "
     "report",
     DefineAudit},
    {"log",
     "The decision register: verify its hash chain, show one case's history, export its entries",
     DefineLog},
    {"monitor",
     "Counts and trends per period from the decision register, small counts suppressed, nobody "
     "named",
     DefineMonitor},
    {"fmt",
     "Rewrite rule files in place in one canonical layout, comments kept (--check only says "
     "which are not)",
     DefineFmt},
    {"schema",
     "The JSON Schema (draft 2020-12) of the rule-file format, for editors: completion, help and "
     "red underlines while a rule file is written",
     DefineSchema},
};

const char* const kAbout =
    "triage: route cases of intimidation through legal means in the lokale driehoek, with rule "
    "sets you can check";

}  // namespace

CommandDoc DescribeCommand() {
  return CommandDoc{"triage",
                    kAbout,
                    std::string(kVersion),
                    kRuleLanguageVersion,
                    std::string(kVersionDate),
                    DescribeVerbs(kVerbs)};
}

std::string VersionText(const CommandDoc& command) {
  return fmt::format("{} {} (rule language version {})", command.name, command.version,
                     command.rule_language);
}

int Run(const std::vector<std::string>& args, Io& io) {
  CommandDoc command{"triage", kAbout, std::string(kVersion), kRuleLanguageVersion, "", {}};
  int status = Dispatch(kAbout, VersionText(command), kVerbs, args, io);
  // Whatever the verb wrote to standard output must have reached it: a full
  // disk or a closed pipe is a job not done, not a success.
  io.out.flush();
  if (!io.out && status != kExitInterrupted && status != kExitCannot) {
    io.Say("cannot write the output (standard output): the disk may be full or the reader gone");
    return kExitCannot;
  }
  return status;
}

}  // namespace triage::cli
