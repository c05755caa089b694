#include "cli/options.h"

#include <CLI/CLI.hpp>

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

}  // namespace triage::cli
