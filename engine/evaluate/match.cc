#include "evaluate/match.h"

#include <algorithm>
#include <cstdint>

namespace triage {
namespace {

constexpr int kNone = 1 << 30;

}  // namespace

bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& m, const Case& c, Decision& d) {
  IntBuffer cell(m.facts.size());
  std::fill(cell.data(), cell.data() + m.facts.size(), kUnknownCell);
  return MatchMasks(g, m, c, cell.data(), d);
}

bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& m, const Case& c, int* cell,
                Decision& d) {
  const size_t facts = m.facts.size();
  const size_t words = static_cast<size_t>(m.words);
  IntBuffer first_buffer(facts);
  int* first_test = first_buffer.data();
  std::fill(first_test, first_test + facts, kNone);
  // 64 positions at a time, in chain order, each word through the facts in
  // the graph's order: `alive` holds the positions whose tests so far all
  // hold. A fact is on the walk's path when a position the walk reaches
  // tests it with its earlier tests holding; the first such position
  // (first_test) orders the path as the walk tests it. Once the first
  // position alive has no tests left, it decides, and no later fact or
  // word matters; a fact's cell is looked up when first needed, so that a
  // fact the decision does not need may be unknown.
  int decided = kNone;
  for (size_t w = 0; w < words && decided == kNone; ++w) {
    std::uint64_t alive = w + 1 < words || m.positions % 64 == 0
                              ? ~std::uint64_t{0}
                              : (std::uint64_t{1} << (m.positions % 64)) - 1;
    int first = static_cast<int>(w * 64) + __builtin_ctzll(alive);
    if (m.last_test[static_cast<size_t>(first)] < 0) decided = first;
    for (size_t k = 0; k < facts && decided == kNone; ++k) {
      if (std::uint64_t t = m.tests[k * words + w] & alive; t != 0) {
        if (first_test[k] == kNone) first_test[k] = static_cast<int>(w * 64) + __builtin_ctzll(t);
      } else {
        continue;  // no position alive tests it
      }
      if (cell[k] == kUnknownCell) {
        const std::optional<Value>& v = c.values[static_cast<size_t>(m.facts[k])];
        if (!v) return false;
        cell[k] = g.domain(m.facts[k]).CellOf(*v);
      }
      alive &= m.holds[(m.first_row[k] + static_cast<size_t>(cell[k])) * words + w];
      if (alive == 0) break;
      first = static_cast<int>(w * 64) + __builtin_ctzll(alive);
      if (m.last_test[static_cast<size_t>(first)] <= static_cast<int>(k)) decided = first;
    }
  }
  d.path.clear();
  for (size_t k = 0; k < facts; ++k) {
    if (first_test[k] <= decided && first_test[k] != kNone) d.path.push_back(static_cast<int>(k));
  }
  // Walk order: by the position that tests a fact first, then by the
  // graph's order (the index into m.facts).
  // (Insertion: a few dozen facts, mostly in order already.)
  for (size_t i = 1; i < d.path.size(); ++i) {
    int k = d.path[i];
    size_t j = i;
    for (; j > 0 && first_test[d.path[j - 1]] > first_test[k]; --j) d.path[j] = d.path[j - 1];
    d.path[j] = k;
  }
  for (int& k : d.path) k = m.facts[static_cast<size_t>(k)];
  d.leaf = decided == kNone ? m.none_leaf : m.leaf_of_position[static_cast<size_t>(decided)];
  const Leaf& leaf = g.leaves()[static_cast<size_t>(d.leaf)];
  d.status = leaf.routes.empty() ? Decision::Status::kUnrouted : Decision::Status::kDecided;
  d.routes = leaf.routes;
  d.rule = leaf.rule;
  d.by_default = leaf.by_default;
  d.may_be_unrouted = false;
  d.ask.clear();
  d.rules.clear();
  return true;
}

}  // namespace triage
