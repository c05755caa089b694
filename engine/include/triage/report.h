// Stage 5, report: decision records for programs (JSON, exactly as the
// rule-language spec's "Decision record") and for people (text in the rule
// file's language).
//
// Rendering is pure: same rule set, case and decision, same bytes. Values of
// personal facts are never written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/model.h"

namespace triage {

/// Everything known about one routed (or refused) case.
struct Record {
  std::optional<std::string> case_id;
  std::string input;  ///< where the case came from, e.g. "cases.jsonl"
  int index = 0;      ///< 1-based position in its input
  int line = 0;       ///< 1-based line, 0 when not known
  Case values;        ///< the validated case (valid when problems is empty)
  Decision decision;  ///< meaningful when problems is empty
  std::vector<CaseProblem> problems;  ///< non-empty: the case is invalid

  bool invalid() const { return !problems.empty(); }
};

/// The record as one line of JSON (no trailing newline). `lang` chooses the
/// language of `reason` ("" = the rule file's own).
std::string RecordJson(const RuleSet& rs, const Record& r,
                       std::string_view lang);

/// The record for people, several lines ending in a newline.
std::string RecordText(const RuleSet& rs, const Record& r,
                       std::string_view lang);

/// A JSON string literal for `s`, with quotes and escapes.
std::string JsonString(std::string_view s);

/// A fact's value as JSON (true, 42, 2.5, "aangifte", "2024-01-31").
std::string ValueJson(const Fact& fact, const Value& v);

}  // namespace triage
