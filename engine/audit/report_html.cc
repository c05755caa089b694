// The audit report as one self-contained HTML page (inline style, no
// scripts, nothing fetched): one function per section.
#include "triage/audit.h"

#include <fmt/format.h>

#include "audit/report_view.h"
#include "triage/html.h"

namespace triage {
namespace {

using namespace audit_view;

std::string e(std::string_view s) { return HtmlEscape(s); }

const char* const kPageHead = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>triage audit</title>
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
#regions td:nth-child(3){min-width:22em}#regions td.mono{max-width:26em}
.ids td:first-child{color:#5a6472}.mono{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}
</style></head><body>
)";

void Side(const char* what, const std::optional<RuleSetIdentity>& id, const AuditReport& r,
          std::string& out) {
  if (!id) {
    out += fmt::format(
        "<tr><td>{}</td><td>the route recorded in field <code>{}</code> of "
        "each case</td></tr>\n",
        what, e(r.recorded_field));
    return;
  }
  out += fmt::format(
      "<tr><td>{}</td><td><b>{}</b> version {} <span class=\"note\">({})</span><br>"
      "<span class=\"mono\">sha256 {}</span></td></tr>\n",
      what, e(id->id), e(id->version), e(id->file), e(id->sha256));
}

void Heading(const AuditReport& r, std::string& out) {
  out += "<h1>Dry-run audit</h1>\n";
  out += fmt::format("<p class=\"dry\">{}</p>\n", kDryRun);
  out += "<table class=\"ids\">\n";
  Side("candidate", r.candidate, r, out);
  Side("baseline", r.baseline, r, out);
  out += fmt::format("<tr><td>corpus</td><td>{}</td></tr>\n</table>\n", e(Inputs(r)));
  out += "<div class=\"cards\">";
  out += fmt::format("<div class=\"card\"><b>{}</b>cases</div>", r.cases);
  out += fmt::format("<div class=\"card changed\"><b>{}</b>changed decisions ({})</div>", r.changed,
                     Percent(r.changed, r.cases));
  out += fmt::format("<div class=\"card\"><b>{}</b>invalid cases</div>", r.invalid);
  if (r.diff && r.diff->compared) {
    out += fmt::format("<div class=\"card changed\"><b>{}</b>regions decided differently</div>",
                       r.diff->regions.size());
  }
  out += "</div>\n";
}

// Unchanged counts shaded blue, changed ones orange, each by its size
// against the largest of its kind, so that changes stand out.
void Transitions(const AuditReport& r, std::string& out) {
  Matrix m = MatrixOf(r);
  out +=
      "<h2>Transitions</h2>\n<p class=\"note\">Rows: the baseline's decision; columns: "
      "the candidate's. Off the diagonal: changed.</p>\n";
  out +=
      "<table class=\"matrix\" id=\"transition-matrix\">\n<tr><th class=\"corner\">"
      "baseline \\ candidate</th>";
  for (const Outcome& c : r.columns) out += fmt::format("<th>{}</th>", e(c.text()));
  out += "</tr>\n";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const Outcome& row = r.rows[i];
    out += fmt::format("<tr><th>{}</th>", e(row.text()));
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

void ChangedDecisions(const AuditReport& r, std::string& out) {
  out += "<h2>Changed decisions</h2>\n";
  if (r.changes.empty()) out += fmt::format("<p>{}.</p>\n", Capitalized(kNoChanges));
  for (const Change& change : ChangesOf(r)) {
    const AuditReport::Transition& t = *change.transition;
    out += fmt::format("<h3>{} &rarr; {}: {} case{}</h3>\n", e(t.from.text()), e(t.to.text()),
                       t.count, t.count == 1 ? "" : "s");
    out +=
        "<table class=\"list\"><tr><th>case</th><th>rule before</th><th>rule after</th>"
        "<th>what made the difference</th></tr>\n";
    for (const ExampleRow& row : change.rows) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(row.where),
                         e(row.rule_before), e(row.rule_after), e(row.facts));
    }
    out += "</table>\n";
    if (change.more > 0) out += fmt::format("<p class=\"note\">and {} more</p>\n", change.more);
  }
}

void Rules(const AuditReport& r, std::string& out) {
  out += "<h2>Rules</h2>\n";
  if (r.unreached.empty()) {
    out += fmt::format("<p>{}.</p>\n", Capitalized(kEveryRuleReached));
  } else {
    out += fmt::format("<p>{}", Capitalized(kNoCaseReaches));
    for (const std::string& rule : r.unreached) out += fmt::format(" <code>{}</code>", e(rule));
    out += "</p>\n";
  }
  out +=
      "<table class=\"list\"><tr><th>rule</th><th>cases before</th><th>cases after</th>"
      "<th></th></tr>\n";
  for (const RuleUse& u : r.rules) {
    std::string note = RuleNote(u);
    if (Shifted(r, u) && note.empty()) note = "decides much more or less often";
    out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       e(u.rule), u.in_baseline ? fmt::format("{}", u.before) : "&ndash;",
                       u.in_candidate ? fmt::format("{}", u.after) : "&ndash;", e(note));
  }
  out += "</table>\n";
}

std::string ConditionsHtml(const DiffRegion& r) {
  if (r.conditions.empty()) return "every case";
  std::string out;
  for (const auto& [fact, values] : r.conditions) {
    if (!out.empty()) out += "<br>";
    out += "<code>" + e(fact) + "</code>" + e(ConditionText("", values));
  }
  return out;
}

void Group(const GraphDiff& d, const RegionGroup& group, std::string& out) {
  const DiffRegion& head = d.regions[group.first];
  out += fmt::format(
      "<li><b>{} &rarr; {}</b> (rule {} &rarr; {}): {} region{}, {} of the "
      "corpus",
      e(head.from.text()), e(head.to.text()), e(RuleShown(head.from_rule, head.from)),
      e(RuleShown(head.to_rule, head.to)), group.count, group.count == 1 ? "" : "s",
      Cases(group.corpus_cases));
  if (group.count > 1 && !group.common.empty()) {
    std::string common;
    for (const auto& [fact, values] : group.common) {
      common += fmt::format("{}<code>{}</code>{}", common.empty() ? "" : ", ", e(fact),
                            e(ConditionText("", values)));
    }
    out += fmt::format(".<br>In all of them: {}", common);
  }
  if (group.count > 1 && !group.varying.empty()) {
    std::string varying;
    for (const std::string& fact : group.varying) {
      varying += fmt::format("{}<code>{}</code>", varying.empty() ? "" : ", ", e(fact));
    }
    out += fmt::format(".<br>They differ in: {}", varying);
  }
  out += "</li>\n";
}

void RegionTable(const GraphDiff& d, std::string& out) {
  out += "<ul>\n";
  for (const RegionGroup& group : GroupRegions(d.regions)) Group(d, group, out);
  out += "</ul>\n";
  out +=
      "<table class=\"list\" id=\"regions\"><tr><th>decision</th><th>rule</th>"
      "<th>when</th><th>example case</th><th>corpus</th></tr>\n";
  for (const DiffRegion& g : d.regions) {
    out += fmt::format(
        "<tr><td>{} &rarr; {}</td><td>{} &rarr; {}</td><td>{}</td><td class=\"mono\">{}"
        "</td><td>{}</td></tr>\n",
        e(g.from.text()), e(g.to.text()), e(RuleShown(g.from_rule, g.from)),
        e(RuleShown(g.to_rule, g.to)), ConditionsHtml(g), e(g.example),
        g.corpus_cases ? Cases(g.corpus_cases) : "none");
  }
  out += "</table>\n";
}

void Regions(const AuditReport& r, std::string& out) {
  if (!r.diff) return;
  const GraphDiff& d = *r.diff;
  out +=
      "<h2>What the corpus does not show</h2>\n<p class=\"note\">From the two decision "
      "graphs: every region of the case space where the versions decide differently, "
      "whether or not a case of the corpus falls there.</p>\n";
  if (!d.compared) {
    out += fmt::format("<p>Not compared: {}</p>\n", e(d.not_compared));
  } else if (d.regions.empty()) {
    out += fmt::format("<p>{}.</p>\n", Capitalized(kNowhere));
  } else {
    RegionTable(d, out);
  }
  if (r.changed_outside_regions > 0) {
    out += fmt::format("<p class=\"note\">{}.</p>\n",
                       Capitalized(OutsideRegionsText(r.changed_outside_regions)));
  }
  for (const std::string& note : d.notes) {
    out += fmt::format("<p class=\"note\">Note: {}</p>\n", e(note));
  }
  if (!d.complete) out += fmt::format("<p>{}.</p>\n", Capitalized(kIncomplete));
}

void InvalidCases(const AuditReport& r, std::string& out) {
  if (r.invalid == 0) return;
  out += fmt::format("<h2>Invalid cases: {}</h2>\n<table class=\"list\">\n", r.invalid);
  for (const AuditedCase& c : r.invalid_examples) {
    std::string problems;
    for (const std::string& p : c.problems) problems += (problems.empty() ? "" : "; ") + p;
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", e(Where(c)), e(problems));
  }
  out += "</table>\n";
}

}  // namespace

std::string AuditHtml(const AuditReport& r) {
  std::string out = kPageHead;
  Heading(r, out);
  Transitions(r, out);
  ChangedDecisions(r, out);
  Rules(r, out);
  Regions(r, out);
  InvalidCases(r, out);
  out += "</body></html>\n";
  return out;
}

}  // namespace triage
