#pragma once

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Warns (W003) of each text that lacks a language other texts of the file
/// have: a reader in that language would meet the file's first language
/// there instead.
void FindMissingLanguages(const RuleSet& rs, Diagnostics& diags);

}  // namespace triage
