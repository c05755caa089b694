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

void ProveGuarantees(AnalysisContext& ctx, const DecisionGraph& graph,
                     Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  auto atom = [&](const Expr& e) { return ctx.OutcomeAtom(e); };
  for (const Guarantee& g : rs.guarantees) {
    if (!g.that) continue;
    int holds = ctx.preds().Build(*g.that, atom);
    auto cells = ctx.FindPath(holds, [](int value) { return value == 0; });
    if (!cells) continue;
    std::vector<int> example = *cells;
    int leaf = CompleteExample(graph, example);
    const Leaf& l = graph.leaves()[static_cast<size_t>(leaf)];
    std::vector<std::string> rules;
    if (l.rule >= 0) rules.push_back(rs.rules[l.rule].id);
    std::string json = ExampleCaseJson(graph, *cells);
    Diagnostic d;
    d.severity = Severity::kError;
    d.code = "E042";
    d.message = fmt::format("guarantee '{}' does not hold: the case {} {}", g.id,
                            json, Outcome(rs, l));
    d.pos = g.pos;
    d.rules = std::move(rules);
    d.example = std::move(json);
    diags.Add(std::move(d));
  }
}

}  // namespace triage
