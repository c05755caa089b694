// Stage 5, report: decision records for programs (JSON, exactly as the
// rule-language spec's "Decision record"; JSON Lines, CSV) and for people
// (text in the rule file's language); the decision graph drawn (DOT, JSON);
// a rule file's findings as JSON. The writing helpers they share are in
// json.h and csv.h; the audit's report is the audit's (audit.h).
//
// Rendering is pure: same rule set, case and decision, same bytes. Values of
// personal facts are never written.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "triage/cases.h"
#include "triage/compile.h"
#include "triage/evaluate.h"
#include "triage/model.h"
#include "triage/names.h"

namespace triage {

/// Everything known about one routed (or refused) case.
struct Record {
  std::optional<std::string> case_id;
  std::string input;                  ///< where the case came from, e.g. "cases.jsonl"
  int index = 0;                      ///< 1-based position in its input
  int line = 0;                       ///< 1-based line, 0 when not known
  Case values;                        ///< the validated case (valid when problems is empty)
  Decision decision;                  ///< meaningful when problems is empty
  std::vector<CaseProblem> problems;  ///< non-empty: the case is invalid
  /// The names of values.kept (CaseOptions::keep), which every rendering
  /// writes after the standard fields; empty when nothing is kept.
  std::span<const std::string> kept_names = {};

  bool invalid() const { return !problems.empty(); }
};

/// What became of a case: a decision's status, or invalid.
enum class RecordStatus { kDecided, kUndetermined, kUnrouted, kInvalid };

template <>
struct NameTable<RecordStatus> {
  static constexpr std::array<Named<RecordStatus>, 4> kNames = {{
      {RecordStatus::kDecided, "decided"},
      {RecordStatus::kUndetermined, "undetermined"},
      {RecordStatus::kUnrouted, "unrouted"},
      {RecordStatus::kInvalid, "invalid"},
  }};
};

/// Every status, in the order summaries count them.
inline constexpr std::array<RecordStatus, 4> kRecordStatuses = {
    RecordStatus::kDecided, RecordStatus::kUndetermined, RecordStatus::kUnrouted,
    RecordStatus::kInvalid};

RecordStatus StatusOf(const Record& r);

/// The record as one line of JSON (no trailing newline). `lang` chooses the
/// language of `reason` ("" = the rule file's own). Kept values come in
/// `"kept": {"name": "text" or null, ...}` before `"ruleset"`.
std::string RecordJson(const RuleSet& rs, const Record& r, std::string_view lang);

/// CSV output: the header row (ending in a newline), then one row a record.
/// Lists are joined with ';', the path as fact=value pairs. Every cell is
/// safe to open in a spreadsheet (see CsvCell, csv.h). Kept values are
/// columns after the standard ones, named `kept` (the records' kept_names).
std::string RecordCsvHeader(std::span<const std::string> kept = {});
std::string RecordCsv(const RuleSet& rs, const Record& r, std::string_view lang);

/// The record for people, several lines ending in a newline; kept values
/// (those the case gives) on a last line of `name = value` pairs.
std::string RecordText(const RuleSet& rs, const Record& r, std::string_view lang);

/// The record as an entry of a test file (see rule_tests.h), to paste under
/// `cases:`: the known facts (personal ones left out, named in a comment)
/// and what was decided as the expectation; an invalid case (whose wrong
/// values the record does not keep) as a comment saying why. `lang` is not
/// used.
std::string RecordTestEntry(const RuleSet& rs, const Record& r, std::string_view lang);

/// The decision graph in Graphviz's DOT language: inner nodes show the
/// fact's label, edges the values they take, leaves the route label and the
/// deciding rule, coloured by route. Texts in `lang` ("" = the file's own).
std::string GraphDot(const DecisionGraph& graph, std::string_view lang);

/// The decision graph as JSON: the fact order, nodes with their edges and
/// value sets, and leaves with routes and rules.
std::string GraphJson(const DecisionGraph& graph);

/// `triage check --format json`: one file's findings as a JSON object with
/// the file, whether it passed, the rule set's identity and graph size (when
/// it compiled) and each finding (code, severity, message, line, column,
/// rules, example case). `strict` counts warnings as failures.
std::string FindingsJson(std::string_view file, const Diagnostics& diags, const RuleSet* rs,
                         const DecisionGraph* graph, bool strict);

}  // namespace triage
