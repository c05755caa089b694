// The audit report for programs: one JSON object, a member per section.
#include "triage/audit.h"

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
  return out + fmt::format(", \"changed\": {}", r.changed);
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

std::string ChangedDecisions(const AuditReport& r) {
  return "\"changes\": " + List(r.changes, [](const AuditReport::Transition& t) {
           return fmt::format("{{\"from\": {}, \"to\": {}, \"count\": {}, \"examples\": {}}}",
                              JsonString(t.from.text()), JsonString(t.to.text()), t.count,
                              List(t.examples, Audited));
         });
}

std::string Rules(const AuditReport& r) {
  return "\"rules\": " + List(r.rules, Use) + ", \"unreached\": " + Strings(r.unreached) +
         ", \"shifted\": " + List(r.shifted, Use);
}

std::string InvalidCases(const AuditReport& r) {
  return "\"invalid_examples\": " + List(r.invalid_examples, Audited);
}

std::string Region(const DiffRegion& g) {
  std::string conditions = List(g.conditions, [](const std::pair<std::string, std::string>& c) {
    return fmt::format("{{\"fact\": {}, \"values\": {}}}", JsonString(c.first),
                       JsonString(c.second));
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
