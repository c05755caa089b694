#include "compile/masks.h"

#include <algorithm>
#include <limits>

#include "triage/compile.h"

namespace triage {
namespace {

using Ref = DecisionGraph::Ref;

// One test of a conjunction: the cells of `fact` where it holds.
struct CellTest {
  int fact;
  std::vector<bool> cells;
};

// The leaf no rule decides, or -1 when there is none.
int NoneLeaf(const DecisionGraph& g) {
  for (size_t l = 0; l < g.leaves().size(); ++l) {
    if (g.leaves()[l].rules.empty()) return static_cast<int>(l);
  }
  return -1;
}

// Diagram `root` as a conjunction: every node has its cells going either
// to `fail` (the next diagram, or the leaf no rule decides) or to one same
// child. Fills `tests` and returns the leaf reached when all hold, or -1.
int Conjunction(const DecisionGraph& g, Ref root, Ref fail, std::vector<CellTest>& tests) {
  Ref at = root;
  while (!DecisionGraph::IsLeaf(at)) {
    int fact = g.nodes()[static_cast<size_t>(at)].fact;
    int cells = g.domain(fact).cell_count();
    Ref next = fail;
    CellTest test{fact, std::vector<bool>(static_cast<size_t>(cells), false)};
    for (int c = 0; c < cells; ++c) {
      Ref child = g.Child(at, c);
      if (child == fail) continue;
      if (next != fail && child != next) return -1;  // two ways on: not a conjunction
      next = child;
      test.cells[static_cast<size_t>(c)] = true;
    }
    if (next == fail) return -1;
    tests.push_back(std::move(test));
    at = next;
  }
  return DecisionGraph::LeafOf(at);
}

}  // namespace

std::optional<FirstHitMasks> BuildMasks(const DecisionGraph& g) {
  FirstHitMasks m;
  const std::vector<Ref>& roots = g.diagram_roots();
  m.positions = static_cast<int>(roots.size());
  m.words = (m.positions + 63) / 64;
  m.none_leaf = NoneLeaf(g);
  std::vector<std::vector<CellTest>> conjunction;  // per position
  // With no such leaf, no edge fails out of the last diagram.
  const Ref none = m.none_leaf < 0 ? std::numeric_limits<int>::min() : -m.none_leaf - 1;
  for (size_t k = 0; k < roots.size(); ++k) {
    Ref fail = k + 1 < roots.size() ? roots[k + 1] : none;
    std::vector<CellTest> tests;
    int leaf = Conjunction(g, roots[k], fail, tests);
    if (leaf < 0 || g.leaves()[static_cast<size_t>(leaf)].rule < 0) return std::nullopt;
    m.leaf_of_position.push_back(leaf);
    conjunction.push_back(std::move(tests));
  }
  std::vector<int> row_of_fact(g.domains().size(), -1);
  for (const auto& tests : conjunction) {
    for (const auto& t : tests) row_of_fact[static_cast<size_t>(t.fact)] = 0;
  }
  std::size_t rows = 0;
  for (int f : g.fact_order()) {
    if (row_of_fact[static_cast<size_t>(f)] < 0) continue;
    row_of_fact[static_cast<size_t>(f)] = static_cast<int>(m.facts.size());
    m.facts.push_back(f);
    m.first_row.push_back(rows);
    rows += static_cast<std::size_t>(g.domain(f).cell_count());
  }
  const std::size_t w = static_cast<std::size_t>(m.words);
  m.holds.assign(rows * w, ~std::uint64_t{0});
  m.tests.assign(m.facts.size() * w, 0);
  m.last_test.assign(conjunction.size(), -1);
  for (size_t p = 0; p < conjunction.size(); ++p) {
    const std::uint64_t bit = std::uint64_t{1} << (p % 64);
    for (const auto& t : conjunction[p]) {
      size_t k = static_cast<size_t>(row_of_fact[static_cast<size_t>(t.fact)]);
      m.last_test[p] = std::max(m.last_test[p], static_cast<int>(k));
      m.tests[k * w + p / 64] |= bit;
      for (size_t c = 0; c < t.cells.size(); ++c) {
        if (!t.cells[c]) m.holds[(m.first_row[k] + c) * w + p / 64] &= ~bit;
      }
    }
  }
  // Bits past the last position stay clear, so that "no position holds" is
  // a word of zeros.
  if (m.positions % 64 != 0) {
    const std::uint64_t valid = (std::uint64_t{1} << (m.positions % 64)) - 1;
    for (std::size_t r = 0; r < rows; ++r) m.holds[r * w + w - 1] &= valid;
  }
  return m;
}

}  // namespace triage
