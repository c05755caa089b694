// Gaps: with no `default`, cases that no rule matches.
#include "analyze/passes.h"

#include "triage/analyze.h"

namespace triage {

void FindGaps(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags) {
  if (graph.rules().default_route_index >= 0) return;
  auto cells = space.FindCase(space.preds().True(), [&](int leaf) {
    return graph.leaves()[static_cast<size_t>(leaf)].routes.empty();
  });
  if (!cells) return;
  AddFinding(diags, Severity::kError, {}, "E040",
             "some cases match no rule and there is no 'default'", {},
             ExampleCaseJson(graph, *cells));
}

}  // namespace triage
