// The case space as the analyses see it: one set of questions ("a case
// where this holds that reaches such a leaf", "the leaves where this
// holds", "a case that breaks this guarantee"), answered exactly by two
// strategies. Each pass is written once, against CaseSpace. Internal to
// analyze/.
//
// - DiagramSpace, for a single ordered diagram: the graph imported into a
//   decision diagram, predicates built over it, and walks of their product.
// - ChainSpace, for a chain of diagrams: predicates as small diagrams of
//   their own, taken apart into regions, and the feasible-path search
//   (compile/region.h) over the chain.
// - SatSpace, for a chain of one-rule diagrams: every question a formula
//   for a SAT solver (sat_space.cc).
//
// Both throw mdd::BudgetExceeded when the work passes the budget; the
// analyses then say so (E044) rather than guess.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "compile/mdd.h"
#include "compile/predicate.h"
#include "compile/region.h"
#include "triage/compile.h"

namespace triage {

/// Cells of a case: per fact of the rule set, a cell, or -1 for any.
using Cells = std::vector<int>;

/// Per level of `g`'s fact order, the cells of its fact.
std::vector<int> CellsPerLevel(const DecisionGraph& g);

/// Whether a guarantee's `route ...` or `rule ...` comparison holds at a leaf.
bool OutcomeHolds(const Expr& e, const Leaf& leaf);

class CaseSpace {
 public:
  virtual ~CaseSpace() = default;

  /// Predicates (0/1 diagrams) over the facts' cells: Build, True, False.
  virtual PredicateBuilder& preds() = 0;
  /// A case for which `predicate` holds that reaches a leaf for which
  /// `want` holds; nullopt when there is none.
  virtual std::optional<Cells> FindCase(int predicate, const std::function<bool(int)>& want) = 0;
  /// The same for one leaf.
  virtual std::optional<Cells> FindCaseAt(int predicate, int leaf);
  /// The leaves cases for which `predicate` holds reach, sorted; nullopt
  /// when listing every one would take more than a small share of the
  /// budget (a long chain), so that asking never costs the analyses their
  /// budget.
  virtual std::optional<std::vector<int>> TryLeavesWhere(int predicate) = 0;
  /// A case for which guarantee `that` does not hold.
  virtual std::optional<Cells> FindViolation(const Expr& that) = 0;
  /// Whether every leaf of the graph is reached by some case. Not so in a
  /// chain, where a leaf may lie only on paths that contradict themselves.
  virtual bool EveryLeafReachable() const = 0;
};

/// A single ordered diagram.
class DiagramSpace final : public CaseSpace {
 public:
  /// Throws mdd::BudgetExceeded past `node_budget` nodes, here or later.
  DiagramSpace(const DecisionGraph& graph, std::size_t node_budget);

  PredicateBuilder& preds() override { return preds_; }
  std::optional<Cells> FindCase(int predicate, const std::function<bool(int)>& want) override;
  /// Always the whole list: a single diagram's walk is cheap.
  std::optional<std::vector<int>> TryLeavesWhere(int predicate) override;
  std::optional<Cells> FindViolation(const Expr& that) override;
  bool EveryLeafReachable() const override { return true; }

 private:
  // Calls at_leaf for each (leaf, cells on the way) where `predicate` holds,
  // until it returns true.
  void WalkWhere(int predicate, const std::function<bool(int, const Cells&)>& at_leaf);
  // Cells along a path of diagram `root` to a terminal whose value
  // satisfies `want`.
  std::optional<Cells> FindPath(int root, const std::function<bool(int)>& want);
  // 0/1 diagram of a `route ...` or `rule ...` comparison (guarantees).
  int OutcomeAtom(const Expr& e);

  const DecisionGraph& graph_;
  std::vector<int> level_of_fact_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  int outcome_ = 0;  // the graph as a diagram whose terminals are leaf indices
};

/// Searches may visit this many nodes per node of the budget.
constexpr std::size_t kSearchStepsPerNode = 4;

/// A chain of diagrams.
class ChainSpace final : public CaseSpace {
 public:
  /// Throws mdd::BudgetExceeded when the work passes `budget`. Lists of
  /// leaves (TryLeavesWhere) take `listing_steps` steps at most, all
  /// together: by default a sixteenth of the search's budget.
  ChainSpace(const DecisionGraph& graph, std::size_t budget,
             std::optional<std::size_t> listing_steps = std::nullopt);

  PredicateBuilder& preds() override { return preds_; }
  std::optional<Cells> FindCase(int predicate, const std::function<bool(int)>& want) override;
  /// Only the diagrams up to the leaf's own are walked.
  std::optional<Cells> FindCaseAt(int predicate, int leaf) override;
  /// Searched apart from the other questions, on a budget of its own.
  std::optional<std::vector<int>> TryLeavesWhere(int predicate) override;
  /// Per reachable leaf, the cases that break the guarantee there, and
  /// whether any of them really reaches that leaf.
  std::optional<Cells> FindViolation(const Expr& that) override;
  bool EveryLeafReachable() const override { return false; }

 private:
  // The regions of the paths of 0/1 diagram `predicate` to `value`.
  std::vector<Region> Regions(int predicate, int value);
  // The leaves of `search`'s walks over the regions where `predicate`
  // holds, or nullopt when it ran out of its budget.
  std::optional<std::vector<int>> LeavesWhere(FeasibleSearch& search, int predicate);
  std::optional<Cells> Find(const Region& region, const std::function<bool(int)>& want);
  std::optional<Cells> FindLeaf(const Region& region, int leaf);

  const DecisionGraph& graph_;
  std::size_t budget_;
  std::vector<int> level_of_fact_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  FeasibleSearch search_;
  FeasibleSearch listing_;                     // for TryLeavesWhere, on a budget of its own
  std::optional<std::vector<int>> reachable_;  // the leaves any case reaches, once asked
};

/// A chain of one-rule diagrams (DecisionGraph::one_rule_diagrams), where a
/// search of the chain's paths would take as long as the rules are many:
/// the questions are put to a SAT solver (CaDiCaL) instead. Each fact's
/// cells are variables of which exactly one holds; a predicate's diagram
/// becomes a variable per node; and "rule k decides" is its condition
/// holding while no rule before it (in evaluation order) does. A leaf is
/// the rule that decides there, or no rule at all; so every question about
/// leaves is a formula, and each model is an example case.
class SatSpace final : public CaseSpace {
 public:
  /// Throws mdd::BudgetExceeded past `node_budget` diagram nodes, or when
  /// one question takes the solver more than `node_budget` conflicts.
  SatSpace(const DecisionGraph& graph, std::size_t node_budget);
  ~SatSpace() override;

  PredicateBuilder& preds() override { return preds_; }
  std::optional<Cells> FindCase(int predicate, const std::function<bool(int)>& want) override;
  /// Tried first without the solver, where the rules are masks: the
  /// leaf's rule made to hold, and each earlier rule that still could made
  /// to fail on a fact not yet given (Greedy).
  std::optional<Cells> FindCaseAt(int predicate, int leaf) override;
  /// Up to 8 leaves, one model each; nullopt past that (a finding then
  /// names one rule of many).
  std::optional<std::vector<int>> TryLeavesWhere(int predicate) override;
  std::optional<Cells> FindViolation(const Expr& that) override;
  bool EveryLeafReachable() const override { return false; }

 private:
  struct Solver;
  int NewVar() { return ++vars_; }
  // The variable of predicate node `n` (true when a case's cells reach the
  // terminal 1 from it).
  int VarOf(int n);
  // The literal of "the case reaches leaf `l`".
  int LeafLiteral(int l) const;
  // The literal of guarantee expression `e`, route and rule atoms included.
  int ExprLiteral(const Expr& e);
  // Solves under `assumptions`; the model's cells, or nullopt when there is
  // none.
  std::optional<Cells> Solve(const std::vector<int>& assumptions);
  int LeafOfModel();
  // A case that reaches the leaf where masks position `p` decides, found
  // without the solver, or nullopt when the quick way does not find one.
  std::optional<Cells> Greedy(int p) const;
  bool Holds(int predicate, const Cells& cells) const;

  const DecisionGraph& graph_;
  std::size_t budget_;
  std::vector<int> level_of_fact_;
  mdd::Diagram dd_;
  PredicateBuilder preds_;
  std::unique_ptr<Solver> solver_;
  int vars_ = 0;
  int true_ = 0;
  std::vector<std::vector<int>> cell_var_;  // per level, per cell
  std::vector<int> node_var_;               // per predicate node; 0 = not yet
  std::vector<int> decides_;                // per leaf: its literal
  std::vector<int> position_of_leaf_;       // per leaf: its masks position, or -1
};

}  // namespace triage
