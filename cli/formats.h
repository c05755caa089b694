// Output formats as a table: a verb lists its formats once (name, the file
// extensions that imply it, how it renders), and --format's choices and
// help, the choice from the --output file's name, and the rendering all
// come from that one table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"
#include "triage/names.h"

namespace triage::cli {

template <typename Render>
struct Format {
  std::string_view name;
  std::vector<std::string_view> extensions;  ///< ".json": an --output name implies it
  Render render;
};

template <typename Render>
using FormatTable = std::vector<Format<Render>>;

/// The formats' names, for --format's choices.
template <typename Render>
std::vector<std::string> FormatNames(const FormatTable<Render>& table) {
  std::vector<std::string> names;
  for (const Format<Render>& f : table) names.emplace_back(f.name);
  return names;
}

/// The format named `asked`; when `asked` is empty, the one the extension
/// of `output` implies; else the table's first (its default).
template <typename Render>
const Format<Render>& ChooseFormat(const FormatTable<Render>& table, std::string_view asked,
                                   std::string_view output) {
  auto ends_with = [&](std::string_view suffix) {
    return output.size() >= suffix.size() && output.substr(output.size() - suffix.size()) == suffix;
  };
  for (const Format<Render>& f : table) {
    if (!asked.empty() && f.name == asked) return f;
    if (!asked.empty()) continue;
    for (std::string_view ext : f.extensions) {
      if (ends_with(ext)) return f;
    }
  }
  return table.front();
}

/// Declares --format with the table's formats: "WHAT: a, b or c (default:
/// from the --output file's extension, else FIRST)".
template <typename Render>
void DeclareFormat(Options& options, std::string& into, const FormatTable<Render>& table,
                   const std::string& what) {
  options
      .Value("--format", into,
             what + ": " + JoinChoices(FormatNames(table)) +
                 " (default: from the --output file's extension, else " +
                 std::string(table.front().name) + ")")
      .OneOf(FormatNames(table));
}

}  // namespace triage::cli
