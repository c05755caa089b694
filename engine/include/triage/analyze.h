// Analyses of a compiled rule set, run by `triage check`. Each is its own
// pass: it reads the model and the graph and reports diagnostics, never
// changing either. Each finding carries an example case (JSON) that
// `triage route` routes exactly as the finding says.
#pragma once

#include <string>
#include <vector>

#include "triage/compile.h"
#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Gaps: with no `default`, cases that no rule matches (E040, error).
void FindGaps(const DecisionGraph& graph, Diagnostics& diags);

/// Overlaps under hit policy `unique`: cases that two rules match (E041).
void FindOverlaps(const DecisionGraph& graph, Diagnostics& diags);

/// Guarantees: each `guarantees:` entry proven over every case, or refuted
/// with a counterexample (E042). `node_budget` bounds the work; past it the
/// guarantee is reported as not proven (E044), never guessed.
void ProveGuarantees(const DecisionGraph& graph, std::size_t node_budget,
                     Diagnostics& diags);

/// Gives a cell to every fact the graph tests on the way from the root that
/// `cells` leaves open (cell 0), so that the case routes without unknown
/// facts. Returns the leaf the case reaches.
int CompleteExample(const DecisionGraph& graph, std::vector<int>& cells);

/// An example case as a JSON object: the facts with a cell (cells[f] >= 0),
/// in schema order, each with a value from its cell. Facts the graph needs
/// to decide and that `cells` leaves open are filled in first (cell 0), so
/// that the case routes without unknown facts.
std::string ExampleCaseJson(const DecisionGraph& graph, std::vector<int> cells);

}  // namespace triage
