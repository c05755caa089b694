#include "triage/analyze.h"

#include <memory>

#include <fmt/format.h>

#include "analyze/passes.h"

namespace triage {

void AddFinding(Diagnostics& diags, Severity severity, SourcePos pos, const char* code,
                std::string message, std::vector<std::string> rules, std::string example) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.message =
      example.empty() ? std::move(message) : fmt::format("{}, for example {}", message, example);
  d.pos = pos;
  d.rules = std::move(rules);
  d.example = std::move(example);
  diags.Add(std::move(d));
}

std::string RuleList(const RuleSet& rs, const std::vector<int>& rules) {
  std::string names;
  for (size_t k = 0; k < rules.size(); ++k) {
    const char* sep = k == 0 ? "" : (k + 1 == rules.size() ? " or " : ", ");
    names += fmt::format("{}'{}'", sep, rs.rules[static_cast<size_t>(rules[k])].id);
  }
  return names;
}

void AnalyzeRuleSet(const DecisionGraph& graph, std::size_t node_budget, Diagnostics& diags) {
  Diagnostics found;
  try {
    std::unique_ptr<CaseSpace> space;
    if (graph.ordered()) {
      space = std::make_unique<DiagramSpace>(graph, node_budget);
    } else if (graph.one_rule_diagrams()) {
      space = std::make_unique<SatSpace>(graph, node_budget);
    } else {
      space = std::make_unique<ChainSpace>(graph, node_budget);
    }
    FindUnreachableRoutes(*space, graph, found);
    FindGaps(*space, graph, found);
    FindOverlaps(*space, graph, found);
    FindDeadRules(*space, graph, found);
    ProveGuarantees(*space, graph, found);
  } catch (const mdd::BudgetExceeded&) {
    // What was found before holds (each finding has its example case); what
    // was not looked at is unknown. That is no defect of the file, but a
    // guarantee that is not proven is not kept.
    for (const Diagnostic& d : found.items()) diags.Add(d);
    diags.Warning({}, "E044",
                  fmt::format("the analyses could not finish within the budget of {} nodes ({} "
                              "search steps); gaps, overlaps and dead rules are neither proven "
                              "nor refuted",
                              node_budget, node_budget * kSearchStepsPerNode));
    for (const Guarantee& g : graph.rules().guarantees) {
      bool refuted = false;
      for (const Diagnostic& d : found.items())
        refuted = refuted ||
                  (d.code == "E042" && d.pos.line == g.pos.line && d.pos.column == g.pos.column);
      if (refuted) continue;
      diags.Error(g.pos, "E044",
                  fmt::format("guarantee '{}' is neither proven nor refuted within the budget; a "
                              "guarantee that is not proven is not kept",
                              g.id));
    }
    return;
  }
  for (const Diagnostic& d : found.items()) diags.Add(d);
}

}  // namespace triage
