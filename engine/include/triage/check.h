// Stage 2, check: names and types.
//
// Resolves every name in the rule model (facts, conditions, routes, rule ids),
// checks every comparison against the fact's type and fills in literal values
// (model.h: Value), so that the compiler can trust the model. Reports
// duplicate names, unknown names with did-you-mean, type errors, cycles among
// named conditions and rules that read personal facts. It reads and annotates
// the model; it never changes what the rules mean.
#pragma once

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Checks `rs` and annotates it in place. Every problem goes to `diags`.
void CheckRuleSet(RuleSet& rs, Diagnostics& diags);

}  // namespace triage
