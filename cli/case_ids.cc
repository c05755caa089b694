#include "cli/case_ids.h"

#include <fmt/format.h>

#include "triage/model.h"

namespace triage::cli {

std::string CaseIds::Place(const std::string& input, int line, int index) {
  std::string shown = Printable(input);
  if (line > 0) return fmt::format("{}:{}", shown, line);
  return fmt::format("{}, case {}", shown, index);
}

std::optional<std::string> CaseIds::Note(const std::string& id, const std::string& input, int line,
                                         int index) {
  if (inputs_.empty() || inputs_.back() != input) inputs_.push_back(input);
  int at = static_cast<int>(inputs_.size()) - 1;
  auto [it, fresh] = first_.try_emplace(id, First{at, line, index});
  if (fresh) return std::nullopt;
  const First& first = it->second;
  return Place(inputs_[static_cast<std::size_t>(first.input)], first.line, first.index);
}

}  // namespace triage::cli
