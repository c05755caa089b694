// Analyses of a compiled rule set, run by `triage check` over the complete
// space of cases (not a sample). Each is its own pass (engine/analyze/, one
// file each): it reads the model and the graph and reports diagnostics,
// never changing either. Each finding carries an example case (JSON, in
// Diagnostic::example) that `triage route` routes as the finding says.
//
//   E040 gaps          cases no rule matches, with no `default` (error)
//   E041 overlaps      under `unique`, cases two rules match (error)
//   W001 dead rules    rules that never decide a case (warning)
//   W002 routes        declared routes no case reaches (warning)
//   E042 guarantees    each `guarantees:` entry proven or refuted (error)
//   E044 budget        the analyses could not finish within the node budget
#pragma once

#include <string>
#include <vector>

#include "triage/compile.h"
#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Runs every analysis on `graph`. `node_budget` bounds the diagrams the
/// analyses build; past it they say so (E044) rather than guess.
void AnalyzeRuleSet(const DecisionGraph& graph, std::size_t node_budget, Diagnostics& diags);

/// Gives a cell to every fact the graph tests on the way from the root that
/// `cells` leaves open (cell 0), so that the case routes without unknown
/// facts. Returns the leaf the case reaches.
int CompleteExample(const DecisionGraph& graph, std::vector<int>& cells);

/// An example case as a JSON object: the facts with a cell (cells[f] >= 0),
/// in schema order, each with a value from its cell, after CompleteExample.
std::string ExampleCaseJson(const DecisionGraph& graph, std::vector<int> cells);

}  // namespace triage
