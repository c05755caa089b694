// The analysis passes, one file each, each written once against the case
// space (space.h), whatever the shape of the graph. Internal to analyze/;
// run together by AnalyzeRuleSet (analyze.h).
#pragma once

#include <string>
#include <vector>

#include "analyze/space.h"
#include "triage/diagnostic.h"

namespace triage {

void FindUnreachableRoutes(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags);
void FindGaps(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags);
void FindOverlaps(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags);
void FindDeadRules(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags);
void ProveGuarantees(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags);

/// "'a', 'b' or 'c'" for rule indices.
std::string RuleList(const RuleSet& rs, const std::vector<int>& rules);

/// Adds the finding with its example case, both in the message and as data.
void AddFinding(Diagnostics& diags, Severity severity, SourcePos pos, const char* code,
                std::string message, std::vector<std::string> rules, std::string example);

}  // namespace triage
