// Dead rules: rules that never decide a case, because their own condition
// never holds, or because where it holds other rules always win (earlier
// rules under `first`, higher routes under `priority`).
#include "analyze/passes.h"

#include <algorithm>

#include <fmt/format.h>

#include "triage/analyze.h"

namespace triage {
namespace {

// Per rule, the leaf where it decides, or -1 (under `first` and `priority`
// a rule decides at one leaf at most).
std::vector<int> LeafOfRule(const DecisionGraph& graph) {
  std::vector<int> leaf_of_rule(graph.rules().rules.size(), -1);
  for (size_t l = 0; l < graph.leaves().size(); ++l) {
    int r = graph.leaves()[l].rule;
    if (r >= 0) leaf_of_rule[static_cast<size_t>(r)] = static_cast<int>(l);
  }
  return leaf_of_rule;
}

// The rules that decide the cases where rule `self` holds, sorted.
std::vector<int> Winners(CaseSpace& space, const DecisionGraph& graph, int holds) {
  std::vector<int> winners;
  for (int l : space.LeavesWhere(holds)) {
    int w = graph.leaves()[static_cast<size_t>(l)].rule;
    if (w >= 0) winners.push_back(w);
  }
  std::sort(winners.begin(), winners.end());
  winners.erase(std::unique(winners.begin(), winners.end()), winners.end());
  return winners;
}

}  // namespace

void FindDeadRules(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  // Under `unique` and `collect` a rule that holds always takes part.
  bool may_lose = rs.hit_policy == HitPolicy::kFirst || rs.hit_policy == HitPolicy::kPriority;
  std::vector<int> leaf_of_rule = LeafOfRule(graph);
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    const Rule& rule = rs.rules[i];
    if (!rule.when) continue;
    int holds = space.preds().Build(*rule.when);
    if (holds == space.preds().False()) {
      AddFinding(diags, Severity::kWarning, rule.pos, "W001",
                 fmt::format("rule '{}' never applies: its condition holds for no "
                             "case",
                             rule.id),
                 {rule.id}, "");
      continue;
    }
    if (!may_lose) continue;
    // It decides some case when a case where it holds reaches its leaf
    // (rules after the point where every case is decided have none).
    if (leaf_of_rule[i] >= 0 && space.FindCaseAt(holds, leaf_of_rule[i])) continue;
    std::vector<int> winners = Winners(space, graph, holds);
    std::vector<std::string> ids = {rule.id};
    for (int w : winners) ids.push_back(rs.rules[static_cast<size_t>(w)].id);
    int self = static_cast<int>(i);
    auto cells = space.FindCase(
        holds, [&](int leaf) { return graph.leaves()[static_cast<size_t>(leaf)].rule != self; });
    AddFinding(diags, Severity::kWarning, rule.pos, "W001",
               fmt::format("rule '{}' never decides a case: wherever it holds, "
                           "{} decide{} first",
                           rule.id, RuleList(rs, winners), winners.size() == 1 ? "s" : ""),
               ids, cells ? ExampleCaseJson(graph, *cells) : "");
  }
}

}  // namespace triage
