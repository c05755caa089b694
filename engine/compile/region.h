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
#include <unordered_set>
#include <vector>

#include "triage/compile.h"

namespace triage {

/// Per fact, a set of cells. Everything allowed when made.
class Region {
 public:
  explicit Region(const DecisionGraph& g);

  bool Allows(int fact, int cell) const {
    size_t bit = offset_->at(static_cast<size_t>(fact)) + static_cast<size_t>(cell);
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }
  /// Allows only `cell` of `fact`.
  void Fix(int fact, int cell);
  /// Keeps only the cells of `fact` for which `keep[cell]` is true.
  void Restrict(int fact, const std::vector<bool>& keep);
  /// Whether some cell of `fact` is allowed.
  bool AnyAllowed(int fact) const;
  /// The first allowed cell of `fact`, or -1 when all are (nothing to fix).
  int FirstIfNarrowed(int fact) const;
  /// One cell per fact that the region narrows, -1 for the others.
  std::vector<int> Example() const;
  const std::vector<std::uint64_t>& bits() const { return bits_; }

 private:
  friend class FeasibleSearch;
  const DecisionGraph* graph_;
  std::shared_ptr<const std::vector<size_t>> offset_;  // first bit of each fact
  std::vector<std::uint64_t> bits_;
};

/// Searches the feasible paths of a graph. Work is bounded by `step_budget`
/// node visits per call; past it a call returns nullopt and exhausted()
/// says so, rather than a guess.
class FeasibleSearch {
 public:
  FeasibleSearch(const DecisionGraph& g, std::size_t step_budget);

  /// The leaves (sorted) that cases in `region` can reach from the root;
  /// `visited`, when given, receives the nodes on the way, in visit order.
  std::optional<std::vector<int>> Leaves(
      const Region& region, std::vector<DecisionGraph::Ref>* visited = nullptr);

  /// A region of cases within `region` that reach a leaf for which `want`
  /// holds; nullopt when there is none (or the budget ran out).
  std::optional<Region> Find(const Region& region,
                             const std::function<bool(int)>& want);

  /// Whether some cases in `region` reach different routes when `fact` is
  /// `a` than when it is `b`, all else equal.
  std::optional<bool> Differ(const Region& region, int fact, int a, int b);

  bool exhausted() const { return exhausted_; }

 private:
  const std::vector<std::uint64_t>& MaskBelow(DecisionGraph::Ref node);
  std::string Key(DecisionGraph::Ref node, const Region& region);
  std::string PairKey(DecisionGraph::Ref a, DecisionGraph::Ref b, const Region& region);
  bool Step();

  const DecisionGraph& graph_;
  std::size_t step_budget_;
  std::size_t steps_ = 0;
  bool exhausted_ = false;
  std::shared_ptr<const std::vector<size_t>> offset_;
  size_t words_ = 0;
  std::vector<std::vector<std::uint64_t>> mask_below_;  // lazily, per node
};

}  // namespace triage
