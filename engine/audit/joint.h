// The case space two versions of a rule set share: per fact (matched by
// name) the common refinement of both versions' cells, so that a set of
// cases can be described once and read by either graph. Internal.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "triage/audit.h"
#include "triage/compile.h"

namespace triage {

struct JointFact {
  std::string name;
  int a = -1, b = -1;               ///< the fact's index in the baseline / candidate, or -1
  std::unique_ptr<Fact> fact;       ///< common bounds; enum: the common values
  FactDomain domain;                ///< cells inside one cell of each side
  std::vector<int> cell_a, cell_b;  ///< joint cell → that side's cell, or -1
  /// Whether the baseline's cell and the candidate's cell around this joint
  /// cell are the same set of values (the versions draw the same lines).
  std::vector<bool> same;
};

/// The joint cell holding value `v` of fact number `fact` of `rs` (one of
/// the two versions), or -1 (an enum value the other version lacks).
int JointCell(const JointFact& joint, const RuleSet& rs, int fact, const Value& v);

class JointSpace;

/// Compares `a` and `b` over `space` (made from them) into `diff`; see
/// CompareGraphs (audit.h), which makes the space itself.
void CompareInSpace(const JointSpace& space, const DecisionGraph& a, const DecisionGraph& b,
                    std::size_t step_budget, GraphDiff& diff);

class JointSpace {
 public:
  /// The facts either graph tests. On a schema conflict (a fact's type
  /// changed, or bounds with nothing in common) `error` says why and the
  /// space is unusable; smaller differences go to `notes`.
  JointSpace(const DecisionGraph& a, const DecisionGraph& b, std::vector<std::string>& notes,
             std::string& error);

  const std::vector<JointFact>& facts() const { return facts_; }
  /// The joint fact of a side's fact index, or -1 when neither graph tests it.
  int OfA(int fact) const { return of_a_[static_cast<size_t>(fact)]; }
  int OfB(int fact) const { return of_b_[static_cast<size_t>(fact)]; }

 private:
  std::vector<JointFact> facts_;
  std::vector<int> of_a_, of_b_;
};

}  // namespace triage
