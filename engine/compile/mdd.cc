#include "compile/mdd.h"

#include <algorithm>

namespace triage::mdd {

Diagram::Diagram(std::vector<int> cells_per_level, std::size_t budget)
    : cells_(std::move(cells_per_level)), budget_(budget), table_(1024, -1) {}

int Diagram::Terminal(int value) {
  if (auto it = terminals_.find(value); it != terminals_.end()) {
    return it->second;
  }
  int id = static_cast<int>(nodes_.size());
  nodes_.push_back({kTerminalLevel, value});
  terminals_.emplace(value, id);
  return id;
}

std::uint64_t Diagram::Hash(int level, const int* children, int n) const {
  std::uint64_t h = 1469598103934665603ull ^ static_cast<std::uint64_t>(level);
  for (int i = 0; i < n; ++i) {
    h ^= static_cast<std::uint64_t>(children[i]) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  return h * 0xff51afd7ed558ccdull;
}

void Diagram::Grow() {
  std::vector<int> old = std::move(table_);
  table_.assign(old.size() * 2, -1);
  size_t mask = table_.size() - 1;
  for (int id : old) {
    if (id < 0) continue;
    const NodeRec& n = nodes_[id];
    size_t slot = Hash(n.level, &pool_[n.first], cells_[n.level]) & mask;
    while (table_[slot] >= 0) slot = (slot + 1) & mask;
    table_[slot] = id;
  }
}

int Diagram::MakeNode(int level, const std::vector<int>& children) {
  if (std::all_of(children.begin(), children.end(), [&](int c) { return c == children[0]; })) {
    return children[0];
  }
  int n = static_cast<int>(children.size());
  size_t mask = table_.size() - 1;
  size_t slot = Hash(level, children.data(), n) & mask;
  while (table_[slot] >= 0) {
    const NodeRec& rec = nodes_[table_[slot]];
    if (rec.level == level &&
        std::equal(children.begin(), children.end(), pool_.begin() + rec.first)) {
      return table_[slot];
    }
    slot = (slot + 1) & mask;
  }
  if (nodes_.size() >= budget_) throw BudgetExceeded();
  int id = static_cast<int>(nodes_.size());
  nodes_.push_back({level, static_cast<int>(pool_.size())});
  pool_.insert(pool_.end(), children.begin(), children.end());
  table_[slot] = id;
  if (++table_used_ * 2 > table_.size()) Grow();
  return id;
}

}  // namespace triage::mdd
