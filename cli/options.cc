#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/verb.h"

namespace triage::cli {

namespace {

std::vector<std::string> SplitNames(const std::string& names) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= names.size()) {
    std::size_t comma = names.find(',', begin);
    if (comma == std::string::npos) comma = names.size();
    if (comma > begin) out.push_back(names.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return out;
}

}  // namespace

Option& Option::Required() {
  option_->required();
  doc().required = true;
  return *this;
}

Option& Option::OneOf(const std::vector<std::string>& names) {
  option_->check(CLI::IsMember(names));
  doc().choices = names;
  return *this;
}

Option& Option::ShowDefault(const std::string& text) {
  option_->default_str(text);
  doc().default_text = text;
  return *this;
}

Option& Option::Range(int lo, int hi) {
  option_->check(CLI::Range(lo, hi));
  doc().range = fmt::format("{} to {}", lo, hi);
  return *this;
}

Option& Option::File() {
  option_->type_name("FILE");
  doc().value = "FILE";
  doc().path = PathKind::kFile;
  return *this;
}

Option& Option::RuleFile() {
  // A positional is named already (RULES): its value is a file.
  option_->type_name(doc().positional ? "FILE" : "RULES");
  doc().value = doc().positional ? "FILE" : "RULES";
  doc().path = PathKind::kRuleFile;
  return *this;
}

Option Options::Add(CLI::Option* option, const std::string& help, std::string value,
                    bool positional) {
  OptionDoc doc;
  doc.names = positional ? std::vector<std::string>{option->get_name()}
                         : SplitNames(option->get_name(false, true));
  doc.help = help;
  doc.value = std::move(value);
  doc.positional = positional;
  doc.many = option->get_items_expected_max() > 1;
  verb_->options.push_back(std::move(doc));
  return Option(option, *verb_, verb_->options.size() - 1);
}

Option Options::Positional(const std::string& name, std::string& into, const std::string& help) {
  return Add(app_->add_option(name, into, help), help, "TEXT", true);
}

Option Options::Positional(const std::string& name, std::vector<std::string>& into,
                           const std::string& help) {
  return Add(app_->add_option(name, into, help), help, "TEXT", true);
}

Option Options::Value(const std::string& names, std::string& into, const std::string& help) {
  return Add(app_->add_option(names, into, help), help, "TEXT", false);
}

Option Options::Value(const std::string& names, int& into, const std::string& help) {
  return Add(app_->add_option(names, into, help), help, "INT", false);
}

Option Options::Value(const std::string& names, double& into, const std::string& help) {
  return Add(app_->add_option(names, into, help), help, "NUMBER", false);
}

void Options::Flag(const std::string& names, bool& into, const std::string& help) {
  Add(app_->add_flag(names, into, help), help, "", false);
}

void Options::Notes(const std::string& text) {
  verb_->notes = text;
  UpdateFooter();
}

void Options::Examples(const std::vector<std::string>& lines) {
  verb_->examples = lines;
  UpdateFooter();
}

void Options::ExitStatus(const std::string& text) {
  verb_->exit_status = text;
  UpdateFooter();
}

void Options::UpdateFooter() { app_->footer(FooterText(*verb_)); }

std::string FooterText(const VerbDoc& verb) {
  std::vector<std::string> parts;
  if (!verb.notes.empty()) parts.push_back(verb.notes);
  if (!verb.examples.empty()) {
    std::string examples = verb.examples.size() == 1 ? "Example:" : "Examples:";
    for (const std::string& line : verb.examples) examples += "\n  " + line;
    parts.push_back(examples);
  }
  if (!verb.exit_status.empty()) parts.push_back("Exit status: " + verb.exit_status);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "\n\n") + part;
  return out;
}

int Dispatch(const std::string& about, const std::string& version, const std::vector<Verb>& verbs,
             const std::vector<std::string>& args, Io& io) {
  CLI::App app{about};
  app.require_subcommand(1);
  app.set_version_flag("--version", version);
  std::vector<std::pair<CLI::App*, VerbRun>> runs;
  std::vector<VerbDoc> docs(verbs.size());
  for (std::size_t i = 0; i < verbs.size(); ++i) {
    CLI::App* command = app.add_subcommand(verbs[i].name, verbs[i].summary);
    Options options(command, docs[i]);
    runs.emplace_back(command, verbs[i].define(options));
  }
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, io.out, io.err);
    return code == 0 ? kExitOk : kExitCannot;
  }
  for (auto& [command, run] : runs) {
    if (command->parsed()) return run(io);
  }
  return kExitCannot;
}

std::vector<VerbDoc> DescribeVerbs(const std::vector<Verb>& verbs) {
  CLI::App app;
  std::vector<VerbDoc> docs(verbs.size());
  for (std::size_t i = 0; i < verbs.size(); ++i) {
    docs[i].name = verbs[i].name;
    docs[i].summary = verbs[i].summary;
    Options options(app.add_subcommand(verbs[i].name, verbs[i].summary), docs[i]);
    verbs[i].define(options);
  }
  return docs;
}

}  // namespace triage::cli
