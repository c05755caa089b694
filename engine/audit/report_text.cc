// The audit report for people, as plain text: one function per section.
#include "triage/audit.h"

#include <algorithm>

#include <fmt/format.h>

#include "audit/report_view.h"

namespace triage {
namespace {

using namespace audit_view;

std::string SideText(const std::optional<RuleSetIdentity>& side, const std::string& field) {
  if (!side) return fmt::format("the route recorded in field '{}' of each case", field);
  return fmt::format("{} {} ({}, sha256 {})", Printable(side->id), Printable(side->version),
                     Printable(side->file), side->sha256);
}

void Heading(const AuditReport& r, std::string& out) {
  out += fmt::format("{}\n\n", kDryRun);
  out += fmt::format("candidate: {}\n", SideText(r.candidate, ""));
  out += fmt::format("baseline:  {}\n", SideText(r.baseline, r.recorded_field));
  out += fmt::format("corpus:    {}: {} cases, {} invalid\n", Inputs(r), r.cases, r.invalid);
  out += fmt::format("changed:   {} of {} decisions ({})\n", r.changed, r.cases,
                     Percent(r.changed, r.cases));
}

void Transitions(const AuditReport& r, std::string& out) {
  out += "\nTransitions (rows: baseline, columns: candidate)\n";
  size_t width = 8;
  for (const Outcome& l : r.rows) width = std::max(width, l.text().size());
  auto column_width = [](const Outcome& c) { return std::max<size_t>(6, c.text().size()); };
  out += fmt::format("  {:<{}}", "", width);
  for (const Outcome& c : r.columns) out += fmt::format("  {:>{}}", c.text(), column_width(c));
  out += "\n";
  Matrix m = MatrixOf(r);
  for (size_t i = 0; i < r.rows.size(); ++i) {
    out += fmt::format("  {:<{}}", r.rows[i].text(), width);
    for (size_t j = 0; j < r.columns.size(); ++j) {
      std::uint64_t n = m.counts[i][j];
      out += fmt::format("  {:>{}}", n ? fmt::format("{}", n) : ".", column_width(r.columns[j]));
    }
    out += "\n";
  }
}

void ChangedDecisions(const AuditReport& r, std::string& out) {
  out += "\nChanged decisions\n";
  if (r.changes.empty()) out += fmt::format("  {}\n", kNoChanges);
  for (const Change& change : ChangesOf(r)) {
    const AuditReport::Transition& t = *change.transition;
    out += fmt::format("  {} -> {}: {} case{}\n", t.from.text(), t.to.text(), t.count,
                       t.count == 1 ? "" : "s");
    for (const ExampleRow& row : change.rows) {
      out += fmt::format("    {}: rule {} -> {}", row.where, row.rule_before, row.rule_after);
      out += row.facts.empty() ? "\n" : fmt::format("; {}\n", row.facts);
    }
    if (change.more > 0) out += fmt::format("    ... and {} more\n", change.more);
  }
}

void Rules(const AuditReport& r, std::string& out) {
  out += "\nRules\n";
  if (r.unreached.empty()) {
    out += fmt::format("  {}\n", kEveryRuleReached);
  } else {
    out += fmt::format("  {}", kNoCaseReaches);
    for (const std::string& rule : r.unreached) out += " " + rule;
    out += "\n";
  }
  for (const RuleUse& u : r.shifted) {
    std::string note = RuleNote(u);
    out += fmt::format("  {} decides {} cases, was {}{}\n", u.rule, u.after, u.before,
                       note.empty() ? "" : fmt::format(" ({})", note));
  }
}

void InvalidCases(const AuditReport& r, std::string& out) {
  if (r.invalid == 0) return;
  out += fmt::format("\nInvalid cases: {}\n", r.invalid);
  for (const AuditedCase& c : r.invalid_examples) {
    out += fmt::format("  {}:", Where(c));
    for (const std::string& p : c.problems) out += fmt::format(" {};", Printable(p));
    out.back() = '\n';
  }
  if (std::uint64_t more = InvalidNotListed(r)) out += fmt::format("  ... and {} more\n", more);
}

void Group(const GraphDiff& d, const RegionGroup& group, std::string& out) {
  const DiffRegion& head = d.regions[group.first];
  out += fmt::format("  {} -> {} (rule {} -> {}): {} region{}, {} of the corpus\n",
                     head.from.text(), head.to.text(), RuleShown(head.from_rule, head.from),
                     RuleShown(head.to_rule, head.to), group.count, group.count == 1 ? "" : "s",
                     Cases(group.corpus_cases));
  if (group.count > 1) {
    std::string common;
    for (const auto& [fact, values] : group.common) {
      common += (common.empty() ? "" : " and ") + ConditionText(fact, values);
    }
    if (!common.empty()) out += fmt::format("    in all of them: {}\n", common);
    std::string varying;
    for (const std::string& fact : group.varying) varying += (varying.empty() ? "" : ", ") + fact;
    if (!varying.empty()) out += fmt::format("    they differ in: {}\n", varying);
  }
  for (size_t i = group.first; i < group.first + group.count; ++i) {
    const DiffRegion& g = d.regions[i];
    std::string when;
    for (const auto& [fact, values] : g.conditions) {
      when += (when.empty() ? "" : " and ") + ConditionText(fact, values);
    }
    out += fmt::format("    {}. when {}\n", i + 1, when.empty() ? "every case" : when);
    out += fmt::format("       example: {}\n", g.example);
    out += g.corpus_cases ? fmt::format("       {} of the corpus {} here\n", Cases(g.corpus_cases),
                                        g.corpus_cases == 1 ? "falls" : "fall")
                          : "       no case of the corpus falls here\n";
  }
}

void Regions(const AuditReport& r, std::string& out) {
  if (!r.diff) return;
  const GraphDiff& d = *r.diff;
  out += "\nWhat the corpus does not show: where the two versions decide differently\n";
  if (!d.compared) {
    out += fmt::format("  not compared: {}\n", d.not_compared);
  } else if (d.regions.empty()) {
    out += fmt::format("  {}\n", kNowhere);
  }
  for (const RegionGroup& group : GroupRegions(d.regions)) Group(d, group, out);
  if (r.changed_outside_regions > 0) {
    out += fmt::format("  {}\n", OutsideRegionsText(r.changed_outside_regions));
  }
  for (const std::string& note : d.notes) out += fmt::format("  note: {}\n", note);
  if (!d.complete) out += fmt::format("  {}\n", kIncomplete);
}

}  // namespace

std::string AuditText(const AuditReport& r) {
  std::string out;
  Heading(r, out);
  Transitions(r, out);
  ChangedDecisions(r, out);
  Rules(r, out);
  InvalidCases(r, out);
  Regions(r, out);
  return out;
}

}  // namespace triage
