// How a verb declares its command line: positionals, options and flags,
// each bound to a field of the verb's own arguments. A thin layer over
// CLI11, so that CLI11 stays in one file (options.cc) and the verbs read as
// a list of what they accept.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/manual.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace triage::cli {

struct Io;
struct Verb;

/// One declared option; its setters return it, so they chain. Each setter
/// tells CLI11 (for parsing and --help) and the verb's VerbDoc (for the man
/// page, docs/cli.md and the completion) the same thing.
class Option {
 public:
  Option(CLI::Option* option, VerbDoc& verb, std::size_t index)
      : option_(option), verb_(&verb), index_(index) {}
  Option& Required();
  /// The value must be one of `names` (shown in --help as {a,b,c}).
  Option& OneOf(const std::vector<std::string>& names);
  /// The default shown in --help (the field holds it already).
  Option& ShowDefault(const std::string& text);
  /// An integer from `lo` to `hi`.
  Option& Range(int lo, int hi);
  /// The value is a file's path (FILE), or a rule file's (RULES).
  Option& File();
  Option& RuleFile();

 private:
  OptionDoc& doc() { return verb_->options[index_]; }

  CLI::Option* option_;
  VerbDoc* verb_;
  std::size_t index_;
};

/// The command line of one verb, declared to CLI11 and described in `verb`.
class Options {
 public:
  Options(CLI::App* app, VerbDoc& verb) : app_(app), verb_(&verb) {}

  Option Positional(const std::string& name, std::string& into, const std::string& help);
  Option Positional(const std::string& name, std::vector<std::string>& into,
                    const std::string& help);
  /// `names` as CLI11 takes them: "--format" or "-o,--output".
  Option Value(const std::string& names, std::string& into, const std::string& help);
  Option Value(const std::string& names, int& into, const std::string& help);
  Option Value(const std::string& names, double& into, const std::string& help);
  void Flag(const std::string& names, bool& into, const std::string& help);
  /// What --help says after the options: paragraphs of notes (optional),
  /// example command lines, and what each exit status means.
  void Notes(const std::string& text);
  void Examples(const std::vector<std::string>& lines);
  void ExitStatus(const std::string& text);

 private:
  Option Add(CLI::Option* option, const std::string& help, std::string value, bool positional);
  void UpdateFooter();

  CLI::App* app_;
  VerbDoc* verb_;
};

/// The command line of the whole program: `about` and `version` for
/// --help and --version, a subcommand per verb. Parses `args` (args[0] the
/// program name), runs the verb named and returns its exit status; usage
/// errors say what is wrong and return kExitCannot, --help returns kExitOk.
int Dispatch(const std::string& about, const std::string& version, const std::vector<Verb>& verbs,
             const std::vector<std::string>& args, Io& io);

/// Each verb as its declarations describe it (nothing is run).
std::vector<VerbDoc> DescribeVerbs(const std::vector<Verb>& verbs);

}  // namespace triage::cli
