// A way into a leaf of the decision graph, as conditions on facts: what a
// case must meet to get that outcome (for coverage: the leaves no test
// reaches, in words).
#include <cstddef>

#include "triage/rule_tests.h"

namespace triage {
namespace {

using Ref = DecisionGraph::Ref;

// Which nodes can reach `target` (by any path, feasible or not).
std::vector<bool> NodesReaching(const DecisionGraph& g, Ref target) {
  const std::size_t n = g.nodes().size();
  enum : char { kUnseen, kOpen, kDone };
  std::vector<char> state(n, kUnseen);
  std::vector<bool> reaches(n, false);
  auto reaches_ref = [&](Ref r) {
    return r == target || (!DecisionGraph::IsLeaf(r) && reaches[static_cast<std::size_t>(r)]);
  };
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != kUnseen) continue;
    std::vector<int> stack = {static_cast<int>(start)};
    while (!stack.empty()) {
      int node = stack.back();
      std::size_t at = static_cast<std::size_t>(node);
      int cells = g.domain(g.nodes()[at].fact).cell_count();
      if (state[at] == kUnseen) {
        state[at] = kOpen;
        for (int c = 0; c < cells; ++c) {
          Ref child = g.Child(node, c);
          if (!DecisionGraph::IsLeaf(child) && state[static_cast<std::size_t>(child)] == kUnseen) {
            stack.push_back(child);
          }
        }
        continue;
      }
      stack.pop_back();
      if (state[at] == kDone) continue;
      state[at] = kDone;
      for (int c = 0; c < cells && !reaches[at]; ++c) reaches[at] = reaches_ref(g.Child(node, c));
    }
  }
  return reaches;
}

// The search from the root: at each node, the cells that lead on towards
// the leaf and agree with what the path said of the same fact before (a
// chain of diagrams can test a fact again).
struct Search {
  const DecisionGraph& g;
  Ref target;
  std::vector<bool> reaches;
  std::vector<std::vector<bool>> allowed;  // per fact, the cells the path still allows
  std::vector<PathStep> path;
  long budget = 200'000;

  bool Into(Ref r) {
    if (r == target) return true;
    if (DecisionGraph::IsLeaf(r) || !reaches[static_cast<std::size_t>(r)]) return false;
    if (--budget < 0) return false;
    int fact = g.nodes()[static_cast<std::size_t>(r)].fact;
    std::vector<bool>& here = allowed[static_cast<std::size_t>(fact)];
    const int cells = g.domain(fact).cell_count();
    std::vector<bool> tried(static_cast<std::size_t>(cells), false);
    for (int c = 0; c < cells; ++c) {
      if (tried[static_cast<std::size_t>(c)] || !here[static_cast<std::size_t>(c)]) continue;
      Ref child = g.Child(r, c);
      // Every allowed cell with the same child is one step.
      std::vector<bool> step(static_cast<std::size_t>(cells), false);
      for (int d = c; d < cells; ++d) {
        if (g.Child(r, d) == child && here[static_cast<std::size_t>(d)]) {
          step[static_cast<std::size_t>(d)] = tried[static_cast<std::size_t>(d)] = true;
        }
      }
      std::vector<bool> before = here;
      here = step;
      path.push_back({fact, step});
      if (Into(child)) return true;
      path.pop_back();
      here = before;
    }
    return false;
  }
};

}  // namespace

LeafWay PathToLeaf(const DecisionGraph& graph, int leaf) {
  Ref target = -leaf - 1;
  Search search{graph, target, NodesReaching(graph, target), {}, {}};
  for (const FactDomain& d : graph.domains()) {
    search.allowed.emplace_back(static_cast<std::size_t>(d.cell_count()), true);
  }
  LeafWay way;
  if (!search.Into(graph.root())) {
    way.kind = search.budget < 0 ? LeafWay::Kind::kUnknown : LeafWay::Kind::kNone;
    return way;
  }
  way.kind = LeafWay::Kind::kFound;
  // A fact tested again keeps only its last (narrowest) step, in the place
  // of its first.
  for (const PathStep& step : search.path) {
    bool again = false;
    for (PathStep& other : way.path) {
      if (other.fact != step.fact) continue;
      other.cells = step.cells;
      again = true;
    }
    if (!again) way.path.push_back(step);
  }
  return way;
}

}  // namespace triage
