#include "evaluate/match.h"

#include <algorithm>
#include <cstdint>

namespace triage {
namespace {

constexpr int kNone = 1 << 30;

// The first set bit of `words` words, or kNone.
int FirstBit(const std::uint64_t* words, int n) {
  for (int w = 0; w < n; ++w) {
    if (words[w] != 0) return w * 64 + __builtin_ctzll(words[w]);
  }
  return kNone;
}

// The first set bit of a AND b, or kNone.
int FirstBitOfBoth(const std::uint64_t* a, const std::uint64_t* b, int n) {
  for (int w = 0; w < n; ++w) {
    if (std::uint64_t x = a[w] & b[w]; x != 0) return w * 64 + __builtin_ctzll(x);
  }
  return kNone;
}

}  // namespace

bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& m, const Case& c, Decision& d) {
  const size_t facts = m.facts.size();
  const int words = m.words;
  for (int f : m.facts) {
    if (!c.values[static_cast<size_t>(f)]) return false;
  }
  // `alive`: the positions whose tests on the facts so far (in the graph's
  // order) all hold. A fact is on the walk's path when a position reached
  // tests it with its earlier tests holding; first_test[k] is the first
  // such position, which orders the path as the walk tests it.
  constexpr int kStackWords = 64;
  std::uint64_t stack_alive[kStackWords];
  std::vector<std::uint64_t> heap_alive;
  std::uint64_t* alive = stack_alive;
  if (words > kStackWords) {
    heap_alive.resize(static_cast<size_t>(words));
    alive = heap_alive.data();
  }
  thread_local std::vector<int> first_test;
  first_test.resize(facts);
  std::fill(alive, alive + words, ~std::uint64_t{0});
  bool any = true;
  for (size_t k = 0; k < facts; ++k) {
    if (!any) {
      first_test[k] = kNone;
      continue;
    }
    const int f = m.facts[k];
    const int cell = g.domain(f).CellOf(*c.values[static_cast<size_t>(f)]);
    first_test[k] = FirstBitOfBoth(&m.tests[k * static_cast<size_t>(words)], alive, words);
    const std::uint64_t* row =
        &m.holds[(m.first_row[k] + static_cast<size_t>(cell)) * static_cast<size_t>(words)];
    std::uint64_t left = 0;
    for (int w = 0; w < words; ++w) left |= (alive[w] &= row[w]);
    any = left != 0;
  }
  const int decided = any ? FirstBit(alive, words) : kNone;
  d.path.clear();
  for (size_t k = 0; k < facts; ++k) {
    if (first_test[k] <= decided && first_test[k] != kNone) d.path.push_back(static_cast<int>(k));
  }
  // Walk order: by the position that tests a fact first, then by the
  // graph's order (the index into m.facts).
  std::stable_sort(d.path.begin(), d.path.end(), [&](int a, int b) {
    return first_test[static_cast<size_t>(a)] < first_test[static_cast<size_t>(b)];
  });
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
