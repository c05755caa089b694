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

/// Whether a guarantee's `route ...` or `rule ...` comparison holds at a leaf.
bool OutcomeHolds(const Expr& e, const Leaf& leaf);

class AnalysisContext {
 public:
  /// Throws mdd::BudgetExceeded past `node_budget` nodes, here or later.
  AnalysisContext(const DecisionGraph& graph, std::size_t node_budget);

  PredicateBuilder& preds() { return preds_; }
  /// The graph as a diagram whose terminals are leaf indices.
  int outcome() const { return outcome_; }
  /// 0/1 diagram of a `route ...` or `rule ...` comparison (guarantees).
  int OutcomeAtom(const Expr& e);
  /// The leaves a case can reach while `predicate` (0/1) holds for it.
  std::vector<int> LeavesWhere(int predicate);
  /// Cells (per fact, -1 = any) along a path from `root` to a terminal
  /// whose value satisfies `want`; nullopt when there is none.
  std::optional<std::vector<int>> FindPath(int root, const std::function<bool(int)>& want);
  /// Cells of a case for which `predicate` holds and that reaches a leaf
  /// for which `leaf_wanted` holds.
  std::optional<std::vector<int>> FindCase(int predicate,
                                           const std::function<bool(int)>& leaf_wanted);

 private:
  // Calls at_leaf for each (leaf, cells on the way) where `predicate` holds,
  // until it returns true.
  void WalkWhere(int predicate, const std::function<bool(int, const std::vector<int>&)>& at_leaf);

  const DecisionGraph& graph_;
  std::vector<int> level_of_fact_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  int outcome_ = 0;
};

}  // namespace triage

#include "compile/region.h"

namespace triage {

/// Searches may visit this many nodes per node of the budget.
constexpr std::size_t kSearchStepsPerNode = 4;

/// What the analyses of a chain of diagrams share: the feasible-path search,
/// and predicates built as small diagrams of their own, taken apart into
/// regions (the paths of a predicate's diagram to a wanted terminal).
class ChainedContext {
 public:
  /// Throws mdd::BudgetExceeded when the work passes `budget`.
  ChainedContext(const DecisionGraph& graph, std::size_t budget);

  PredicateBuilder& preds() { return preds_; }
  Region Everything() const { return Region(graph_); }
  /// The regions of the paths of 0/1 diagram `predicate` to `value`.
  std::vector<Region> Regions(int predicate, int value);
  /// Cells of a case within `region` reaching a leaf for which `want`
  /// holds (-1: any).
  std::optional<std::vector<int>> Find(const Region& region, const std::function<bool(int)>& want);
  /// Cells of a case within `region` that reaches `leaf`: only the diagrams
  /// up to the leaf's own are walked.
  std::optional<std::vector<int>> FindLeaf(const Region& region, int leaf);
  /// The leaves cases in `region` reach.
  std::vector<int> Leaves(const Region& region);

 private:
  const DecisionGraph& graph_;
  std::size_t budget_;
  std::vector<int> level_of_fact_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  FeasibleSearch search_;
};

}  // namespace triage
