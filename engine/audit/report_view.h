// The audit report's sections as the three renderers share them: what each
// section shows and in which words (report_view.cc), so that the text, JSON
// and HTML forms (report_text.cc, report_json.cc, report_html.cc) only lay
// it out. Internal to audit/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/audit.h"

namespace triage::audit_view {

/// "Dry run: nothing was written but this report."
extern const char* const kDryRun;

std::string Percent(std::uint64_t part, std::uint64_t whole);
/// "1 case", "2 cases".
std::string Cases(std::uint64_t n);
/// The deciding rule for people: its id, "default" when the default route
/// decided, "-" when nothing was decided or the side is a recorded route.
std::string RuleShown(const std::string& rule, const Outcome& outcome, bool recorded = false);
/// "c7 (corpus.jsonl:8)".
std::string Where(const AuditedCase& c);
/// "role = wethouder, procedures_12m = 9" (unknown facts said so).
std::string FactsText(const AuditedCase& c);
/// "n is 8..9", "role is raadslid or wethouder", but "d >= 2026-02-01".
std::string ConditionText(std::string_view fact, std::string_view values);
/// `text` with a capital first letter: the report's sentences are written
/// once, in lower case as the text form shows them; HTML starts them with a
/// capital.
std::string Capitalized(std::string_view text);

/// The corpus inputs, joined with ", ".
std::string Inputs(const AuditReport& r);

/// The transition matrix: a count per row (baseline) and column (candidate)
/// label, and the largest count on and off the diagonal (for shading).
struct Matrix {
  std::vector<std::vector<std::uint64_t>> counts;
  std::uint64_t most_same = 1, most_changed = 1;
};
Matrix MatrixOf(const AuditReport& r);

/// A changed or invalid case of the corpus as the report lists it.
struct ExampleRow {
  std::string where, rule_before, rule_after, facts;
};
/// A transition with its examples; `more` were not listed.
struct Change {
  const AuditReport::Transition* transition;
  std::vector<ExampleRow> rows;
  std::uint64_t more = 0;
};
std::vector<Change> ChangesOf(const AuditReport& r);

/// The note on a rule's use: "new rule", "removed rule", or "".
std::string RuleNote(const RuleUse& u);
bool Shifted(const AuditReport& r, const RuleUse& u);

/// Invalid cases listed, and how many more there were.
std::uint64_t InvalidNotListed(const AuditReport& r);

/// Regions of one transition (and the same deciding rules), and what they
/// have in common: a change that is one statement for people often takes
/// several regions (an "or" is two boxes). Regions come sorted by
/// transition.
struct RegionGroup {
  size_t first = 0, count = 0;
  std::uint64_t corpus_cases = 0;
  std::vector<std::pair<std::string, std::string>> common;  ///< in every region
  std::vector<std::string> varying;                         ///< facts that differ between them
};
std::vector<RegionGroup> GroupRegions(const std::vector<DiffRegion>& regions);

/// The sentences of the report that more than one form says.
extern const char* const kNoChanges;
extern const char* const kEveryRuleReached;
extern const char* const kNoCaseReaches;
extern const char* const kNowhere;
extern const char* const kIncomplete;
/// "N changed case(s) of the corpus is/are in no region: ...".
std::string OutsideRegionsText(std::uint64_t n);

}  // namespace triage::audit_view
