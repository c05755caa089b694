// What a YAML syntax error means in a rule file, in plain words with the
// fix: yaml-cpp says "illegal map value" or "end of sequence not found";
// the person editing needs "put this text in quotes" or "line this up with
// 'route:' above it".
#pragma once

#include <string>
#include <string_view>

#include "triage/diagnostic.h"

namespace triage::yaml {

/// The message for E001, from yaml-cpp's `yaml_message` at `at` in `text`:
/// the common mistakes (a colon in an unquoted text, a line indented too
/// little or too much, a '-' without a space, an unclosed bracket, a '?' in
/// braces) explained with their fix; any other ends in YAML's own words.
/// The fix quotes the text at fault when `show_values` (not for a case file,
/// whose values may be personal).
std::string YamlSyntaxMessage(std::string_view yaml_message, std::string_view text, SourcePos at,
                              bool show_values = true);

}  // namespace triage::yaml
