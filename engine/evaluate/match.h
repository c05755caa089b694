// Matching a complete case by the chain's bitmasks (compile/masks.h)
// instead of walking it: the same decision, path included. Internal to
// evaluate/.
#pragma once

#include "compile/masks.h"
#include "triage/evaluate.h"

namespace triage {

/// Decides `c` by `masks` (of `g`) into `d` and returns true, or returns
/// false, leaving `d` alone, when a fact some rule tests is unknown.
bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& masks, const Case& c, Decision& d);

}  // namespace triage
