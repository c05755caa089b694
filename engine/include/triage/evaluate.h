// Stage 4, evaluate: one case through the decision graph.
//
// A walk from the root, one fact per inner node: its cost grows with the
// number of facts tested, not with the number of rules. A case with unknown
// facts is decided when every value the unknown facts could take leads to
// the same routes; otherwise it is undetermined, with the routes that remain
// possible and the unknown facts that matter, most useful first. Both are
// exact, because every path of the graph is a set of cases that exists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "triage/compile.h"
#include "triage/model.h"

namespace triage {

/// A validated case: one optional value per fact of the rule set, in
/// schema order; nullopt = unknown.
struct Case {
  std::optional<std::string> id;  ///< the case's `case_id`
  std::vector<std::optional<Value>> values;
  /// Values of keys that are not facts, carried into the record untouched
  /// (CaseOptions::keep, in its order; null when absent). Never evaluated.
  /// (`= {}` so that Case{id, values} still initialises without a warning.)
  std::vector<std::optional<std::string>> kept = {};
};

struct Decision {
  enum class Status { kDecided, kUndetermined, kUnrouted };
  Status status = Status::kUnrouted;
  /// kDecided: the routes (one, or several under `collect`), precedence
  /// order. kUndetermined: the routes still possible.
  std::vector<int> routes;
  int rule = -1;                 ///< the deciding rule, or -1
  std::vector<int> rules;        ///< `collect`: every rule that holds
  bool by_default = false;       ///< the default route decided
  bool may_be_unrouted = false;  ///< kUndetermined: some answers route nowhere
  std::vector<int> path;         ///< known facts the decision depended on, as tested
  std::vector<int> ask;          ///< kUndetermined: facts to ask, most useful first
  int leaf = -1;                 ///< the graph leaf reached when every fact tested was known
};

/// Evaluates `c` (valid for the graph's rule set).
Decision Evaluate(const DecisionGraph& graph, const Case& c);

/// The same into `out`, reusing its buffers: no allocation once they have
/// grown, for routing many cases in a loop.
void Evaluate(const DecisionGraph& graph, const Case& c, Decision& out);

}  // namespace triage
