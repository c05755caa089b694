// The audit report in three forms: text for people, JSON for programs, and
// one self-contained HTML page (inline style, no scripts, no network).
// Fact values come in already masked (personal facts never in clear).
#include <algorithm>

#include <fmt/format.h>

#include "triage/audit.h"
#include "triage/json.h"

namespace triage {
namespace {

constexpr const char* kDryRun = "Dry run: nothing was written but this report.";

std::string Percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "0%";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// The deciding rule for people: its id, "default" when the default route
// decided, "-" when nothing was decided or the side is a recorded route.
std::string RuleShown(const std::string& rule, const Outcome& outcome, bool recorded = false) {
  if (!rule.empty()) return rule;
  if (recorded) return "-";
  for (const char* none : {"undetermined", "unrouted", "invalid"}) {
    if (outcome == none) return "-";
  }
  return "default";
}

std::string Where(const AuditedCase& c) {
  std::string id = c.case_id ? *c.case_id : fmt::format("case {}", c.index);
  if (c.line > 0) return fmt::format("{} ({}:{})", id, c.input, c.line);
  return fmt::format("{} ({}, case {})", id, c.input, c.index);
}

std::string FactsText(const AuditedCase& c) {
  std::string out;
  for (const auto& [fact, value] : c.facts) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} = {}", fact, value == "null" ? "unknown" : value);
  }
  return out;
}

// "n is 8..9", "role is raadslid or wethouder", but "d >= 2026-02-01".
std::string ConditionText(std::string_view fact, std::string_view values) {
  bool comparison = !values.empty() && (values[0] == '<' || values[0] == '>');
  return fmt::format("{}{}{}", fact, comparison ? " " : " is ", values);
}

std::string ConditionsText(const DiffRegion& r) {
  if (r.conditions.empty()) return "every case";
  std::string out;
  for (const auto& [fact, values] : r.conditions) {
    if (!out.empty()) out += " and ";
    out += ConditionText(fact, values);
  }
  return out;
}

std::string SideText(const std::optional<RuleSetIdentity>& side, const std::string& field) {
  if (!side) return fmt::format("the route recorded in field '{}' of each case", field);
  return fmt::format("{} {} ({}, sha256 {})", side->id, side->version, side->file, side->sha256);
}

std::uint64_t CellCount(const AuditReport& r, const Outcome& from, const Outcome& to) {
  auto row = r.matrix.find(from);
  if (row == r.matrix.end()) return 0;
  auto cell = row->second.find(to);
  return cell == row->second.end() ? 0 : cell->second;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Regions of one transition (and the same deciding rules), and what they
// have in common: a change that is one statement for people often takes
// several regions (an "or" is two boxes). Regions come sorted by transition.
struct RegionGroup {
  size_t first = 0, count = 0;
  std::uint64_t corpus_cases = 0;
  std::vector<std::pair<std::string, std::string>> common;  ///< in every region
  std::vector<std::string> varying;                         ///< facts that differ between them
};

std::vector<RegionGroup> GroupRegions(const std::vector<DiffRegion>& regions) {
  std::vector<RegionGroup> groups;
  for (size_t i = 0; i < regions.size(); ++i) {
    const DiffRegion& r = regions[i];
    bool same = !groups.empty();
    if (same) {
      const DiffRegion& head = regions[groups.back().first];
      same = head.from == r.from && head.to == r.to && head.from_rule == r.from_rule &&
             head.to_rule == r.to_rule;
    }
    if (!same) groups.push_back({i, 0, 0, {}, {}});
    RegionGroup& g = groups.back();
    ++g.count;
    g.corpus_cases += r.corpus_cases;
  }
  for (RegionGroup& g : groups) {
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
  return groups;
}

std::string Cases(std::uint64_t n) { return n == 1 ? "1 case" : fmt::format("{} cases", n); }

std::string ConditionsHtml(const DiffRegion& r) {
  if (r.conditions.empty()) return "every case";
  std::string out;
  for (const auto& [fact, values] : r.conditions) {
    if (!out.empty()) out += "<br>";
    out += "<code>" + HtmlEscape(fact) + "</code>" + HtmlEscape(ConditionText("", values));
  }
  return out;
}

}  // namespace

std::string AuditText(const AuditReport& r) {
  std::string out = fmt::format("{}\n\n", kDryRun);
  out += fmt::format("candidate: {}\n", SideText(r.candidate, ""));
  out += fmt::format("baseline:  {}\n", SideText(r.baseline, r.recorded_field));
  std::string inputs;
  for (const std::string& in : r.inputs) inputs += (inputs.empty() ? "" : ", ") + in;
  out += fmt::format("corpus:    {}: {} cases, {} invalid\n", inputs, r.cases, r.invalid);
  out += fmt::format("changed:   {} of {} decisions ({})\n", r.changed, r.cases,
                     Percent(r.changed, r.cases));

  out += "\nTransitions (rows: baseline, columns: candidate)\n";
  size_t width = 8;
  for (const Outcome& l : r.rows) width = std::max(width, l.size());
  out += fmt::format("  {:<{}}", "", width);
  for (const Outcome& c : r.columns)
    out += fmt::format("  {:>{}}", c, std::max<size_t>(6, c.size()));
  out += "\n";
  for (const Outcome& row : r.rows) {
    out += fmt::format("  {:<{}}", row, width);
    for (const Outcome& c : r.columns) {
      std::uint64_t n = CellCount(r, row, c);
      out += fmt::format("  {:>{}}", n ? fmt::format("{}", n) : ".", std::max<size_t>(6, c.size()));
    }
    out += "\n";
  }

  out += "\nChanged decisions\n";
  if (r.changes.empty()) out += "  none: every case is decided as before\n";
  for (const auto& t : r.changes) {
    out += fmt::format("  {} -> {}: {} case{}\n", t.from, t.to, t.count, t.count == 1 ? "" : "s");
    for (const AuditedCase& c : t.examples) {
      out += fmt::format("    {}: rule {} -> {}", Where(c),
                         RuleShown(c.from_rule, c.from, !r.baseline), RuleShown(c.to_rule, c.to));
      std::string facts = FactsText(c);
      out += facts.empty() ? "\n" : fmt::format("; {}\n", facts);
    }
    if (t.count > t.examples.size()) {
      out += fmt::format("    ... and {} more\n", t.count - t.examples.size());
    }
  }

  out += "\nRules\n";
  if (r.unreached.empty()) {
    out += "  every rule of the candidate decides some case of the corpus\n";
  } else {
    out += "  no case of the corpus reaches:";
    for (const std::string& rule : r.unreached) out += " " + rule;
    out += "\n";
  }
  for (const RuleUse& u : r.shifted) {
    std::string note = !u.in_baseline ? " (new rule)" : !u.in_candidate ? " (removed rule)" : "";
    out += fmt::format("  {} decides {} cases, was {}{}\n", u.rule, u.after, u.before, note);
  }

  if (r.invalid > 0) {
    out += fmt::format("\nInvalid cases: {}\n", r.invalid);
    for (const AuditedCase& c : r.invalid_examples) {
      out += fmt::format("  {}:", Where(c));
      for (const std::string& p : c.problems) out += fmt::format(" {};", p);
      out.back() = '\n';
    }
    if (r.invalid > r.invalid_examples.size()) {
      out += fmt::format("  ... and {} more\n", r.invalid - r.invalid_examples.size());
    }
  }

  if (r.diff) {
    const GraphDiff& d = *r.diff;
    out += "\nWhat the corpus does not show: where the two versions decide differently\n";
    if (!d.compared) {
      out += fmt::format("  not compared: {}\n", d.not_compared);
    } else if (d.regions.empty()) {
      out += "  nowhere: the two versions decide every case the same way\n";
    }
    for (const RegionGroup& group : GroupRegions(d.regions)) {
      const DiffRegion& head = d.regions[group.first];
      out += fmt::format("  {} -> {} (rule {} -> {}): {} region{}, {} of the corpus\n", head.from,
                         head.to, RuleShown(head.from_rule, head.from),
                         RuleShown(head.to_rule, head.to), group.count, group.count == 1 ? "" : "s",
                         Cases(group.corpus_cases));
      if (group.count > 1) {
        std::string common;
        for (const auto& [fact, values] : group.common) {
          common += (common.empty() ? "" : " and ") + ConditionText(fact, values);
        }
        if (!common.empty()) out += fmt::format("    in all of them: {}\n", common);
        std::string varying;
        for (const std::string& fact : group.varying)
          varying += (varying.empty() ? "" : ", ") + fact;
        if (!varying.empty()) out += fmt::format("    they differ in: {}\n", varying);
      }
      for (size_t i = group.first; i < group.first + group.count; ++i) {
        const DiffRegion& g = d.regions[i];
        out += fmt::format("    {}. when {}\n", i + 1, ConditionsText(g));
        out += fmt::format("       example: {}\n", g.example);
        out += g.corpus_cases
                   ? fmt::format("       {} of the corpus {} here\n", Cases(g.corpus_cases),
                                 g.corpus_cases == 1 ? "falls" : "fall")
                   : "       no case of the corpus falls here\n";
      }
    }
    if (r.changed_outside_regions > 0) {
      out += fmt::format(
          "  {} changed {} of the corpus {} in no region: an unknown fact, or invalid on one "
          "side (the regions are of cases with every fact known)\n",
          r.changed_outside_regions, r.changed_outside_regions == 1 ? "case" : "cases",
          r.changed_outside_regions == 1 ? "is" : "are");
    }
    for (const std::string& note : d.notes) out += fmt::format("  note: {}\n", note);
    if (!d.complete) {
      out += "  the comparison ran out of its budget: the regions above are some, not all\n";
    }
  }
  return out;
}

std::string AuditJson(const AuditReport& r) {
  auto identity = [](const RuleSetIdentity& id) {
    return fmt::format("{{\"file\": {}, \"id\": {}, \"version\": {}, \"sha256\": {}}}",
                       JsonString(id.file), JsonString(id.id), JsonString(id.version),
                       JsonString(id.sha256));
  };
  auto strings = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + JsonString(items[i]);
    return out + "]";
  };
  auto audited = [](const AuditedCase& c) {
    std::string facts = "[";
    for (size_t i = 0; i < c.facts.size(); ++i) {
      facts += fmt::format("{}{{\"fact\": {}, \"value\": {}}}", i ? ", " : "",
                           JsonString(c.facts[i].first), c.facts[i].second);
    }
    facts += "]";
    std::string errors = "[";
    for (size_t i = 0; i < c.problems.size(); ++i) {
      errors += (i ? ", " : "") + JsonString(c.problems[i]);
    }
    errors += "]";
    return fmt::format(
        "{{\"case_id\": {}, \"input\": {}, \"index\": {}, \"line\": {}, \"from\": {}, "
        "\"to\": {}, \"from_rule\": {}, \"to_rule\": {}, \"facts\": {}, \"errors\": {}}}",
        c.case_id ? JsonString(*c.case_id) : "null", JsonString(c.input), c.index, c.line,
        JsonString(c.from), JsonString(c.to),
        c.from_rule.empty() ? "null" : JsonString(c.from_rule),
        c.to_rule.empty() ? "null" : JsonString(c.to_rule), facts, errors);
  };
  std::string out = "{\"dry_run\": true, \"written\": \"nothing but this report\"";
  out += ", \"candidate\": " + identity(r.candidate);
  out += ", \"baseline\": ";
  out += r.baseline ? identity(*r.baseline)
                    : fmt::format("{{\"recorded_field\": {}}}", JsonString(r.recorded_field));
  out += fmt::format(
      ", \"corpus\": {{\"inputs\": {}, \"cases\": {}, \"invalid\": {}, \"unrouted\": {}}}",
      strings(r.inputs), r.cases, r.invalid, r.unrouted);
  out += fmt::format(", \"changed\": {}", r.changed);
  out += ", \"matrix\": {\"rows\": " + strings(r.rows) + ", \"columns\": " + strings(r.columns) +
         ", \"counts\": [";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    out += i ? ", [" : "[";
    for (size_t j = 0; j < r.columns.size(); ++j) {
      out += fmt::format("{}{}", j ? ", " : "", CellCount(r, r.rows[i], r.columns[j]));
    }
    out += "]";
  }
  out += "]}, \"changes\": [";
  for (size_t i = 0; i < r.changes.size(); ++i) {
    const auto& t = r.changes[i];
    out += fmt::format("{}{{\"from\": {}, \"to\": {}, \"count\": {}, \"examples\": [",
                       i ? ", " : "", JsonString(t.from), JsonString(t.to), t.count);
    for (size_t k = 0; k < t.examples.size(); ++k) out += (k ? ", " : "") + audited(t.examples[k]);
    out += "]}";
  }
  out += "], \"rules\": [";
  auto use = [](const RuleUse& u) {
    return fmt::format(
        "{{\"rule\": {}, \"in_baseline\": {}, \"in_candidate\": {}, \"before\": {}, "
        "\"after\": {}}}",
        JsonString(u.rule), u.in_baseline, u.in_candidate, u.before, u.after);
  };
  for (size_t i = 0; i < r.rules.size(); ++i) out += (i ? ", " : "") + use(r.rules[i]);
  out += "], \"unreached\": " + strings(r.unreached) + ", \"shifted\": [";
  for (size_t i = 0; i < r.shifted.size(); ++i) out += (i ? ", " : "") + use(r.shifted[i]);
  out += "], \"invalid_examples\": [";
  for (size_t i = 0; i < r.invalid_examples.size(); ++i) {
    out += (i ? ", " : "") + audited(r.invalid_examples[i]);
  }
  out += "], \"regions\": ";
  if (!r.diff) {
    out += "null";
  } else {
    const GraphDiff& d = *r.diff;
    out += fmt::format(
        "{{\"compared\": {}, \"not_compared\": {}, \"complete\": {}, \"notes\": {}, "
        "\"changed_outside_regions\": {}, \"items\": [",
        d.compared, d.not_compared.empty() ? "null" : JsonString(d.not_compared), d.complete,
        strings(d.notes), r.changed_outside_regions);
    for (size_t i = 0; i < d.regions.size(); ++i) {
      const DiffRegion& g = d.regions[i];
      std::string conditions = "[";
      for (size_t k = 0; k < g.conditions.size(); ++k) {
        conditions +=
            fmt::format("{}{{\"fact\": {}, \"values\": {}}}", k ? ", " : "",
                        JsonString(g.conditions[k].first), JsonString(g.conditions[k].second));
      }
      conditions += "]";
      out += fmt::format(
          "{}{{\"from\": {}, \"to\": {}, \"from_rule\": {}, \"to_rule\": {}, \"conditions\": "
          "{}, \"example\": {}, \"corpus_cases\": {}}}",
          i ? ", " : "", JsonString(g.from), JsonString(g.to),
          g.from_rule.empty() ? "null" : JsonString(g.from_rule),
          g.to_rule.empty() ? "null" : JsonString(g.to_rule), conditions, g.example,
          g.corpus_cases);
    }
    out += "]}";
  }
  out += "}\n";
  return out;
}

std::string AuditHtml(const AuditReport& r) {
  auto e = [](std::string_view s) { return HtmlEscape(s); };
  std::string out = R"(<!DOCTYPE html>
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
  out += "<h1>Dry-run audit</h1>\n";
  out += fmt::format("<p class=\"dry\">{}</p>\n", kDryRun);
  out += "<table class=\"ids\">\n";
  auto side = [&](const char* what, const std::optional<RuleSetIdentity>& id) {
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
  };
  side("candidate", r.candidate);
  side("baseline", r.baseline);
  std::string inputs;
  for (const std::string& in : r.inputs) inputs += (inputs.empty() ? "" : ", ") + in;
  out += fmt::format("<tr><td>corpus</td><td>{}</td></tr>\n</table>\n", e(inputs));
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

  // The matrix: unchanged counts shaded blue, changed ones orange, each by
  // its size against the largest of its kind, so that changes stand out.
  std::uint64_t most_same = 1, most_changed = 1;
  for (const auto& [from, row] : r.matrix) {
    for (const auto& [to, n] : row) {
      std::uint64_t& most = from == to ? most_same : most_changed;
      most = std::max(most, n);
    }
  }
  out +=
      "<h2>Transitions</h2>\n<p class=\"note\">Rows: the baseline's decision; columns: "
      "the candidate's. Off the diagonal: changed.</p>\n";
  out +=
      "<table class=\"matrix\" id=\"transition-matrix\">\n<tr><th class=\"corner\">"
      "baseline \\ candidate</th>";
  for (const Outcome& c : r.columns) out += fmt::format("<th>{}</th>", e(c));
  out += "</tr>\n";
  for (const Outcome& row : r.rows) {
    out += fmt::format("<tr><th>{}</th>", e(row));
    for (const Outcome& c : r.columns) {
      std::uint64_t n = CellCount(r, row, c);
      double most = static_cast<double>(row == c ? most_same : most_changed);
      double alpha = n ? 0.15 + 0.7 * static_cast<double>(n) / most : 0;
      const char* rgb = row == c ? "60,110,180" : "215,110,40";
      out += fmt::format("<td style=\"background:rgba({},{:.2f})\"{}>{}</td>", rgb, alpha,
                         row == c ? "" : " class=\"off\"", n ? fmt::format("{}", n) : "");
    }
    out += "</tr>\n";
  }
  out += "</table>\n";

  out += "<h2>Changed decisions</h2>\n";
  if (r.changes.empty()) out += "<p>None: every case is decided as before.</p>\n";
  for (const auto& t : r.changes) {
    out += fmt::format("<h3>{} &rarr; {}: {} case{}</h3>\n", e(t.from), e(t.to), t.count,
                       t.count == 1 ? "" : "s");
    out +=
        "<table class=\"list\"><tr><th>case</th><th>rule before</th><th>rule after</th>"
        "<th>what made the difference</th></tr>\n";
    for (const AuditedCase& c : t.examples) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(Where(c)),
                         e(RuleShown(c.from_rule, c.from, !r.baseline)),
                         e(RuleShown(c.to_rule, c.to)), e(FactsText(c)));
    }
    out += "</table>\n";
    if (t.count > t.examples.size()) {
      out += fmt::format("<p class=\"note\">and {} more</p>\n", t.count - t.examples.size());
    }
  }

  out += "<h2>Rules</h2>\n";
  if (r.unreached.empty()) {
    out += "<p>Every rule of the candidate decides some case of the corpus.</p>\n";
  } else {
    out += "<p>No case of the corpus reaches:";
    for (const std::string& rule : r.unreached) out += fmt::format(" <code>{}</code>", e(rule));
    out += "</p>\n";
  }
  out +=
      "<table class=\"list\"><tr><th>rule</th><th>cases before</th><th>cases after</th>"
      "<th></th></tr>\n";
  for (const RuleUse& u : r.rules) {
    bool shifted = std::any_of(r.shifted.begin(), r.shifted.end(),
                               [&](const RuleUse& s) { return s.rule == u.rule; });
    std::string note = !u.in_baseline ? "new rule" : !u.in_candidate ? "removed rule" : "";
    if (shifted) note += note.empty() ? "decides much more or less often" : "";
    out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       e(u.rule), u.in_baseline ? fmt::format("{}", u.before) : "&ndash;",
                       u.in_candidate ? fmt::format("{}", u.after) : "&ndash;", e(note));
  }
  out += "</table>\n";

  if (r.diff) {
    const GraphDiff& d = *r.diff;
    out +=
        "<h2>What the corpus does not show</h2>\n<p class=\"note\">From the two decision "
        "graphs: every region of the case space where the versions decide differently, "
        "whether or not a case of the corpus falls there.</p>\n";
    if (!d.compared) {
      out += fmt::format("<p>Not compared: {}</p>\n", e(d.not_compared));
    } else if (d.regions.empty()) {
      out += "<p>Nowhere: the two versions decide every case the same way.</p>\n";
    } else {
      out += "<ul>\n";
      for (const RegionGroup& group : GroupRegions(d.regions)) {
        const DiffRegion& head = d.regions[group.first];
        out += fmt::format(
            "<li><b>{} &rarr; {}</b> (rule {} &rarr; {}): {} region{}, {} of the "
            "corpus",
            e(head.from), e(head.to), e(RuleShown(head.from_rule, head.from)),
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
      out += "</ul>\n";
      out +=
          "<table class=\"list\" id=\"regions\"><tr><th>decision</th><th>rule</th>"
          "<th>when</th><th>example case</th><th>corpus</th></tr>\n";
      for (const DiffRegion& g : d.regions) {
        out += fmt::format(
            "<tr><td>{} &rarr; {}</td><td>{} &rarr; {}</td><td>{}</td><td class=\"mono\">{}"
            "</td><td>{}</td></tr>\n",
            e(g.from), e(g.to), e(RuleShown(g.from_rule, g.from)), e(RuleShown(g.to_rule, g.to)),
            ConditionsHtml(g), e(g.example), g.corpus_cases ? Cases(g.corpus_cases) : "none");
      }
      out += "</table>\n";
    }
    if (r.changed_outside_regions > 0) {
      out += fmt::format(
          "<p class=\"note\">{} changed case{} of the corpus {} in no region: an unknown "
          "fact, or invalid on one side (the regions are of cases with every fact known).</p>\n",
          r.changed_outside_regions, r.changed_outside_regions == 1 ? "" : "s",
          r.changed_outside_regions == 1 ? "is" : "are");
    }
    for (const std::string& note : d.notes)
      out += fmt::format("<p class=\"note\">Note: {}</p>\n", e(note));
    if (!d.complete) {
      out += "<p>The comparison ran out of its budget: the regions above are some, not all.</p>\n";
    }
  }

  if (r.invalid > 0) {
    out += fmt::format("<h2>Invalid cases: {}</h2>\n<table class=\"list\">\n", r.invalid);
    for (const AuditedCase& c : r.invalid_examples) {
      std::string problems;
      for (const std::string& p : c.problems) problems += (problems.empty() ? "" : "; ") + p;
      out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", e(Where(c)), e(problems));
    }
    out += "</table>\n";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace triage
