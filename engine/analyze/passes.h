// The analysis passes, one file each. Internal to analyze/; run together by
// AnalyzeRuleSet (analyze.h).
#pragma once

#include "analyze/context.h"
#include "triage/diagnostic.h"

namespace triage {

void FindGaps(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindOverlaps(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindDeadRules(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);
void FindUnreachableRoutes(const DecisionGraph& graph, Diagnostics& diags);
void ProveGuarantees(AnalysisContext& ctx, const DecisionGraph& graph, Diagnostics& diags);

/// Adds the finding with its example case, both in the message and as data.
void AddFinding(Diagnostics& diags, Severity severity, SourcePos pos,
                const char* code, std::string message,
                std::vector<std::string> rules, std::string example);

}  // namespace triage
