// How a verb declares its command line: positionals, options and flags,
// each bound to a field of the verb's own arguments. A thin layer over
// CLI11, so that CLI11 stays in one file (options.cc) and the verbs read as
// a list of what they accept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace triage::cli {

struct Io;
struct Verb;

/// One declared option; its setters return it, so they chain.
class Option {
 public:
  explicit Option(CLI::Option* option) : option_(option) {}
  Option& Required();
  /// The value must be one of `names` (shown in --help as {a,b,c}).
  Option& OneOf(const std::vector<std::string>& names);
  /// The default shown in --help (the field holds it already).
  Option& ShowDefault(const std::string& text);
  /// An integer from `lo` to `hi`.
  Option& Range(int lo, int hi);

 private:
  CLI::Option* option_;
};

/// The command line of one verb.
class Options {
 public:
  explicit Options(CLI::App* app) : app_(app) {}

  Option Positional(const std::string& name, std::string& into, const std::string& help);
  Option Positional(const std::string& name, std::vector<std::string>& into,
                    const std::string& help);
  /// `names` as CLI11 takes them: "--format" or "-o,--output".
  Option Value(const std::string& names, std::string& into, const std::string& help);
  Option Value(const std::string& names, int& into, const std::string& help);
  Option Value(const std::string& names, double& into, const std::string& help);
  void Flag(const std::string& names, bool& into, const std::string& help);
  /// Text after the options in --help: an example and the exit statuses.
  void Footer(const std::string& text);

 private:
  CLI::App* app_;
};

/// The command line of the whole program: `about` and `version` for
/// --help and --version, a subcommand per verb. Parses `args` (args[0] the
/// program name), runs the verb named and returns its exit status; usage
/// errors say what is wrong and return kExitCannot, --help returns kExitOk.
int Dispatch(const std::string& about, const std::string& version, const std::vector<Verb>& verbs,
             const std::vector<std::string>& args, Io& io);

}  // namespace triage::cli
