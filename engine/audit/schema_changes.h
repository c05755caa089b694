// The facts that changed between two versions of a rule set, and which of
// them make the candidate find a case invalid or undetermined. Internal to
// audit/.
#pragma once

#include <vector>

#include "triage/audit.h"
#include "triage/cases.h"
#include "triage/evaluate.h"

namespace triage {

/// Facts added, removed, renamed (a removed and an added fact of the same
/// type, values and bounds) or retyped from `baseline` to `candidate`, in
/// the candidate's file order then the baseline's; counts left at zero.
std::vector<SchemaChange> SchemaChanges(const RuleSet& baseline, const RuleSet& candidate);

/// The changes (indices into `changes`) that make the candidate find the
/// case invalid or undetermined while the baseline did not: `to` is the
/// candidate's outcome, `values` its reading of the case (valid or not),
/// `raw` the case as written.
std::vector<int> SchemaCauses(const std::vector<SchemaChange>& changes, const RuleSet& candidate,
                              const RawCase& raw, const Case& values, const Outcome& from,
                              const Outcome& to);

}  // namespace triage
