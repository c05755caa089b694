// Stage 3, compile: a checked rule model into a decision graph.
//
// Each fact's domain is split into the cells the rules distinguish (enum
// values; intervals between the thresholds used for int, number and date
// facts; the string literals used plus "any other text"). The rules are then
// compiled into a reduced ordered multi-valued decision diagram: an inner
// node tests one fact and has one child per cell of that fact; a leaf is an
// outcome (the matching rules and the routes they give). Equal sub-graphs
// are shared, and facts are tested in one fixed order along every path, so
// every path from the root is a set of cases that exists; this is what makes
// the evaluation of cases with unknown facts, and every analysis, exact.
//
// Under `first` and `priority`, a diagram that grows past its budget is
// closed and the following rules go into a new diagram that it leads to on
// its "no rule here" paths: a chain, still one graph with the same answers
// (see DecisionGraph::ordered()).
//
// The result is immutable and flat (vectors with int indices), safe to share
// between threads. Compilation stops at a node budget with a diagnostic
// rather than growing without bound.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// The cells of one fact's domain: every case value falls in exactly one
/// cell, and every comparison in the rule set holds for all of a cell's
/// values or for none.
class FactDomain {
 public:
  /// Builds the partition of `fact`'s domain from every literal compared with
  /// fact number `fact_index` in `rs` (rules, conditions and guarantees).
  static FactDomain Build(const RuleSet& rs, int fact_index);

  /// The common refinement of two domains of `fact` (two versions of a
  /// rule set): every cell of the result lies inside one cell of `a` and one
  /// of `b`, and within `fact`'s bounds. `fact` must outlive the result.
  static FactDomain Join(const Fact& fact, const FactDomain& a, const FactDomain& b);

  int cell_count() const { return cell_count_; }
  /// The cell holding `v` (a valid value of the fact).
  int CellOf(const Value& v) const {
    // Bool and enum values are their own cells: the hot path of evaluation.
    if (type_ == FactType::kBool || type_ == FactType::kEnum) {
      return static_cast<int>(v.i);
    }
    return CellOfOrdered(v);
  }
  /// A value in `cell`, chosen to read naturally in an example case.
  Value Example(int cell) const;
  /// The cell for people: "true", "burgemeester", "5..9", ">= 10",
  /// "'Utrecht'", "any other text".
  std::string Describe(int cell) const;
  /// Whether comparison `e` (kCompare, kIn or kBetween on this fact) holds
  /// in each cell.
  std::vector<bool> Holds(const Expr& e) const;
  /// A set of cells for people: runs of neighbouring cells become ranges
  /// ("<= 4 or 8..9"); enum values and strings are listed.
  std::string Describe(const std::vector<bool>& cells) const;
  /// A set of cells as a rule file writes the condition on fact `name`:
  /// "procedures_12m between 8 and 9", "procedures_12m >= 10", "role in
  /// [burgemeester, wethouder]", "not doxing", several ranges joined with
  /// "or" in brackets; "" when every cell is allowed
  /// (engine/compile/domain_written.cc).
  std::string Written(std::string_view name, const std::vector<bool>& cells) const;

 private:
  static FactDomain Make(const Fact& fact, std::vector<std::int64_t> cuts,
                         std::vector<double> points, std::vector<std::string> strings);
  int CellOfOrdered(const Value& v) const;
  std::string DescribeRun(int first, int last) const;

  FactType type_ = FactType::kBool;
  const Fact* fact_ = nullptr;
  int cell_count_ = 0;
  // int, date: cell k is [starts_[k], starts_[k+1] - 1], the last up to hi_.
  std::vector<std::int64_t> starts_;
  std::int64_t lo_ = 0, hi_ = 0;
  // int, date over fewer than kDirectCells values: the cell of lo_ + i.
  static constexpr std::int64_t kDirectCells = 4096;
  std::vector<std::uint8_t> direct_;
  // number: points_ sorted; cells alternate interval, point, interval, ...
  // clipped to the bounds. cells_ describes each: (lo, hi, is_point).
  struct NumCell {
    double lo, hi;
    bool point;
  };
  std::vector<double> points_;
  std::vector<NumCell> num_cells_;
  std::vector<int> num_cell_of_slot_;  // slot 2k: before points_[k]; 2k+1: at
  // string: sorted literals; the last cell is "any other text".
  std::vector<std::string> strings_;
};

/// Whether comparison `e` holds for value `v` of its fact (`v` valid for the
/// fact's type). The one definition of comparison semantics, shared by the
/// compiler and the reference evaluator.
bool ComparisonHolds(const Expr& e, const Fact& fact, const Value& v);

/// One outcome of the graph.
struct Leaf {
  std::vector<int> rules;   ///< rules that hold, in file order (first and
                            ///< priority: the deciding rule only)
  std::vector<int> routes;  ///< in route precedence order; empty = unrouted
  int rule = -1;            ///< the deciding rule; -1 for default or none
  bool by_default = false;  ///< the default route decided
  bool conflict = false;    ///< hit policy unique and two or more rules hold
};

struct CompileOptions {
  /// Upper bound on the nodes of the compiled graph, and on the nodes any
  /// one diagram may create while it is built; past it compilation stops
  /// with error E043.
  std::size_t node_budget = 4'000'000;
  /// Under hit policies `first` and `priority`, a diagram that would create
  /// more nodes than this is closed, and the following rules go into the
  /// next diagram, chained to it: its "no rule matched" leaf leads to the
  /// next diagram's root. One graph still, and the same answers.
  std::size_t diagram_budget = 100'000;
  /// Under `first` and `priority`, a chain that would need more diagrams
  /// than this means the rules share few tests, and a case would walk many
  /// large diagrams. The compiler then gives each rule a diagram of its own
  /// and, when every rule is a conjunction of tests of single facts, a
  /// matcher that finds the first rule that holds by bitmasks instead of
  /// walking the chain (compile/masks.h); the graph and its answers are the
  /// same kind, and so is every record's path. 0: one rule a diagram always.
  std::size_t max_diagrams = 4;
};

struct FirstHitMasks;

/// The compiled, immutable decision graph.
class DecisionGraph {
 public:
  /// A reference to a node (>= 0) or a leaf (< 0, see LeafOf).
  using Ref = int;
  struct Node {
    int fact;
    int first_child;  ///< children()[first_child + cell]
  };

  static bool IsLeaf(Ref r) { return r < 0; }
  static int LeafOf(Ref r) { return -r - 1; }

  Ref root() const { return root_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  Ref Child(int node, int cell) const { return children_[nodes_[node].first_child + cell]; }
  const std::vector<Leaf>& leaves() const { return leaves_; }
  const FactDomain& domain(int fact) const { return domains_[fact]; }
  /// Every fact's domain, in schema order.
  const std::vector<FactDomain>& domains() const { return domains_; }
  /// Facts in the order the graph tests them (unused facts left out).
  const std::vector<int>& fact_order() const { return fact_order_; }
  /// Edges counted once per distinct child of a node.
  std::size_t edge_count() const { return edge_count_; }
  /// The roots of the chained diagrams, in order; the first is root().
  /// Every diagram tests facts in fact_order(); the paths of diagram k that
  /// lead to diagram k+1's root are its "no rule here" paths.
  const std::vector<Ref>& diagram_roots() const { return diagram_roots_; }
  int diagram_count() const { return static_cast<int>(diagram_roots_.size()); }
  /// A single diagram tests each fact at most once on every path, so every
  /// path is a set of cases that exists. In a chain a fact can be tested
  /// again in a later diagram; a path is then feasible only if its tests of
  /// each fact agree (see compile/region.h).
  bool ordered() const { return diagram_roots_.size() <= 1; }
  /// Each diagram of the chain holds one rule (CompileOptions::max_diagrams).
  bool one_rule_diagrams() const { return one_rule_diagrams_; }
  /// The chain's rules as bitmasks, when each diagram holds one rule and
  /// every rule is a conjunction; else null.
  const FirstHitMasks* masks() const { return masks_.get(); }
  const RuleSet& rules() const { return *rules_; }

  /// For the evaluation walk: per entry of the children array, the fact the
  /// child node tests and its first child (or -1 and the leaf ref for a
  /// leaf), so that a step needs no load of the node itself.
  struct Step {
    int fact;
    int first;
  };
  const std::vector<Step>& steps() const { return steps_; }
  Step root_step() const { return root_step_; }

  /// The graph as text, one line per diagram root, node and leaf, for
  /// structural tests and for reading a small graph by eye:
  ///   roots n0
  ///   n0 explicit_threat: false -> n1; true -> L0
  ///   L0 om by om-bedreiging
  /// Cells going to the same child are listed together ("a, b -> n2").
  std::string Dump() const;

 private:
  friend class GraphCompiler;
  std::vector<Step> steps_;
  Step root_step_{-1, -1};
  const RuleSet* rules_ = nullptr;
  Ref root_ = -1;
  std::vector<Node> nodes_;
  std::vector<Ref> children_;
  std::vector<Leaf> leaves_;
  std::vector<FactDomain> domains_;
  std::vector<int> fact_order_;
  std::size_t edge_count_ = 0;
  std::vector<Ref> diagram_roots_;
  bool one_rule_diagrams_ = false;
  std::shared_ptr<const FirstHitMasks> masks_;
};

/// The order in which `first` and `priority` try the rules: file order, or
/// for `priority` by route precedence (stable).
std::vector<int> EvaluationOrder(const RuleSet& rs);

/// Compiles a checked rule set (no errors from load and check). `rs` must
/// outlive the graph. Returns nullopt after adding E043 when the node budget
/// is exceeded.
std::optional<DecisionGraph> CompileRuleSet(const RuleSet& rs, const CompileOptions& options,
                                            Diagnostics& diags);

}  // namespace triage
