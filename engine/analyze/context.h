// What the analyses share: the compiled graph imported into a decision
// diagram with the same fact order, predicates over it, and path search.
// Internal to analyze/.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "compile/mdd.h"
#include "compile/predicate.h"
#include "triage/compile.h"

namespace triage {

class AnalysisContext {
 public:
  /// Throws mdd::BudgetExceeded past `node_budget` nodes, here or later.
  AnalysisContext(const DecisionGraph& graph, std::size_t node_budget);

  mdd::Diagram& dd() { return dd_; }
  PredicateBuilder& preds() { return preds_; }
  /// The graph as a diagram whose terminals are leaf indices.
  int outcome() const { return outcome_; }
  /// 0/1 diagram of a `route ...` or `rule ...` comparison (guarantees).
  int OutcomeAtom(const Expr& e);
  /// The leaves a case can reach while `predicate` (0/1) holds for it.
  std::vector<int> LeavesWhere(int predicate);
  /// Cells (per fact, -1 = any) along a path from `root` to a terminal
  /// whose value satisfies `want`; nullopt when there is none.
  std::optional<std::vector<int>> FindPath(int root,
                                           const std::function<bool(int)>& want);
  /// A path to a leaf in `leaves` on which `predicate` holds.
  std::optional<std::vector<int>> FindCase(int predicate,
                                           const std::function<bool(int)>& leaf_wanted);

 private:
  const DecisionGraph& graph_;
  std::vector<int> level_of_fact_;
  std::vector<FactDomain> domains_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  int outcome_ = 0;
};

}  // namespace triage
