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

// The rules that decide where a dead rule holds (sorted), when the space
// can list them all; else the one that decides `example`.
struct Winners {
  std::vector<int> rules;
  bool all = true;
};

Winners WinnersWhere(CaseSpace& space, const DecisionGraph& graph, int holds,
                     const std::optional<Cells>& example) {
  Winners w;
  std::optional<std::vector<int>> leaves = space.TryLeavesWhere(holds);
  if (!leaves) {
    w.all = false;
    if (!example) return w;
    Cells cells = *example;
    int rule = graph.leaves()[static_cast<size_t>(CompleteExample(graph, cells))].rule;
    if (rule >= 0) w.rules.push_back(rule);
    return w;
  }
  for (int l : *leaves) {
    int rule = graph.leaves()[static_cast<size_t>(l)].rule;
    if (rule >= 0) w.rules.push_back(rule);
  }
  std::sort(w.rules.begin(), w.rules.end());
  w.rules.erase(std::unique(w.rules.begin(), w.rules.end()), w.rules.end());
  return w;
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
    int self = static_cast<int>(i);
    auto cells = space.FindCase(
        holds, [&](int leaf) { return graph.leaves()[static_cast<size_t>(leaf)].rule != self; });
    Winners winners = WinnersWhere(space, graph, holds, cells);
    std::vector<std::string> ids = {rule.id};
    for (int w : winners.rules) ids.push_back(rs.rules[static_cast<size_t>(w)].id);
    std::string who = winners.all ? fmt::format("{} decide{} first", RuleList(rs, winners.rules),
                                                winners.rules.size() == 1 ? "s" : "")
                                  : fmt::format("other rules decide first, such as {}",
                                                RuleList(rs, winners.rules));
    AddFinding(diags, Severity::kWarning, rule.pos, "W001",
               fmt::format("rule '{}' never decides a case: wherever it holds, {}", rule.id, who),
               ids, cells ? ExampleCaseJson(graph, *cells) : "");
  }
}

}  // namespace triage
