// The monitor's report as text, CSV and JSON: the same tables, cells as
// disclosure control left them (a suppressed cell is "<N" or "x", never its
// count).
#include "triage/monitor.h"

#include <fmt/format.h>

#include "monitor/presentation.h"
#include "triage/csv.h"
#include "triage/json.h"

namespace triage {
namespace {

using monitor_html::LabelOf;
using monitor_html::TitleOf;
using monitor_html::Words;
using monitor_html::WordsFor;

// The few words of the text form that the page does not have.
struct TextWords {
  const char* periods;
  const char* on;
  const char* recorded_day;
  const char* decisions;
  const char* privacy;
  const char* note;
  const char* none;
  const char* trends;
};

const TextWords& TextWordsFor(std::string_view lang) {
  static const TextWords kEn = {
      "periods:  ",
      "on",
      "the day recorded",
      "decisions:",
      "privacy:   counts under {0} are shown as <{0}; cells shown as x are hidden so that a total "
      "does not give a small one away; nobody is named",
      "note:     ",
      "no decisions in the register for these dates",
      "Trends compare {} with the period before and the same period a year before: the change in "
      "cases and in share (pp: percentage points)."};
  static const TextWords kNl = {
      "perioden: ",
      "op",
      "de dag van registratie",
      "beslissingen:",
      "privacy:   aantallen onder {0} staan er als <{0}; cellen met x zijn verborgen zodat geen "
      "totaal een klein aantal verraadt; niemand wordt genoemd",
      "let op:   ",
      "geen beslissingen in het register voor deze data",
      "Trends vergelijken {} met de periode ervoor en dezelfde periode een jaar eerder: het "
      "verschil in zaken en in aandeel (pp: procentpunt)."};
  return lang == "nl" ? kNl : kEn;
}

std::string Signed(std::int64_t n) { return n > 0 ? fmt::format("+{}", n) : std::to_string(n); }

// "+3 (+1.2 pp)", "+3", or "-" when a side is suppressed or missing.
std::string TrendText(const Trend& t) {
  if (!t.change) return "-";
  if (!t.share_change) return Signed(*t.change);
  return fmt::format("{} ({:+.1f} pp)", Signed(*t.change), *t.share_change);
}

void Table(const MonitorReport& r, const MonitorTable& t,
           const std::map<std::string, std::string>& labels, const Words& w, std::string& out) {
  int min = r.options.min_cell;
  std::size_t width = 8;
  // Labels come from rule files and values from the register: shown
  // printable, so that none can move the cursor or forge a line.
  for (const std::string& row : t.rows) {
    width = std::max(width, Printable(LabelOf(labels, w, row)).size());
  }
  out += fmt::format("\n{}\n  {:<{}}", Printable(TitleOf(t, labels, w)), "", width);
  for (const std::string& p : r.periods) out += fmt::format(" {:>8}", p);
  std::size_t trend = std::max<std::size_t>(18, std::string_view(w.vs_previous).size());
  out += fmt::format(" {:>8}   {:<{}} {}\n", w.total, w.vs_previous, trend, w.vs_year);
  std::size_t last = r.periods.size() - 1;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    out += fmt::format("  {:<{}}", Printable(LabelOf(labels, w, t.rows[i])), width);
    for (const Shown& c : t.cells[i]) out += fmt::format(" {:>8}", c.Text(min));
    out += fmt::format(" {:>8}   {:<{}} {}\n", t.row_totals[i].Text(min),
                       TrendText(r.AgainstPrevious(t, i, last)), trend,
                       TrendText(r.AgainstYearBefore(t, i, last)));
  }
  out += fmt::format("  {:<{}}", w.total, width);
  for (const Shown& c : t.period_totals) out += fmt::format(" {:>8}", c.Text(min));
  out += fmt::format(" {:>8}\n", t.total.Text(min));
}

}  // namespace

std::string MonitorText(const MonitorReport& r, const std::map<std::string, std::string>& labels,
                        std::string_view lang) {
  const Words& w = WordsFor(lang);
  const TextWords& tw = TextWordsFor(lang);
  std::string out = std::string(w.title) + "\n";
  if (r.periods.empty()) return out + tw.none + "\n";
  out += fmt::format("{} {} - {} ({}, {} {})\n", tw.periods, r.periods.front(), r.periods.back(),
                     w.per[static_cast<int>(r.options.by)], tw.on,
                     r.date_fact.empty() ? tw.recorded_day : r.date_fact);
  bool small = r.entries > 0 && r.entries < r.options.min_cell;
  out += fmt::format("{} {}\n", tw.decisions, Shown{r.entries, small}.Text(r.options.min_cell));
  out += fmt::format(fmt::runtime(tw.privacy), r.options.min_cell) + "\n";
  for (const MonitorNote& note : r.notes) {
    out += fmt::format("{} {}\n", tw.note, NoteText(note, lang, r.options.min_cell));
  }
  for (const MonitorTable& t : r.tables) Table(r, t, labels, w, out);
  out += "\n" + fmt::format(fmt::runtime(tw.trends), r.periods.back()) + "\n";
  return out;
}

std::string NoteText(const MonitorNote& note, std::string_view lang, int min_cell) {
  bool nl = lang == "nl";
  std::string n = note.count.Text(min_cell);
  switch (note.kind) {
    case MonitorNote::Kind::kByRecordingDate:
      return nl ? fmt::format("{} beslissingen zonder {}: geteld op de dag van registratie", n,
                              note.detail.empty() ? "datum" : note.detail)
                : fmt::format("{} decisions without {}: counted by the day they were recorded", n,
                              note.detail.empty() ? "a date" : note.detail);
    case MonitorNote::Kind::kWithheld:
      return nl ? fmt::format(
                      "{} beslissingen geregistreerd zonder pseudoniemsleutel: hun "
                      "initiatiefnemer telt als onbekend",
                      n)
                : fmt::format(
                      "{} decisions were recorded without a pseudonym key: their "
                      "initiator counts as unknown",
                      n);
    case MonitorNote::Kind::kSeveralKeys:
      return nl ? fmt::format(
                      "pseudoniemen onder {} sleutels: een initiatiefnemer telt eens per "
                      "sleutel",
                      n)
                : fmt::format(
                      "pseudonyms were made under {} keys: an initiator counts once for "
                      "each key",
                      n);
    case MonitorNote::Kind::kNotBrokenDown:
      return nl ? fmt::format("niet uitgesplitst (te veel waarden): {}", note.detail)
                : fmt::format("not broken down (too many values): {}", note.detail);
  }
  TRIAGE_UNREACHABLE();
}

std::string MonitorCsv(const MonitorReport& r) {
  std::string out =
      "table,row,period,count,share_percent,change_vs_previous,share_change_vs_previous,"
      "change_vs_year_before,share_change_vs_year_before\n";
  int min = r.options.min_cell;
  auto opt = [](const auto& v, const char* f) {
    return v ? fmt::format(fmt::runtime(f), *v) : std::string();
  };
  for (const MonitorTable& t : r.tables) {
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      for (std::size_t p = 0; p < r.periods.size(); ++p) {
        Trend prev = r.AgainstPrevious(t, i, p), year = r.AgainstYearBefore(t, i, p);
        out += fmt::format("{},{},{},{},{},{},{},{},{}\n", CsvCell(t.key), CsvCell(t.rows[i]),
                           r.periods[p], CsvCell(t.cells[i][p].Text(min)),
                           opt(r.Share(t, i, p), "{:.1f}"), opt(prev.change, "{}"),
                           opt(prev.share_change, "{:.1f}"), opt(year.change, "{}"),
                           opt(year.share_change, "{:.1f}"));
      }
      out += fmt::format("{},{},total,{},,,,,\n", CsvCell(t.key), CsvCell(t.rows[i]),
                         CsvCell(t.row_totals[i].Text(min)));
    }
    for (std::size_t p = 0; p < r.periods.size(); ++p) {
      out += fmt::format("{},total,{},{},,,,,\n", CsvCell(t.key), r.periods[p],
                         CsvCell(t.period_totals[p].Text(min)));
    }
    out += fmt::format("{},total,total,{},,,,,\n", CsvCell(t.key), CsvCell(t.total.Text(min)));
  }
  return out;
}

namespace {

std::string CellJson(const Shown& c, int min) {
  if (c.suppressed) return fmt::format("{{\"count\": null, \"shown\": \"{}\"}}", c.Text(min));
  return fmt::format("{{\"count\": {}, \"shown\": \"{}\"}}", c.count, c.count);
}

std::string TrendJson(const Trend& t) {
  return fmt::format("{{\"change\": {}, \"share_change\": {}}}",
                     t.change ? std::to_string(*t.change) : "null",
                     t.share_change ? fmt::format("{:.2f}", *t.share_change) : "null");
}

}  // namespace

std::string MonitorJson(const MonitorReport& r) {
  int min = r.options.min_cell;
  std::string out = fmt::format(
      "{{\"by\": \"{}\", \"date_fact\": {}, \"min_cell\": {}, \"decisions\": {}, "
      "\"by_recording_date\": {}, \"periods\": [",
      NameOf(r.options.by), JsonString(r.date_fact), min,
      r.entries > 0 && r.entries < min ? "null" : std::to_string(r.entries),
      r.by_recording_date > 0 && r.by_recording_date < min ? "null"
                                                           : std::to_string(r.by_recording_date));
  for (std::size_t p = 0; p < r.periods.size(); ++p) {
    out += (p ? ", " : "") + JsonString(r.periods[p]);
  }
  out += "], \"notes\": [";
  for (std::size_t n = 0; n < r.notes.size(); ++n) {
    out += (n ? ", " : "") + JsonString(NoteText(r.notes[n], "", min));
  }
  out += "], \"tables\": [";
  for (std::size_t k = 0; k < r.tables.size(); ++k) {
    const MonitorTable& t = r.tables[k];
    out += fmt::format("{}\n  {{\"key\": {}, \"title\": {}, \"rows\": [", k ? "," : "",
                       JsonString(t.key), JsonString(t.title));
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out += fmt::format("{}\n    {{\"row\": {}, \"total\": {}, \"cells\": [", i ? "," : "",
                         JsonString(t.rows[i]), CellJson(t.row_totals[i], min));
      for (std::size_t p = 0; p < r.periods.size(); ++p) {
        std::optional<double> share = r.Share(t, i, p);
        std::string c = CellJson(t.cells[i][p], min);
        c.pop_back();
        out += fmt::format("{}{}, \"share\": {}, \"vs_previous\": {}, \"vs_year_before\": {}}}",
                           p ? ", " : "", c, share ? fmt::format("{:.2f}", *share) : "null",
                           TrendJson(r.AgainstPrevious(t, i, p)),
                           TrendJson(r.AgainstYearBefore(t, i, p)));
      }
      out += "]}";
    }
    out += "],\n   \"period_totals\": [";
    for (std::size_t p = 0; p < r.periods.size(); ++p) {
      out += (p ? ", " : "") + CellJson(t.period_totals[p], min);
    }
    out += fmt::format("], \"total\": {}}}", CellJson(t.total, min));
  }
  return out + "\n]}\n";
}

}  // namespace triage
