#include <fmt/format.h>

#include "analyze/passes.h"
#include "triage/analyze.h"

namespace triage {

void AddFinding(Diagnostics& diags, Severity severity, SourcePos pos,
                const char* code, std::string message,
                std::vector<std::string> rules, std::string example) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.message = example.empty() ? std::move(message)
                              : fmt::format("{}, for example {}", message, example);
  d.pos = pos;
  d.rules = std::move(rules);
  d.example = std::move(example);
  diags.Add(std::move(d));
}

void AnalyzeRuleSet(const DecisionGraph& graph, std::size_t node_budget,
                    Diagnostics& diags) {
  FindUnreachableRoutes(graph, diags);
  Diagnostics found;
  try {
    AnalysisContext ctx(graph, node_budget);
    FindGaps(ctx, graph, found);
    FindOverlaps(ctx, graph, found);
    FindDeadRules(ctx, graph, found);
    ProveGuarantees(ctx, graph, found);
  } catch (const mdd::BudgetExceeded&) {
    diags.Error({}, "E044",
                fmt::format("the analyses could not finish within the budget "
                            "of {} nodes; gaps, overlaps, dead rules and "
                            "guarantees are neither proven nor refuted",
                            node_budget));
    return;
  }
  for (const Diagnostic& d : found.items()) diags.Add(d);
}

}  // namespace triage
