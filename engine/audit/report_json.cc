// The audit report for programs: one JSON object, a member per section.
#include "triage/audit.h"

#include <algorithm>

#include <fmt/format.h>

#include "audit/report_view.h"
#include "triage/json.h"

namespace triage {
namespace {

using namespace audit_view;

std::string OrNull(const std::string& s) { return s.empty() ? "null" : JsonString(s); }

template <typename T, typename Render>
std::string List(const std::vector<T>& items, Render render) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + render(items[i]);
  return out + "]";
}

std::string Strings(const std::vector<std::string>& items) {
  return List(items, [](const std::string& s) { return JsonString(s); });
}

std::string Labels(const std::vector<Outcome>& items) {
  return List(items, [](const Outcome& o) { return JsonString(o.text()); });
}

std::string Identity(const RuleSetIdentity& id) {
  return fmt::format("{{\"file\": {}, \"id\": {}, \"version\": {}, \"sha256\": {}}}",
                     JsonString(id.file), JsonString(id.id), JsonString(id.version),
                     JsonString(id.sha256));
}

std::string Audited(const AuditedCase& c) {
  std::string facts = List(c.facts, [](const std::pair<std::string, std::string>& f) {
    return fmt::format("{{\"fact\": {}, \"value\": {}}}", JsonString(f.first), f.second);
  });
  return fmt::format(
      "{{\"case_id\": {}, \"input\": {}, \"index\": {}, \"line\": {}, \"from\": {}, "
      "\"to\": {}, \"from_rule\": {}, \"to_rule\": {}, \"facts\": {}, \"errors\": {}}}",
      c.case_id ? JsonString(*c.case_id) : "null", JsonString(c.input), c.index, c.line,
      JsonString(c.from.text()), JsonString(c.to.text()), OrNull(c.from_rule), OrNull(c.to_rule),
      facts, Strings(c.problems));
}

std::string Use(const RuleUse& u) {
  return fmt::format(
      "{{\"rule\": {}, \"in_baseline\": {}, \"in_candidate\": {}, \"before\": {}, "
      "\"after\": {}}}",
      JsonString(u.rule), u.in_baseline, u.in_candidate, u.before, u.after);
}

std::string Heading(const AuditReport& r) {
  std::string out = "\"dry_run\": true, \"written\": \"nothing but this report\"";
  out += ", \"candidate\": " + Identity(r.candidate);
  out += ", \"baseline\": ";
  out += r.baseline ? Identity(*r.baseline)
                    : fmt::format("{{\"recorded_field\": {}}}", JsonString(r.recorded_field));
  out += fmt::format(
      ", \"corpus\": {{\"inputs\": {}, \"cases\": {}, \"invalid\": {}, \"unrouted\": {}}}",
      Strings(r.inputs), r.cases, r.invalid, r.unrouted);
  out += fmt::format(", \"changed\": {}, \"same_version\": {}", r.changed, r.same_version);
  return out + ", \"schema_changes\": " + List(r.schema_changes, [](const SchemaChange& c) {
           return fmt::format(
               "{{\"change\": {}, \"fact\": {}, \"old_name\": {}, \"old_type\": {}, "
               "\"new_type\": {}, \"invalid\": {}, \"undetermined\": {}}}",
               JsonString(NameOf(c.kind)), JsonString(c.fact), OrNull(c.old_name),
               OrNull(c.old_type), OrNull(c.new_type), c.invalid, c.undetermined);
         });
}

std::string Transitions(const AuditReport& r) {
  Matrix m = MatrixOf(r);
  return "\"matrix\": {\"rows\": " + Labels(r.rows) + ", \"columns\": " + Labels(r.columns) +
         ", \"counts\": " +
         List(m.counts,
              [](const std::vector<std::uint64_t>& row) {
                return List(row, [](std::uint64_t n) { return fmt::format("{}", n); });
              }) +
         "}";
}

// Per transition the first few cases (as the text and HTML reports list
// them), and every changed case when the report kept them all.
std::string ChangedDecisions(const AuditReport& r) {
  return "\"changes\": " + List(r.changes, [&](const AuditReport::Transition& t) {
           std::vector<AuditedCase> first(
               t.examples.begin(), t.examples.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                            t.examples.size(), r.examples_listed)));
           return fmt::format(
               "{{\"from\": {}, \"to\": {}, \"count\": {}, \"attention\": {}, \"examples\": "
               "{}, \"cases\": {}}}",
               JsonString(t.from.text()), JsonString(t.to.text()), t.count, t.attention,
               List(first, Audited), r.every_change ? List(t.examples, Audited) : "null");
         });
}

std::string Rules(const AuditReport& r) {
  const RuleSet* rs = r.candidate_rules;
  std::string route = rs && rs->default_route ? JsonString(*rs->default_route) : "null";
  return "\"rules\": " + List(r.rules, Use) + ", \"unreached\": " + Strings(r.unreached) +
         ", \"shifted\": " + List(r.shifted, Use) +
         fmt::format(
             ", \"default\": {{\"route\": {}, \"in_baseline\": {}, \"in_candidate\": {}, "
             "\"before\": {}, \"after\": {}}}",
             route, r.default_use.in_baseline, r.default_use.in_candidate, r.default_use.before,
             r.default_use.after);
}

std::string InvalidCases(const AuditReport& r) {
  return "\"invalid_examples\": " + List(r.invalid_examples, Audited);
}

std::string Region(const DiffRegion& g) {
  std::vector<size_t> index(g.conditions.size());
  for (size_t k = 0; k < index.size(); ++k) index[k] = k;
  std::string conditions = List(index, [&](size_t k) {
    return fmt::format("{{\"fact\": {}, \"values\": {}, \"written\": {}}}",
                       JsonString(g.conditions[k].first), JsonString(g.conditions[k].second),
                       JsonString(k < g.written.size() ? g.written[k] : ""));
  });
  return fmt::format(
      "{{\"from\": {}, \"to\": {}, \"from_rule\": {}, \"to_rule\": {}, \"conditions\": "
      "{}, \"example\": {}, \"corpus_cases\": {}}}",
      JsonString(g.from.text()), JsonString(g.to.text()), OrNull(g.from_rule), OrNull(g.to_rule),
      conditions, g.example, g.corpus_cases);
}

std::string Regions(const AuditReport& r) {
  if (!r.diff) return "\"regions\": null";
  const GraphDiff& d = *r.diff;
  return fmt::format(
      "\"regions\": {{\"compared\": {}, \"not_compared\": {}, \"complete\": {}, \"notes\": {}, "
      "\"changed_outside_regions\": {}, \"items\": {}}}",
      d.compared, OrNull(d.not_compared), d.complete, Strings(d.notes), r.changed_outside_regions,
      List(d.regions, Region));
}

}  // namespace

std::string AuditJson(const AuditReport& r) {
  return "{" + Heading(r) + ", " + Transitions(r) + ", " + ChangedDecisions(r) + ", " + Rules(r) +
         ", " + InvalidCases(r) + ", " + Regions(r) + "}\n";
}

}  // namespace triage
