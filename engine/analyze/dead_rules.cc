// Dead rules: rules that never decide a case, because their own condition
// never holds, or because where it holds other rules always win (earlier
// rules under `first`, higher routes under `priority`).
#include <fmt/format.h>

#include <algorithm>

#include "analyze/passes.h"
#include "triage/analyze.h"

namespace triage {

void FindDeadRules(AnalysisContext& ctx, const DecisionGraph& graph,
                   Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    const Rule& rule = rs.rules[i];
    if (!rule.when) continue;
    int holds = ctx.preds().Build(*rule.when);
    if (holds == ctx.preds().False()) {
      AddFinding(diags, Severity::kWarning, rule.pos, "W001",
                 fmt::format("rule '{}' never applies: its condition holds for "
                             "no case",
                             rule.id),
                 {rule.id}, "");
      continue;
    }
    // Under `unique` and `collect` a rule that holds always takes part.
    if (rs.hit_policy == HitPolicy::kUnique ||
        rs.hit_policy == HitPolicy::kCollect) {
      continue;
    }
    std::vector<int> leaves = ctx.LeavesWhere(holds);
    int self = static_cast<int>(i);
    bool decides = std::any_of(leaves.begin(), leaves.end(), [&](int l) {
      return graph.leaves()[static_cast<size_t>(l)].rule == self;
    });
    if (decides) continue;
    std::vector<std::string> winners;
    std::vector<int> winner_index;
    for (int l : leaves) {
      int w = graph.leaves()[static_cast<size_t>(l)].rule;
      if (w >= 0 && std::find(winner_index.begin(), winner_index.end(), w) ==
                        winner_index.end()) {
        winner_index.push_back(w);
      }
    }
    std::sort(winner_index.begin(), winner_index.end());
    std::string names;
    std::vector<std::string> ids = {rule.id};
    for (size_t k = 0; k < winner_index.size(); ++k) {
      const std::string& id = rs.rules[static_cast<size_t>(winner_index[k])].id;
      ids.push_back(id);
      names += fmt::format("{}'{}'", k == 0 ? "" : (k + 1 == winner_index.size() ? " or " : ", "), id);
    }
    auto cells = ctx.FindCase(holds, [&](int leaf) {
      return graph.leaves()[static_cast<size_t>(leaf)].rule != self;
    });
    AddFinding(diags, Severity::kWarning, rule.pos, "W001",
               fmt::format("rule '{}' never decides a case: wherever it holds, "
                           "{} decide{} first",
                           rule.id, names, winner_index.size() == 1 ? "s" : ""),
               ids, cells ? ExampleCaseJson(graph, *cells) : "");
  }
}

}  // namespace triage
