// The table of verbs, and the dispatch over it. Adding a verb is a file of
// its own (its options and how it runs) and one row here.
#include "cli/verb.h"

#include <CLI/CLI.hpp>

namespace triage::cli {

VerbRun DefineCheck(Options& options);
VerbRun DefineRoute(Options& options);
VerbRun DefineTest(Options& options);
VerbRun DefineGraph(Options& options);
VerbRun DefineAudit(Options& options);

namespace {

// In the order `triage --help` lists them.
const Verb kVerbs[] = {
    {"check",
     "Parse, type-check and compile rule files (or check test files); report every problem, and "
     "gaps, overlaps, dead rules and unreachable routes with an example case; prove guarantees",
     DefineCheck},
    {"route", "Route cases with a rule set: one decision record per case", DefineRoute},
    {"test", "Run a rule set's own test cases (X.test.yaml beside X.yaml)", DefineTest},
    {"graph", "The compiled decision graph as DOT, SVG (via Graphviz) or JSON", DefineGraph},
    {"audit",
     "Dry run: replay a corpus against a candidate rule file and compare with another version "
     "(--baseline) or the route recorded in each case (--recorded); writes nothing but its "
     "report",
     DefineAudit},
};

}  // namespace

int Run(const std::vector<std::string>& args, Io& io) {
  CLI::App app{
      "triage: route cases of intimidation through legal means in the lokale "
      "driehoek, with rule sets you can check"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "triage 0.1.0");
  std::vector<std::pair<CLI::App*, VerbRun>> verbs;
  for (const Verb& verb : kVerbs) {
    CLI::App* command = app.add_subcommand(verb.name, verb.summary);
    Options options(command);
    verbs.emplace_back(command, verb.define(options));
  }
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, io.out, io.err);
    return code == 0 ? kExitOk : kExitCannot;
  }
  for (auto& [command, run] : verbs) {
    if (command->parsed()) return run(io);
  }
  return kExitCannot;
}

}  // namespace triage::cli
