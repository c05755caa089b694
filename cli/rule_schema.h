// The JSON Schema (draft 2020-12) of the rule-file format, for editors:
// schema/triage-rules.schema.json, built into the binary.
#pragma once

#include <string_view>

namespace triage::cli {

std::string_view RuleFileSchema();

}  // namespace triage::cli
