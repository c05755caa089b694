// Writing JSON: string literals, fact values and cases, as every report
// writes them. Output only: reading JSON is the case reader's (cases.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/model.h"

namespace triage {

/// A JSON string literal for `s`, with quotes and escapes; bytes that are
/// not UTF-8 become U+FFFD, so the result is always valid JSON.
std::string JsonString(std::string_view s);
/// The same, appended to `out`.
void AppendJsonString(std::string& out, std::string_view s);
/// `s` with every byte that is not UTF-8 replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

/// A fact's value as JSON (true, 42, 2.5, "aangifte", "2024-01-31"); a
/// personal fact's value is never written: "(personal data, not shown)".
std::string ValueJson(const Fact& fact, const Value& v);
/// The same, personal or not: only for a caller that keeps personal values
/// out itself (the register, which stores them as pseudonyms).
std::string UnguardedValueJson(const Fact& fact, const Value& v);

/// A case as one JSON object, {"fact": value, ...}, facts in the order
/// given (values as ValueJson writes them).
std::string CaseJson(const std::vector<std::pair<const Fact*, Value>>& facts);

}  // namespace triage
