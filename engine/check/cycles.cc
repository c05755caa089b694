#include "check/cycles.h"

#include <algorithm>
#include <functional>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

namespace triage {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

void CollectRefs(const Expr& e, std::vector<int>& out) {
  if (e.target == Expr::Target::kCondition && e.index >= 0) out.push_back(e.index);
  for (const auto& c : e.children) CollectRefs(*c, out);
}

}  // namespace

void FindConditionCycles(const RuleSet& rs, Diagnostics& diags) {
  size_t n = rs.conditions.size();
  if (n == 0) return;
  Graph g(n);
  std::vector<std::vector<int>> uses(n);
  for (size_t c = 0; c < n; ++c) {
    if (!rs.conditions[c].expr) continue;
    CollectRefs(*rs.conditions[c].expr, uses[c]);
    std::sort(uses[c].begin(), uses[c].end());
    uses[c].erase(std::unique(uses[c].begin(), uses[c].end()), uses[c].end());
    for (int d : uses[c]) boost::add_edge(c, static_cast<size_t>(d), g);
  }
  std::vector<int> component(n);
  int count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  for (int k = 0; k < count; ++k) {
    std::vector<int> members;
    for (size_t c = 0; c < n; ++c) {
      if (component[c] == k) members.push_back(static_cast<int>(c));
    }
    int start = members[0];  // first in file order
    bool self_loop = std::binary_search(uses[start].begin(), uses[start].end(), start);
    if (members.size() == 1 && !self_loop) continue;
    // Walk the cycle back to `start`, staying inside the component.
    std::vector<int> path = {start};
    std::vector<bool> on_path(n, false);
    on_path[start] = true;
    std::function<bool(int)> walk = [&](int v) {
      for (int w : uses[v]) {
        if (component[w] != k) continue;
        if (w == start) return true;
        if (on_path[w]) continue;
        on_path[w] = true;
        path.push_back(w);
        if (walk(w)) return true;
        path.pop_back();
      }
      return false;
    };
    walk(start);
    std::string names;
    for (int c : path) names += rs.conditions[c].name + " -> ";
    names += rs.conditions[start].name;
    std::string others;
    for (int c : members) {
      if (std::find(path.begin(), path.end(), c) != path.end()) continue;
      others += fmt::format("{}'{}'", others.empty() ? "" : ", ", rs.conditions[c].name);
    }
    if (!others.empty()) names += fmt::format(" (with {} in the same loop)", others);
    diags.Error(
        rs.conditions[start].pos, "E026",
        fmt::format("condition '{}' depends on itself: {}", rs.conditions[start].name, names));
  }
}

}  // namespace triage
