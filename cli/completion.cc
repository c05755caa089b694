// The bash completion script, written from the verbs' declarations
// (manual.h): verbs, each verb's options, the choices of an option or a
// positional that has them, files, and rule files where one is asked for.
#include <fmt/format.h>

#include "cli/manual.h"

namespace triage::cli {
namespace {

std::string Words(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// How bash offers a value of this kind: one of its choices, a file, a rule
// file (or a folder on the way to one), or nothing it could guess.
std::string Offer(const OptionDoc& option) {
  if (!option.choices.empty()) return fmt::format("_triage_words '{}'", Words(option.choices));
  switch (option.path) {
    case PathKind::kRuleFile:
      return "_triage_rule_files";
    case PathKind::kFile:
      return "_triage_files";
    case PathKind::kNone:
      break;
  }
  return "return 0";
}

// The completion of one verb: the value of the option before the cursor,
// else an option, else the positional at the cursor's place.
std::string VerbCase(const VerbDoc& verb) {
  std::vector<std::string> options = {"--help"};
  std::vector<std::string> with_value;
  std::string values;
  std::vector<const OptionDoc*> positionals;
  for (const OptionDoc& option : verb.options) {
    if (option.positional) {
      positionals.push_back(&option);
      continue;
    }
    for (const std::string& name : option.names) options.push_back(name);
    if (option.value.empty()) continue;
    std::string names;
    for (const std::string& name : option.names) {
      with_value.push_back(name);
      names += (names.empty() ? "" : "|") + name;
    }
    values += fmt::format("        {}) {}; return 0 ;;\n", names, Offer(option));
  }
  std::string places;
  for (std::size_t i = 0; i < positionals.size(); ++i) {
    bool last = i + 1 == positionals.size();
    places +=
        fmt::format("        {}) {} ;;\n", last && positionals[i]->many ? "*" : std::to_string(i),
                    Offer(*positionals[i]));
  }
  return fmt::format(
      "    {0})\n"
      "      case $prev in\n{1}"
      "      esac\n"
      "      if [[ $cur == -* ]]; then _triage_words '{2}'; return 0; fi\n"
      "      case $(_triage_place '{3}') in\n{4}"
      "      esac\n"
      "      ;;\n",
      verb.name, values, Words(options), Words(with_value), places);
}

}  // namespace

std::string BashCompletion(const CommandDoc& command) {
  std::vector<std::string> verbs;
  for (const VerbDoc& verb : command.verbs) verbs.push_back(verb.name);
  std::string cases;
  for (const VerbDoc& verb : command.verbs) cases += VerbCase(verb);
  return fmt::format(
      "# bash completion for {0}: verbs, options, their choices, files and rule files.\n"
      "# Written by triage-docs from the verbs' declarations (the same as --help); edit those.\n"
      "\n"
      "_triage_words() {{\n"
      "  COMPREPLY=($(compgen -W \"$1\" -- \"$cur\"))\n"
      "}}\n"
      "\n"
      "_triage_files() {{\n"
      "  local IFS=$'\\n'\n"
      "  compopt -o filenames 2>/dev/null || true\n"
      "  COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "}}\n"
      "\n"
      "# Rule files are YAML: *.yaml and *.yml, and the folders that may hold them.\n"
      "_triage_rule_files() {{\n"
      "  local IFS=$'\\n'\n"
      "  compopt -o filenames 2>/dev/null || true\n"
      "  COMPREPLY=($(compgen -d -- \"$cur\"; compgen -f -X '!*.yaml' -- \"$cur\";\n"
      "               compgen -f -X '!*.yml' -- \"$cur\"))\n"
      "}}\n"
      "\n"
      "# Which positional the cursor is on: the words after the verb that are not\n"
      "# options, nor the values of the options ($1) that take one.\n"
      "_triage_place() {{\n"
      "  local i word n=0 skip=0\n"
      "  for ((i = verb_at + 1; i < COMP_CWORD; i++)); do\n"
      "    word=${{COMP_WORDS[i]}}\n"
      "    if ((skip)); then skip=0; continue; fi\n"
      "    case $word in\n"
      "      --*=*) ;;\n"
      "      -*) if [[ \" $1 \" == *\" $word \"* ]]; then skip=1; fi ;;\n"
      "      *) n=$((n + 1)) ;;\n"
      "    esac\n"
      "  done\n"
      "  echo $n\n"
      "}}\n"
      "\n"
      "_{0}() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  local verb='' verb_at=0 i\n"
      "  COMPREPLY=()\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${{COMP_WORDS[i]}} in\n"
      "      -*) ;;\n"
      "      *) verb=${{COMP_WORDS[i]}}; verb_at=$i; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $verb in\n"
      "    '') _triage_words '{1} --help --version' ;;\n"
      "{2}"
      "  esac\n"
      "  return 0\n"
      "}}\n"
      "\n"
      "complete -F _{0} {0}\n",
      command.name, Words(verbs), cases);
}

}  // namespace triage::cli
