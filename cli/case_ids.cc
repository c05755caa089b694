#include "cli/case_ids.h"

#include <functional>

#include <fmt/format.h>

#include "triage/model.h"

namespace triage::cli {

std::string CaseIds::Place(const std::string& input, int line, int index) {
  std::string shown = Printable(input);
  if (line > 0) return fmt::format("{}:{}", shown, line);
  return fmt::format("{}, case {}", shown, index);
}

std::string_view CaseIds::Id(std::size_t k) const {
  std::size_t end = k + 1 < starts_.size() ? starts_[k + 1] : text_.size();
  return std::string_view(text_).substr(starts_[k], end - starts_[k]);
}

void CaseIds::Grow() {
  std::vector<std::uint32_t> table(table_.empty() ? 1024 : table_.size() * 2, 0);
  std::size_t mask = table.size() - 1;
  for (std::size_t k = 0; k < hashes_.size(); ++k) {
    std::size_t at = hashes_[k] & mask;
    while (table[at] != 0) at = (at + 1) & mask;
    table[at] = static_cast<std::uint32_t>(k + 1);
  }
  table_ = std::move(table);
}

std::optional<std::string> CaseIds::Note(std::string_view id, const std::string& input, int line,
                                         int index) {
  if (table_.empty()) Grow();
  std::uint64_t hash = std::hash<std::string_view>{}(id);
  std::size_t mask = table_.size() - 1;
  std::size_t at = hash & mask;
  for (; table_[at] != 0; at = (at + 1) & mask) {
    std::size_t k = table_[at] - 1;
    if (hashes_[k] != hash || Id(k) != id) continue;
    const First& first = first_[k];
    return Place(inputs_[first.input], first.line, first.index);
  }
  if (hashes_.size() >= most_) {
    full_ = true;
    return std::nullopt;
  }
  if (inputs_.empty() || inputs_.back() != input) inputs_.push_back(input);
  table_[at] = static_cast<std::uint32_t>(hashes_.size() + 1);
  hashes_.push_back(hash);
  starts_.push_back(text_.size());
  text_ += id;
  first_.push_back({static_cast<std::uint32_t>(inputs_.size() - 1), line, index});
  // At most half full, so that a search ends soon.
  if (hashes_.size() * 2 > table_.size()) Grow();
  return std::nullopt;
}

}  // namespace triage::cli
