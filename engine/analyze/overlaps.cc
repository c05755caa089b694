// Overlaps under hit policy `unique`: cases that two rules both match.
#include "analyze/passes.h"

#include <algorithm>

#include <fmt/format.h>

#include "triage/analyze.h"

namespace triage {

void FindOverlaps(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  if (rs.hit_policy != HitPolicy::kUnique) return;
  // One finding per pair of rules, at the later rule.
  std::vector<std::pair<int, int>> pairs;
  for (const Leaf& leaf : graph.leaves()) {
    if (!leaf.conflict) continue;
    for (size_t a = 0; a < leaf.rules.size(); ++a) {
      for (size_t b = a + 1; b < leaf.rules.size(); ++b) {
        pairs.emplace_back(leaf.rules[a], leaf.rules[b]);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& pair : pairs) {
    // Named copies, not a structured binding: lambdas capture them in every
    // compiler (clang, for the fuzzers, does not capture bindings before 16).
    const auto a = pair.first, b = pair.second;
    auto has = [&](const Leaf& l, int r) {
      return std::find(l.rules.begin(), l.rules.end(), r) != l.rules.end();
    };
    auto cells = space.FindCase(space.preds().True(), [&](int leaf) {
      const Leaf& l = graph.leaves()[static_cast<size_t>(leaf)];
      return has(l, a) && has(l, b);
    });
    if (!cells) continue;
    AddFinding(diags, Severity::kError, rs.rules[b].pos, "E041",
               fmt::format("rules '{}' and '{}' both hold for some cases, which "
                           "hit policy 'unique' forbids",
                           rs.rules[a].id, rs.rules[b].id),
               {rs.rules[a].id, rs.rules[b].id}, ExampleCaseJson(graph, *cells));
  }
}

}  // namespace triage
