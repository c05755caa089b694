// The monitor's HTML page, on a report built by hand whose suppressed cells
// have true counts we know: every shown count is on the page, no suppressed
// one is (the page does not even depend on them), labels are escaped, the
// words follow the language, and Chromium renders it (when installed).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <unistd.h>
#include <catch2/catch.hpp>

#include "support/backends.h"
#include "triage/monitor.h"

namespace triage {
namespace {

namespace fs = std::filesystem;

// A count as the test writes it: negative = suppressed, with this true count.
using Grid = std::vector<std::vector<std::int64_t>>;

// The table a reader may see. With `leak`, a suppressed cell keeps its true
// count (the model says 0): a renderer that never reads it writes the same
// page either way.
MonitorTable Table(std::string key, std::vector<std::string> rows, const Grid& grid,
                   const std::vector<std::int64_t>& row_totals, bool leak) {
  auto shown = [&](std::int64_t n) { return n < 0 ? Shown{leak ? -n : 0, true} : Shown{n, false}; };
  MonitorTable t;
  t.key = std::move(key);
  t.title = "English title of " + t.key;
  t.rows = std::move(rows);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    t.cells.emplace_back();
    for (std::int64_t n : grid[i]) t.cells.back().push_back(shown(n));
    t.row_totals.push_back(shown(row_totals[i]));
  }
  for (std::size_t p = 0; p < grid[0].size(); ++p) {
    std::int64_t sum = 0;
    for (const auto& row : grid) sum += row[p] < 0 ? -row[p] : row[p];
    t.period_totals.push_back(shown(sum));
  }
  return t;
}

MonitorReport Report(bool leak = false) {
  MonitorReport r;
  r.options.by = Period::kQuarter;
  r.options.min_cell = 5;
  r.date_fact = "incident_date";
  r.periods = {"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"};
  r.entries = 308;
  r.by_recording_date = 4;
  r.notes = {{MonitorNote::Kind::kByRecordingDate, {0, true}, "incident_date"}};
  // Disclosure control as Suppress would apply it: 3, 2 and 1 are under 5;
  // 8, 11 and 6 are suppressed so that the totals do not give those away.
  r.tables.push_back(Table("route", {"om", "riec_liec", "owb", "de_escalatie", "om+owb"},
                           {{21, 24, 18, 27, 30},
                            {-8, -3, -6, 9, 12},
                            {-11, 13, -2, 15, 16},
                            {14, 17, 20, 19, 22},
                            {0, -1, 0, 0, 0}},
                           {120, 38, 57, 92, -1}, leak));
  r.tables.push_back(Table("fact:role",
                           {"burgemeester", "wethouder", "raadslid", "ambtenaar", "onbekend"},
                           {{15, 18, 14, 29, 26},
                            {20, 19, 13, 21, 27},
                            {10, 14, 10, 13, 17},
                            {9, -5, 9, -5, 10},
                            {0, -2, 0, -2, 0}},
                           {102, 100, 64, 38, -4}, leak));
  r.tables.push_back(
      Table("repeat",
            {"first case of an initiator", "from an initiator seen before", "initiator unknown"},
            {{40, 41, 31, 53, 55}, {14, 17, 15, 17, 25}, {0, 0, 0, 0, 0}}, {220, 88, 0}, leak));
  return r;
}

const std::map<std::string, std::string> kLabels = {
    {"om", "Openbaar Ministerie"},
    {"riec_liec", "RIEC/LIEC"},
    {"owb", "Ondersteuningsteam Weerbaar Bestuur"},
    {"de_escalatie", "De-escalatie & \"gesprek\""},
    {"ambtenaar", "<b>x</b>"},
    {"role", "rol"},
    {"incident_date", "datum van het incident"},
};

std::size_t Occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST_CASE("monitor html: one page with two charts and a table per breakdown", "[monitor]") {
  MonitorReport r = Report();
  std::string html = MonitorHtml(r, kLabels, "nl");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(Has(html, "<html lang=\"nl\">"));
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  CHECK(Occurrences(html, "<svg") == 2);
  CHECK(Occurrences(html, "</svg>") == 2);
  CHECK(Occurrences(html, "<table") == r.tables.size());
  CHECK(Occurrences(html, "</table>") == r.tables.size());
  // Self-contained: nothing fetched, nothing run.
  CHECK(!Has(html, "<script"));
  CHECK(!Has(html, "src="));
  CHECK(!Has(html, "href="));
  CHECK(!Has(html, "@import"));
  for (const char* words :
       {"Monitor: intimidatie via juridische middelen", "Periode", "2025-Q4 t/m 2026-Q4",
        "per kwartaal", "Totaal", "Aandeel", "t.o.v. vorige periode",
        "t.o.v. zelfde periode vorig jaar", "onderdrukt (minder dan 5)", "&ldquo;&lt;5&rdquo;",
        "Zaken naar route", "Zaken naar rol", "Herhaalde initiatiefnemers",
        "eerste zaak van een initiatiefnemer", "Openbaar Ministerie + Ondersteuningsteam",
        "datum van het incident", "&lt;5 van de 308 zonder die datum",
        "&lt;5 beslissingen zonder incident_date"}) {
    INFO(words);
    CHECK(Has(html, words));
  }
  // The last period against the one before and the year before, with the
  // change in share: om 30 of 80 (37.5%) against 27 of 70 and 21 of 54.
  CHECK(Has(html, "37,5%"));
  CHECK(Has(html, "+3 (\u22121,1 pp)"));
  CHECK(Has(html, "+9 (\u22121,4 pp)"));
  CHECK(Has(html, "+3 (+2,1 pp)"));  // riec_liec: 12 of 80 against 9 of 70
  CHECK(Has(html, ">+10<"));         // the period totals: 80 against 70 and 54
  CHECK(Has(html, ">+26<"));
  CHECK(Has(html, ">308<"));  // the grand total, every period's being shown
}

TEST_CASE("monitor html: every shown count is on the page, no suppressed one", "[monitor]") {
  MonitorReport r = Report();
  std::string html = MonitorHtml(r, kLabels, "en");
  std::set<std::int64_t> shown;
  for (const MonitorTable& t : r.tables) {
    auto check = [&](const Shown& s) {
      if (s.suppressed) return;
      shown.insert(s.count);
      INFO(t.key << ": " << s.count);
      CHECK(Has(html, ">" + std::to_string(s.count) + "<"));
    };
    for (const auto& row : t.cells) std::for_each(row.begin(), row.end(), check);
    std::for_each(t.row_totals.begin(), t.row_totals.end(), check);
    std::for_each(t.period_totals.begin(), t.period_totals.end(), check);
  }
  // The true counts behind "<5", none of which is also shown (nor an axis
  // tick: 0, 20, ... 80 and 0, 10, 20, 30): no element holds one alone.
  for (std::int64_t hidden : {1, 2, 3, 4, 5, 6, 8, 11}) {
    INFO(hidden);
    REQUIRE(shown.count(hidden) == 0);
    CHECK(!Has(html, ">" + std::to_string(hidden) + "<"));
  }
  CHECK(Occurrences(html, ">&lt;5<") >= 10);
  // Counts go into no attribute, and tooltips only say what a cell shows.
  CHECK(!Has(html, "data-"));
  CHECK(!Has(html, " title="));
  std::regex tooltip("<title>[^<]*: ([^<]*)</title>");
  int tooltips = 0;
  std::string body = html.substr(html.find("<body"));
  for (std::sregex_iterator it(body.begin(), body.end(), tooltip), end; it != end; ++it) {
    std::string text = (*it)[1];
    INFO(text);
    CHECK((text == "&lt;5" || text == "suppressed (under 5)" || shown.count(std::stoll(text))));
    ++tooltips;
  }
  CHECK(tooltips > 20);
  // The page does not depend on what is behind a suppressed cell at all.
  CHECK(MonitorHtml(Report(true), kLabels, "en") == html);
  CHECK(MonitorHtml(Report(true), kLabels, "nl") == MonitorHtml(r, kLabels, "nl"));
}

TEST_CASE("monitor html: labels and names are escaped", "[monitor]") {
  MonitorReport r = Report();
  r.tables[1].rows.push_back("<script>alert(1)</script>");
  r.tables[1].cells.push_back({{0, false}, {0, false}, {0, false}, {0, false}, {6, false}});
  r.tables[1].row_totals.push_back({6, false});
  r.notes.push_back({MonitorNote::Kind::kNotBrokenDown, {}, "a note with <i>markup</i>"});
  std::string html = MonitorHtml(r, kLabels, "en");
  CHECK(Has(html, "&lt;b&gt;x&lt;/b&gt;"));
  CHECK(!Has(html, "<b>x</b>"));
  CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(!Has(html, "<script"));
  CHECK(Has(html, "De-escalatie &amp; &quot;gesprek&quot;"));
  CHECK(Has(html, "a note with &lt;i&gt;markup&lt;/i&gt;"));
  CHECK(Has(html, "&lt;5 decisions without incident_date"));
}

TEST_CASE("monitor html: English words, no threshold, no periods", "[monitor]") {
  MonitorReport r = Report();
  std::string en = MonitorHtml(r, {}, "en");
  for (const char* words :
       {"Monitor: intimidation through legal means", "2025-Q4 to 2026-Q4", "by quarter",
        "Cases by route", "Cases by role", "Repeat initiators", "suppressed (under 5)", "om + owb",
        "+3 (\u22121.1 pp)", "37.5%", "fact <b>incident_date</b>"}) {
    INFO(words);
    CHECK(Has(en, words));
  }
  CHECK(Has(en, "<html lang=\"en\">"));
  CHECK(!Has(en, "Periode"));

  MonitorReport open = r;
  open.options.min_cell = 1;
  CHECK(Has(MonitorHtml(open, {}, "nl"), "Er is niets onderdrukt"));

  MonitorReport none;
  std::string empty = MonitorHtml(none, {}, "nl");
  CHECK(Has(empty, "Er zijn geen beslissingen in deze periode."));
  CHECK(!Has(empty, "<svg"));
  CHECK(!Has(empty, "<table"));
}

TEST_CASE("monitor html: Chromium renders the page", "[monitor]") {
  const char* chromium = "/usr/bin/chromium";
  if (!fs::exists(chromium)) {
    WARN("no " << chromium << ": the page is not rendered");
    return;
  }
  fs::path dir = fs::temp_directory_path() / ("triage-monitor-html-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path page = dir / "monitor.html", png = dir / "monitor.png";
  std::ofstream(page) << MonitorHtml(Report(), kLabels, "nl");
  std::string flags = std::string("timeout 20 ") + chromium +
                      " --headless --no-sandbox --disable-gpu --hide-scrollbars "
                      "--user-data-dir=" +
                      (dir / "profile").string();
  int status = 0;
  std::string dom =
      testing::Shell(flags + " --dump-dom file://" + page.string() + " 2>/dev/null", &status);
  CHECK(status == 0);
  CHECK(Occurrences(dom, "<svg") == 2);
  CHECK(Occurrences(dom, "<table") == 3);
  CHECK(Has(dom, "Monitor: intimidatie via juridische middelen"));
  testing::Shell(flags + " --window-size=1200,2400 --screenshot=" + png.string() + " file://" +
                     page.string() + " >/dev/null 2>&1",
                 &status);
  CHECK(status == 0);
  REQUIRE(fs::exists(png));
  CHECK(fs::file_size(png) > 10 * 1024);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace triage
