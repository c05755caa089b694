// How the monitor's reports present what they count (internal to
// monitor/): the fixed words in two languages, the labels and titles of rows
// and tables (report_text.cc and report_html.cc), route colours and the two
// inline SVG charts of the page (report_html_charts.cc).
//
// Everything here reads Shown cells only, and a suppressed cell only through
// `suppressed` and Shown::Text: its count is never drawn, measured or
// written, so no chart can give it away.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/monitor.h"

namespace triage::monitor_html {

/// The page's fixed words. Entries with "{}" are fmt patterns.
struct Words {
  const char* lang;
  const char* title;
  const char* period;         ///< "Periode"
  const char* periods_to;     ///< "{} t/m {}"
  const char* per[3];         ///< month, quarter, year: "per maand", ...
  const char* decisions;      ///< "beslissingen"
  const char* last_period;    ///< "laatste periode ({})"
  const char* date;           ///< "Datum"
  const char* date_fact;      ///< "feit {}"
  const char* date_fallback;  ///< "{} van de {} zonder die datum: ..."
  const char* date_none;      ///< no date fact: counted by the recording date
  const char* disclosure;     ///< "Geheimhouding"
  const char* threshold;      ///< the threshold explained ({0} = N)
  const char* no_threshold;
  const char* notes;
  const char* total;
  const char* share;
  const char* vs_previous;
  const char* vs_year;
  const char* suppressed;  ///< "onderdrukt (minder dan {})"
  const char* not_to_scale;
  const char* bars_title;
  const char* bars_note;
  const char* lines_title;
  const char* lines_note;
  const char* tables_title;
  const char* no_periods;
  const char* cases_by;     ///< "Zaken naar {}"
  const char* route_title;  ///< the known tables' titles
  const char* status_title;
  const char* rule_title;
  const char* version_title;
  const char* repeat_title;
  bool decimal_comma;  ///< "12,5"
};

/// Dutch for "nl", else English.
const Words& WordsFor(std::string_view lang);

/// The label of a row, fact or route: from `labels`, else the page's word
/// for the aggregator's own row names ("onbekend", "other", ...), else the
/// name itself. A combination of routes ("om+owb") is labelled part by part.
std::string LabelOf(const std::map<std::string, std::string>& labels, const Words& w,
                    const std::string& name);
/// The title of a table: the known keys translated, "fact:NAME" by the
/// fact's label, any other as the model titles it.
std::string TitleOf(const MonitorTable& t, const std::map<std::string, std::string>& labels,
                    const Words& w);
/// Every row's label, in row order.
std::vector<std::string> RowLabels(const MonitorTable& t,
                                   const std::map<std::string, std::string>& labels,
                                   const Words& w);

/// The colour of row `i` of a charted table.
const char* ColourOf(std::size_t i);

/// A number as people read it: "12.5" or "12,5" (one decimal).
std::string Decimal(double x, const Words& w);
/// A signed change: "+3", "−2", "0".
std::string Signed(std::int64_t n);

/// The legend of both charts: one swatch per row, and the hatch of a
/// suppressed cell.
std::string Legend(const std::vector<std::string>& row_labels, const Words& w, int min_cell);
/// Stacked bars per period, one segment per row (inline SVG).
std::string StackedBars(const MonitorReport& r, const MonitorTable& t,
                        const std::vector<std::string>& row_labels, const Words& w);
/// One line per row over the periods (inline SVG).
std::string Lines(const MonitorReport& r, const MonitorTable& t,
                  const std::vector<std::string>& row_labels, const Words& w);

}  // namespace triage::monitor_html
