// Auditor: each case of a corpus through the candidate and the baseline
// (another rule-set version, or the route recorded in the case), then into
// counts, a transition matrix and a few examples per transition.
#include "triage/audit.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "audit/joint.h"
#include "audit/schema_changes.h"
#include "triage/evaluate.h"
#include "triage/json.h"

namespace triage {
namespace {

// Per rule, the facts its condition reads.
std::vector<std::vector<int>> RuleReads(const RuleSet& rs) {
  std::vector<std::vector<int>> reads(rs.rules.size());
  for (size_t r = 0; r < rs.rules.size(); ++r) {
    if (rs.rules[r].when) reads[r] = FactsRead(rs, *rs.rules[r].when);
  }
  return reads;
}

RuleSetIdentity IdentityOf(const RuleSet& rs) { return {rs.file, rs.id, rs.version, rs.sha256}; }

// A fact's value as JSON (personal facts masked), null when unknown.
std::string ValueShown(const Fact& f, const std::optional<Value>& v) {
  if (!v) return "null";
  return ValueJson(f, *v);
}

// One side of a case: validated against its own schema, then decided.
struct Side {
  const RuleSet* rs = nullptr;
  const DecisionGraph* graph = nullptr;
  Case values;
  Decision decision;
  bool valid = false;
};

}  // namespace

struct Auditor::State {
  const DecisionGraph& candidate;
  const DecisionGraph* baseline;
  AuditOptions options;
  std::vector<std::vector<int>> reads_candidate, reads_baseline;
  std::unique_ptr<JointSpace> space;  // with a baseline rule set
  std::optional<GraphDiff> diff;
  // Counts.
  AuditReport report;
  std::map<std::pair<Outcome, Outcome>, AuditReport::Transition> transitions;
  std::vector<std::uint64_t> before, after;  // per rule of each side

  State(const DecisionGraph& c, const DecisionGraph* b, AuditOptions o)
      : candidate(c), baseline(b), options(std::move(o)) {}
};

Auditor::Auditor(const DecisionGraph& candidate, const DecisionGraph* baseline,
                 AuditOptions options)
    : state_(std::make_unique<State>(candidate, baseline, std::move(options))) {
  State& s = *state_;
  s.reads_candidate = RuleReads(candidate.rules());
  s.after.assign(candidate.rules().rules.size(), 0);
  s.report.candidate = IdentityOf(candidate.rules());
  s.report.candidate_rules = &candidate.rules();
  s.report.recorded_field = s.options.recorded_field;
  s.report.examples_listed = s.options.examples_per_transition;
  s.report.every_change = s.options.keep_every_change;
  s.report.default_use.in_candidate = candidate.rules().default_route_index >= 0;
  if (baseline) {
    const RuleSet& rb = baseline->rules();
    s.reads_baseline = RuleReads(rb);
    s.before.assign(rb.rules.size(), 0);
    s.report.baseline = IdentityOf(rb);
    s.report.baseline_rules = &rb;
    s.report.same_version = rb.version == candidate.rules().version;
    s.report.schema_changes = SchemaChanges(rb, candidate.rules());
    s.report.default_use.in_baseline = rb.default_route_index >= 0;
    // One space for the graph comparison and for placing corpus cases in
    // its regions.
    GraphDiff& diff = s.diff.emplace();
    s.space = std::make_unique<JointSpace>(*baseline, candidate, diff.notes, diff.not_compared);
    if (diff.not_compared.empty()) {
      CompareInSpace(*s.space, *baseline, candidate, s.options.diff_step_budget, diff);
    } else {
      s.space.reset();
    }
  }
}

Auditor::~Auditor() = default;

namespace {

Outcome OutcomeOf(const RuleSet& rs, const Decision& d) {
  switch (d.status) {
    case Decision::Status::kUndetermined:
      return Outcome(Outcome::Kind::kUndetermined);
    case Decision::Status::kUnrouted:
      return Outcome(Outcome::Kind::kUnrouted);
    case Decision::Status::kDecided:
      return Outcome::Routes(rs, d.routes);
  }
  TRIAGE_UNREACHABLE();
}

// The case as one side sees it: keys only the other side declares (a fact
// added or removed between versions) and the recorded field are left out.
RawCase FieldsFor(const RawCase& raw, const RuleSet& own, const RuleSet* other,
                  const std::string& recorded) {
  RawCase c;
  c.index = raw.index;
  c.line = raw.line;
  c.error = raw.error;
  for (size_t k = 0; k < raw.fields.size(); ++k) {
    const std::string& key = raw.fields[k].first;
    if (!recorded.empty() && key == recorded) continue;
    if (other && own.FindFact(key) < 0 && other->FindFact(key) >= 0) continue;
    c.fields.push_back(raw.fields[k]);
    if (k < raw.columns.size()) c.columns.push_back(raw.columns[k]);
  }
  return c;
}

// Validates and decides one side of a case: its outcome, deciding rule (id)
// and the rules that decided (indices); its problems join `audited`'s, in
// English and in Dutch.
void Decide(Side& side, const RawCase& raw, const RuleSet* other, const AuditOptions& options,
            Outcome& outcome, std::string& rule, std::vector<int>& rules, AuditedCase& audited) {
  std::vector<CaseProblem> found;
  side.values = ValidateCase(*side.rs, FieldsFor(raw, *side.rs, other, options.recorded_field),
                             options.case_options, found);
  side.valid = found.empty();
  std::vector<std::string>& problems = audited.problems;
  for (const CaseProblem& p : found) {
    std::string text = CaseProblemText(p);
    if (std::find(problems.begin(), problems.end(), text) == problems.end()) {
      problems.push_back(std::move(text));
      audited.problems_nl.push_back(CaseProblemText(p, "nl"));
    }
  }
  if (!side.valid) {
    outcome = Outcome(Outcome::Kind::kInvalid);
    return;
  }
  Evaluate(*side.graph, side.values, side.decision);
  outcome = OutcomeOf(*side.rs, side.decision);
  if (side.decision.status != Decision::Status::kDecided) return;
  if (side.decision.rule >= 0) {
    rule = side.rs->rules[static_cast<size_t>(side.decision.rule)].id;
  }
  if (side.rs->hit_policy == HitPolicy::kCollect) {
    rules = side.decision.rules;
  } else if (side.decision.rule >= 0) {
    rules = {side.decision.rule};
  }
}

// The baseline of recorded mode: what the case's field says.
Outcome RecordedOutcome(const RawCase& raw, const std::string& field) {
  if (!raw.error.empty()) return Outcome(Outcome::Kind::kInvalid);
  Outcome recorded(Outcome::Kind::kNotRecorded);
  for (const auto& [key, value] : raw.fields) {
    if (key != field) continue;
    if (value.kind == RawValue::Kind::kString || value.kind == RawValue::Kind::kText) {
      recorded = Outcome::Recorded(value.s);
    } else if (value.kind != RawValue::Kind::kNull) {
      recorded = Outcome(Outcome::Kind::kNotARouteName);
    }
  }
  return recorded;
}

// The case's id: as a valid side read it, else as written (also when it is
// the recorded field, which the sides do not read).
std::optional<std::string> CaseIdOf(const RawCase& raw, const Side& cand, const Side& base) {
  std::optional<std::string> id =
      cand.valid ? cand.values.id : (base.valid ? base.values.id : std::nullopt);
  if (id) return id;
  for (const auto& [key, value] : raw.fields) {
    if (key == "case_id" && value.kind != RawValue::Kind::kNull) id = value.s;
  }
  return id;
}

// The region of the graph comparison a (changed, valid) case falls in, or -1
// when some fact it needs is unknown.
int RegionOf(const Auditor::State& s, const RuleSet& rc, const Case& cand, const RuleSet& rb,
             const Case& base) {
  if (!s.space || !s.diff) return -1;
  std::vector<int> cells;
  for (const JointFact& joint : s.space->facts()) {
    const std::optional<Value>& v = joint.b >= 0 ? cand.values[static_cast<size_t>(joint.b)]
                                                 : base.values[static_cast<size_t>(joint.a)];
    cells.push_back(!v             ? -1
                    : joint.b >= 0 ? JointCell(joint, rc, joint.b, *v)
                                   : JointCell(joint, rb, joint.a, *v));
  }
  for (size_t r = 0; r < s.diff->regions.size(); ++r) {
    const DiffRegion& region = s.diff->regions[r];
    bool inside = true;
    for (size_t f = 0; f < cells.size() && inside; ++f) {
      const std::vector<bool>& allowed = region.cells[f];
      bool any = std::find(allowed.begin(), allowed.end(), false) == allowed.end();
      inside = any || (cells[f] >= 0 && allowed[static_cast<size_t>(cells[f])]);
    }
    if (inside) return static_cast<int>(r);
  }
  return -1;
}

// The facts that made the difference for a changed case: where the versions
// draw different lines around the case's value; else what the deciding
// rules read.
void DifferenceFacts(const Auditor::State& s, const Side& cand, const Side* base,
                     AuditedCase& out) {
  std::set<std::string> shown;
  auto show = [&](const Side& side, int fact) {
    const Fact& f = side.rs->facts[static_cast<size_t>(fact)];
    if (!shown.insert(f.name).second) return;
    out.facts.emplace_back(f.name, ValueShown(f, side.values.values[static_cast<size_t>(fact)]));
  };
  if (base && s.space) {
    auto moved = [&](const Side& side, int fact, bool candidate_side) {
      const std::optional<Value>& v = side.values.values[static_cast<size_t>(fact)];
      int jf = candidate_side ? s.space->OfB(fact) : s.space->OfA(fact);
      if (!v || jf < 0) return;
      const JointFact& joint = s.space->facts()[static_cast<size_t>(jf)];
      int cell = JointCell(joint, *side.rs, fact, *v);
      if (cell >= 0 && !joint.same[static_cast<size_t>(cell)]) show(side, fact);
    };
    for (int f : cand.decision.path) moved(cand, f, true);
    for (int f : base->decision.path) moved(*base, f, false);
  }
  if (!out.facts.empty()) return;
  auto read_by = [&](const Side& side, const std::vector<int>& rules,
                     const std::vector<std::vector<int>>& reads) {
    for (int r : rules) {
      for (int f : reads[static_cast<size_t>(r)]) {
        if (side.values.values[static_cast<size_t>(f)]) show(side, f);
      }
    }
  };
  read_by(cand, out.to_rules, s.reads_candidate);
  if (base) read_by(*base, out.from_rules, s.reads_baseline);
}

}  // namespace

void Auditor::Audit(const RawCase& raw, std::string_view input, AuditedCase& out) const {
  const State& s = *state_;
  out = AuditedCase{};
  out.input = std::string(input);
  out.index = raw.index;
  out.line = raw.line;
  const RuleSet& rc = s.candidate.rules();
  const RuleSet* rb = s.baseline ? &s.baseline->rules() : nullptr;
  Side cand{&rc, &s.candidate, {}, {}, false};
  Decide(cand, raw, rb, s.options, out.to, out.to_rule, out.to_rules, out);
  Side base{rb, s.baseline, {}, {}, false};
  if (rb) {
    Decide(base, raw, &rc, s.options, out.from, out.from_rule, out.from_rules, out);
  } else {
    out.from = RecordedOutcome(raw, s.options.recorded_field);
  }
  out.case_id = CaseIdOf(raw, cand, base);
  if (rb)
    out.schema_causes =
        SchemaCauses(s.report.schema_changes, rc, raw, cand.values, out.from, out.to);
  if (!out.changed() || !cand.valid) return;
  bool base_valid = rb && base.valid;
  if (base_valid) out.region = RegionOf(s, rc, cand.values, *rb, base.values);
  DifferenceFacts(s, cand, base_valid ? &base : nullptr, out);
}

void Auditor::Add(const AuditedCase& c) {
  State& s = *state_;
  AuditReport& r = s.report;
  ++r.cases;
  ++r.matrix[c.from][c.to];
  if (c.from.kind() == Outcome::Kind::kInvalid || c.to.kind() == Outcome::Kind::kInvalid) {
    ++r.invalid;
    if (r.invalid_examples.size() < s.options.invalid_examples) r.invalid_examples.push_back(c);
  }
  if (c.to.kind() == Outcome::Kind::kUnrouted) ++r.unrouted;
  for (int rule : c.to_rules) ++s.after[static_cast<size_t>(rule)];
  for (int rule : c.from_rules) ++s.before[static_cast<size_t>(rule)];
  if (c.to.has_routes() && c.to_rules.empty()) ++r.default_use.after;
  if (s.baseline && c.from.has_routes() && c.from_rules.empty()) ++r.default_use.before;
  for (int k : c.schema_causes) {
    SchemaChange& change = r.schema_changes[static_cast<size_t>(k)];
    ++(c.to.kind() == Outcome::Kind::kInvalid ? change.invalid : change.undetermined);
  }
  if (!c.changed()) return;
  ++r.changed;
  if (s.diff && s.diff->compared) {
    if (c.region >= 0) {
      ++s.diff->regions[static_cast<size_t>(c.region)].corpus_cases;
    } else {
      ++r.changed_outside_regions;
    }
  }
  AuditReport::Transition& t = s.transitions[{c.from, c.to}];
  t.from = c.from;
  t.to = c.to;
  ++t.count;
  if (s.options.keep_every_change || t.examples.size() < s.options.examples_per_transition) {
    t.examples.push_back(c);
  }
}

namespace {

// The matrix's labels: routes in precedence order (candidate, then any the
// baseline adds), then the other outcomes, then anything recorded; only
// those that occur.
std::vector<Outcome> MatrixLabels(const Auditor::State& s, const AuditReport& r) {
  std::vector<Outcome> order;
  auto add_routes = [&](const RuleSet& rs) {
    for (size_t k = 0; k < rs.routes.size(); ++k) {
      Outcome route = Outcome::Routes(rs, {static_cast<int>(k)});
      if (std::find(order.begin(), order.end(), route) == order.end()) order.push_back(route);
    }
  };
  add_routes(s.candidate.rules());
  if (s.baseline) add_routes(s.baseline->rules());
  for (Outcome::Kind other :
       {Outcome::Kind::kUndetermined, Outcome::Kind::kUnrouted, Outcome::Kind::kInvalid}) {
    order.emplace_back(other);
  }
  std::set<Outcome> seen;
  for (const auto& [from, row] : r.matrix) {
    seen.insert(from);
    for (const auto& cell : row) seen.insert(cell.first);
  }
  for (const Outcome& label : seen) {
    if (std::find(order.begin(), order.end(), label) == order.end()) order.push_back(label);
  }
  std::vector<Outcome> labels;
  for (const Outcome& label : order) {
    if (seen.count(label)) labels.push_back(label);
  }
  return labels;
}

// How often each rule of either side decided, by rule id; and those that
// decide much more or less often (at least 10 cases and a fifth either way).
void CountRuleUse(const Auditor::State& s, AuditReport& r) {
  const RuleSet& rc = s.candidate.rules();
  for (size_t k = 0; k < rc.rules.size(); ++k) {
    RuleUse use;
    use.rule = rc.rules[k].id;
    use.in_candidate = true;
    use.after = s.after[k];
    r.rules.push_back(use);
    if (use.after == 0) r.unreached.push_back(use.rule);
  }
  if (!s.baseline) return;
  const RuleSet& rb = s.baseline->rules();
  for (size_t k = 0; k < rb.rules.size(); ++k) {
    auto it = std::find_if(r.rules.begin(), r.rules.end(),
                           [&](const RuleUse& u) { return u.rule == rb.rules[k].id; });
    if (it == r.rules.end()) {
      r.rules.push_back({rb.rules[k].id, true, false, s.before[k], 0});
    } else {
      it->in_baseline = true;
      it->before = s.before[k];
    }
  }
  for (const RuleUse& u : r.rules) {
    std::uint64_t lo = std::min(u.before, u.after), hi = std::max(u.before, u.after);
    if (hi - lo >= 10 && (hi - lo) * 5 >= std::max<std::uint64_t>(u.before, 1)) {
      r.shifted.push_back(u);
    }
  }
}

}  // namespace

AuditReport Auditor::Report(std::vector<std::string> inputs) const {
  const State& s = *state_;
  AuditReport r = s.report;
  r.inputs = std::move(inputs);
  r.diff = s.diff;
  r.rows = MatrixLabels(s, r);
  r.columns = r.rows;
  for (const auto& entry : s.transitions) {
    AuditReport::Transition& t = r.changes.emplace_back(entry.second);
    t.attention = NeedsAttention(s.candidate.rules(), t.from, t.to);
  }
  std::stable_sort(r.changes.begin(), r.changes.end(), [](const auto& x, const auto& y) {
    return x.attention != y.attention ? x.attention : x.count > y.count;
  });
  CountRuleUse(s, r);
  return r;
}

}  // namespace triage
