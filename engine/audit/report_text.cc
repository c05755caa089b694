// The audit report for people, as plain text: one function per section.
#include "triage/audit.h"

#include <algorithm>

#include <fmt/format.h>

#include "audit/report_view.h"

namespace triage {
namespace {

using namespace audit_view;

// Characters as a terminal shows them side by side: UTF-8 code points.
size_t Width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `text` padded with spaces to `width` characters.
std::string Padded(std::string_view text, size_t width) {
  return std::string(text) + std::string(width > Width(text) ? width - Width(text) : 0, ' ');
}

std::string SideText(const Speech& s, const std::optional<RuleSetIdentity>& side) {
  if (!side) return fmt::format(fmt::runtime(s.w.recorded_side), s.r.recorded_field);
  return fmt::format("{} {} ({}, sha256 {})", Printable(side->id), Printable(side->version),
                     Printable(side->file), side->sha256);
}

void Heading(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  const AuditWords& w = s.w;
  out += fmt::format("{}\n\n", w.dry_run);
  size_t width =
      1 + std::max({w.candidate.size(), w.baseline.size(), w.corpus.size(), w.changed.size()});
  auto line = [&](std::string_view what, const std::string& text) {
    out += fmt::format("{:<{}} {}\n", fmt::format("{}:", what), width, text);
  };
  line(w.candidate, SideText(s, r.candidate));
  line(w.baseline, SideText(s, r.baseline));
  line(w.corpus, fmt::format(fmt::runtime(w.corpus_line), Inputs(r), s.Cases(r.cases), r.invalid));
  line(w.changed, fmt::format(fmt::runtime(w.changed_line), r.changed, r.cases,
                              Percent(r.changed, r.cases, s.w.lang)));
  if (r.same_version) {
    out += fmt::format("\n{}\n", fmt::format(fmt::runtime(w.same_version), r.candidate.version));
  }
  if (r.schema_changes.empty()) return;
  out += fmt::format("\n{}\n", w.schema_heading);
  for (const SchemaChange& c : r.schema_changes) out += fmt::format("  {}\n", s.SchemaText(c));
}

// Rows by label (with the route's name), columns by name: the labels are
// too long to stand side by side.
void Transitions(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  out += fmt::format("\n{}\n", s.w.transitions_heading);
  std::vector<std::string> rows;
  size_t width = 8;
  for (const Outcome& l : r.rows) {
    std::string label = s.Shown(l);
    if (label != s.Short(l)) label += fmt::format(" ({})", s.Short(l));
    width = std::max(width, Width(label));
    rows.push_back(std::move(label));
  }
  auto column_width = [&](const Outcome& c) { return std::max<size_t>(6, s.Short(c).size()); };
  out += fmt::format("  {:<{}}", "", width);
  for (const Outcome& c : r.columns) out += fmt::format("  {:>{}}", s.Short(c), column_width(c));
  out += "\n";
  Matrix m = MatrixOf(r);
  for (size_t i = 0; i < r.rows.size(); ++i) {
    out += "  " + Padded(rows[i], width);
    for (size_t j = 0; j < r.columns.size(); ++j) {
      std::uint64_t n = m.counts[i][j];
      out += fmt::format("  {:>{}}", n ? fmt::format("{}", n) : ".", column_width(r.columns[j]));
    }
    out += "\n";
  }
}

void ChangedDecisions(const Speech& s, std::string& out) {
  out += fmt::format("\n{}\n", s.w.changed_heading);
  if (s.r.changes.empty()) out += fmt::format("  {}\n", s.w.no_changes);
  for (const Change& change : ChangesOf(s)) {
    const AuditReport::Transition& t = *change.transition;
    if (!change.attention.empty()) out += fmt::format("  [{}]\n", change.attention);
    out += fmt::format("  {} -> {}: {}\n", s.Shown(t.from), s.Shown(t.to), s.Cases(t.count));
    for (const ExampleRow& row : change.rows) {
      out +=
          fmt::format("    {}: {} {} -> {}", row.where, s.w.rule, row.rule_before, row.rule_after);
      out += row.facts.empty() ? "\n" : fmt::format("; {}\n", row.facts);
    }
    if (change.more > 0) {
      out += fmt::format("    {}\n", fmt::format(fmt::runtime(s.w.and_more), change.more));
    }
  }
}

void Rules(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  out += fmt::format("\n{}\n", s.w.rules_heading);
  if (r.unreached.empty()) {
    out += fmt::format("  {}\n", s.w.every_rule_reached);
  } else {
    out += fmt::format("  {}", s.w.no_case_reaches);
    for (const std::string& rule : r.unreached) out += " " + rule;
    out += "\n";
  }
  // Against a baseline every rule that decides more or less often, so that
  // the moves add up (the HTML marks the large ones); alone, the rules that
  // decide many cases.
  for (const RuleUse& u : r.baseline ? r.rules : r.shifted) {
    if (!r.baseline || u.before != u.after) out += fmt::format("  {}\n", s.UseText(u.rule, u));
  }
  if (std::string row = s.DefaultRow(); !row.empty()) {
    out += fmt::format("  {}\n", s.UseText(row, r.default_use));
  }
}

void InvalidCases(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  if (r.invalid == 0) return;
  out += fmt::format("\n{}\n", fmt::format(fmt::runtime(s.w.invalid_heading), r.invalid));
  for (const AuditedCase& c : r.invalid_examples) {
    out += fmt::format("  {}:", s.Where(c));
    for (const std::string& p : s.w.lang == "nl" ? c.problems_nl : c.problems) {
      out += fmt::format(" {};", Printable(p));
    }
    out.back() = '\n';
  }
  if (std::uint64_t more = InvalidNotListed(r)) {
    out += fmt::format("  {}\n", fmt::format(fmt::runtime(s.w.and_more), more));
  }
}

// An example case as an aligned table of fact (label and name) and value.
void ExampleTable(const Speech& s, const DiffRegion& g, std::string& out) {
  out += fmt::format("       {}:\n", s.w.example);
  std::vector<std::string> facts;
  size_t width = 0;
  for (const auto& [fact, value] : g.example_facts) {
    facts.push_back(s.FactAndId(fact));
    width = std::max(width, Width(facts.back()));
  }
  for (size_t k = 0; k < facts.size(); ++k) {
    const auto& [fact, value] = g.example_facts[k];
    out += fmt::format("         {}  {}\n", Padded(facts[k], width), s.Value(fact, value));
  }
}

std::string Joined(const std::vector<std::string>& parts, std::string_view by) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(by)) + p;
  return out;
}

void Group(const Speech& s, const GraphDiff& d, const RegionGroup& group, std::string& out) {
  const AuditWords& w = s.w;
  const DiffRegion& head = d.regions[group.first];
  if (std::string attention = s.Attention(head.from, head.to); !attention.empty()) {
    out += fmt::format("  [{}]\n", attention);
  }
  out += fmt::format(
      "  {}\n",
      fmt::format(fmt::runtime(w.group_line), s.Shown(head.from), s.Shown(head.to),
                  s.Rule(head.from_rule, head.from), s.Rule(head.to_rule, head.to), group.count,
                  group.count == 1 ? w.one_region : w.many_regions, s.Cases(group.corpus_cases)));
  if (group.count > 1) {
    if (!group.common.empty()) {
      out += fmt::format("    {}: {}\n", w.in_all, Joined(group.common, " and "));
    }
    if (!group.varying.empty()) {
      out += fmt::format("    {}: {}\n", w.differ_in, Joined(group.varying, ", "));
    }
  }
  for (size_t i = group.first; i < group.first + group.count; ++i) {
    const DiffRegion& g = d.regions[i];
    std::string when = Joined(g.written, " and ");
    out += fmt::format("    {}. {} {}\n", i + 1, w.when, when.empty() ? w.every_case : when);
    ExampleTable(s, g, out);
    out += g.corpus_cases
               ? fmt::format("       {}\n",
                             fmt::format(fmt::runtime(g.corpus_cases == 1 ? w.corpus_here_one
                                                                          : w.corpus_here_many),
                                         s.Cases(g.corpus_cases)))
               : fmt::format("       {}\n", w.corpus_here_none);
  }
}

void Regions(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  if (!r.diff) return;
  const GraphDiff& d = *r.diff;
  out += fmt::format("\n{}\n", s.w.regions_heading);
  if (!d.compared) {
    out += fmt::format("  {}\n", fmt::format(fmt::runtime(s.w.not_compared), d.not_compared));
  } else if (d.regions.empty()) {
    out += fmt::format("  {}\n", s.w.nowhere);
  }
  std::vector<RegionGroup> groups = GroupRegions(d.regions);
  // Those that need attention first.
  std::stable_partition(groups.begin(), groups.end(), [&](const RegionGroup& g) {
    const DiffRegion& head = d.regions[g.first];
    return !s.Attention(head.from, head.to).empty();
  });
  for (const RegionGroup& group : groups) Group(s, d, group, out);
  if (r.changed_outside_regions > 0) {
    out += fmt::format("  {}\n", s.OutsideRegions(r.changed_outside_regions));
  }
  for (const std::string& note : d.notes) {
    out += fmt::format("  {}\n", fmt::format(fmt::runtime(s.w.note), note));
  }
  if (!d.complete) out += fmt::format("  {}\n", s.w.incomplete);
}

}  // namespace

std::string AuditText(const AuditReport& r, std::string_view lang) {
  Speech s(r, lang);
  std::string out;
  Heading(s, out);
  Transitions(s, out);
  ChangedDecisions(s, out);
  Rules(s, out);
  InvalidCases(s, out);
  Regions(s, out);
  return out;
}

}  // namespace triage
