#include "cli/options.h"

#include <CLI/CLI.hpp>

#include "cli/verb.h"

namespace triage::cli {

Option& Option::Required() {
  option_->required();
  return *this;
}

Option& Option::OneOf(const std::vector<std::string>& names) {
  option_->check(CLI::IsMember(names));
  return *this;
}

Option& Option::ShowDefault(const std::string& text) {
  option_->default_str(text);
  return *this;
}

Option& Option::Range(int lo, int hi) {
  option_->check(CLI::Range(lo, hi));
  return *this;
}

Option Options::Positional(const std::string& name, std::string& into, const std::string& help) {
  return Option(app_->add_option(name, into, help));
}

Option Options::Positional(const std::string& name, std::vector<std::string>& into,
                           const std::string& help) {
  return Option(app_->add_option(name, into, help));
}

Option Options::Value(const std::string& names, std::string& into, const std::string& help) {
  return Option(app_->add_option(names, into, help));
}

Option Options::Value(const std::string& names, int& into, const std::string& help) {
  return Option(app_->add_option(names, into, help));
}

Option Options::Value(const std::string& names, double& into, const std::string& help) {
  return Option(app_->add_option(names, into, help));
}

void Options::Flag(const std::string& names, bool& into, const std::string& help) {
  app_->add_flag(names, into, help);
}

void Options::Footer(const std::string& text) { app_->footer(text); }

int Dispatch(const std::string& about, const std::string& version, const std::vector<Verb>& verbs,
             const std::vector<std::string>& args, Io& io) {
  CLI::App app{about};
  app.require_subcommand(1);
  app.set_version_flag("--version", version);
  std::vector<std::pair<CLI::App*, VerbRun>> runs;
  for (const Verb& verb : verbs) {
    CLI::App* command = app.add_subcommand(verb.name, verb.summary);
    Options options(command);
    runs.emplace_back(command, verb.define(options));
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

}  // namespace triage::cli
