// Dead rules: rules that never decide a case, because their own condition
// never holds, or because where it holds other rules always win (earlier
// rules under `first`, higher routes under `priority`).
#include <algorithm>

#include <fmt/format.h>

#include "analyze/passes.h"
#include "triage/analyze.h"

namespace triage {
namespace {

void NeverApplies(const Rule& rule, Diagnostics& diags) {
  AddFinding(diags, Severity::kWarning, rule.pos, "W001",
             fmt::format("rule '{}' never applies: its condition holds for no "
                         "case",
                         rule.id),
             {rule.id}, "");
}

}  // namespace

void FindDeadRules(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    const Rule& rule = rs.rules[i];
    if (!rule.when) continue;
    int holds = ctx.preds().Build(*rule.when);
    if (holds == ctx.preds().False()) {
      NeverApplies(rule, diags);
      continue;
    }
    // Under `unique` and `collect` a rule that holds always takes part.
    if (rs.hit_policy == HitPolicy::kUnique || rs.hit_policy == HitPolicy::kCollect) {
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
      if (w >= 0 && std::find(winner_index.begin(), winner_index.end(), w) == winner_index.end()) {
        winner_index.push_back(w);
      }
    }
    std::sort(winner_index.begin(), winner_index.end());
    std::string names = RuleList(rs, winner_index);
    std::vector<std::string> ids = {rule.id};
    for (int w : winner_index) ids.push_back(rs.rules[static_cast<size_t>(w)].id);
    auto cells = ctx.FindCase(
        holds, [&](int leaf) { return graph.leaves()[static_cast<size_t>(leaf)].rule != self; });
    AddFinding(diags, Severity::kWarning, rule.pos, "W001",
               fmt::format("rule '{}' never decides a case: wherever it holds, "
                           "{} decide{} first",
                           rule.id, names, winner_index.size() == 1 ? "s" : ""),
               ids, cells ? ExampleCaseJson(graph, *cells) : "");
  }
}

void FindDeadRules(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  // Chains are built for `first` and `priority` only. A rule decides some
  // case when a case where it holds reaches its leaf: searching only where
  // it holds keeps the search short. Rules after the point where every case
  // is decided have no leaf at all.
  std::vector<int> leaf_of_rule(rs.rules.size(), -1);
  for (size_t l = 0; l < graph.leaves().size(); ++l) {
    int r = graph.leaves()[l].rule;
    if (r >= 0) leaf_of_rule[static_cast<size_t>(r)] = static_cast<int>(l);
  }
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    const Rule& rule = rs.rules[i];
    if (!rule.when) continue;
    int holds = ctx.preds().Build(*rule.when);
    if (holds == ctx.preds().False()) {
      NeverApplies(rule, diags);
      continue;
    }
    std::vector<Region> where = ctx.Regions(holds, 1);
    bool decides = false;
    for (const Region& r : where) {
      if (leaf_of_rule[i] < 0) break;
      decides = ctx.FindLeaf(r, leaf_of_rule[i]).has_value();
      if (decides) break;
    }
    if (decides) continue;
    // Which rules decide instead: naming all of them would mean listing
    // every leaf the region reaches, which a long chain makes expensive;
    // name the one that decides an example case where this rule holds.
    std::optional<std::vector<int>> example;
    for (const Region& r : where) {
      example = ctx.Find(r, [](int) { return true; });
      if (example) break;
    }
    std::vector<int> cells = *example;
    int leaf = CompleteExample(graph, cells);
    int winner = graph.leaves()[static_cast<size_t>(leaf)].rule;
    std::vector<std::string> ids = {rule.id};
    std::string by = "the default route applies";
    if (winner >= 0) {
      ids.push_back(rs.rules[static_cast<size_t>(winner)].id);
      by = fmt::format("'{}' decides", rs.rules[static_cast<size_t>(winner)].id);
    }
    AddFinding(diags, Severity::kWarning, rule.pos, "W001",
               fmt::format("rule '{}' never decides a case: earlier rules decide "
                           "wherever it holds; here {}",
                           rule.id, by),
               ids, ExampleCaseJson(graph, *example));
  }
}

}  // namespace triage
