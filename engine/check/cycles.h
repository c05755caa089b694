// Cycles among named conditions: a condition that uses itself, directly or
// through others, has no value. Found as the strongly connected components
// of the condition graph (Boost.Graph). Internal to check/.
#pragma once

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Reports each cycle once (E026), naming the whole cycle, at the first of
/// its conditions in file order. Condition references must be resolved.
void FindConditionCycles(const RuleSet& rs, Diagnostics& diags);

}  // namespace triage
