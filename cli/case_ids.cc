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

namespace {

// A table entry: the hash's high half (to compare without reaching for the
// id) and 1 + the id's number; 0 when empty.
std::uint64_t Entry(std::uint64_t hash, std::size_t k) {
  return (hash & 0xFFFFFFFF00000000ull) | static_cast<std::uint32_t>(k + 1);
}

}  // namespace

void CaseIds::Grow() {
  std::vector<std::uint64_t> table(table_.empty() ? 1024 : table_.size() * 2, 0);
  std::size_t mask = table.size() - 1;
  for (std::size_t k = 0; k < starts_.size(); ++k) {
    std::uint64_t hash = std::hash<std::string_view>{}(Id(k));
    std::size_t at = hash & mask;
    while (table[at] != 0) at = (at + 1) & mask;
    table[at] = Entry(hash, k);
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
    if ((table_[at] ^ hash) >> 32 != 0) continue;
    std::size_t k = static_cast<std::uint32_t>(table_[at]) - 1;
    if (Id(k) != id) continue;
    const First& first = first_[k];
    return Place(inputs_[first.input], first.line, first.index);
  }
  if (starts_.size() >= most_) {
    full_ = true;
    return std::nullopt;
  }
  if (inputs_.empty() || inputs_.back() != input) inputs_.push_back(input);
  table_[at] = Entry(hash, starts_.size());
  starts_.push_back(text_.size());
  text_ += id;
  first_.push_back({static_cast<std::uint32_t>(inputs_.size() - 1), line, index});
  // At most half full, so that a search ends soon.
  if (starts_.size() * 2 > table_.size()) Grow();
  return std::nullopt;
}

}  // namespace triage::cli
