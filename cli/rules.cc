#include "cli/rules.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "triage/limits.h"
#include "triage/words.h"

namespace triage::cli {
namespace {

std::string Paint(std::string_view text, const char* code) {
  return fmt::format("\033[{}m{}\033[0m", code, text);
}

}  // namespace

void PrintDiagnostics(const CompiledRules& c, Io& io) {
  for (const Diagnostic& d : c.diags.items()) {
    std::string text = RenderDiagnostic(d, c.file, c.source);
    if (io.color) {
      std::string tag = d.severity == Severity::kError ? ": error: " : ": warning: ";
      auto at = text.find(tag);
      if (at != std::string::npos) {
        const char* code = d.severity == Severity::kError ? "1;31" : "1;35";
        text.replace(at + 2, tag.size() - 4, Paint(tag.substr(2, tag.size() - 4), code));
      }
    }
    io.err << text;
  }
}

std::optional<CompiledRules> LoadRules(const std::string& path, Io& io, std::string& error) {
  std::optional<std::string> bytes = ReadInput(path, io, error, kMaxRuleFileBytes);
  if (!bytes) return std::nullopt;
  return CompileRules(path, std::move(*bytes));
}

std::optional<CompiledRules> LoadUsableRules(const std::string& path, Io& io) {
  std::string error;
  std::optional<CompiledRules> c = LoadRules(path, io, error);
  if (!c) {
    io.Say(error);
    return std::nullopt;
  }
  if (!c->Usable()) {
    PrintDiagnostics(*c, io);
    io.Say(fmt::format("'{}' has errors; fix them first (see 'triage check {}')", path, path));
    return std::nullopt;
  }
  for (const Diagnostic& d : c->diags.items()) {
    if (d.code != "E044") continue;
    io.err << fmt::format(
        "{}: warning: the rule set is too large for the analyses to finish: gaps, overlaps and "
        "guarantees are not proven (it routes as its rules say; see 'triage check')\n",
        path);
    break;
  }
  return c;
}

std::optional<std::string> ChooseLanguage(const RuleSet& rs, const std::string& asked, Io& io) {
  std::vector<std::string> langs = rs.Languages();
  if (asked.empty()) return langs.empty() ? std::string("en") : langs.front();
  if (std::find(langs.begin(), langs.end(), asked) != langs.end()) return asked;
  if (langs.empty() && Speaks(asked)) return asked;
  auto list = [](const std::vector<std::string>& codes) {
    std::string text;
    for (const std::string& c : codes) text += (text.empty() ? "" : ", ") + c;
    return text;
  };
  if (langs.empty()) {
    std::vector<std::string> spoken;
    for (const Words& w : AllWords()) spoken.emplace_back(w.lang);
    io.Say(
        fmt::format("--lang '{}': the texts of '{}' have no language code, and triage's own "
                    "words are in these languages only: {}",
                    asked, rs.file, list(spoken)));
    return std::nullopt;
  }
  io.Say(fmt::format("--lang '{}': '{}' has texts in these languages only: {}{}", asked, rs.file,
                     list(langs), DidYouMeanSuffix(asked, langs)));
  return std::nullopt;
}

bool IsTestFile(const std::string& path) {
  return path.size() >= 10 && path.substr(path.size() - 10) == ".test.yaml";
}

std::optional<LoadedTests> LoadTests(const std::string& test_path, Io& io, int& status,
                                     const TestLoad& how) {
  namespace fs = std::filesystem;
  status = kExitCannot;
  std::string error;
  std::optional<std::string> bytes = ReadInput(test_path, io, error, kMaxRuleFileBytes);
  if (!bytes) {
    io.Say(error);
    return std::nullopt;
  }
  Diagnostics diags;
  std::optional<TestFile> file = LoadTestFile(*bytes, diags);
  std::optional<CompiledRules> rules;
  if (file && !diags.HasErrors()) {
    std::string rules_path =
        how.rules.empty() ? (fs::path(test_path).parent_path() / file->rules).string() : how.rules;
    rules = LoadUsableRules(rules_path, io);
    if (!rules) return std::nullopt;
    CheckTestFile(*rules->rules, *file, diags);
    if (how.check_cases) CheckTestCases(*rules->rules, *file, diags);
  }
  diags.SortByPosition();
  for (const Diagnostic& d : diags.items()) io.err << RenderDiagnostic(d, test_path, *bytes);
  if (diags.HasErrors() || !file) {
    status = kExitFound;
    return std::nullopt;
  }
  status = kExitOk;
  return LoadedTests{test_path, std::move(*file), std::move(*rules)};
}

}  // namespace triage::cli
