// Guarantees: each `that:` proven over every case, or refuted with a
// counterexample. The guarantee becomes a 0/1 diagram over the imported
// graph; any path to 0 is a counterexample.
#include <fmt/format.h>

#include "analyze/passes.h"
#include "triage/analyze.h"

namespace triage {
namespace {

std::string Outcome(const RuleSet& rs, const Leaf& leaf) {
  if (leaf.routes.empty()) return "is not routed";
  std::string out = fmt::format("routes to '{}'", rs.routes[leaf.routes[0]].name);
  if (leaf.rule >= 0) {
    out += fmt::format(" by rule '{}'", rs.rules[leaf.rule].id);
  } else if (leaf.by_default) {
    out += " by default";
  }
  return out;
}

}  // namespace

void Refuted(const DecisionGraph& graph, const Guarantee& g, const std::vector<int>& cells,
             Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  std::vector<int> example = cells;
  int leaf = CompleteExample(graph, example);
  const Leaf& l = graph.leaves()[static_cast<size_t>(leaf)];
  std::vector<std::string> rules;
  if (l.rule >= 0) rules.push_back(rs.rules[l.rule].id);
  std::string json = ExampleCaseJson(graph, cells);
  Diagnostic d;
  d.severity = Severity::kError;
  d.code = "E042";
  d.message =
      fmt::format("guarantee '{}' does not hold: the case {} {}", g.id, json, Outcome(rs, l));
  d.pos = g.pos;
  d.rules = std::move(rules);
  d.example = std::move(json);
  diags.Add(std::move(d));
}

void ProveGuarantees(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  auto atom = [&](const Expr& e) { return ctx.OutcomeAtom(e); };
  for (const Guarantee& g : graph.rules().guarantees) {
    if (!g.that) continue;
    int holds = ctx.preds().Build(*g.that, atom);
    auto cells = ctx.FindPath(holds, [](int value) { return value == 0; });
    if (cells) Refuted(graph, g, *cells, diags);
  }
}

void ProveGuarantees(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  std::vector<int> leaves;
  if (!graph.rules().guarantees.empty()) leaves = ctx.Leaves(ctx.Everything());
  for (const Guarantee& g : graph.rules().guarantees) {
    if (!g.that) continue;
    // Per reachable leaf, the cases that violate the guarantee there, and
    // whether any of them really reaches that leaf.
    std::optional<std::vector<int>> counterexample;
    for (int l : leaves) {
      const Leaf& leaf = graph.leaves()[static_cast<size_t>(l)];
      auto atom = [&](const Expr& e) {
        return OutcomeHolds(e, leaf) ? ctx.preds().True() : ctx.preds().False();
      };
      int holds = ctx.preds().Build(*g.that, atom);
      for (const Region& violating : ctx.Regions(holds, 0)) {
        counterexample = ctx.FindLeaf(violating, l);
        if (counterexample) break;
      }
      if (counterexample) break;
    }
    if (counterexample) Refuted(graph, g, *counterexample, diags);
  }
}

}  // namespace triage
