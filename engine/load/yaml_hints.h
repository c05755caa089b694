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
std::string YamlSyntaxMessage(std::string_view yaml_message, std::string_view text, SourcePos at);

}  // namespace triage::yaml
