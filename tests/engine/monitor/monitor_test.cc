// The monitor: periods, counts against a table computed by hand, trends,
// "onbekend", folding small areas, repeat initiators, and disclosure control
// on tables built to leak through their totals.
#include "triage/monitor.h"

#include <random>

#include <catch2/catch.hpp>

namespace triage {
namespace {

struct Case {
  std::string date;  // reported_on, "" = unknown
  std::string route;
  std::string role;  // "" = unknown
  std::string municipality;
  std::string initiator;  // a pseudonym, "" = none
  std::string status = "decided";
};

EntryView Entry(const Case& c) {
  EntryView v;
  v.recorded_at = "2026-12-01T10:00:00Z";
  v.officer = "tester";
  v.ruleset_id = "lokale-driehoek";
  v.ruleset_version = "2026.1";
  v.status = c.status;
  if (c.status == "decided") v.routes = {c.route};
  v.rule = c.route == "om" ? std::optional<std::string>("om-bedreiging") : std::nullopt;
  auto fact = [&](const std::string& name, const std::string& text) {
    v.facts.push_back({name, text.empty() ? "null" : "\"" + text + "\"", text});
  };
  fact("role", c.role);
  fact("municipality", c.municipality);
  fact("reported_on", c.date);
  fact("initiator_name", c.initiator.empty() ? "" : "hmac-sha256:" + c.initiator);
  v.pseudonym_key = "k1";
  return v;
}

MonitorReport Report(const std::vector<Case>& cases, MonitorOptions options) {
  Monitor m(std::move(options));
  for (const Case& c : cases) m.Add(Entry(c));
  return m.Finish();
}

const MonitorTable& Table(const MonitorReport& r, const std::string& key) {
  for (const MonitorTable& t : r.tables) {
    if (t.key == key) return t;
  }
  FAIL("no table " << key);
  return r.tables.front();
}

// The table as text, row by row: "name: a b c | total", cells as shown.
std::vector<std::string> Grid(const MonitorTable& t, int min = 1) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    std::string line = t.rows[i] + ":";
    for (const Shown& c : t.cells[i]) line += " " + c.Text(min);
    out.push_back(line + " | " + t.row_totals[i].Text(min));
  }
  std::string line = "total:";
  for (const Shown& c : t.period_totals) line += " " + c.Text(min);
  out.push_back(line + " | " + t.total.Text(min));
  return out;
}

TEST_CASE("periods: names, the one before, the same one a year before", "[monitor]") {
  struct Row {
    const char* date;
    Period by;
    const char* period;
    const char* previous;
    const char* year_before;
  };
  const std::vector<Row> rows = {
      {"2026-01-15", Period::kQuarter, "2026-Q1", "2025-Q4", "2025-Q1"},
      {"2026-06-30", Period::kQuarter, "2026-Q2", "2026-Q1", "2025-Q2"},
      {"2026-12-31T23:59:59Z", Period::kQuarter, "2026-Q4", "2026-Q3", "2025-Q4"},
      {"2026-01-01", Period::kMonth, "2026-01", "2025-12", "2025-01"},
      {"2026-10-09", Period::kMonth, "2026-10", "2026-09", "2025-10"},
      {"2026-07-01", Period::kYear, "2026", "2025", "2025"},
  };
  for (const Row& r : rows) {
    INFO(r.date);
    CHECK(PeriodOf(r.date, r.by) == r.period);
    CHECK(PreviousPeriod(r.period, r.by) == r.previous);
    CHECK(YearBefore(r.period, r.by) == r.year_before);
  }
}

TEST_CASE("counts per period match a table computed by hand", "[monitor]") {
  std::vector<Case> cases = {
      {"2026-01-10", "om", "burgemeester", "Zuidhaven", ""},
      {"2026-02-10", "owb", "wethouder", "Zuidhaven", ""},
      {"2026-03-31", "owb", "", "Zuidhaven", ""},  // role unknown: onbekend
      {"2026-04-01", "owb", "wethouder", "Noordhaven", ""},
      {"2026-05-01", "de_escalatie", "wethouder", "Noordhaven", ""},
      {"2026-06-01", "de_escalatie", "raadslid", "Noordhaven", ""},
      {"", "de_escalatie", "raadslid", "Noordhaven", ""},  // by the day recorded: 2026-Q4
      {"2026-05-05", "", "raadslid", "Noordhaven", "", "undetermined"},
  };
  MonitorOptions o;
  o.min_cell = 1;
  MonitorReport r = Report(cases, o);
  CHECK(r.periods == std::vector<std::string>{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"});
  CHECK(r.date_fact == "reported_on");
  CHECK(r.entries == 8);
  CHECK(r.by_recording_date == 1);
  CHECK(Grid(Table(r, "route")) == std::vector<std::string>{
                                       "de_escalatie: 0 2 0 1 | 3",
                                       "owb: 2 1 0 0 | 3",
                                       "om: 1 0 0 0 | 1",
                                       "undetermined: 0 1 0 0 | 1",
                                       "total: 3 4 0 1 | 8",
                                   });
  CHECK(Grid(Table(r, "fact:role")) == std::vector<std::string>{
                                           "raadslid: 0 2 0 1 | 3",
                                           "wethouder: 1 2 0 0 | 3",
                                           "burgemeester: 1 0 0 0 | 1",
                                           "onbekend: 1 0 0 0 | 1",
                                           "total: 3 4 0 1 | 8",
                                       });
  CHECK(Grid(Table(r, "rule")) == std::vector<std::string>{
                                      "(default): 2 3 0 1 | 6",
                                      "om-bedreiging: 1 0 0 0 | 1",
                                      "total: 3 3 0 1 | 7",
                                  });
  for (const MonitorTable& t : r.tables)
    CHECK(t.key != "status");  // its rows are the route table's

  // Trends of Q2 against Q1: owb 1 against 2, share 25% against 66.7%.
  const MonitorTable& route = Table(r, "route");
  Trend t = r.AgainstPrevious(route, 1, 1);
  REQUIRE(t.change);
  CHECK(*t.change == -1);
  REQUIRE(t.share_change);
  CHECK(*t.share_change == Approx(25.0 - 200.0 / 3));
  CHECK_FALSE(r.AgainstYearBefore(route, 1, 1).change);  // no 2025-Q2 in the report
  CHECK(*r.Share(route, 0, 1) == Approx(50.0));

  // --from and --to on the date the case counts on.
  o.from = "2026-04-01";
  o.to = "2026-06-30";
  MonitorReport q2 = Report(cases, o);
  CHECK(q2.periods == std::vector<std::string>{"2026-Q2"});
  CHECK(q2.entries == 4);
}

TEST_CASE("a municipality with too few cases folds into other", "[monitor]") {
  std::vector<Case> cases;
  for (int i = 0; i < 6; ++i) cases.push_back({"2026-01-10", "owb", "wethouder", "Groot", ""});
  for (int i = 0; i < 2; ++i) cases.push_back({"2026-01-10", "owb", "wethouder", "Klein", ""});
  for (int i = 0; i < 3; ++i) cases.push_back({"2026-01-10", "owb", "wethouder", "Dorp", ""});
  MonitorOptions o;
  o.min_cell = 5;
  MonitorReport r = Report(cases, o);
  const MonitorTable& t = Table(r, "fact:municipality");
  CHECK(t.rows == std::vector<std::string>{"Groot", "other"});
  CHECK(Grid(t, 5) == std::vector<std::string>{"Groot: 6 | 6", "other: 5 | 5", "total: 11 | 11"});
}

TEST_CASE("repeat initiators are counted through their pseudonyms", "[monitor]") {
  std::vector<Case> cases = {
      {"2026-03-01", "owb", "wethouder", "A", "x"},  // x's second case (by date)
      {"2026-01-01", "owb", "wethouder", "A", "x"},  // x's first
      {"2026-05-01", "owb", "wethouder", "A", "x"},
      {"2026-05-01", "owb", "wethouder", "A", "y"},  // y's first
      {"2026-05-01", "owb", "wethouder", "A", "y"},  // same day: one of them repeats
      {"2026-05-01", "owb", "wethouder", "A", ""},
  };
  MonitorOptions o;
  o.min_cell = 1;
  MonitorReport r = Report(cases, o);
  CHECK(r.initiator_fact == "initiator_name");
  CHECK(Grid(Table(r, "repeat")) == std::vector<std::string>{
                                        "from an initiator seen before: 1 2 | 3",
                                        "first case of an initiator: 1 1 | 2",
                                        "initiator unknown: 0 1 | 1",
                                        "total: 2 4 | 6",
                                    });
  // Pseudonyms never reach the report.
  for (const MonitorTable& t : r.tables) {
    for (const std::string& row : t.rows) CHECK(row.find("hmac") == std::string::npos);
  }
}

// No total, with the cells it sums, has exactly one of them hidden.
void CheckNothingGivesAway(const MonitorTable& t) {
  auto hidden = [](const Shown& s) { return s.suppressed ? 1 : 0; };
  std::size_t periods = t.period_totals.size();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    int n = hidden(t.row_totals[i]);
    for (const Shown& c : t.cells[i]) n += hidden(c);
    CHECK(n != 1);
  }
  for (std::size_t p = 0; p < periods; ++p) {
    int n = hidden(t.period_totals[p]);
    for (std::size_t i = 0; i < t.rows.size(); ++i) n += hidden(t.cells[i][p]);
    CHECK(n != 1);
  }
  int rows = hidden(t.total), columns = hidden(t.total);
  for (const Shown& s : t.row_totals) rows += hidden(s);
  for (const Shown& s : t.period_totals) columns += hidden(s);
  CHECK(rows != 1);
  CHECK(columns != 1);
}

TEST_CASE("disclosure control: a table that leaks through its totals is closed", "[monitor]") {
  // Only the 3 is small. Without secondary suppression, its row total (13)
  // less the 10 beside it, or its period total (23) less the 20 below it,
  // gives it away.
  MonitorTable t = Suppress("t", "t", {"a", "b"}, {{3, 10}, {20, 30}}, 5);
  CHECK(Grid(t, 5) == std::vector<std::string>{"a: <5 x | 13", "b: x x | 50", "total: 23 40 | 63"});
  CheckNothingGivesAway(t);
  // Nothing of a hidden count is left in what is shown.
  for (const auto& row : t.cells) {
    for (const Shown& c : row) {
      if (c.suppressed) CHECK(c.count == 0);
    }
  }

  // A small row total: hidden, and another row total with it.
  MonitorTable small = Suppress("t", "t", {"a", "b", "c"}, {{1, 1}, {10, 10}, {7, 0}}, 5);
  CheckNothingGivesAway(small);
  CHECK(small.row_totals[0].suppressed);

  // Zeros are shown, and are not used to hide others (they hide nothing).
  MonitorTable zeros = Suppress("t", "t", {"a", "b"}, {{0, 2}, {0, 9}}, 5);
  CHECK(Grid(zeros, 5) ==
        std::vector<std::string>{"a: 0 <5 | <5", "b: 0 x | x", "total: 0 11 | 11"});
  CheckNothingGivesAway(zeros);

  // A table whose total is itself small.
  MonitorTable tiny = Suppress("t", "t", {"a"}, {{3}}, 5);
  CHECK(Grid(tiny, 5) == std::vector<std::string>{"a: <5 | <5", "total: <5 | <5"});

  // min_cell 1: nothing is hidden.
  CHECK(Grid(Suppress("t", "t", {"a"}, {{1, 2}}, 1)) ==
        std::vector<std::string>{"a: 1 2 | 3", "total: 1 2 | 3"});
}

TEST_CASE("disclosure control holds on random tables", "[monitor]") {
  std::mt19937 random(20261202);
  for (int round = 0; round < 300; ++round) {
    std::size_t rows = 1 + random() % 6, periods = 1 + random() % 6;
    std::vector<std::vector<std::int64_t>> counts(rows, std::vector<std::int64_t>(periods));
    for (auto& row : counts) {
      for (auto& c : row) c = random() % 3 == 0 ? 0 : static_cast<std::int64_t>(random() % 12);
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < rows; ++i) names.push_back("r" + std::to_string(i));
    MonitorTable t = Suppress("t", "t", names, counts, 5);
    INFO("round " << round);
    CheckNothingGivesAway(t);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t p = 0; p < periods; ++p) {
        if (counts[i][p] > 0 && counts[i][p] < 5) CHECK(t.cells[i][p].suppressed);
        if (!t.cells[i][p].suppressed) CHECK(t.cells[i][p].count == counts[i][p]);
      }
    }
  }
}

}  // namespace
}  // namespace triage
