#include "audit/report_view.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "triage/assert.h"

namespace triage::audit_view {

std::string Percent(std::uint64_t part, std::uint64_t whole, std::string_view lang) {
  if (whole == 0) return "0%";
  std::string text =
      fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  if (lang == "nl") std::replace(text.begin(), text.end(), '.', ',');  // 0,9%
  return text;
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

namespace {

std::string LanguageOf(const AuditReport& r, std::string_view lang) {
  if (!lang.empty()) return std::string(lang);
  std::string own = r.candidate_rules ? r.candidate_rules->DefaultLanguage() : "";
  return Speaks(own) ? own : "en";
}

// The fact or route named so in the candidate, else in the baseline.
template <typename T, typename Find>
const T* Named(const AuditReport& r, Find find) {
  for (const RuleSet* rs : {r.candidate_rules, r.baseline_rules}) {
    if (const T* found = rs ? find(*rs) : nullptr) return found;
  }
  return nullptr;
}

}  // namespace

Speech::Speech(const AuditReport& report, std::string_view language)
    : r(report), lang(LanguageOf(report, language)), w(AuditWordsIn(lang)) {}

std::string Speech::Cases(std::uint64_t n) const {
  return fmt::format("{} {}", n, n == 1 ? w.one_case : w.many_cases);
}

std::string Speech::Regions(std::size_t n) const {
  return fmt::format("{} {}", n, n == 1 ? w.one_region : w.many_regions);
}

std::string Speech::Route(std::string_view name) const {
  const triage::Route* route = Named<triage::Route>(r, [&](const RuleSet& rs) {
    int k = rs.FindRoute(name);
    return k < 0 ? nullptr : &rs.routes[static_cast<size_t>(k)];
  });
  if (!route || route->label.empty()) return std::string(name);
  return Printable(route->label.Get(lang));
}

std::string Speech::Short(const Outcome& o) const {
  switch (o.kind()) {
    case Outcome::Kind::kRoutes:
      return o.text();
    case Outcome::Kind::kUndetermined:
      return std::string(w.undetermined);
    case Outcome::Kind::kUnrouted:
      return std::string(w.unrouted);
    case Outcome::Kind::kInvalid:
      return std::string(w.invalid);
    case Outcome::Kind::kNotRecorded:
      return std::string(w.not_recorded);
    case Outcome::Kind::kNotARouteName:
      return std::string(w.not_a_route_name);
  }
  TRIAGE_UNREACHABLE();
}

std::string Speech::Shown(const Outcome& o) const {
  if (!o.has_routes()) return Short(o);
  std::string out;
  std::string_view text = o.text();
  for (size_t at = 0; at <= text.size();) {
    size_t plus = std::min(text.find('+', at), text.size());
    out += (out.empty() ? "" : " + ") + Route(text.substr(at, plus - at));
    at = plus + 1;
  }
  return out;
}

std::string Speech::Fact(std::string_view name) const {
  const triage::Fact* fact = Named<triage::Fact>(r, [&](const RuleSet& rs) {
    int k = rs.FindFact(name);
    return k < 0 ? nullptr : &rs.facts[static_cast<size_t>(k)];
  });
  if (!fact || fact->label.empty()) return std::string(name);
  return Printable(fact->label.Get(lang));
}

std::string Speech::FactAndId(std::string_view name) const {
  std::string label = Fact(name);
  return label == name ? label : fmt::format("{} ({})", label, name);
}

std::string Speech::Value(std::string_view fact, std::string_view text) const {
  if (text == "null") return std::string(w.unknown);
  const triage::Fact* f = Named<triage::Fact>(r, [&](const RuleSet& rs) {
    int k = rs.FindFact(fact);
    return k < 0 ? nullptr : &rs.facts[static_cast<size_t>(k)];
  });
  if (f && f->type == FactType::kBool && (text == "true" || text == "false")) {
    return std::string(text == "true" ? w.yes : w.no);
  }
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return Printable(text);
}

std::string Speech::Rule(const std::string& rule, const Outcome& outcome, bool recorded) const {
  if (!rule.empty()) return rule;
  if (recorded || !outcome.has_routes()) return "-";
  return std::string(w.default_rule);
}

std::string Speech::Where(const AuditedCase& c) const {
  // A case id or a file name may hold anything: shown printable, so that a
  // newline or an escape sequence in it cannot forge a line of the report.
  std::string id = c.case_id ? Printable(*c.case_id) : fmt::format("{} {}", w.one_case, c.index);
  std::string input = Printable(c.input);
  if (c.line > 0) return fmt::format("{} ({}:{})", id, input, c.line);
  return fmt::format("{} ({}, {} {})", id, input, w.one_case, c.index);
}

std::string Speech::FactsText(const AuditedCase& c) const {
  std::string out;
  for (const auto& [fact, value] : c.facts) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} = {}", FactAndId(fact), Value(fact, value));
    // A fact only the baseline has: say so where it is named.
    if (r.baseline_rules && r.candidate_rules && r.candidate_rules->FindFact(fact) < 0) {
      out += fmt::format(" ({})", w.gone);
    }
  }
  return out;
}

std::string Speech::SchemaText(const SchemaChange& c) const {
  std::string text;
  switch (c.kind) {
    case SchemaChange::Kind::kAdded:
      text = fmt::format(fmt::runtime(w.added), c.fact);
      break;
    case SchemaChange::Kind::kRemoved:
      text = fmt::format(fmt::runtime(w.removed), c.fact);
      break;
    case SchemaChange::Kind::kRenamed:
      text = fmt::format(fmt::runtime(w.renamed), c.old_name, c.fact);
      break;
    case SchemaChange::Kind::kRetyped:
      text = fmt::format(fmt::runtime(w.retyped), c.fact, c.old_type, c.new_type);
      break;
  }
  if (c.invalid > 0) text += "; " + fmt::format(fmt::runtime(w.schema_invalid), Cases(c.invalid));
  if (c.undetermined > 0) {
    text += "; " + fmt::format(fmt::runtime(w.schema_undetermined), Cases(c.undetermined));
  }
  return text;
}

std::string Speech::RuleNote(const RuleUse& u) const {
  return std::string(!u.in_baseline ? w.new_rule : !u.in_candidate ? w.removed_rule : "");
}

std::string Speech::UseText(const std::string& shown, const RuleUse& u) const {
  std::string text;
  if (!r.baseline) {
    text = fmt::format(fmt::runtime(w.decides), shown, Cases(u.after));
  } else if (u.before == u.after) {
    text = fmt::format(fmt::runtime(w.same_often), shown, Cases(u.after));
  } else {
    text = fmt::format(fmt::runtime(u.after > u.before ? w.more_often : w.less_often), shown,
                       u.before, u.after);
  }
  std::string note = u.rule.empty() ? "" : RuleNote(u);
  return note.empty() ? text : fmt::format("{} ({})", text, note);
}

std::string Speech::DefaultRow() const {
  const RuleSet* rs = r.candidate_rules;
  if (!rs || !rs->default_route) {
    rs = r.baseline_rules;
    if (!rs || !rs->default_route) return "";
  }
  return fmt::format(fmt::runtime(w.default_row), Route(*rs->default_route));
}

std::string Speech::Attention(const Outcome& from, const Outcome& to) const {
  if (!r.candidate_rules || !NeedsAttention(*r.candidate_rules, from, to)) return "";
  return std::string(to.has_routes() ? w.attention_down : w.attention_lost);
}

std::string Speech::OutsideRegions(std::uint64_t n) const {
  return fmt::format(fmt::runtime(n == 1 ? w.outside_one : w.outside_many), n);
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

std::vector<Change> ChangesOf(const Speech& s) {
  std::vector<Change> changes;
  for (const AuditReport::Transition& t : s.r.changes) {
    Change& change = changes.emplace_back();
    change.transition = &t;
    change.attention = s.Attention(t.from, t.to);
    size_t listed = std::min(t.examples.size(), s.r.examples_listed);
    for (size_t k = 0; k < listed; ++k) {
      const AuditedCase& c = t.examples[k];
      change.rows.push_back({s.Where(c), s.Rule(c.from_rule, c.from, !s.r.baseline),
                             s.Rule(c.to_rule, c.to), s.FactsText(c)});
    }
    change.more = t.count - listed;
  }
  return changes;
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
  const DiffRegion& head = regions[g.first];
  for (size_t i = g.first; i < g.first + g.count; ++i) {
    for (const auto& condition : regions[i].conditions) {
      if (std::find(seen.begin(), seen.end(), condition.first) != seen.end()) continue;
      seen.push_back(condition.first);
      bool everywhere = true;
      for (size_t k = g.first; k < g.first + g.count && everywhere; ++k) {
        const auto& cs = regions[k].conditions;
        everywhere = std::find(cs.begin(), cs.end(), condition) != cs.end();
      }
      if (!everywhere) {
        g.varying.push_back(condition.first);
        continue;
      }
      auto at = std::find(head.conditions.begin(), head.conditions.end(), condition);
      size_t index = static_cast<size_t>(at - head.conditions.begin());
      g.common.push_back(index < head.written.size() ? head.written[index] : condition.first);
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

}  // namespace triage::audit_view
