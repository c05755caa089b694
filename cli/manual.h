// What the command line says of itself: every verb, its options and
// positionals, its notes, examples and exit statuses, as the verbs declare
// them (options.cc fills it while it declares them to CLI11). `--help`, the
// man pages, docs/cli.md and the bash completion are all written from it,
// so they never disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace triage::cli {

/// What a value names, for the completion of a shell: a file, a rule file
/// (*.yaml), or anything.
enum class PathKind { kNone, kFile, kRuleFile };

struct OptionDoc {
  std::vector<std::string> names;  ///< "-o", "--output"; or one positional's name, "RULES"
  std::string help;
  std::string value;  ///< what follows the option: "FILE", "TEXT", "INT"; "" for a flag
  std::vector<std::string> choices;  ///< the only values taken, if any
  std::string default_text;          ///< as --help shows it, if any
  std::string range;                 ///< "0 to 256", if bounded
  bool positional = false;
  bool required = false;
  bool many = false;  ///< takes several values (CASES...)
  PathKind path = PathKind::kNone;
};

struct VerbDoc {
  std::string name;
  std::string summary;
  std::string notes;  ///< paragraphs after the options, before the examples
  std::vector<std::string> examples;
  std::string exit_status;
  std::vector<OptionDoc> options;  ///< in the order declared, positionals among them
};

struct CommandDoc {
  std::string name;  ///< "triage"
  std::string about;
  std::string version;    ///< "0.1.0"
  int rule_language = 0;  ///< the version of the rule language it reads
  std::string date;       ///< of this version, YYYY-MM-DD (man pages' dates)
  std::vector<VerbDoc> verbs;
};

/// The whole command, from the table of verbs (verbs.cc).
CommandDoc DescribeCommand();

/// What `triage --version` says: "triage 0.1.0 (rule language version 1)".
std::string VersionText(const CommandDoc& command);

/// The help footer of a verb: its notes, examples and exit statuses.
std::string FooterText(const VerbDoc& verb);

/// A man page (roff, man(7) macros): triage(1) when `verb` is null, else
/// triage-VERB(1).
std::string ManPage(const CommandDoc& command, const VerbDoc* verb);

/// The command-line reference in Markdown (docs/cli.md).
std::string MarkdownReference(const CommandDoc& command);

/// A bash completion script: verbs, each verb's options, the choices of an
/// option that has them, files, and rule files (*.yaml, *.yml) where a rule
/// file is asked for.
std::string BashCompletion(const CommandDoc& command);

}  // namespace triage::cli
