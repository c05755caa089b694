// Guarantees: each `that:` proven over every case, or refuted with a
// counterexample (CaseSpace::FindViolation).
#include "analyze/passes.h"

#include <fmt/format.h>

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

void Refuted(const DecisionGraph& graph, const Guarantee& g, const Cells& cells,
             Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  Cells example = cells;
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

}  // namespace

void ProveGuarantees(CaseSpace& space, const DecisionGraph& graph, Diagnostics& diags) {
  for (const Guarantee& g : graph.rules().guarantees) {
    if (!g.that) continue;
    if (std::optional<Cells> cells = space.FindViolation(*g.that)) {
      Refuted(graph, g, *cells, diags);
    }
  }
}

}  // namespace triage
