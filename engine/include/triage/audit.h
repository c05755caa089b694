// The dry run: what a candidate rule set would change, against a baseline
// (another version of the rule set, or the route recorded with each case).
//
// Two parts that a report joins:
// - CompareGraphs walks the two compiled decision graphs side by side and
//   finds every region of the case space where they decide differently,
//   each with an example case. Exact: it needs no cases at all.
// - Auditor replays a corpus: each case through both sides (thread-safe),
//   then, in input order, into counts, a transition matrix and examples of
//   the changed cases. Memory stays bounded whatever the corpus size.
//
// Nothing here writes anything; AuditText, AuditJson and AuditHtml render the
// report (engine/audit/report*.cc).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/cases.h"
#include "triage/compile.h"
#include "triage/model.h"
#include "triage/names.h"

namespace triage {

/// A decision as the audit compares it: the routes decided, or that there
/// were none. Reports show it as its text: the route ("om"; several joined
/// with '+' under `collect`), "undetermined", "unrouted", "invalid", and
/// for a recorded baseline "(not recorded)" or "(not a route name)".
class Outcome {
 public:
  enum class Kind {
    kRoutes,  ///< one route, or several under `collect`
    kUndetermined,
    kUnrouted,
    kInvalid,
    kNotRecorded,    ///< recorded mode: the case has no recorded route
    kNotARouteName,  ///< recorded mode: the field holds no text
  };

  Outcome() : Outcome(Kind::kUnrouted) {}
  explicit Outcome(Kind kind);
  /// The routes of a decision, in precedence order; none: unrouted.
  static Outcome Routes(const RuleSet& rs, const std::vector<int>& routes);
  /// What a case's recorded field says: the texts of the other kinds
  /// ("undetermined", "unrouted", "invalid") stand for them, any other
  /// text for the routes it names.
  static Outcome Recorded(std::string_view text);

  Kind kind() const { return kind_; }
  /// Whether routes were decided (by a rule or the default).
  bool has_routes() const { return kind_ == Kind::kRoutes; }
  const std::string& text() const { return text_; }

  /// Outcomes are the same when their texts are: a recorded "om" is the
  /// candidate's route om. Ordered by text.
  friend bool operator==(const Outcome& a, const Outcome& b) { return a.text_ == b.text_; }
  friend bool operator!=(const Outcome& a, const Outcome& b) { return a.text_ != b.text_; }
  friend bool operator<(const Outcome& a, const Outcome& b) { return a.text_ < b.text_; }

 private:
  Outcome(Kind kind, std::string text) : kind_(kind), text_(std::move(text)) {}
  Kind kind_;
  std::string text_;
};

template <>
struct NameTable<Outcome::Kind> {
  static constexpr std::array<Named<Outcome::Kind>, 5> kNames = {{
      {Outcome::Kind::kUndetermined, "undetermined"},
      {Outcome::Kind::kUnrouted, "unrouted"},
      {Outcome::Kind::kInvalid, "invalid"},
      {Outcome::Kind::kNotRecorded, "(not recorded)"},
      {Outcome::Kind::kNotARouteName, "(not a route name)"},
  }};
};

/// Whether a move from `from` to `to` needs a reader's attention: it ends
/// undetermined or unrouted, or at a route later in `candidate`'s order
/// than the one it left (the first route of each, under `collect`).
bool NeedsAttention(const RuleSet& candidate, const Outcome& from, const Outcome& to);

/// A set of cases where the two versions decide differently.
struct DiffRegion {
  Outcome from, to;                ///< baseline's and candidate's decision
  std::string from_rule, to_rule;  ///< deciding rule ids; "" = default or none
  /// The facts the region constrains, with the values it allows ("8..9",
  /// "burgemeester or wethouder"); facts not listed may take any value.
  std::vector<std::pair<std::string, std::string>> conditions;
  /// The same conditions as a rule file writes them, in the same order
  /// ("procedures_12m between 8 and 9", "role in [burgemeester, wethouder]").
  std::vector<std::string> written;
  std::string example;  ///< a case in the region, as a JSON object
  /// The example as fact and value ("8", "true", "aangifte"; personal facts
  /// masked), in the order of `example`.
  std::vector<std::pair<std::string, std::string>> example_facts;
  /// The region as data: per fact of GraphDiff::facts, its cells allowed.
  std::vector<std::vector<bool>> cells;
  /// Cases of the audited corpus that fall in the region (Auditor only).
  std::uint64_t corpus_cases = 0;
};

struct GraphDiff {
  bool compared = false;            ///< false: see not_compared
  std::string not_compared;         ///< why the graphs could not be compared
  bool complete = true;             ///< false: the search ran out of budget
  std::vector<std::string> notes;   ///< schema changes that limit the comparison
  std::vector<std::string> facts;   ///< the facts either graph tests
  std::vector<DiffRegion> regions;  ///< grouped by transition, then rule
};

/// Every region where `baseline` and `candidate` (graphs of two versions of
/// a rule set; facts are matched by name) decide differently: different
/// routes, or routed against unrouted. Work is bounded by `step_budget`.
GraphDiff CompareGraphs(const DecisionGraph& baseline, const DecisionGraph& candidate,
                        std::size_t step_budget = 2'000'000);

struct AuditOptions {
  /// Non-empty: the baseline is this field of each case (a route name).
  std::string recorded_field;
  CaseOptions case_options;
  /// Work bound of the graph comparison.
  std::size_t diff_step_budget = 2'000'000;
  /// Changed cases kept as examples for each transition.
  std::size_t examples_per_transition = 20;
  /// Invalid cases kept as examples.
  std::size_t invalid_examples = 20;
  /// Keep every changed case (for a report that lists them all, as the JSON
  /// one does); `examples_per_transition` still says how many the text and
  /// HTML reports list. Memory then grows with the changed cases.
  bool keep_every_change = false;
};

/// A fact that changed between the versions, by name.
struct SchemaChange {
  enum class Kind { kAdded, kRemoved, kRenamed, kRetyped };
  Kind kind = Kind::kAdded;
  /// The candidate's name (removed: the baseline's); renamed: `old_name` is
  /// the baseline's, a removed fact of the same type and values.
  std::string fact, old_name;
  std::string old_type, new_type;  ///< the types, as rule files write them
  /// Corpus cases that the candidate finds invalid or undetermined (and the
  /// baseline does not) while this fact is involved: the candidate lacks a
  /// value for it (added, renamed), or the case writes it and the candidate
  /// rejects the case (retyped).
  std::uint64_t invalid = 0, undetermined = 0;
};

template <>
struct NameTable<SchemaChange::Kind> {
  static constexpr std::array<Named<SchemaChange::Kind>, 4> kNames = {{
      {SchemaChange::Kind::kAdded, "added"},
      {SchemaChange::Kind::kRemoved, "removed"},
      {SchemaChange::Kind::kRenamed, "renamed"},
      {SchemaChange::Kind::kRetyped, "retyped"},
  }};
};

/// One case of the corpus, on both sides.
struct AuditedCase {
  std::string input;
  int index = 0, line = 0;
  std::optional<std::string> case_id;
  Outcome from, to;
  std::string from_rule, to_rule;  ///< "" = default or none
  /// The facts that made the difference, as name and value (JSON; personal
  /// facts masked): the facts whose value the two versions draw different
  /// lines around, else the facts the deciding rules read.
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<std::string> problems;      ///< invalid: what is wrong (either side)
  std::vector<std::string> problems_nl;   ///< the same in Dutch (CaseProblem::nl)
  std::vector<int> from_rules, to_rules;  ///< rules that decided (indices)
  int region = -1;                        ///< changed: the GraphDiff region it falls in, or -1
  /// The schema changes (AuditReport::schema_changes) that make the
  /// candidate find this case invalid or undetermined.
  std::vector<int> schema_causes;

  bool changed() const { return from != to; }
};

struct RuleSetIdentity {
  std::string file, id, version, sha256;
};

/// How often one rule decided, before and after.
struct RuleUse {
  std::string rule;
  bool in_baseline = false, in_candidate = false;
  std::uint64_t before = 0, after = 0;
};

struct AuditReport {
  std::optional<RuleSetIdentity> baseline;  ///< unset: recorded mode
  RuleSetIdentity candidate;
  /// The rule sets themselves, for their labels, route order and default
  /// (the graphs' own: they outlive the report's use); baseline null in
  /// recorded mode.
  const RuleSet* candidate_rules = nullptr;
  const RuleSet* baseline_rules = nullptr;
  /// Both versions carry the same version string.
  bool same_version = false;
  /// Facts added, removed, renamed or retyped between the versions.
  std::vector<SchemaChange> schema_changes;
  std::string recorded_field;
  std::vector<std::string> inputs;
  std::uint64_t cases = 0, changed = 0, invalid = 0, unrouted = 0;
  /// Baseline outcome → candidate outcome → count.
  std::map<Outcome, std::map<Outcome, std::uint64_t>> matrix;
  std::vector<Outcome> rows, columns;  ///< the matrix's labels, in a fixed order
  struct Transition {
    Outcome from, to;
    std::uint64_t count = 0;
    /// The first few, in input order (every one with keep_every_change).
    std::vector<AuditedCase> examples;
    /// The move needs a reader's attention: to a later route in the
    /// candidate's order (from `om` to `de_escalatie`), or to undetermined
    /// or unrouted.
    bool attention = false;
  };
  std::vector<Transition> changes;  ///< needing attention first, then largest first
  /// Changed cases the text and HTML reports list per transition.
  std::size_t examples_listed = 20;
  /// Every changed case is kept (AuditOptions::keep_every_change).
  bool every_change = false;
  /// Cases the default route decided, before and after (`rule` empty;
  /// in_baseline / in_candidate: the version has a default).
  RuleUse default_use;
  std::vector<AuditedCase> invalid_examples;
  std::vector<RuleUse> rules;          ///< every rule of either side, file order
  std::vector<std::string> unreached;  ///< candidate rules no case reaches
  std::vector<RuleUse> shifted;        ///< rules deciding much more or less often
  std::optional<GraphDiff> diff;       ///< with a baseline rule set
  /// Changed cases of the corpus in no region: an unknown fact, or invalid
  /// on one side (the regions are of cases with every fact known).
  std::uint64_t changed_outside_regions = 0;
};

/// Replays cases against a candidate and a baseline. With a baseline rule
/// set it also compares the two graphs (CompareGraphs) and places each
/// changed case in its region.
class Auditor {
 public:
  /// `baseline` is null in recorded mode.
  Auditor(const DecisionGraph& candidate, const DecisionGraph* baseline, AuditOptions options);
  ~Auditor();
  Auditor(const Auditor&) = delete;
  Auditor& operator=(const Auditor&) = delete;

  /// Both sides of one case (thread-safe).
  void Audit(const RawCase& raw, std::string_view input, AuditedCase& out) const;
  /// Counts a case; call in input order.
  void Add(const AuditedCase& c);
  /// The report so far; `inputs` names the corpus files.
  AuditReport Report(std::vector<std::string> inputs) const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

/// The report for people (plain text), for programs (one JSON object) and
/// as one self-contained HTML page (no scripts, no network). Text and HTML
/// speak `lang` (a language of triage's words, words.h) with the rule file's
/// labels in it; "" is the candidate file's first language. JSON uses ids.
std::string AuditText(const AuditReport& report, std::string_view lang = {});
std::string AuditJson(const AuditReport& report);
std::string AuditHtml(const AuditReport& report, std::string_view lang = {});

}  // namespace triage
