// The man pages and docs/cli.md, written from the verbs' own declarations
// (manual.h): the same words as --help, laid out for man(7) and Markdown.
#include "cli/manual.h"

#include <span>

#include <fmt/format.h>

namespace triage::cli {
namespace {

// What holds for every verb: the exit statuses (shared/spec/cli.md) and the
// environment the command reads.
struct Row {
  const char* term;
  const char* text;
};

const Row kExitStatuses[] = {
    {"0", "Done; nothing wrong found."},
    {"1",
     "Done, and it found something: a rule file with errors, a failed test or guarantee, an "
     "invalid or unrouted case, an audit change with --fail-on-change."},
    {"2",
     "Could not do the job: bad usage, a missing or unreadable file, a rule file with errors "
     "given to a verb other than check, unwritable output, a register that cannot be opened or "
     "written."},
    {"130", "Interrupted (Ctrl-C); nothing half-written is left behind."},
};

const Row kEnvironment[] = {
    {"TRIAGE_REGISTER",
     "The decision register when --register is not given: a file (or sqlite:PATH) or "
     "postgresql://... (default ./triage-register.db)."},
    {"TRIAGE_PSEUDONYM_KEY_FILE",
     "The key file for the keyed pseudonyms (HMAC-SHA-256) that stand for personal facts in "
     "the register; the key is never stored in the register."},
    {"NO_COLOR", "When set, no colour, also on a terminal."},
};

const char* const kDescription =
    "Policy staff write a rule set in YAML; triage compiles it into a decision graph and routes "
    "each case of intimidation of local office holders and civil servants through legal means "
    "to one of four destinations: de-escalation, the Ondersteuningsteam Weerbaar Bestuur (OWB), "
    "the RIEC/LIEC legal support desk, or the prosecution service (OM). It checks a rule set "
    "over every possible case, decides a case with unknown facts only when no answer could "
    "change its route, and keeps personal facts out of every output.";

const char* const kFiles =
    "The shipped rule set and its tests are in share/triage/rules under the installation "
    "prefix (/usr/share/triage/rules from the Debian package), the rule-file schema in "
    "share/triage/schema; the reference in share/doc/triage: rule-language.md (how to write a "
    "rule file), diagnostics.md (every message of triage check), cases.md, records.md, cli.md, "
    "and the guides to the interview, the register and monitoring.";

bool TakesRegister(const VerbDoc& verb) {
  for (const OptionDoc& option : verb.options) {
    for (const std::string& name : option.names) {
      if (name == "--register") return true;
    }
  }
  return false;
}

// ---- roff ------------------------------------------------------------------

// Text for roff: a backslash and a hyphen written as roff wants them (a
// hyphen as \- so that options and file names copy as typed), and a line
// never beginning with a control character.
std::string Roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string RoffUpper(std::string_view text) {
  std::string upper;
  for (char c : text) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return Roff(upper);
}

// `text` as a sentence: with a full stop at its end.
std::string Sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

// What follows an option's help: its choices, its range and its default.
std::string Qualifiers(const OptionDoc& option) {
  std::string out;
  if (!option.choices.empty()) {
    std::string list;
    for (const std::string& choice : option.choices) list += (list.empty() ? "" : ", ") + choice;
    out += fmt::format(" One of: {}.", list);
  }
  if (!option.range.empty()) out += fmt::format(" From {}.", option.range);
  if (!option.default_text.empty()) out += fmt::format(" Default: {}.", option.default_text);
  if (option.required) out += " Required.";
  return out;
}

std::string Usage(const VerbDoc& verb, bool markup) {
  auto italic = [&](const std::string& text) {
    return markup ? "\\fI" + Roff(text) + "\\fR" : text;
  };
  std::string out = "[" + italic("OPTIONS") + "]";
  for (const OptionDoc& option : verb.options) {
    if (!option.positional) continue;
    std::string word = italic(option.names.front()) + (option.many ? "..." : "");
    out += " " + (option.required ? word : "[" + word + "]");
  }
  return out;
}

std::string RoffOption(const OptionDoc& option) {
  std::string term;
  if (option.positional) {
    term = "\\fI" + Roff(option.names.front()) + "\\fR" + (option.many ? "..." : "");
  } else {
    for (const std::string& name : option.names) {
      term += (term.empty() ? "" : ", ") + ("\\fB" + Roff(name) + "\\fR");
    }
    if (!option.value.empty()) term += " \\fI" + Roff(option.value) + "\\fR";
  }
  return ".TP\n" + term + "\n" + Roff(Sentence(option.help) + Qualifiers(option)) + "\n";
}

std::string RoffRows(const char* heading, std::span<const Row> rows, bool bold) {
  std::string out = fmt::format(".SH {}\n", heading);
  for (const Row& row : rows) {
    out +=
        fmt::format(".TP\n{}{}\\fR\n{}\n", bold ? "\\fB" : "\\fI", Roff(row.term), Roff(row.text));
  }
  return out;
}

std::string RoffHeader(const CommandDoc& command, std::string_view name, std::string_view what) {
  return fmt::format(
      ".\\\" Written by triage-docs from the verbs' declarations; edit those, not this.\n"
      ".TH {} 1 {} \"{}\" \"triage manual\"\n.SH NAME\n{} \\- {}\n",
      RoffUpper(name), command.date, Roff(command.name + " " + command.version), Roff(name),
      Roff(what));
}

std::string VerbPage(const CommandDoc& command, const VerbDoc& verb) {
  std::string out = RoffHeader(command, command.name + "-" + verb.name, verb.summary);
  out += fmt::format(".SH SYNOPSIS\n.B {} {}\n{}\n", Roff(command.name), Roff(verb.name),
                     Usage(verb, true));
  out += ".SH DESCRIPTION\n" + Roff(verb.summary) + ".\n";
  if (!verb.notes.empty()) out += ".PP\n" + Roff(verb.notes) + "\n";
  out += ".SH OPTIONS\n";
  for (const OptionDoc& option : verb.options) out += RoffOption(option);
  out += ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint the help and exit.\n";
  if (!verb.exit_status.empty()) out += ".SH EXIT STATUS\n" + Roff(verb.exit_status) + "\n";
  if (!verb.examples.empty()) {
    out += ".SH EXAMPLES\n";
    for (const std::string& line : verb.examples) out += ".PP\n.nf\n" + Roff(line) + "\n.fi\n";
  }
  if (TakesRegister(verb)) out += RoffRows("ENVIRONMENT", kEnvironment, true);
  out += fmt::format(".SH SEE ALSO\n\\fB{}\\fR(1)\n", Roff(command.name));
  return out;
}

std::string CommandPage(const CommandDoc& command) {
  std::string out =
      RoffHeader(command, command.name, command.about.substr(command.name.size() + 2));
  out += fmt::format(
      ".SH SYNOPSIS\n.B {0}\n\\fIVERB\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n.br\n"
      ".B {0}\n\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n",
      Roff(command.name));
  out += ".SH DESCRIPTION\n" + Roff(kDescription) + "\n.PP\n" +
         Roff("Each verb has a page of its own, and --help.") + "\n.SH VERBS\n";
  for (const VerbDoc& verb : command.verbs) {
    out += fmt::format(".TP\n\\fB{} {}\\fR {}\n{}.\n", Roff(command.name), Roff(verb.name),
                       Usage(verb, true), Roff(verb.summary));
  }
  out +=
      ".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint the help and exit.\n"
      ".TP\n\\fB\\-\\-version\\fR\nPrint the version of triage and of the rule language it "
      "reads, and exit.\n";
  out += RoffRows("EXIT STATUS", kExitStatuses, true);
  out += RoffRows("ENVIRONMENT", kEnvironment, true);
  out += ".SH FILES\n" + Roff(kFiles) + "\n.SH SEE ALSO\n";
  for (std::size_t i = 0; i < command.verbs.size(); ++i) {
    out += fmt::format("\\fB{}\\-{}\\fR(1){}\n", Roff(command.name), Roff(command.verbs[i].name),
                       i + 1 < command.verbs.size() ? "," : "");
  }
  return out;
}

// ---- Markdown --------------------------------------------------------------

// Text for a table cell: a `|` would end the cell.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string MarkdownOption(const OptionDoc& option) {
  std::string term;
  if (option.positional) {
    term = "`" + option.names.front() + (option.many ? "..." : "") + "`";
  } else {
    for (const std::string& name : option.names) {
      term += (term.empty() ? "`" : ", `") + name +
              (option.value.empty() || &name != &option.names.back() ? "" : " " + option.value) +
              "`";
    }
  }
  return fmt::format("| {} | {}.{} |\n", Cell(term), Cell(option.help), Cell(Qualifiers(option)));
}

std::string MarkdownVerb(const CommandDoc& command, const VerbDoc& verb) {
  std::string out =
      fmt::format("## `{} {}`\n\n{}.\n\n```\n{} {} {}\n```\n\n", command.name, verb.name,
                  verb.summary, command.name, verb.name, Usage(verb, false));
  out += "| argument or option | what it is |\n|---|---|\n";
  for (const OptionDoc& option : verb.options) out += MarkdownOption(option);
  out += "| `-h`, `--help` | Print the help and exit. |\n\n";
  if (!verb.notes.empty()) out += verb.notes + "\n\n";
  if (!verb.examples.empty()) {
    out += verb.examples.size() == 1 ? "Example:\n\n```sh\n" : "Examples:\n\n```sh\n";
    for (const std::string& line : verb.examples) out += line + "\n";
    out += "```\n\n";
  }
  if (!verb.exit_status.empty()) out += "Exit status: " + verb.exit_status + "\n\n";
  return out;
}

std::string MarkdownRows(std::span<const Row> rows, const char* left, bool code) {
  std::string out = fmt::format("| {} | meaning |\n|---|---|\n", left);
  for (const Row& row : rows) {
    out += fmt::format("| {}{}{} | {} |\n", code ? "`" : "", row.term, code ? "`" : "",
                       Cell(row.text));
  }
  return out + "\n";
}

}  // namespace

std::string ManPage(const CommandDoc& command, const VerbDoc* verb) {
  return verb == nullptr ? CommandPage(command) : VerbPage(command, *verb);
}

std::string MarkdownReference(const CommandDoc& command) {
  std::string out = fmt::format(
      "# The `{0}` command line\n\n"
      "<!-- Written by `triage-docs markdown` from the verbs' own declarations, the same that "
      "give --help and the man pages; a test keeps this file equal to what it writes. To change "
      "it, change the verb in cli/ and run `build/cli/triage-docs markdown docs/cli.md`. -->\n\n"
      "{1}. This page is for {2}.\n\n{3}\n\n"
      "Every verb prints its help with `--help`; with the Debian package, `man {0}` and `man "
      "{0}-VERB` show the same as this page.\n\n"
      "| verb | what it does |\n|---|---|\n",
      command.name, command.about, VersionText(command), kDescription);
  for (const VerbDoc& verb : command.verbs) {
    out += fmt::format("| [`{} {}`](#{}-{}) | {}. |\n", command.name, verb.name, command.name,
                       verb.name, Cell(verb.summary));
  }
  out +=
      "\n## Exit status\n\nWhat each verb's exit status means in general; each verb below "
      "says what it means for that verb.\n\n" +
      MarkdownRows(kExitStatuses, "status", false);
  out += "## Environment\n\n" + MarkdownRows(kEnvironment, "variable", true);
  out += "## Files\n\n" + std::string(kFiles) + "\n\n";
  for (const VerbDoc& verb : command.verbs) out += MarkdownVerb(command, verb);
  out.pop_back();  // one newline at the end, not two
  return out;
}

}  // namespace triage::cli
