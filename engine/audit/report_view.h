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
#include "triage/words.h"

namespace triage::audit_view {

/// "0.9%", in Dutch "0,9%".
std::string Percent(std::uint64_t part, std::uint64_t whole, std::string_view lang);
/// `text` with a capital first letter: the report's sentences are written
/// once, in lower case as the text form shows them; HTML starts them with a
/// capital.
std::string Capitalized(std::string_view text);
/// The corpus inputs, joined with ", ".
std::string Inputs(const AuditReport& r);

/// The report in one language: triage's words (words.h) and the rule
/// files' labels (the candidate's, else the baseline's; the id when a file
/// has no label).
struct Speech {
  Speech(const AuditReport& r, std::string_view lang);

  const AuditReport& r;
  std::string lang;
  const AuditWords& w;

  /// "1 zaak", "2 zaken".
  std::string Cases(std::uint64_t n) const;
  /// "4 gebieden".
  std::string Regions(std::size_t n) const;
  /// A route's label, or its name.
  std::string Route(std::string_view name) const;
  /// An outcome for people: route labels (joined with " + "), or the
  /// language's word for undetermined, unrouted, invalid, ...
  std::string Shown(const Outcome& o) const;
  /// The same with route names: for narrow places (matrix columns).
  std::string Short(const Outcome& o) const;
  /// A fact's label, or its name.
  std::string Fact(std::string_view name) const;
  /// "Functie van de betrokkene (role)", or the name alone without a label.
  std::string FactAndId(std::string_view name) const;
  /// A value for people: `text` as JSON or plain (quotes dropped), null as
  /// unknown, booleans as the language's yes and no.
  std::string Value(std::string_view fact, std::string_view text) const;
  /// The deciding rule: its id, the word for default when the default
  /// route decided, "-" when nothing was decided or the side is recorded.
  std::string Rule(const std::string& rule, const Outcome& outcome, bool recorded = false) const;
  /// "c7 (corpus.jsonl:8)".
  std::string Where(const AuditedCase& c) const;
  /// "Functie van de betrokkene (role) = wethouder, ..." (unknown said so).
  std::string FactsText(const AuditedCase& c) const;
  /// A schema change in a sentence, with the cases it costs.
  std::string SchemaText(const SchemaChange& c) const;
  /// "owb-volume beslist vaker: van 35 naar 54 zaken", with a rule's note.
  std::string UseText(const std::string& shown, const RuleUse& u) const;
  /// The default route's row ("standaardroute (De-escalatie ...)"), or "".
  std::string DefaultRow() const;
  /// Why a transition needs attention, or "".
  std::string Attention(const Outcome& from, const Outcome& to) const;
  /// "N changed case(s) of the corpus is/are in no region: ...".
  std::string OutsideRegions(std::uint64_t n) const;
  /// The note on a rule's use: "new rule", "removed rule", or "".
  std::string RuleNote(const RuleUse& u) const;
};

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
/// A transition with its examples (at most AuditReport::examples_listed);
/// `more` were not listed.
struct Change {
  const AuditReport::Transition* transition;
  std::string attention;  ///< why it needs attention, or ""
  std::vector<ExampleRow> rows;
  std::uint64_t more = 0;
};
std::vector<Change> ChangesOf(const Speech& s);

/// Invalid cases listed, and how many more there were.
std::uint64_t InvalidNotListed(const AuditReport& r);

/// Regions of one transition (and the same deciding rules), and what they
/// have in common: a change that is one statement for people often takes
/// several regions (an "or" is two boxes). Regions come sorted by
/// transition.
struct RegionGroup {
  size_t first = 0, count = 0;
  std::uint64_t corpus_cases = 0;
  /// In every region, as the rule file writes them.
  std::vector<std::string> common;
  std::vector<std::string> varying;  ///< facts that differ between them
};
std::vector<RegionGroup> GroupRegions(const std::vector<DiffRegion>& regions);

}  // namespace triage::audit_view
