// The audit report as one self-contained HTML page (inline style, no
// scripts, nothing fetched): one function per section.
#include "triage/audit.h"

#include <algorithm>

#include <fmt/format.h>

#include "audit/report_view.h"
#include "triage/assert.h"
#include "triage/html.h"

namespace triage {
namespace {

using namespace audit_view;

std::string e(std::string_view s) { return HtmlEscape(s); }

const char* const kPageHead = R"(<head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:1100px;margin:2em auto;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #d5dae1;padding-bottom:.2em}
.note{color:#5a6472}.dry{background:#eef5ee;border-left:4px solid #4a8a4a;padding:.4em .8em}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}.card{border:1px solid #d5dae1;border-radius:6px;padding:.6em 1em;min-width:9em}
.card b{display:block;font-size:1.6em}.card.changed b{color:#b3541e}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:.3em .6em;text-align:left;vertical-align:top}
table.matrix td,table.matrix th{border:1px solid #d5dae1;text-align:right;min-width:4.5em}
table.matrix th.corner{text-align:left;color:#5a6472;font-weight:normal}
table.list td{border-bottom:1px solid #eceff3}code{font-size:.9em;background:#f3f5f8;padding:0 .2em}
#regions td:nth-child(3){min-width:18em}#regions td:nth-child(4){min-width:28em}
.ids td:first-child{color:#5a6472}.attention{background:#fdeee6;border-left:4px solid #b3541e;padding:.3em .7em;margin:.6em 0}
.warn{background:#fff4d6;border-left:4px solid #c99400;padding:.4em .8em}table.example td{padding:.05em .5em;border:0}table.example td:first-child{color:#5a6472;min-width:17em}.mono{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}
</style></head><body>
)";

void Side(const Speech& s, std::string_view what, const std::optional<RuleSetIdentity>& id,
          std::string& out) {
  if (!id) {
    // The field's name as code, in place of the quoted "'{}'" of the text form.
    std::string_view words = s.w.recorded_side;
    size_t at = words.find("{}");
    TRIAGE_ASSERT(at != std::string_view::npos, "recorded_side names the field");
    size_t quoted = at > 0 && words[at - 1] == '\'' ? 1 : 0;
    std::string text = e(words.substr(0, at - quoted)) +
                       fmt::format("<code>{}</code>", e(s.r.recorded_field)) +
                       e(words.substr(at + 2 + quoted));
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", e(what), text);
    return;
  }
  out += fmt::format(
      "<tr><td>{}</td><td><b>{}</b> {} {} <span class=\"note\">({})</span><br>"
      "<span class=\"mono\">sha256 {}</span></td></tr>\n",
      e(what), e(id->id), e(s.w.version), e(id->version), e(id->file), e(id->sha256));
}

void Heading(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  const AuditWords& w = s.w;
  out += fmt::format("<h1>{}</h1>\n", e(w.title));
  out += fmt::format("<p class=\"dry\">{}</p>\n", e(w.dry_run));
  if (r.same_version) {
    out +=
        fmt::format("<p class=\"warn\" id=\"same-version\">{}</p>\n",
                    e(Capitalized(fmt::format(fmt::runtime(w.same_version), r.candidate.version))));
  }
  out += "<table class=\"ids\">\n";
  Side(s, w.candidate, r.candidate, out);
  Side(s, w.baseline, r.baseline, out);
  out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n</table>\n", e(w.corpus), e(Inputs(r)));
  out += "<div class=\"cards\">";
  out += fmt::format("<div class=\"card\"><b>{}</b>{}</div>", r.cases, e(w.card_cases));
  out += fmt::format(
      "<div class=\"card changed\"><b>{}</b>{}</div>", r.changed,
      e(fmt::format(fmt::runtime(w.card_changed), Percent(r.changed, r.cases, w.lang))));
  out += fmt::format("<div class=\"card\"><b>{}</b>{}</div>", r.invalid, e(w.card_invalid));
  if (r.diff && r.diff->compared) {
    out += fmt::format("<div class=\"card changed\"><b>{}</b>{}</div>", r.diff->regions.size(),
                       e(w.card_regions));
  }
  out += "</div>\n";
  if (r.schema_changes.empty()) return;
  out += fmt::format("<h2>{}</h2>\n<ul id=\"schema-changes\">\n", e(w.schema_heading));
  for (const SchemaChange& c : r.schema_changes) {
    out += fmt::format("<li>{}</li>\n", e(Capitalized(s.SchemaText(c))));
  }
  out += "</ul>\n";
}

// Unchanged counts shaded blue, changed ones orange, each by its size
// against the largest of its kind, so that changes stand out.
void Transitions(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  Matrix m = MatrixOf(r);
  out += fmt::format("<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
                     e(s.w.transitions_heading.substr(0, s.w.transitions_heading.find(" ("))),
                     e(s.w.transitions_note));
  out += fmt::format(
      "<table class=\"matrix\" id=\"transition-matrix\">\n<tr><th class=\"corner\">{}</th>",
      e(s.w.corner));
  for (const Outcome& c : r.columns) out += fmt::format("<th>{}</th>", e(s.Shown(c)));
  out += "</tr>\n";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const Outcome& row = r.rows[i];
    out += fmt::format("<tr><th>{}</th>", e(s.Shown(row)));
    for (size_t j = 0; j < r.columns.size(); ++j) {
      bool same = row == r.columns[j];
      std::uint64_t n = m.counts[i][j];
      double most = static_cast<double>(same ? m.most_same : m.most_changed);
      double alpha = n ? 0.15 + 0.7 * static_cast<double>(n) / most : 0;
      const char* rgb = same ? "60,110,180" : "215,110,40";
      out += fmt::format("<td style=\"background:rgba({},{:.2f})\"{}>{}</td>", rgb, alpha,
                         same ? "" : " class=\"off\"", n ? fmt::format("{}", n) : "");
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

void ChangedDecisions(const Speech& s, std::string& out) {
  const AuditWords& w = s.w;
  out += fmt::format("<h2>{}</h2>\n", e(w.changed_heading));
  if (s.r.changes.empty()) out += fmt::format("<p>{}.</p>\n", e(Capitalized(w.no_changes)));
  for (const Change& change : ChangesOf(s)) {
    const AuditReport::Transition& t = *change.transition;
    out += change.attention.empty() ? "<div>" : "<div class=\"attention\">";
    if (!change.attention.empty()) {
      out += fmt::format("<b>{}</b>\n", e(Capitalized(change.attention)));
    }
    out += fmt::format("<h3>{} &rarr; {}: {}</h3>\n", e(s.Shown(t.from)), e(s.Shown(t.to)),
                       e(s.Cases(t.count)));
    out +=
        fmt::format("<table class=\"list\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                    e(w.one_case), e(w.rule_before), e(w.rule_after), e(w.made_difference));
    for (const ExampleRow& row : change.rows) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(row.where),
                         e(row.rule_before), e(row.rule_after), e(row.facts));
    }
    out += "</table>\n";
    if (change.more > 0) {
      out += fmt::format("<p class=\"note\">{}</p>\n",
                         e(fmt::format(fmt::runtime(w.and_more), change.more)));
    }
    out += "</div>\n";
  }
}

std::string UseCell(const Speech& s, const RuleUse& u) {
  // Every rule that decides more or less often, as the text says it.
  if (s.r.baseline && u.in_baseline && u.in_candidate && u.before != u.after) {
    std::string text = s.UseText("", u);
    return e(Capitalized(text.substr(text.find_first_not_of(' '))));
  }
  return e(s.RuleNote(u));
}

void Rules(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  const AuditWords& w = s.w;
  out += fmt::format("<h2>{}</h2>\n", e(w.rules_heading));
  if (r.unreached.empty()) {
    out += fmt::format("<p>{}.</p>\n", e(Capitalized(w.every_rule_reached)));
  } else {
    out += fmt::format("<p>{}", e(Capitalized(w.no_case_reaches)));
    for (const std::string& rule : r.unreached) out += fmt::format(" <code>{}</code>", e(rule));
    out += "</p>\n";
  }
  out += fmt::format(
      "<table class=\"list\" id=\"rules\"><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr>\n",
      e(w.rule), e(w.cases_before), e(w.cases_after));
  auto row = [&](const std::string& name, const RuleUse& u) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", name,
                       u.in_baseline && r.baseline ? fmt::format("{}", u.before) : "&ndash;",
                       u.in_candidate ? fmt::format("{}", u.after) : "&ndash;", UseCell(s, u));
  };
  for (const RuleUse& u : r.rules) row(fmt::format("<code>{}</code>", e(u.rule)), u);
  if (std::string d = s.DefaultRow(); !d.empty()) row(e(d), r.default_use);
  out += "</table>\n";
}

std::string ConditionsHtml(const Speech& s, const DiffRegion& r) {
  if (r.written.empty()) return e(s.w.every_case);
  std::string out;
  for (const std::string& written : r.written) {
    out += (out.empty() ? "" : "<br>") + fmt::format("<code>{}</code>", e(written));
  }
  return out;
}

// The example case as a small table of fact and value.
std::string ExampleHtml(const Speech& s, const DiffRegion& r) {
  std::string out = "<table class=\"example\">";
  for (const auto& [fact, value] : r.example_facts) {
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", e(s.FactAndId(fact)),
                       e(s.Value(fact, value)));
  }
  return out + "</table>";
}

std::string Codes(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += fmt::format("{}<code>{}</code>", out.empty() ? "" : ", ", e(item));
  }
  return out;
}

void Group(const Speech& s, const GraphDiff& d, const RegionGroup& group, std::string& out) {
  const AuditWords& w = s.w;
  const DiffRegion& head = d.regions[group.first];
  std::string attention = s.Attention(head.from, head.to);
  out += attention.empty() ? "<li>" : "<li class=\"attention\">";
  if (!attention.empty()) out += fmt::format("<b>{}</b><br>", e(Capitalized(attention)));
  std::string line =
      fmt::format(fmt::runtime(w.group_line), s.Shown(head.from), s.Shown(head.to),
                  s.Rule(head.from_rule, head.from), s.Rule(head.to_rule, head.to), group.count,
                  group.count == 1 ? w.one_region : w.many_regions, s.Cases(group.corpus_cases));
  std::string html = e(line);
  for (size_t at; (at = html.find(" -&gt; ")) != std::string::npos;) {
    html.replace(at, 7, " &rarr; ");
  }
  out += html;
  if (group.count > 1 && !group.common.empty()) {
    out += fmt::format(".<br>{}: {}", e(Capitalized(w.in_all)), Codes(group.common));
  }
  if (group.count > 1 && !group.varying.empty()) {
    out += fmt::format(".<br>{}: {}", e(Capitalized(w.differ_in)), Codes(group.varying));
  }
  out += "</li>\n";
}

bool GroupNeedsAttention(const Speech& s, const GraphDiff& d, const RegionGroup& g) {
  const DiffRegion& head = d.regions[g.first];
  return !s.Attention(head.from, head.to).empty();
}

void RegionTable(const Speech& s, const GraphDiff& d, std::string& out) {
  const AuditWords& w = s.w;
  std::vector<RegionGroup> groups = GroupRegions(d.regions);
  std::stable_partition(groups.begin(), groups.end(),
                        [&](const RegionGroup& g) { return GroupNeedsAttention(s, d, g); });
  out += "<ul>\n";
  for (const RegionGroup& group : groups) Group(s, d, group, out);
  out += "</ul>\n";
  out += fmt::format(
      "<table class=\"list\" id=\"regions\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th></tr>\n",
      e(w.decision), e(w.rule), e(w.when), e(w.example_case), e(w.corpus));
  for (const RegionGroup& group : groups) {
    for (size_t i = group.first; i < group.first + group.count; ++i) {
      const DiffRegion& g = d.regions[i];
      out += fmt::format(
          "<tr><td>{} &rarr; {}</td><td>{} &rarr; {}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
          e(s.Shown(g.from)), e(s.Shown(g.to)), e(s.Rule(g.from_rule, g.from)),
          e(s.Rule(g.to_rule, g.to)), ConditionsHtml(s, g), ExampleHtml(s, g),
          g.corpus_cases ? e(s.Cases(g.corpus_cases)) : e(w.none));
    }
  }
  out += "</table>\n";
}

void Regions(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  const AuditWords& w = s.w;
  if (!r.diff) return;
  const GraphDiff& d = *r.diff;
  out += fmt::format("<h2>{}</h2>\n<p class=\"note\">{}</p>\n", e(w.regions_heading_short),
                     e(w.regions_note));
  if (!d.compared) {
    out += fmt::format("<p>{}</p>\n",
                       e(Capitalized(fmt::format(fmt::runtime(w.not_compared), d.not_compared))));
  } else if (d.regions.empty()) {
    out += fmt::format("<p>{}.</p>\n", e(Capitalized(w.nowhere)));
  } else {
    RegionTable(s, d, out);
  }
  if (r.changed_outside_regions > 0) {
    out += fmt::format("<p class=\"note\">{}.</p>\n",
                       e(Capitalized(s.OutsideRegions(r.changed_outside_regions))));
  }
  for (const std::string& note : d.notes) {
    out += fmt::format("<p class=\"note\">{}</p>\n",
                       e(Capitalized(fmt::format(fmt::runtime(w.note), note))));
  }
  if (!d.complete) out += fmt::format("<p>{}.</p>\n", e(Capitalized(w.incomplete)));
}

void InvalidCases(const Speech& s, std::string& out) {
  const AuditReport& r = s.r;
  if (r.invalid == 0) return;
  out += fmt::format("<h2>{}</h2>\n<table class=\"list\">\n",
                     e(fmt::format(fmt::runtime(s.w.invalid_heading), r.invalid)));
  for (const AuditedCase& c : r.invalid_examples) {
    std::string problems;
    for (const std::string& p : s.w.lang == "nl" ? c.problems_nl : c.problems) {
      problems += (problems.empty() ? "" : "; ") + p;
    }
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", e(s.Where(c)), e(problems));
  }
  out += "</table>\n";
}

}  // namespace

std::string AuditHtml(const AuditReport& r, std::string_view lang) {
  Speech s(r, lang);
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">", e(s.lang));
  out += kPageHead;
  out.insert(out.find("<style>"), fmt::format("<title>triage: {}</title>\n", e(s.w.title)));
  Heading(s, out);
  Transitions(s, out);
  ChangedDecisions(s, out);
  Rules(s, out);
  Regions(s, out);
  InvalidCases(s, out);
  out += "</body></html>\n";
  return out;
}

}  // namespace triage
