// The reference evaluator: rule by rule, straight from the model, with no
// decision graph. Slow on purpose and simple enough to trust; the compiled
// graph must agree with it on every case (tests/engine/evaluate/differential_test.cc).
#pragma once

#include <vector>

#include "triage/compile.h"
#include "triage/evaluate.h"
#include "triage/model.h"

namespace triage {

/// Evaluates `c` by trying each rule per the hit policy. With unknown facts
/// it tries every combination of cells of the unknown facts the rules read
/// (exponential: for tests). `ask` holds, in schema order, every unknown
/// fact whose answer alone can change the routes; `path` is left empty.
Decision EvaluateReference(const RuleSet& rs, const std::vector<FactDomain>& domains,
                           const Case& c);

}  // namespace triage
