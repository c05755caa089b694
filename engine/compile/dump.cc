// DecisionGraph::Dump: the compiled graph as text.
#include "triage/compile.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {
namespace {

std::string RefText(DecisionGraph::Ref r) {
  return DecisionGraph::IsLeaf(r) ? fmt::format("L{}", DecisionGraph::LeafOf(r))
                                  : fmt::format("n{}", r);
}

std::string LeafText(const RuleSet& rs, const Leaf& leaf) {
  std::string routes;
  for (int r : leaf.routes) routes += (routes.empty() ? "" : "+") + rs.routes[r].name;
  std::string out = routes.empty() ? "unrouted" : routes;
  if (leaf.conflict) {
    std::string rules;
    for (int r : leaf.rules) rules += (rules.empty() ? "" : ", ") + rs.rules[r].id;
    return out + " (overlap: " + rules + ")";
  }
  if (leaf.rules.size() > 1) {
    std::string rules;
    for (int r : leaf.rules) rules += (rules.empty() ? "" : ", ") + rs.rules[r].id;
    return out + " by " + rules;
  }
  if (leaf.rule >= 0) return out + " by " + rs.rules[leaf.rule].id;
  if (leaf.by_default) return out + " by default";
  return out;
}

}  // namespace

std::string DecisionGraph::Dump() const {
  std::string out = "roots";
  for (Ref r : diagram_roots_) out += " " + RefText(r);
  out += "\n";
  for (size_t n = 0; n < nodes_.size(); ++n) {
    int fact = nodes_[n].fact;
    const FactDomain& d = domains_[static_cast<size_t>(fact)];
    // Cells in order, those with the same child together at the first.
    std::vector<std::pair<Ref, std::string>> edges;
    for (int c = 0; c < d.cell_count(); ++c) {
      Ref child = Child(static_cast<int>(n), c);
      auto it =
          std::find_if(edges.begin(), edges.end(), [&](const auto& e) { return e.first == child; });
      if (it == edges.end()) {
        edges.emplace_back(child, d.Describe(c));
      } else {
        it->second += ", " + d.Describe(c);
      }
    }
    out += fmt::format("n{} {}:", n, rules_->facts[static_cast<size_t>(fact)].name);
    for (size_t e = 0; e < edges.size(); ++e) {
      out += fmt::format("{} {} -> {}", e ? ";" : "", edges[e].second, RefText(edges[e].first));
    }
    out += "\n";
  }
  for (size_t l = 0; l < leaves_.size(); ++l) {
    out += fmt::format("L{} {}\n", l, LeafText(*rules_, leaves_[l]));
  }
  return out;
}

}  // namespace triage
