// Stage 7, monitor: the register's decisions counted per period, with
// trends and disclosure control, for the people who follow the phenomenon.
//
// It reads entries (register.h) in one streaming pass, keeps only counts, and publishes them the
// way statistics offices do: a count under the threshold is shown as "<N", further cells are
// suppressed so that no total gives one away, and small municipalities fold into "other". Nobody is
// named: initiators are counted through their pseudonyms only, and a pseudonym never leaves this
// stage.
//
// This stage does not read the register itself, print or exit.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "triage/model.h"
#include "triage/names.h"
#include "triage/register.h"

namespace triage {

enum class Period { kMonth, kQuarter, kYear };

template <>
struct NameTable<Period> {
  static constexpr std::array<Named<Period>, 3> kNames = {{
      {Period::kMonth, "month"},
      {Period::kQuarter, "quarter"},
      {Period::kYear, "year"},
  }};
};

/// The period a date falls in, as reports name it: "2026-03", "2026-Q1",
/// "2026". `date` is YYYY-MM-DD (or longer, as recorded_at).
std::string PeriodOf(std::string_view date, Period by);
/// The period before `period`, and the same period a year before.
std::string PreviousPeriod(const std::string& period, Period by);
std::string YearBefore(const std::string& period, Period by);

struct MonitorOptions {
  Period by = Period::kQuarter;
  /// Periods from and to (inclusive) these dates (YYYY-MM-DD); "" = open.
  std::string from, to;
  /// The date fact periods follow; "" = the first date-valued fact of the
  /// entries. An entry without it counts by the day it was recorded.
  std::string date_fact;
  /// The facts broken down; empty = role, instrument and municipality (or
  /// region) where the entries have them, else every fact with few values.
  std::vector<std::string> facts;
  /// The fact whose values are small areas that fold into "other" when
  /// they have fewer than min_cell cases in all.
  std::string area_fact = "municipality";
  /// The fact that names the initiator (a pseudonym); "" = the first fact
  /// whose values are pseudonyms.
  std::string initiator_fact;
  /// Counts under this are suppressed (1: nothing is).
  int min_cell = 5;
};

/// What a reader sees in one cell: a count, or that it is suppressed:
/// because it is small (primary), or so that a total does not give a small
/// one away (secondary).
struct Shown {
  std::int64_t count = 0;  ///< 0 when suppressed: the count never leaves
  bool suppressed = false;
  bool secondary = false;  ///< suppressed, though not small itself
  /// The text: "12", "<5" (small), or "x" (hidden to protect another).
  std::string Text(int min_cell) const;
};

/// One table: rows (a fact's values, routes, rules, ...) by periods, with a
/// total per row and per period, after disclosure control.
struct MonitorTable {
  std::string key;                ///< "route", "fact:role", "rule", "version", "repeat", "status"
  std::string title;              ///< "Cases by route"
  std::vector<std::string> rows;  ///< row names ("onbekend" for unknown, "other" when folded)
  std::vector<std::vector<Shown>> cells;  ///< [row][period]
  std::vector<Shown> row_totals;          ///< over every period
  std::vector<Shown> period_totals;       ///< over every row
  Shown total;                            ///< over every row and period
};

/// A figure against an earlier period: the change in count and in share
/// (percentage points), when both sides are shown.
struct Trend {
  std::optional<std::int64_t> change;
  std::optional<double> share_change;  ///< percentage points
};

/// Something the reader should know, for each renderer to say in its
/// language.
struct MonitorNote {
  enum class Kind {
    kByRecordingDate,  ///< `count` decisions had no date fact (`detail`)
    kWithheld,         ///< `count` decisions were recorded without a pseudonym key
    kSeveralKeys,      ///< pseudonyms under `count` keys
    kNotBrokenDown,    ///< facts with too many values (`detail`, comma-separated)
  };
  Kind kind;
  Shown count;  ///< small counts suppressed, as in the tables
  std::string detail;
};

struct MonitorReport {
  MonitorOptions options;
  std::string date_fact;               ///< the one used ("" = recorded_at only)
  std::string initiator_fact;          ///< "" = none found
  std::vector<std::string> periods;    ///< in order
  std::int64_t entries = 0;            ///< decisions counted
  std::int64_t by_recording_date = 0;  ///< of them, counted by the day they were recorded
  std::vector<MonitorTable> tables;
  std::vector<MonitorNote> notes;  ///< what the reader should know
  /// The share of `row` in `period` of table `t`, in percent, when shown.
  std::optional<double> Share(const MonitorTable& t, std::size_t row, std::size_t period) const;
  /// The row's figure in `period` against the previous period, and against
  /// the same period a year before.
  Trend AgainstPrevious(const MonitorTable& t, std::size_t row, std::size_t period) const;
  Trend AgainstYearBefore(const MonitorTable& t, std::size_t row, std::size_t period) const;
};

/// Counts the entries given, one at a time (one pass, in any order), then
/// makes the report. Every recorded decision counts (a case decided twice
/// counts twice), so memory stays flat: counts per period and value, and
/// for repeat initiators one small record per distinct pseudonym.
class Monitor {
 public:
  explicit Monitor(MonitorOptions options);
  void Add(const EntryView& entry);
  MonitorReport Finish();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

/// Disclosure control on one table of raw counts ([row][period]): cells and
/// totals under `min_cell` (but not 0) suppressed, then, while some total
/// (of a row, of a period, or of the row or period totals) and the cells it
/// sums have exactly one suppressed among them, the smallest other non-zero
/// cell there suppressed too (or the total, when none is left), so that no
/// total gives a suppressed cell away. Returns what may be shown.
/// `periods` is the number of columns (needed when there are no rows;
/// else it must be each row's size).
MonitorTable Suppress(std::string key, std::string title, std::vector<std::string> rows,
                      const std::vector<std::vector<std::int64_t>>& counts, int min_cell,
                      std::optional<std::size_t> periods = std::nullopt);

/// A note as a sentence in `lang` ("nl", else English).
std::string NoteText(const MonitorNote& note, std::string_view lang, int min_cell);

/// The report for people, as plain text in `lang` ("nl", else English);
/// labels from `labels` (fact and route names to labels), names where none.
std::string MonitorText(const MonitorReport& r, const std::map<std::string, std::string>& labels,
                        std::string_view lang);
/// Every table as CSV rows: table, row, period, count (or "<5"), share.
std::string MonitorCsv(const MonitorReport& r);
/// The report as JSON: periods, tables with shown cells, trends.
std::string MonitorJson(const MonitorReport& r);
/// One self-contained HTML page with charts (inline SVG).
std::string MonitorHtml(const MonitorReport& r, const std::map<std::string, std::string>& labels,
                        std::string_view lang);

}  // namespace triage
