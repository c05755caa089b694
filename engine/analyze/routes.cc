// Unreachable routes: declared routes that no case can reach.
#include "analyze/passes.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {

void FindUnreachableRoutes(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  std::vector<bool> reached(rs.routes.size(), false);
  for (const Leaf& leaf : graph.leaves()) {
    for (int r : leaf.routes) reached[static_cast<size_t>(r)] = true;
  }
  // Where a leaf may lie only on paths that contradict themselves (a
  // chain), a route is reached when some case really gets there.
  for (size_t r = 0; !space.EveryLeafReachable() && r < rs.routes.size(); ++r) {
    if (!reached[r]) continue;
    reached[r] = false;
    int route = static_cast<int>(r);
    auto has_route = [&](int leaf) {
      const std::vector<int>& routes = graph.leaves()[static_cast<size_t>(leaf)].routes;
      return std::find(routes.begin(), routes.end(), route) != routes.end();
    };
    // Search where each rule leading to the route holds, then anywhere.
    for (const Rule& rule : rs.rules) {
      if (rule.route_index != route || !rule.when || reached[r]) continue;
      reached[r] = space.FindCase(space.preds().Build(*rule.when), has_route).has_value();
    }
    if (!reached[r]) reached[r] = space.FindCase(space.preds().True(), has_route).has_value();
  }
  for (size_t r = 0; r < rs.routes.size(); ++r) {
    if (reached[r]) continue;
    std::vector<std::string> rules;
    for (const Rule& rule : rs.rules) {
      if (rule.route_index == static_cast<int>(r)) rules.push_back(rule.id);
    }
    std::string why = rules.empty() ? "no rule leads to it and it is not the default"
                                    : "every rule that leads to it is dead";
    AddFinding(diags, Severity::kWarning, rs.routes[r].pos, "W002",
               fmt::format("route '{}' is reached by no case: {}", rs.routes[r].name, why), rules,
               "");
  }
}

}  // namespace triage
