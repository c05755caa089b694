// The monitor's counting: periods, one streaming pass over the entries
// (counts per table, row and period), a second for repeat initiators, and
// the report's shares and trends.
#include "triage/monitor.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>

namespace triage {

std::string PeriodOf(std::string_view date, Period by) {
  std::string_view year = date.substr(0, 4);
  switch (by) {
    case Period::kYear:
      return std::string(year);
    case Period::kMonth:
      return std::string(date.substr(0, 7));
    case Period::kQuarter: {
      int month = std::atoi(std::string(date.substr(5, 2)).c_str());
      return fmt::format("{}-Q{}", year, (month - 1) / 3 + 1);
    }
  }
  TRIAGE_UNREACHABLE();
}

namespace {

// A period as (year, index within the year: month 1-12, quarter 1-4, 0).
std::pair<int, int> Parts(const std::string& period, Period by) {
  int year = std::atoi(period.substr(0, 4).c_str());
  switch (by) {
    case Period::kYear:
      return {year, 0};
    case Period::kMonth:
      return {year, std::atoi(period.substr(5, 2).c_str())};
    case Period::kQuarter:
      return {year, std::atoi(period.substr(6, 1).c_str())};
  }
  TRIAGE_UNREACHABLE();
}

std::string Name(int year, int index, Period by) {
  switch (by) {
    case Period::kYear:
      return fmt::format("{:04}", year);
    case Period::kMonth:
      return fmt::format("{:04}-{:02}", year, index);
    case Period::kQuarter:
      return fmt::format("{:04}-Q{}", year, index);
  }
  TRIAGE_UNREACHABLE();
}

int PeriodsInYear(Period by) { return by == Period::kMonth ? 12 : by == Period::kQuarter ? 4 : 1; }

}  // namespace

std::string PreviousPeriod(const std::string& period, Period by) {
  auto [year, index] = Parts(period, by);
  if (by == Period::kYear) return Name(year - 1, 0, by);
  if (index == 1) return Name(year - 1, PeriodsInYear(by), by);
  return Name(year, index - 1, by);
}

std::string YearBefore(const std::string& period, Period by) {
  auto [year, index] = Parts(period, by);
  return Name(year - 1, index, by);
}

std::string Shown::Text(int min_cell) const {
  if (suppressed) return secondary ? "x" : fmt::format("<{}", min_cell);
  return std::to_string(count);
}

namespace {

// A day that exists, as YYYY-MM-DD.
bool LooksLikeDate(std::string_view text) {
  return text.size() == 10 && ParseDate(text).has_value();
}

bool IsPseudonym(std::string_view text) { return text.rfind("hmac-sha256:", 0) == 0; }

// A table's counts: row -> period -> count.
using Counts = std::map<std::string, std::map<std::string, std::int64_t>>;

constexpr const char* kUnknown = "onbekend";
constexpr std::size_t kMaxValues = 40;  // a fact with more is not broken down by default

}  // namespace

struct Monitor::Impl {
  MonitorOptions options;
  std::string date_fact;
  bool date_fact_fixed = false;
  std::string initiator_fact;
  std::map<std::string, Counts> tables;           // by key
  std::map<std::string, std::size_t> fact_order;  // fact -> first position seen
  std::set<std::string> too_many;                 // facts with over kMaxValues values
  std::set<std::string> periods;
  std::int64_t entries = 0, by_recording_date = 0, withheld = 0;
  std::set<std::string> keys;  // pseudonym key ids seen
  // Repeat initiators: per pseudonym, the first date it was seen on and
  // its cases per period. Its first case is the one on the first date (one
  // of them, when several share it); every other case is a repeat.
  struct Seen {
    std::string first_date;
    std::map<std::string, std::int64_t> per_period;
  };
  std::unordered_map<std::string, Seen> initiators;

  // The date an entry counts on ("" when outside --from/--to).
  std::string DateOf(const EntryView& e, bool& by_recording) {
    if (!date_fact_fixed && options.date_fact.empty()) {
      for (const EntryView::FactValue& f : e.facts) {
        if (LooksLikeDate(f.text)) {
          date_fact = f.name;
          date_fact_fixed = true;
          break;
        }
      }
    }
    std::string date;
    for (const EntryView::FactValue& f : e.facts) {
      if (f.name == date_fact && LooksLikeDate(f.text)) date = f.text;
    }
    by_recording = date.empty();
    if (date.empty()) date = e.recorded_at.substr(0, 10);
    return date;
  }

  // Before --from, after --to, or within.
  int Place(const std::string& date) const {
    if (!options.from.empty() && date < options.from) return -1;
    if (!options.to.empty() && date.substr(0, options.to.size()) > options.to) return 1;
    return 0;
  }

  // The initiator of an entry: the fact asked for, else one named
  // initiator_name (the policy's), else the first that holds a pseudonym.
  const EntryView::FactValue* Initiator(const EntryView& e) {
    if (initiator_fact.empty()) {
      for (const EntryView::FactValue& f : e.facts) {
        if (f.name == "initiator_name") initiator_fact = f.name;
      }
    }
    for (const EntryView::FactValue& f : e.facts) {
      if (!initiator_fact.empty() ? f.name == initiator_fact : IsPseudonym(f.text)) {
        if (initiator_fact.empty()) initiator_fact = f.name;
        return &f;
      }
    }
    return nullptr;
  }

  static std::string Outcome(const EntryView& e) {
    if (e.status != "decided") return e.status;
    std::string routes;
    for (const std::string& r : e.routes) routes += (routes.empty() ? "" : "+") + r;
    return routes;
  }

  void Count(const std::string& table, const std::string& row, const std::string& period) {
    ++tables[table][row][period];
  }

  void First(const EntryView& e) {
    bool by_recording = false;
    std::string date = DateOf(e, by_recording);
    if (int place = Place(date); place != 0) {
      // An initiator seen before --from is not new after it.
      const EntryView::FactValue* who = place < 0 ? Initiator(e) : nullptr;
      if (who && IsPseudonym(who->text)) {
        auto [it, added] = initiators.try_emplace(who->text, Seen{date, {}});
        if (!added && date < it->second.first_date) it->second.first_date = date;
      }
      return;
    }
    std::string period = PeriodOf(date, options.by);
    periods.insert(period);
    ++entries;
    if (by_recording) ++by_recording_date;
    Count("route", Outcome(e), period);
    if (e.status == "decided") Count("rule", e.rule.value_or("(default)"), period);
    Count("version", e.ruleset_id + " " + e.ruleset_version, period);
    for (const EntryView::FactValue& f : e.facts) {
      if (IsPseudonym(f.text) || f.name == date_fact || too_many.count(f.name)) continue;
      fact_order.emplace(f.name, fact_order.size());
      Counts& counts = tables["fact:" + f.name];
      ++counts[f.text.empty() ? kUnknown : f.text][period];
      if (counts.size() > kMaxValues && options.facts.empty()) {
        too_many.insert(f.name);
        tables.erase("fact:" + f.name);
      }
    }
    if (!e.withheld.empty()) ++withheld;  // once a decision, however many facts
    if (e.pseudonym_key) keys.insert(*e.pseudonym_key);
    const EntryView::FactValue* who = Initiator(e);
    if (!who || !IsPseudonym(who->text)) {
      Count("repeat", "initiator unknown", period);
      return;
    }
    auto [it, added] = initiators.try_emplace(who->text, Seen{date, {}});
    if (!added && date < it->second.first_date) it->second.first_date = date;
    ++it->second.per_period[period];
  }

  void CountRepeats() {
    for (const auto& [pseudonym, seen] : initiators) {
      std::string first = PeriodOf(seen.first_date, options.by);  // may be before --from
      for (const auto& [period, n] : seen.per_period) {
        std::int64_t repeats = period == first ? n - 1 : n;
        if (period == first) Count("repeat", "first case of an initiator", period);
        if (repeats > 0) tables["repeat"]["from an initiator seen before"][period] += repeats;
      }
    }
  }
};

Monitor::Monitor(MonitorOptions options) : impl_(std::make_shared<Impl>()) {
  impl_->options = std::move(options);
  impl_->date_fact = impl_->options.date_fact;
  impl_->date_fact_fixed = !impl_->date_fact.empty();
  impl_->initiator_fact = impl_->options.initiator_fact;
}

void Monitor::Add(const EntryView& entry) { impl_->First(entry); }

namespace {

std::string NextPeriod(const std::string& period, Period by) {
  auto [year, index] = Parts(period, by);
  if (by == Period::kYear) return Name(year + 1, 0, by);
  if (index == PeriodsInYear(by)) return Name(year + 1, 1, by);
  return Name(year, index + 1, by);
}

// Every period from the first to the last, gaps included (a quarter without
// decisions is a quarter with none).
std::vector<std::string> AllPeriods(const std::set<std::string>& seen, Period by) {
  std::vector<std::string> out;
  if (seen.empty()) return out;
  for (std::string p = *seen.begin(); p <= *seen.rbegin(); p = NextPeriod(p, by)) {
    out.push_back(p);
  }
  return out;
}

// The rows of a table, most cases first (names break ties), "onbekend" and
// "other" last.
std::vector<std::string> RowOrder(const Counts& counts) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  for (const auto& [row, by_period] : counts) {
    std::int64_t total = 0;
    for (const auto& [p, n] : by_period) total += n;
    rows.emplace_back(total, row);
  }
  auto last = [](const std::string& r) { return r == kUnknown || r == "other"; };
  std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    if (last(a.second) != last(b.second)) return last(b.second);
    if (a.first != b.first) return a.first > b.first;
    return a.second < b.second;
  });
  std::vector<std::string> out;
  for (auto& [total, row] : rows) out.push_back(std::move(row));
  return out;
}

// Areas with fewer than `min_cell` cases in all fold into "other".
Counts Fold(const Counts& counts, int min_cell) {
  Counts out;
  for (const auto& [row, by_period] : counts) {
    std::int64_t total = 0;
    for (const auto& [p, n] : by_period) total += n;
    const std::string& into = total < min_cell && row != kUnknown ? "other" : row;
    for (const auto& [p, n] : by_period) out[into][p] += n;
  }
  return out;
}

}  // namespace

MonitorReport Monitor::Finish() {
  Impl& s = *impl_;
  s.CountRepeats();
  MonitorReport r;
  r.options = s.options;
  r.date_fact = s.date_fact;
  r.initiator_fact = s.initiator_fact;
  r.periods = AllPeriods(s.periods, s.options.by);
  r.entries = s.entries;
  r.by_recording_date = s.by_recording_date;
  // No table of statuses: its rows (undetermined, unrouted, invalid) are
  // the route table's, and the same count hidden in one table and shown in
  // another would give it away.
  std::vector<std::pair<std::string, std::string>> order = {{"route", "Cases by route"}};
  std::vector<std::string> facts = s.options.facts;
  if (facts.empty()) {
    for (const char* f : {"role", "instrument", "municipality", "region"}) {
      if (s.tables.count(std::string("fact:") + f)) facts.emplace_back(f);
    }
  }
  bool fell_back = facts.empty();
  if (facts.empty()) {
    std::vector<std::pair<std::size_t, std::string>> seen;
    for (const auto& [f, at] : s.fact_order) {
      if (s.tables.count("fact:" + f)) seen.emplace_back(at, f);
    }
    std::sort(seen.begin(), seen.end());
    for (auto& [at, f] : seen) facts.push_back(f);
  }
  for (const std::string& f : facts) order.emplace_back("fact:" + f, "Cases by " + f);
  order.emplace_back("rule", "Decided by rule");
  order.emplace_back("version", "Rule-set versions in force");
  if (!s.initiator_fact.empty()) order.emplace_back("repeat", "Repeat initiators");
  for (const auto& [key, title] : order) {
    Counts counts = s.tables[key];
    if (key == "fact:" + s.options.area_fact) counts = Fold(counts, s.options.min_cell);
    std::vector<std::string> rows = RowOrder(counts);
    std::vector<std::vector<std::int64_t>> grid(rows.size(),
                                                std::vector<std::int64_t>(r.periods.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      for (std::size_t p = 0; p < r.periods.size(); ++p) {
        auto it = counts[rows[i]].find(r.periods[p]);
        if (it != counts[rows[i]].end()) grid[i][p] = it->second;
      }
    }
    r.tables.push_back(Suppress(key, title, rows, grid, s.options.min_cell, r.periods.size()));
  }
  int min = s.options.min_cell;
  auto count = [&](std::int64_t n) { return Shown{n > 0 && n < min ? 0 : n, n > 0 && n < min}; };
  using Kind = MonitorNote::Kind;
  if (r.by_recording_date > 0) {
    r.notes.push_back({Kind::kByRecordingDate, count(r.by_recording_date), s.date_fact});
  }
  if (s.withheld > 0) r.notes.push_back({Kind::kWithheld, count(s.withheld), ""});
  if (s.keys.size() > 1) {
    r.notes.push_back({Kind::kSeveralKeys, Shown{static_cast<std::int64_t>(s.keys.size())}, ""});
  }
  std::string names;
  for (const std::string& f : s.too_many) {
    // Only where it was to be broken down: the fallback of every fact.
    if (std::find(facts.begin(), facts.end(), f) == facts.end() && s.options.facts.empty() &&
        !fell_back) {
      continue;
    }
    names += (names.empty() ? "" : ", ") + f;
  }
  if (!names.empty()) r.notes.push_back({Kind::kNotBrokenDown, Shown{}, names});
  return r;
}

std::optional<double> MonitorReport::Share(const MonitorTable& t, std::size_t row,
                                           std::size_t period) const {
  const Shown& cell = t.cells[row][period];
  const Shown& total = t.period_totals[period];
  if (cell.suppressed || total.suppressed || total.count == 0) return std::nullopt;
  return 100.0 * static_cast<double>(cell.count) / static_cast<double>(total.count);
}

namespace {

Trend Against(const MonitorReport& r, const MonitorTable& t, std::size_t row, std::size_t period,
              const std::string& earlier) {
  Trend trend;
  auto it = std::find(r.periods.begin(), r.periods.end(), earlier);
  if (it == r.periods.end()) return trend;
  auto before = static_cast<std::size_t>(it - r.periods.begin());
  const Shown& now = t.cells[row][period];
  const Shown& then = t.cells[row][before];
  if (now.suppressed || then.suppressed) return trend;
  trend.change = now.count - then.count;
  std::optional<double> a = r.Share(t, row, period), b = r.Share(t, row, before);
  if (a && b) trend.share_change = *a - *b;
  return trend;
}

}  // namespace

Trend MonitorReport::AgainstPrevious(const MonitorTable& t, std::size_t row,
                                     std::size_t period) const {
  return Against(*this, t, row, period, PreviousPeriod(periods[period], options.by));
}

Trend MonitorReport::AgainstYearBefore(const MonitorTable& t, std::size_t row,
                                       std::size_t period) const {
  return Against(*this, t, row, period, YearBefore(periods[period], options.by));
}

}  // namespace triage
