// Sets of cases as regions (per fact, the cells allowed), and the search for
// the leaves a region can reach through a decision graph, following only
// feasible paths: in a chain of diagrams a fact may be tested twice, and a
// path is feasible only if both tests agree. Used by evaluation (cases with
// unknown facts) and by the analyses of chained graphs. Internal.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "triage/compile.h"

namespace triage {

/// Per fact, a set of cells. Everything allowed when made.
class Region {
 public:
  explicit Region(const DecisionGraph& g);

  bool Allows(int fact, int cell) const {
    size_t bit = (*offset_)[static_cast<size_t>(fact)] + static_cast<size_t>(cell);
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }
  /// Allows only `cell` of `fact`.
  void Fix(int fact, int cell);
  /// Keeps only the cells of `fact` for which `keep[cell]` is true.
  void Restrict(int fact, const std::vector<bool>& keep);
  /// The first allowed cell of `fact`, or -1 when all are (nothing to fix).
  int FirstIfNarrowed(int fact) const;

 private:
  const DecisionGraph* graph_;
  std::shared_ptr<const std::vector<size_t>> offset_;  // first bit of each fact
  std::vector<std::uint64_t> bits_;
};

/// Searches the feasible paths of a graph. A chain's diagrams all test facts
/// in one order, so they are walked side by side, one fact at a time: a
/// position in each diagram, every fact answered once for all of them. The
/// case's outcome is the leaf of the first diagram that does not go on to
/// the next. On a single diagram this is a plain walk. Work is bounded by
/// `step_budget` positions visited (over all calls); past it a call returns
/// nullopt and exhausted() says so, rather than a guess.
class FeasibleSearch {
 public:
  FeasibleSearch(const DecisionGraph& g, std::size_t step_budget);

  /// The leaves (sorted) that cases in `region` reach; `visited`, when
  /// given, receives the nodes on the way, in visit order.
  std::optional<std::vector<int>> Leaves(const Region& region,
                                         std::vector<DecisionGraph::Ref>* visited = nullptr);

  /// The cells of a case within `region` that reaches a leaf for which
  /// `want` holds (-1 for facts it leaves open); nullopt when there is none
  /// (or the budget ran out).
  std::optional<std::vector<int>> Find(const Region& region, const std::function<bool(int)>& want);
  /// The same, for leaves of the first `diagrams` diagrams only: the later
  /// ones are not walked at all.
  std::optional<std::vector<int>> Find(const Region& region, const std::function<bool(int)>& want,
                                       int diagrams);
  /// The diagram (index in the chain) whose paths end in `leaf`.
  int DiagramOf(int leaf) const { return diagram_of_leaf_[static_cast<size_t>(leaf)]; }

  /// Whether some cases in `region` reach different routes when `fact` is
  /// `a` than when it is `b`, all else equal.
  std::optional<bool> Differ(const Region& region, int fact, int a, int b);

  bool exhausted() const { return exhausted_; }

 private:
  using Tuple = std::vector<DecisionGraph::Ref>;
  Tuple Start(int diagrams) const;
  // The level of the next fact to answer, or -1 when the tuple is decided.
  int NextLevel(const Tuple& t) const;
  // Advances every position testing the fact at `level` by `cell`, and
  // settles positions past a decided diagram.
  Tuple Advance(const Tuple& t, int level, int cell,
                std::vector<DecisionGraph::Ref>* visited) const;
  // The leaf a decided tuple reaches.
  int Outcome(const Tuple& t) const;
  bool Step();
  // The same searches on a single diagram, where a position is one
  // reference: plain walks, no tuples to make or remember.
  struct OneWalk;
  std::optional<std::vector<int>> LeavesOne(const Region& region,
                                            std::vector<DecisionGraph::Ref>* visited);
  std::optional<std::vector<int>> FindOne(const Region& region,
                                          const std::function<bool(int)>& want);
  std::optional<bool> DifferOne(const Region& region, int fact, int a, int b);

  const DecisionGraph& graph_;
  std::size_t step_budget_;
  std::size_t steps_ = 0;
  bool exhausted_ = false;
  std::vector<int> level_of_fact_;
  std::vector<DecisionGraph::Ref> next_root_;  // per diagram; kNone for the last
  std::vector<int> diagram_of_leaf_;
};

}  // namespace triage
