// The tool's own words, in the languages it speaks (English and Dutch): what
// the text output says around the rule file's labels and reasons, so that a
// record, a summary or an interview is in one language throughout. The
// words a case file may use for yes and no are kYesNoWords (model.h); these
// are the words shown. The interview's own phrases are in
// cli/interview_talk.cc.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "triage/model.h"

namespace triage {

struct Words {
  std::string_view lang;
  // A decision record for people.
  std::string_view decided_by, by_default, source, because, undetermined, or_unrouted, known, ask,
      unrouted, invalid, also, a_case, column;
  // Booleans, as shown and as answered (case-insensitive): the words of the
  // language beside true and false.
  std::string_view yes, no;
  // The statuses of a record, as a summary counts them (decided,
  // undetermined, unrouted, invalid), and "case" / "cases".
  std::array<std::string_view, 4> statuses;
  std::string_view one_case, many_cases;
};

/// The audit report's own words (engine/audit/report_*.cc), beside the rule
/// files' labels. Texts with "{}" are format strings, their arguments in
/// the order the English says them. engine/report/audit_words.cc.
struct AuditWords {
  std::string_view lang;
  std::string_view dry_run, title, candidate, baseline, corpus, changed, version;
  std::string_view recorded_side;  // {field}
  std::string_view corpus_line;    // {inputs}: {N cases}, {invalid}
  std::string_view changed_line;   // {changed} of {cases} ({percent})
  std::string_view one_case, many_cases, one_region, many_regions;
  std::string_view undetermined, unrouted, invalid, not_recorded, not_a_route_name, unknown;
  std::string_view default_rule, rule, yes, no;
  std::string_view same_version;                                      // {version}
  std::string_view schema_heading, added, removed, renamed, retyped;  // {fact} / {old} {new}
  std::string_view schema_invalid, schema_undetermined;               // {N cases}
  std::string_view gone;  // after a fact the candidate no longer declares
  std::string_view transitions_heading, transitions_note, corner;
  std::string_view changed_heading, no_changes, attention, attention_down, attention_lost;
  std::string_view rule_before, rule_after, made_difference, and_more;  // and_more: {n}
  std::string_view fact, value;
  std::string_view rules_heading, every_rule_reached, no_case_reaches, cases_before, cases_after;
  std::string_view new_rule, removed_rule, more_often, less_often;  // {rule} {before} {after}
  std::string_view same_often, decides;                             // {rule} {N cases}
  std::string_view default_row;                                     // {route}
  std::string_view invalid_heading;                                 // {n}
  std::string_view regions_heading, regions_heading_short, regions_note, group_line;
  std::string_view in_all, differ_in, when, every_case, example, corpus_here_one, corpus_here_many,
      corpus_here_none, decision, example_case, none, not_compared, nowhere, incomplete,
      outside_one, outside_many, note;
  std::string_view card_cases, card_changed, card_invalid, card_regions;
  // The verb's line on stderr: {changed} of {cases}, {regions part}, {what}.
  std::string_view summary, summary_regions, the_report, the_report_named;
};

/// The audit's words in `lang`; English for a language the tool does not
/// speak.
const AuditWords& AuditWordsIn(std::string_view lang);

/// The languages the tool speaks, the first the default.
const std::vector<Words>& AllWords();

/// The words in `lang`; English for a language the tool does not speak.
const Words& WordsIn(std::string_view lang);

/// Whether the tool speaks `lang`.
bool Speaks(std::string_view lang);

/// A value for people in `lang`: booleans as the language's yes and no (in
/// English true and false, as cases write them), anything else as
/// ValueText.
std::string ValueTextIn(const Fact& fact, const Value& v, std::string_view lang);

/// "3 zaken: 2 besloten, 1 nog niet te bepalen, ...": `counts` per status
/// in the order of Words::statuses.
std::string CountsText(std::uint64_t total, const std::array<std::uint64_t, 4>& counts,
                       std::string_view lang);

}  // namespace triage
