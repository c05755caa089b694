// An interview: a decision reached one question at a time.
//
// Starts from what is known of a case (possibly nothing) and asks, one fact
// at a time, only what can still change the route, stopping as soon as the
// route is decided. Each answer is a value or "don't know"; a fact answered
// "don't know" is never asked again, and when nothing that matters is left to
// ask, the interview ends undetermined with the routes that remain possible.
// The decision at every point is the one Evaluate gives for the case as it
// is known, so an interview never disagrees with `route`.
//
// Which question comes next: on a single diagram, the fact after whose
// answer the fewest further questions are expected, looking up to two
// questions ahead and counting beyond that what the graph's own order would
// still ask (every cell of a fact equally likely unless weights are given);
// so on average it never asks more than following the graph. On a chain of
// diagrams, the first fact of Evaluate's ranking. The library asks nothing
// itself: the caller shows the question and hands in the answer.
#pragma once

#include <optional>
#include <vector>

#include "triage/compile.h"
#include "triage/evaluate.h"

namespace triage {

/// Per fact (schema order), how likely each of its cells is, summing to 1;
/// a fact left empty (or missing) has every cell alike.
using CellWeights = std::vector<std::vector<double>>;

class Interview {
 public:
  /// Begins with `start` (valid for the graph's rule set) as known;
  /// `weights` say how common each answer is (for instance as counted over
  /// past cases) and steer only which question comes first.
  Interview(const DecisionGraph& graph, Case start, CellWeights weights = {});

  /// The fact to ask next, or -1 when the interview is over: the route is
  /// decided (or unrouted), or nothing left to ask can change it.
  int Next() const { return next_; }
  /// The decision for the case as now known.
  const Decision& decision() const { return decision_; }
  /// The case as now known (unknown and "don't know" facts are nullopt).
  const Case& known() const { return case_; }

  /// Answers `fact` (which must be Next()) with `value` (valid for the
  /// fact), or with nullopt for "don't know".
  void Answer(int fact, std::optional<Value> value);
  /// Takes back the last answer, so that its fact is asked again; false when
  /// no answer was given yet.
  bool Back();

  /// Questions answered so far, "don't know" included.
  int asked() const { return static_cast<int>(answers_.size()); }
  /// Whether `fact` was answered "don't know".
  bool declined(int fact) const { return declined_[static_cast<std::size_t>(fact)] != 0; }

 private:
  void Decide();
  int Choose(const std::vector<int>& candidates) const;

  const DecisionGraph& graph_;
  CellWeights weights_;
  Case case_;
  std::vector<char> declined_;
  std::vector<int> answers_;  // the facts answered, in order
  Decision decision_;
  int next_ = -1;
};

}  // namespace triage
