// `triage fmt [--check] FILE...`: rule files (and test files) rewritten in
// place in one canonical layout, comments kept; `-` reads stdin and writes
// stdout; --check only says which files are not laid out so.
#include "cli/verb.h"

#include <fmt/format.h>

#include "triage/limits.h"
#include "triage/load.h"

namespace triage::cli {
namespace {

struct FmtArgs {
  std::vector<std::string> files;
  bool check = false;
};

int RunFmt(const FmtArgs& args, Io& io) {
  int status = kExitOk;
  for (const std::string& path : args.files) {
    std::string error;
    std::optional<std::string> bytes = ReadInput(path, io, error, kMaxRuleFileBytes);
    if (!bytes) {
      io.Say(error);
      return kExitCannot;
    }
    std::string shown = path == "-" ? "<stdin>" : path;
    Diagnostics diags;
    std::optional<std::string> formatted = FormatYamlFile(*bytes, diags);
    if (!formatted) {
      diags.SortByPosition();
      for (const Diagnostic& d : diags.items()) io.err << RenderDiagnostic(d, shown, *bytes);
      io.Say(fmt::format("{}: not laid out: fix the problems above first", shown));
      return kExitCannot;
    }
    if (args.check) {
      if (*formatted != *bytes) {
        io.out << fmt::format("{}: not in the canonical layout (triage fmt {} rewrites it)\n",
                              shown, path);
        status = kExitFound;
      }
      continue;
    }
    if (path == "-") {
      io.out << *formatted;
    } else if (*formatted != *bytes && !WriteWhole(path, *formatted, io)) {
      return kExitCannot;
    }
  }
  return status;
}

}  // namespace

VerbRun DefineFmt(Options& options) {
  auto args = std::make_shared<FmtArgs>();
  options.Positional("FILES", args->files, "Rule files or test files, or - for stdin to stdout")
      .Required()
      .RuleFile();
  options.Flag("--check", args->check,
               "Change nothing: say which files are not in the canonical layout (exit 1)");
  options.Notes(
      "The canonical layout: keys in the order of the reference, two spaces a level, texts by "
      "language a line each, lists of values and short maps (routes, a test's facts and "
      "expectation) on one line, long texts folded, a blank line between sections and rules. "
      "Comments stay with what they stand before or after. What the file says does not change.");
  options.Examples({"triage fmt rules/lokale-driehoek.yaml", "triage fmt --check rules/*.yaml"});
  options.ExitStatus(
      "0 done (or, with --check, every file in the layout), 1 with --check a file is not, 2 a "
      "file could not be read, laid out (a YAML error) or written.");
  return [args](Io& io) { return RunFmt(*args, io); };
}

}  // namespace triage::cli
