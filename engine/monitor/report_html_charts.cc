// The monitor page's words, labels and charts (see presentation.h).
//
// How a suppressed cell is drawn, and why that cannot leak: a chart only
// ever measures shown counts (Drawn() is 0 for a suppressed cell; the model
// already holds 0 there). A stacked bar is the sum of its shown segments
// only, even when the period's total is shown: the part the total has beyond
// them is the sum of the suppressed cells, and when a table's rows do not
// add up to exactly its total (a rule or fact with overlaps, a bug in
// disclosure control) that part could be one cell. What is suppressed is
// drawn as one hatched block of fixed height (kHatch) on top of the bar,
// whatever is under it, labelled with Shown::Text ("<5"); the bar's label
// is the period total's Shown::Text. A line has a gap where its cell is
// suppressed, and a hatched marker of fixed size below the axis says which
// row is suppressed in which period. The axes' scale comes from shown
// counts only. No count goes into an attribute: tooltips (<title>) carry
// Shown::Text.
#include "monitor/presentation.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "triage/html.h"

namespace triage::monitor_html {
namespace {

std::string e(std::string_view s) { return HtmlEscape(s); }

constexpr Words kDutch = {
    "nl",
    "Monitor: intimidatie via juridische middelen",
    "Periode",
    "{} t/m {}",
    {"per maand", "per kwartaal", "per jaar"},
    "beslissingen",
    "laatste periode ({})",
    "Datum",
    "feit {}",
    "{} van de {} zonder die datum: geteld op de dag van registratie",
    "de dag van registratie (geen datumfeit)",
    "Geheimhouding",
    "Aantallen kleiner dan {0} staan er als &ldquo;&lt;{0}&rdquo;. Waar een totaal zo&rsquo;n "
    "klein aantal zou verraden, zijn ook andere cellen onderdrukt: die staan er als "
    "&ldquo;x&rdquo; (ze zijn niet per se klein). In de grafieken is wat onderdrukt is "
    "gearceerd en niet op schaal.",
    "Er is niets onderdrukt (drempel 1).",
    "Goed om te weten",
    "Totaal",
    "Aandeel",
    "t.o.v. vorige periode",
    "t.o.v. zelfde periode vorig jaar",
    "onderdrukt (minder dan {})",
    "niet op schaal",
    "Beslissingen per periode, naar route",
    "Boven elke staaf het totaal van de periode.",
    "Verloop per route",
    "Een onderbroken lijn: daar is het aantal onderdrukt (gearceerd onder de as).",
    "Tabellen",
    "Er zijn geen beslissingen in deze periode.",
    "Zaken naar {}",
    "Zaken naar route",
    "Beslist, onbepaald, zonder route, ongeldig",
    "Beslist door regel",
    "Versies van de regels",
    "Herhaalde initiatiefnemers",
    true,
};
constexpr Words kEnglish = {
    "en",
    "Monitor: intimidation through legal means",
    "Period",
    "{} to {}",
    {"by month", "by quarter", "by year"},
    "decisions",
    "last period ({})",
    "Date",
    "fact {}",
    "{} of {} without that date: counted by the day they were recorded",
    "the day of recording (no date fact)",
    "Disclosure control",
    "Counts under {0} are shown as &ldquo;&lt;{0}&rdquo;. Where a total would give such a "
    "count away, further cells are suppressed too: they are shown as &ldquo;x&rdquo; (they "
    "need not be small). In the charts what is suppressed is "
    "hatched and not to scale.",
    "Nothing is suppressed (threshold 1).",
    "Notes",
    "Total",
    "Share",
    "against previous period",
    "against a year before",
    "suppressed (under {})",
    "not to scale",
    "Decisions per period, by route",
    "Above each bar the period's total.",
    "Per route over time",
    "A broken line: the count is suppressed there (hatched below the axis).",
    "Tables",
    "There are no decisions in this period.",
    "Cases by {}",
    "Cases by route",
    "Decided, undetermined, unrouted, invalid",
    "Decided by rule",
    "Rule-set versions in force",
    "Repeat initiators",
    false,
};

// Dutch and English for the aggregator's own row names.
struct RowWord {
  const char* name;
  const char* nl;
  const char* en;
};
constexpr RowWord kRowWords[] = {
    {"decided", "beslist", "decided"},
    {"undetermined", "onbepaald", "undetermined"},
    {"unrouted", "zonder route", "unrouted"},
    {"invalid", "ongeldig", "invalid"},
    {"onbekend", "onbekend", "unknown"},
    {"other", "overig", "other"},
    {"(default)", "(standaardroute)", "(default route)"},
    {"initiator unknown", "initiatiefnemer onbekend", "initiator unknown"},
    {"first case of an initiator", "eerste zaak van een initiatiefnemer",
     "first case of an initiator"},
    {"from an initiator seen before", "van een eerder geziene initiatiefnemer",
     "from an initiator seen before"},
};

// Tableau 10: distinct, and readable by most colour-blind readers. The
// second field: whether a count on it is written in dark text.
struct Colour {
  const char* rgb;
  bool light;
};
constexpr Colour kColours[] = {
    {"#4e79a7", false}, {"#f28e2b", false}, {"#59a14f", false}, {"#e15759", false},
    {"#76b7b2", true},  {"#edc948", true},  {"#b07aa1", false}, {"#ff9da7", true},
    {"#9c755f", false}, {"#bab0ac", true},
};
constexpr std::size_t kColourCount = sizeof(kColours) / sizeof(kColours[0]);

constexpr double kWidth = 1000, kLeft = 52, kRight = 16, kTop = 24;
constexpr double kBase = 260;  // the x axis
constexpr double kHatch = 16;  // a suppressed block: fixed, says nothing
constexpr double kLane = 10;   // a row's lane of suppressed marks below a line chart

// What a chart may measure of a cell.
std::int64_t Drawn(const Shown& s) { return s.suppressed ? 0 : s.count; }

// The y axis: a maximum and a step of 1, 2 or 5 times a power of ten.
struct Axis {
  double max = 4, step = 1;
};

Axis AxisFor(std::int64_t most) {
  Axis a;
  if (most <= 4) return a;
  double raw = static_cast<double>(most) / 4;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    a.step = m * magnitude;
    if (a.step >= raw) break;
  }
  a.max = std::ceil(static_cast<double>(most) / a.step) * a.step;
  return a;
}

struct Frame {
  std::size_t n;
  Axis axis;
  double top;  // where axis.max is drawn
  double Band() const { return (kWidth - kLeft - kRight) / static_cast<double>(n); }
  double X(std::size_t p) const { return kLeft + Band() * (static_cast<double>(p) + 0.5); }
  double Y(double v) const { return kBase - (kBase - top) * v / axis.max; }
  // Long runs of months: labels at a slant, which takes more room.
  bool Slanted() const { return Band() < 60; }
  double Bottom() const { return kBase + (Slanted() ? 60 : 30); }
};

std::string SvgOpen(const char* id, double height, const char* title) {
  return fmt::format(
      "<svg class=\"chart\" id=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">\n<defs><pattern id=\"hatch-{}\" width=\"6\" "
      "height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      "<rect width=\"6\" height=\"6\" fill=\"#eef0f3\"/><rect width=\"2.5\" height=\"6\" "
      "fill=\"#9aa3ad\"/></pattern></defs>\n",
      id, kWidth, height, e(title), id);
}

// Grid lines with the counts they stand for, the axes and the periods.
std::string Grid(const Frame& f, const std::vector<std::string>& periods) {
  std::string out;
  for (double v = 0; v <= f.axis.max + f.axis.step / 2; v += f.axis.step) {
    double y = f.Y(v);
    out += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#5a6472\">{}</text>\n",
        kLeft, kWidth - kRight, y, y, v == 0 ? "#5a6472" : "#e3e7ec", kLeft - 8, y + 4, v);
  }
  for (std::size_t p = 0; p < periods.size(); ++p) {
    double x = f.X(p), y = kBase + 18;
    if (f.Slanted()) {
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#1d2430\" "
          "transform=\"rotate(-40 {:.1f} {:.1f})\">{}</text>\n",
          x + 4, y - 4, x + 4, y - 4, e(periods[p]));
    } else {
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#1d2430\">{}</text>\n", x,
          y, e(periods[p]));
    }
  }
  return out;
}

// One period's bar: its shown segments, one hatched block when any is
// suppressed, and the period's total (as shown) on top.
std::string Bar(const MonitorReport& r, const MonitorTable& t,
                const std::vector<std::string>& labels, const Words& w, const Frame& f,
                std::size_t p) {
  std::string out, hidden;
  double width = std::min(f.Band() * 0.62, 72.0), x = f.X(p) - width / 2, y = kBase;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const Shown& c = t.cells[i][p];
    if (c.suppressed) hidden += (hidden.empty() ? "" : ", ") + labels[i];
    if (Drawn(c) == 0) continue;
    double h = kBase - f.Y(static_cast<double>(Drawn(c)));
    y -= h;
    const Colour& colour = kColours[i % kColourCount];
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
        "stroke=\"#fff\" stroke-width=\"1\"><title>{}, {}: {}</title></rect>\n",
        x, y, width, h, colour.rgb, e(labels[i]), e(r.periods[p]), c.Text(r.options.min_cell));
    if (h >= 16 && width >= 24) {
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
          "fill=\"{}\">{}</text>\n",
          x + width / 2, y + h / 2 + 4, colour.light ? "#1d2430" : "#fff",
          c.Text(r.options.min_cell));
    }
  }
  if (!hidden.empty()) {
    std::string text = e(Shown{0, true}.Text(r.options.min_cell));
    y -= kHatch;
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"url(#hatch-bars)\" "
        "stroke=\"#8a949f\" stroke-dasharray=\"3 2\"><title>{}, {}: {}</title></rect>\n",
        x, y, width, kHatch, e(hidden), e(r.periods[p]),
        e(fmt::format(fmt::runtime(w.suppressed), r.options.min_cell)));
    if (width >= 24) {
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
          "font-weight=\"600\" fill=\"#1d2430\" stroke=\"#fff\" stroke-width=\"3\" "
          "paint-order=\"stroke\">{}</text>\n",
          x + width / 2, y + kHatch - 3, text);
    }
  }
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-weight=\"600\" "
      "fill=\"#1d2430\">{}</text>\n",
      x + width / 2, y - 6, e(t.period_totals[p].Text(r.options.min_cell)));
  return out;
}

// The rows with a suppressed cell.
std::vector<std::size_t> RowsSuppressed(const MonitorTable& t) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (std::any_of(t.cells[i].begin(), t.cells[i].end(),
                    [](const Shown& c) { return c.suppressed; })) {
      rows.push_back(i);
    }
  }
  return rows;
}

// Where each row is suppressed, below the periods: a lane per row with a
// suppressed cell, and a hatched mark of fixed size in the row's colour for
// each such cell.
std::string SuppressedLanes(const MonitorReport& r, const MonitorTable& t,
                            const std::vector<std::string>& labels, const Frame& f) {
  std::vector<std::size_t> rows = RowsSuppressed(t);
  double top = f.Bottom(), width = std::min(f.Band() * 0.6, 28.0);
  std::string out;
  for (std::size_t lane = 0; lane < rows.size(); ++lane) {
    std::size_t i = rows[lane];
    double y = top + kLane * static_cast<double>(lane);
    out +=
        fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"#f6f7f9\"/>\n",
                    kLeft, y, kWidth - kLeft - kRight, kLane - 2);
    for (std::size_t p = 0; p < r.periods.size(); ++p) {
      if (!t.cells[i][p].suppressed) continue;
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" "
          "fill=\"url(#hatch-lines)\" stroke=\"{}\" stroke-width=\"1.5\"><title>{}, {}: {}"
          "</title></rect>\n",
          f.X(p) - width / 2, y, width, kLane - 2, ColourOf(i), e(labels[i]), e(r.periods[p]),
          e(t.cells[i][p].Text(r.options.min_cell)));
    }
  }
  out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#5a6472\">{}</text>\n",
                     kLeft - 8, top + kLane * static_cast<double>(rows.size()) / 2 + 3,
                     e(Shown{0, true}.Text(r.options.min_cell)));
  return out;
}

// One row's line, broken where a cell is suppressed, with a dot per shown
// count.
std::string Line(const MonitorReport& r, const MonitorTable& t, const std::string& label,
                 std::size_t i, const Frame& f) {
  std::string path, dots;
  bool pen = false;
  const char* rgb = ColourOf(i);
  for (std::size_t p = 0; p < r.periods.size(); ++p) {
    const Shown& c = t.cells[i][p];
    if (c.suppressed) {
      pen = false;
      continue;
    }
    double x = f.X(p), y = f.Y(static_cast<double>(Drawn(c)));
    path += fmt::format("{}{:.1f},{:.1f} ", pen ? "L" : "M", x, y);
    pen = true;
    dots += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}, {}: {}</title>"
        "</circle>\n",
        x, y, rgb, e(label), e(r.periods[p]), c.Text(r.options.min_cell));
  }
  if (path.empty()) return "";
  return fmt::format(
             "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
             "stroke-linejoin=\"round\"/>\n",
             path, rgb) +
         dots;
}

}  // namespace

const Words& WordsFor(std::string_view lang) { return lang == "nl" ? kDutch : kEnglish; }

std::string LabelOf(const std::map<std::string, std::string>& labels, const Words& w,
                    const std::string& name) {
  if (auto it = labels.find(name); it != labels.end()) return it->second;
  for (const RowWord& word : kRowWords) {
    if (name == word.name) return std::string_view(w.lang) == "nl" ? word.nl : word.en;
  }
  if (auto plus = name.find('+'); plus != std::string::npos && plus > 0 && plus + 1 < name.size()) {
    return LabelOf(labels, w, name.substr(0, plus)) + " + " +
           LabelOf(labels, w, name.substr(plus + 1));
  }
  return name;
}

std::vector<std::string> RowLabels(const MonitorTable& t,
                                   const std::map<std::string, std::string>& labels,
                                   const Words& w) {
  std::vector<std::string> out;
  for (const std::string& row : t.rows) out.push_back(LabelOf(labels, w, row));
  return out;
}

const char* ColourOf(std::size_t i) { return kColours[i % kColourCount].rgb; }

std::string Decimal(double x, const Words& w) {
  std::string s = fmt::format("{:.1f}", x);
  if (s == "-0.0") s = "0.0";
  if (w.decimal_comma) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Signed(std::int64_t n) {
  if (n > 0) return fmt::format("+{}", n);
  if (n < 0) return fmt::format("\u2212{}", -n);
  return "0";
}

std::string Legend(const std::vector<std::string>& row_labels, const Words& w, int min_cell) {
  std::string out = "<div class=\"legend\">";
  for (std::size_t i = 0; i < row_labels.size(); ++i) {
    out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", ColourOf(i),
                       e(row_labels[i]));
  }
  if (min_cell > 1) {
    out += fmt::format("<span class=\"note\"><i class=\"hatch\"></i>{}, {}</span>",
                       e(fmt::format(fmt::runtime(w.suppressed), min_cell)), e(w.not_to_scale));
  }
  return out + "</div>\n";
}

std::string StackedBars(const MonitorReport& r, const MonitorTable& t,
                        const std::vector<std::string>& row_labels, const Words& w) {
  std::int64_t most = 0;
  for (std::size_t p = 0; p < r.periods.size(); ++p) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i) sum += Drawn(t.cells[i][p]);
    most = std::max(most, sum);
  }
  // Room above the tallest shown stack for a hatched block and the total.
  Frame f{r.periods.size(), AxisFor(most), kTop + kHatch + 6};
  std::string out = SvgOpen("bars", f.Bottom(), w.bars_title) + Grid(f, r.periods);
  for (std::size_t p = 0; p < r.periods.size(); ++p) out += Bar(r, t, row_labels, w, f, p);
  return out + "</svg>\n";
}

std::string Lines(const MonitorReport& r, const MonitorTable& t,
                  const std::vector<std::string>& row_labels, const Words& w) {
  std::int64_t most = 0;
  for (const std::vector<Shown>& row : t.cells) {
    for (const Shown& c : row) most = std::max(most, Drawn(c));
  }
  Frame f{r.periods.size(), AxisFor(most), kTop};
  std::size_t lanes = RowsSuppressed(t).size();
  double height = f.Bottom() + (lanes ? kLane * static_cast<double>(lanes) + 4 : 0);
  std::string out = SvgOpen("lines", height, w.lines_title) + Grid(f, r.periods);
  for (std::size_t i = 0; i < t.rows.size(); ++i) out += Line(r, t, row_labels[i], i, f);
  if (lanes) out += SuppressedLanes(r, t, row_labels, f);
  return out + "</svg>\n";
}

std::string TitleOf(const MonitorTable& t, const std::map<std::string, std::string>& labels,
                    const Words& w) {
  if (t.key.rfind("fact:", 0) == 0) {
    return fmt::format(fmt::runtime(w.cases_by), LabelOf(labels, w, t.key.substr(5)));
  }
  const std::pair<const char*, const char*> known[] = {
      {"route", w.route_title},     {"status", w.status_title}, {"rule", w.rule_title},
      {"version", w.version_title}, {"repeat", w.repeat_title},
  };
  for (const auto& [key, title] : known) {
    if (t.key == key) return title;
  }
  return t.title;
}

}  // namespace triage::monitor_html
