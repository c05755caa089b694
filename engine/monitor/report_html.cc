// The monitor report as one self-contained HTML page (inline style and SVG,
// no scripts, nothing fetched), in Dutch or English: a header with what was
// counted and how small counts are protected, two charts of the routes, and
// one table per breakdown. Charts and words: report_html_charts.cc.
#include <algorithm>

#include <fmt/format.h>

#include "monitor/presentation.h"
#include "triage/assert.h"
#include "triage/html.h"
#include "triage/monitor.h"

namespace triage {
namespace {

using namespace monitor_html;

std::string e(std::string_view s) { return HtmlEscape(s); }

const char* const kStyle = R"(<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:1400px;margin:2em auto;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #d5dae1;padding-bottom:.2em}
h3{font-size:1em;margin:1.4em 0 .3em}
.note{color:#5a6472}.lead{color:#5a6472;margin-top:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1.2em;margin:.8em 0}.meta dt{color:#5a6472}.meta dd{margin:0}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}.card{border:1px solid #d5dae1;border-radius:6px;padding:.6em 1em;min-width:9em}
.card b{display:block;font-size:1.6em}.card span{color:#5a6472;font-size:.9em}
.disclosure{background:#f3f5f8;border-left:4px solid #7a8594;padding:.5em .9em;margin:1em 0}
.legend{display:flex;flex-wrap:wrap;gap:.3em 1.3em;font-size:.9em;margin:.5em 0}
.legend i{display:inline-block;width:.95em;height:.95em;border-radius:2px;margin-right:.4em;vertical-align:-.12em}
i.hatch{background:repeating-linear-gradient(45deg,#eef0f3 0 3px,#9aa3ad 3px 5px);outline:1px dashed #8a949f}
svg.chart{width:100%;height:auto;display:block;font-size:12px;margin:.3em 0}
table{border-collapse:collapse;margin:.3em 0 .6em}th,td{padding:.3em .6em}
table.counts td,table.counts th{border:1px solid #d5dae1;text-align:right}
.scroll{overflow-x:auto}table.counts{width:100%;table-layout:fixed}
table.counts th.row{text-align:left;font-weight:normal;width:13em}table.counts th.period{width:4.2em}
table.counts thead th{background:#f3f5f8;font-weight:600;vertical-align:bottom;white-space:nowrap}
table.counts thead th.trend{white-space:normal;width:7em}table.counts thead th.share{width:4.6em}
table.counts thead th small{display:block;font-weight:normal;color:#5a6472}
table.counts td.sup{color:#5a6472;background:repeating-linear-gradient(45deg,#fff 0 4px,#f1f3f5 4px 8px)}
table.counts tr.total th,table.counts tr.total td{font-weight:600;border-top:2px solid #aab2bd}
table.counts td.gap{border:0;width:.6em;padding:0;background:#fff}
table.counts td.share{white-space:nowrap;min-width:5em}
table.counts td.trend{white-space:nowrap}.none{color:#9aa3ad}
</style>
)";

// The period totals' change from `earlier` to `period`, when both are shown.
std::optional<std::int64_t> TotalChange(const MonitorReport& r, const MonitorTable& t,
                                        std::size_t period, const std::string& earlier) {
  auto it = std::find(r.periods.begin(), r.periods.end(), earlier);
  if (it == r.periods.end()) return std::nullopt;
  const Shown& now = t.period_totals[period];
  const Shown& then = t.period_totals[static_cast<std::size_t>(it - r.periods.begin())];
  if (now.suppressed || then.suppressed) return std::nullopt;
  return now.count - then.count;
}

std::string TrendText(const Trend& trend, const Words& w) {
  if (!trend.change) return "<span class=\"none\">&ndash;</span>";
  std::string out = Signed(*trend.change);
  if (trend.share_change) {
    double pp = *trend.share_change;
    std::string sign = pp >= 0.05 ? "+" : pp <= -0.05 ? "\u2212" : "";
    out += fmt::format(" ({}{} pp)", sign, Decimal(std::abs(pp), w));
  }
  return out;
}

const char* PerWord(Period by, const Words& w) {
  switch (by) {
    case Period::kMonth:
      return w.per[0];
    case Period::kQuarter:
      return w.per[1];
    case Period::kYear:
      return w.per[2];
  }
  TRIAGE_UNREACHABLE();
}

// The table the header and the charts follow: the routes, else the first.
const MonitorTable* MainTable(const MonitorReport& r) {
  for (const MonitorTable& t : r.tables) {
    if (t.key == "route") return &t;
  }
  return r.tables.empty() ? nullptr : &r.tables.front();
}

std::string Card(const std::string& figure, const std::string& what) {
  return fmt::format("<div class=\"card\"><b>{}</b><span>{}</span></div>", figure, what);
}

void Cards(const MonitorReport& r, const Words& w, std::string& out) {
  out += "<div class=\"cards\">";
  bool small = r.entries > 0 && r.entries < r.options.min_cell;
  out += Card(e(Shown{small ? 0 : r.entries, small}.Text(r.options.min_cell)), w.decisions);
  const MonitorTable* t = MainTable(r);
  if (t && !r.periods.empty()) {
    std::size_t last = r.periods.size() - 1;
    out += Card(e(t->period_totals[last].Text(r.options.min_cell)),
                e(fmt::format(fmt::runtime(w.last_period), r.periods[last])));
    for (const auto& [earlier, what] :
         {std::pair{PreviousPeriod(r.periods[last], r.options.by), w.vs_previous},
          std::pair{YearBefore(r.periods[last], r.options.by), w.vs_year}}) {
      Trend trend{TotalChange(r, *t, last, earlier), {}};
      out += Card(TrendText(trend, w), fmt::format("{} ({})", what, e(earlier)));
    }
  }
  out += "</div>\n";
}

void Heading(const MonitorReport& r, const std::map<std::string, std::string>& labels,
             const Words& w, std::string& out) {
  out += fmt::format("<h1>{}</h1>\n", w.title);
  out += "<dl class=\"meta\">";
  if (!r.periods.empty()) {
    std::string range =
        fmt::format(fmt::runtime(w.periods_to), r.periods.front(), r.periods.back());
    out += fmt::format("<dt>{}</dt><dd>{} ({})</dd>", w.period, e(range), PerWord(r.options.by, w));
  }
  std::string date = w.date_none;
  if (!r.date_fact.empty()) {
    date =
        fmt::format(fmt::runtime(w.date_fact), "<b>" + e(LabelOf(labels, w, r.date_fact)) + "</b>");
    if (LabelOf(labels, w, r.date_fact) != r.date_fact) {
      date += fmt::format(" (<code>{}</code>)", e(r.date_fact));
    }
    if (r.by_recording_date > 0) {
      bool small = r.by_recording_date < r.options.min_cell;
      date += "; " +
              fmt::format(fmt::runtime(w.date_fallback),
                          e(Shown{small ? 0 : r.by_recording_date, small}.Text(r.options.min_cell)),
                          e(Shown{r.entries < r.options.min_cell ? 0 : r.entries,
                                  r.entries < r.options.min_cell}
                                .Text(r.options.min_cell)));
    }
  }
  out += fmt::format("<dt>{}</dt><dd>{}</dd></dl>\n", w.date, date);
  Cards(r, w, out);
  out += fmt::format("<div class=\"disclosure\"><b>{}.</b> {}</div>\n", w.disclosure,
                     r.options.min_cell > 1
                         ? fmt::format(fmt::runtime(w.threshold), r.options.min_cell)
                         : std::string(w.no_threshold));
  if (r.notes.empty()) return;
  out += fmt::format("<p class=\"note\"><b>{}</b></p><ul class=\"note\">\n", w.notes);
  for (const MonitorNote& note : r.notes) {
    out += fmt::format("<li>{}</li>\n", e(NoteText(note, w.lang, r.options.min_cell)));
  }
  out += "</ul>\n";
}

void Charts(const MonitorReport& r, const std::map<std::string, std::string>& labels,
            const Words& w, std::string& out) {
  const MonitorTable* t = nullptr;
  for (const MonitorTable& table : r.tables) {
    if (table.key == "route") t = &table;
  }
  if (!t || t->rows.empty()) return;
  std::vector<std::string> row_labels = RowLabels(*t, labels, w);
  std::string legend = Legend(row_labels, w, r.options.min_cell);
  out += fmt::format("<h2>{}</h2>\n<p class=\"lead\">{}</p>\n", w.bars_title, w.bars_note);
  out += legend + StackedBars(r, *t, row_labels, w);
  out += fmt::format("<h2>{}</h2>\n<p class=\"lead\">{}</p>\n", w.lines_title, w.lines_note);
  out += legend + Lines(r, *t, row_labels, w);
}

std::string Header(const MonitorReport& r, const Words& w) {
  std::size_t last = r.periods.size() - 1;
  std::string out = "<thead><tr><th class=\"row\"></th>";
  for (const std::string& p : r.periods) out += fmt::format("<th class=\"period\">{}</th>", e(p));
  out += fmt::format("<th class=\"period\">{}</th><td class=\"gap\"></td>", w.total);
  out += fmt::format("<th class=\"share\">{}<small>{}</small></th>", w.share, e(r.periods[last]));
  out += fmt::format("<th class=\"trend\">{}<small>{}</small></th>", w.vs_previous,
                     e(PreviousPeriod(r.periods[last], r.options.by)));
  out += fmt::format("<th class=\"trend\">{}<small>{}</small></th>", w.vs_year,
                     e(YearBefore(r.periods[last], r.options.by)));
  return out + "</tr></thead>\n";
}

std::string Cell(const Shown& s, int min_cell) {
  return fmt::format("<td{}>{}</td>", s.suppressed ? " class=\"sup\"" : "", e(s.Text(min_cell)));
}

// A row of counts by period, its total, and for the last period its share
// and trends.
std::string Row(const MonitorReport& r, const MonitorTable& t, std::size_t i,
                const std::string& label, const Words& w) {
  int min_cell = r.options.min_cell;
  std::size_t last = r.periods.size() - 1;
  std::string out = fmt::format("<tr><th class=\"row\">{}</th>", e(label));
  for (const Shown& s : t.cells[i]) out += Cell(s, min_cell);
  out += Cell(t.row_totals[i], min_cell) + "<td class=\"gap\"></td>";
  if (std::optional<double> share = r.Share(t, i, last)) {
    out += fmt::format(
        "<td class=\"share\" style=\"background:linear-gradient(90deg,#dbe6f1 {0:.0f}%,"
        "transparent {0:.0f}%)\">{1}%</td>",
        std::clamp(*share, 0.0, 100.0), Decimal(*share, w));
  } else {
    out += "<td class=\"share none\">&ndash;</td>";
  }
  out += fmt::format("<td class=\"trend\">{}</td>", TrendText(r.AgainstPrevious(t, i, last), w));
  out += fmt::format("<td class=\"trend\">{}</td>", TrendText(r.AgainstYearBefore(t, i, last), w));
  return out + "</tr>\n";
}

// The totals per period; the grand total only when every period's is shown
// (it is then their sum, and gives nothing away).
std::string TotalRow(const MonitorReport& r, const MonitorTable& t, const Words& w) {
  int min_cell = r.options.min_cell;
  std::size_t last = r.periods.size() - 1;
  std::string out = fmt::format("<tr class=\"total\"><th class=\"row\">{}</th>", w.total);
  std::int64_t sum = 0;
  bool all_shown = true;
  for (const Shown& s : t.period_totals) {
    out += Cell(s, min_cell);
    all_shown &= !s.suppressed;
    sum += s.count;
  }
  out += all_shown ? fmt::format("<td>{}</td>", sum) : "<td class=\"none\">&ndash;</td>";
  const Shown& now = t.period_totals[last];
  out += now.suppressed || now.count == 0 ? "<td class=\"gap\"></td><td class=\"share\"></td>"
                                          : "<td class=\"gap\"></td><td class=\"share\">100%</td>";
  for (const std::string& earlier :
       {PreviousPeriod(r.periods[last], r.options.by), YearBefore(r.periods[last], r.options.by)}) {
    Trend trend{TotalChange(r, t, last, earlier), {}};
    out += fmt::format("<td class=\"trend\">{}</td>", TrendText(trend, w));
  }
  return out + "</tr>\n";
}

void Tables(const MonitorReport& r, const std::map<std::string, std::string>& labels,
            const Words& w, std::string& out) {
  out += fmt::format("<h2>{}</h2>\n", w.tables_title);
  for (const MonitorTable& t : r.tables) {
    out +=
        fmt::format("<h3>{}</h3>\n<div class=\"scroll\"><table class=\"counts\" id=\"table-{}\">\n",
                    e(TitleOf(t, labels, w)), e(t.key));
    out += Header(r, w) + "<tbody>\n";
    std::vector<std::string> row_labels = RowLabels(t, labels, w);
    for (std::size_t i = 0; i < t.rows.size(); ++i) out += Row(r, t, i, row_labels[i], w);
    out += TotalRow(r, t, w) + "</tbody></table></div>\n";
  }
}

}  // namespace

std::string MonitorHtml(const MonitorReport& r, const std::map<std::string, std::string>& labels,
                        std::string_view lang) {
  const Words& w = WordsFor(lang);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n",
      w.lang, w.title);
  out += kStyle;
  out += "</head><body>\n";
  Heading(r, labels, w, out);
  if (r.periods.empty()) {
    out += fmt::format("<p>{}</p>\n", w.no_periods);
  } else {
    Charts(r, labels, w, out);
    Tables(r, labels, w, out);
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace triage
