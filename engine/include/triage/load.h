// Stage 1, load: the bytes of a rule file into the rule model (model.h).
//
// Reads YAML strictly (see load/strict_yaml.h), checks the file's structure
// against the rule-language spec (known keys, required keys, node kinds) and
// parses every expression. It does not resolve names or types: that is the
// checker's job (check.h). It never reads files itself; the caller passes the
// bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Loads one rule file. Every problem is added to `diags`. Returns the model
/// whenever the YAML could be read, so that later stages can report their
/// problems too; `diags.HasErrors()` says whether it may be used.
std::optional<RuleSet> LoadRuleSet(std::string_view file_name, std::string_view bytes,
                                   Diagnostics& diags);

/// A rule file (or a test file) laid out in triage's one canonical layout,
/// with its comments; formatting the result again changes nothing, and it
/// reads as the same YAML. nullopt, with the problems in `diags`, when the
/// bytes are not YAML a rule file may hold.
std::optional<std::string> FormatYamlFile(std::string_view bytes, Diagnostics& diags);

/// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace triage
