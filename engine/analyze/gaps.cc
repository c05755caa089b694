// Gaps and overlaps: leaves of the graph that no case should reach, each
// shown with a case that does.
#include <fmt/format.h>
#include <functional>

#include "triage/analyze.h"

namespace triage {
namespace {

// Cells along the first path (in cell order) from the root to a leaf for
// which `want` holds; empty when there is none.
std::optional<std::vector<int>> PathTo(
    const DecisionGraph& g, const std::function<bool(const Leaf&)>& want) {
  std::vector<int> cells(g.rules().facts.size(), -1);
  std::vector<char> dead(g.nodes().size(), 0);  // no wanted leaf below
  std::function<bool(DecisionGraph::Ref)> search = [&](DecisionGraph::Ref r) {
    if (DecisionGraph::IsLeaf(r)) return want(g.leaves()[DecisionGraph::LeafOf(r)]);
    if (dead[r]) return false;
    int fact = g.nodes()[r].fact;
    for (int c = 0; c < g.domain(fact).cell_count(); ++c) {
      cells[fact] = c;
      if (search(g.Child(r, c))) return true;
    }
    cells[fact] = -1;
    dead[r] = 1;
    return false;
  };
  if (!search(g.root())) return std::nullopt;
  return cells;
}

}  // namespace

void FindGaps(const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  if (rs.default_route_index >= 0) return;
  auto cells = PathTo(graph, [](const Leaf& l) { return l.routes.empty(); });
  if (!cells) return;
  diags.Error({}, "E040",
              fmt::format("some cases match no rule and there is no "
                          "'default', for example {}",
                          ExampleCaseJson(graph, *cells)));
}

void FindOverlaps(const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  if (rs.hit_policy != HitPolicy::kUnique) return;
  // One finding per pair of rules, at the later rule.
  std::vector<std::pair<int, int>> pairs;
  for (const Leaf& leaf : graph.leaves()) {
    if (!leaf.conflict) continue;
    std::pair<int, int> p = {leaf.rules[0], leaf.rules[1]};
    if (std::find(pairs.begin(), pairs.end(), p) == pairs.end()) {
      pairs.push_back(p);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  for (auto [a, b] : pairs) {
    auto cells = PathTo(graph, [&](const Leaf& l) {
      return l.conflict && l.rules[0] == a && l.rules[1] == b;
    });
    if (!cells) continue;
    diags.Error(rs.rules[b].pos, "E041",
                fmt::format("rules '{}' and '{}' both hold for some cases, "
                            "which hit policy 'unique' forbids, for example {}",
                            rs.rules[a].id, rs.rules[b].id,
                            ExampleCaseJson(graph, *cells)));
  }
}

}  // namespace triage
