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

/// A cell not looked up yet (MatchMasks with cells).
constexpr int kUnknownCell = -1;

/// The same with `cell[k]` the cell of fact masks.facts[k], or kUnknownCell
/// to look it up in `c` when needed (and keep it there): for trying many
/// cells of the facts a case leaves unknown.
bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& masks, const Case& c, int* cell,
                Decision& d);

}  // namespace triage
