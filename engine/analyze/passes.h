// The analysis passes, one file each. Internal to analyze/; run together by
// AnalyzeRuleSet (analyze.h).
#pragma once

#include "analyze/context.h"
#include "triage/diagnostic.h"

namespace triage {

// Each pass has two forms: over a single ordered diagram (AnalysisContext:
// products of diagrams) and over a chain of diagrams (ChainedContext:
// searches of feasible paths). Only `first` and `priority` rule sets chain,
// so overlaps (`unique`) have the first form only.
void FindGaps(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindGaps(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindOverlaps(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindDeadRules(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindDeadRules(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
/// `chained` is null for a single diagram, where every leaf is reachable.
void FindUnreachableRoutes(ChainedContext* chained, const DecisionGraph& graph, Diagnostics& diags);
void ProveGuarantees(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void ProveGuarantees(ChainedContext& ctx, const DecisionGraph& graph, Diagnostics& diags);

/// "'a', 'b' or 'c'" for rule indices.
std::string RuleList(const RuleSet& rs, const std::vector<int>& rules);

/// Adds the finding with its example case, both in the message and as data.
void AddFinding(Diagnostics& diags, Severity severity, SourcePos pos, const char* code,
                std::string message, std::vector<std::string> rules, std::string example);

}  // namespace triage
