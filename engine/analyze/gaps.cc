// Gaps: with no `default`, cases that no rule matches.
#include "analyze/passes.h"
#include "triage/analyze.h"

namespace triage {

void FindGaps(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  if (graph.rules().default_route_index >= 0) return;
  auto cells = ctx.FindPath(ctx.outcome(), [&](int leaf) {
    return graph.leaves()[static_cast<size_t>(leaf)].routes.empty();
  });
  if (!cells) return;
  AddFinding(diags, Severity::kError, {}, "E040",
             "some cases match no rule and there is no 'default'", {},
             ExampleCaseJson(graph, *cells));
}

void FindGaps(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags) {
  if (graph.rules().default_route_index >= 0) return;
  auto region = ctx.Find(ctx.Everything(), [&](int leaf) {
    return graph.leaves()[static_cast<size_t>(leaf)].routes.empty();
  });
  if (!region) return;
  AddFinding(diags, Severity::kError, {}, "E040",
             "some cases match no rule and there is no 'default'", {},
             ExampleCaseJson(graph, *region));
}

}  // namespace triage
