#include "audit/report_view.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace triage::audit_view {

const char* const kDryRun = "Dry run: nothing was written but this report.";
const char* const kNoChanges = "none: every case is decided as before";
const char* const kEveryRuleReached = "every rule of the candidate decides some case of the corpus";
const char* const kNoCaseReaches = "no case of the corpus reaches:";
const char* const kNowhere = "nowhere: the two versions decide every case the same way";
const char* const kIncomplete =
    "the comparison ran out of its budget: the regions above are some, not all";

std::string Percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "0%";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string Cases(std::uint64_t n) { return n == 1 ? "1 case" : fmt::format("{} cases", n); }

std::string RuleShown(const std::string& rule, const Outcome& outcome, bool recorded) {
  if (!rule.empty()) return rule;
  if (recorded || !outcome.has_routes()) return "-";
  return "default";
}

std::string Where(const AuditedCase& c) {
  // A case id or a file name may hold anything: shown printable, so that a
  // newline or an escape sequence in it cannot forge a line of the report.
  std::string id = c.case_id ? Printable(*c.case_id) : fmt::format("case {}", c.index);
  std::string input = Printable(c.input);
  if (c.line > 0) return fmt::format("{} ({}:{})", id, input, c.line);
  return fmt::format("{} ({}, case {})", id, input, c.index);
}

std::string FactsText(const AuditedCase& c) {
  std::string out;
  for (const auto& [fact, value] : c.facts) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} = {}", fact, value == "null" ? "unknown" : Printable(value));
  }
  return out;
}

std::string ConditionText(std::string_view fact, std::string_view values) {
  bool comparison = !values.empty() && (values[0] == '<' || values[0] == '>');
  return fmt::format("{}{}{}", fact, comparison ? " " : " is ", values);
}

std::string Capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string Inputs(const AuditReport& r) {
  std::string inputs;
  for (const std::string& in : r.inputs) inputs += (inputs.empty() ? "" : ", ") + Printable(in);
  return inputs;
}

Matrix MatrixOf(const AuditReport& r) {
  Matrix m;
  for (const Outcome& row : r.rows) {
    std::vector<std::uint64_t>& counts = m.counts.emplace_back();
    auto found = r.matrix.find(row);
    for (const Outcome& column : r.columns) {
      std::uint64_t n = 0;
      if (found != r.matrix.end()) {
        auto cell = found->second.find(column);
        if (cell != found->second.end()) n = cell->second;
      }
      counts.push_back(n);
      std::uint64_t& most = row == column ? m.most_same : m.most_changed;
      most = std::max(most, n);
    }
  }
  return m;
}

std::vector<Change> ChangesOf(const AuditReport& r) {
  std::vector<Change> changes;
  for (const AuditReport::Transition& t : r.changes) {
    Change& change = changes.emplace_back();
    change.transition = &t;
    for (const AuditedCase& c : t.examples) {
      change.rows.push_back({Where(c), RuleShown(c.from_rule, c.from, !r.baseline),
                             RuleShown(c.to_rule, c.to), FactsText(c)});
    }
    change.more = t.count > t.examples.size() ? t.count - t.examples.size() : 0;
  }
  return changes;
}

std::string RuleNote(const RuleUse& u) {
  return !u.in_baseline ? "new rule" : !u.in_candidate ? "removed rule" : "";
}

bool Shifted(const AuditReport& r, const RuleUse& u) {
  return std::any_of(r.shifted.begin(), r.shifted.end(),
                     [&](const RuleUse& s) { return s.rule == u.rule; });
}

std::uint64_t InvalidNotListed(const AuditReport& r) {
  return r.invalid > r.invalid_examples.size() ? r.invalid - r.invalid_examples.size() : 0;
}

namespace {

bool SameGroup(const DiffRegion& a, const DiffRegion& b) {
  return a.from == b.from && a.to == b.to && a.from_rule == b.from_rule && a.to_rule == b.to_rule;
}

// The conditions every region of `g` shares, and the facts they differ in.
void Compare(const std::vector<DiffRegion>& regions, RegionGroup& g) {
  std::vector<std::string> seen;
  for (size_t i = g.first; i < g.first + g.count; ++i) {
    for (const auto& condition : regions[i].conditions) {
      if (std::find(seen.begin(), seen.end(), condition.first) != seen.end()) continue;
      seen.push_back(condition.first);
      bool everywhere = true;
      for (size_t k = g.first; k < g.first + g.count && everywhere; ++k) {
        const auto& cs = regions[k].conditions;
        everywhere = std::find(cs.begin(), cs.end(), condition) != cs.end();
      }
      if (everywhere) {
        g.common.push_back(condition);
      } else {
        g.varying.push_back(condition.first);
      }
    }
  }
}

}  // namespace

std::vector<RegionGroup> GroupRegions(const std::vector<DiffRegion>& regions) {
  std::vector<RegionGroup> groups;
  for (size_t i = 0; i < regions.size(); ++i) {
    if (groups.empty() || !SameGroup(regions[groups.back().first], regions[i])) {
      groups.push_back({i, 0, 0, {}, {}});
    }
    RegionGroup& g = groups.back();
    ++g.count;
    g.corpus_cases += regions[i].corpus_cases;
  }
  for (RegionGroup& g : groups) Compare(regions, g);
  return groups;
}

std::string OutsideRegionsText(std::uint64_t n) {
  return fmt::format(
      "{} changed case{} of the corpus {} in no region: an unknown fact, or invalid on one side "
      "(the regions are of cases with every fact known)",
      n, n == 1 ? "" : "s", n == 1 ? "is" : "are");
}

}  // namespace triage::audit_view
