// Unreachable routes: declared routes that no case can reach.
#include <fmt/format.h>

#include <algorithm>

#include "analyze/passes.h"

namespace triage {

void FindUnreachableRoutes(const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  std::vector<bool> reached(rs.routes.size(), false);
  for (const Leaf& leaf : graph.leaves()) {
    for (int r : leaf.routes) reached[static_cast<size_t>(r)] = true;
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
               fmt::format("route '{}' is reached by no case: {}",
                           rs.routes[r].name, why),
               rules, "");
  }
}

}  // namespace triage
