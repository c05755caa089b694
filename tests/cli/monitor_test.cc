// `triage monitor` as a user runs it, on every backend this run tests: a
// generated year recorded, then reported as text, CSV, JSON and HTML, the
// formats agreeing, no small count and no pseudonym anywhere.
#include <algorithm>

#include "cli/register_cli.h"

namespace triage::testing {
namespace {

// A year of cases recorded into the backend's register, with a key.
void RecordYear(Sandbox& box, const TestBackend& b, int cases) {
  fs::path year = box.dir() / "year.jsonl";
  int status = -1;
  Shell("cd " + Quote(TRIAGE_SOURCE_DIR) + " && scripts/generate-year.sh " + std::to_string(cases) +
            " 2026 > " + Quote(year.string()),
        &status);
  REQUIRE(status == 0);
  fs::path key = box.Write("key", "a-monitor-test-key-0123456789");
  Call call;
  call.env = "TRIAGE_PSEUDONYM_KEY_FILE=" + Quote(key.string());
  Run r = Triage(box,
                 "route " + kRules + " " + Quote(year.string()) + " --record -o " +
                     Quote((box.dir() / "out.jsonl").string()) + Reg(b),
                 call);
  INFO(Describe(r));
  REQUIRE(r.status == 0);
}

// Every "count": N in the JSON report.
std::vector<long long> Counts(const std::string& json) {
  std::vector<long long> out;
  const std::string key = "\"count\": ";
  for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1)) {
    std::size_t start = at + key.size();
    if (json.compare(start, 4, "null") == 0) continue;
    out.push_back(std::atoll(json.c_str() + start));
  }
  return out;
}

TEST_CASE("cli: monitor: a recorded year in every format, small counts hidden", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      RecordYear(box, b, 3000);
      Run json = Triage(box, "monitor --format json" + Reg(b));
      INFO(Describe(json));
      REQUIRE(json.status == 0);
      CHECK(Has(json.out, "\"decisions\": 3000"));
      CHECK(Has(json.out, "\"periods\": [\"2026-Q1\", \"2026-Q2\", \"2026-Q3\", \"2026-Q4\"]"));
      CHECK(Has(json.out, "\"date_fact\": \"reported_on\""));
      for (long long n : Counts(json.out)) CHECK((n == 0 || n >= 5));
      CHECK_FALSE(Has(json.out, "hmac"));
      CHECK(Has(json.out, "\"key\": \"repeat\""));
      CHECK(Has(json.out, "\"key\": \"fact:municipality\""));

      Run text = Triage(box, "monitor --rules " + kRules + Reg(b));
      INFO(Describe(text));
      REQUIRE(text.status == 0);
      // In the rule file's language, Dutch.
      CHECK(Has(text.out, "beslissingen: 3000"));
      CHECK(Has(text.out, "perioden:  2026-Q1 - 2026-Q4 (per kwartaal, op reported_on)"));
      // The route table's totals are the JSON's.
      std::size_t route = json.out.find("\"key\": \"route\"");
      std::size_t totals = json.out.find("\"period_totals\": [", route);
      REQUIRE(totals != std::string::npos);
      std::vector<long long> q =
          Counts(json.out.substr(totals, json.out.find(']', totals) - totals));
      REQUIRE(q.size() == 4);
      std::size_t at = text.out.find("\n  Totaal ");
      REQUIRE(at != std::string::npos);
      std::string first_total = text.out.substr(at + 1, text.out.find('\n', at + 1) - at - 1);
      for (long long n : q) CHECK(Has(first_total, " " + std::to_string(n)));
      CHECK(Has(first_total, " 3000"));
      CHECK_FALSE(Has(text.out, "hmac"));
      Run english = Triage(box, "monitor --rules " + kRules + " --lang en" + Reg(b));
      CHECK(Has(english.out, "decisions: 3000"));
      CHECK(Has(english.out, "periods:   2026-Q1 - 2026-Q4 (by quarter, on reported_on)"));

      Run csv =
          Triage(box, "monitor --by month -o " + Quote((box.dir() / "m.csv").string()) + Reg(b));
      REQUIRE(csv.status == 0);
      std::string rows = Slurp(box.dir() / "m.csv");
      CHECK(rows.rfind("table,row,period,count,share_percent,", 0) == 0);
      CHECK(Has(rows, "route,total,2026-12,"));
      CHECK(Has(rows, "route,total,total,3000,"));

      // Repeat initiators follow the fact asked for: municipality holds no
      // pseudonyms, so no initiator is known.
      Run chosen = Triage(box, "monitor --initiator-fact municipality --format json" + Reg(b));
      REQUIRE(chosen.status == 0);
      CHECK(Has(chosen.out, "\"row\": \"initiator unknown\""));
      CHECK_FALSE(Has(chosen.out, "first case of an initiator"));
      CHECK(Has(json.out, "first case of an initiator"));

      Run quarter = Triage(box, "monitor --from 2026-04-01 --to 2026-06-30 --format json" + Reg(b));
      REQUIRE(quarter.status == 0);
      CHECK(Has(quarter.out, "\"periods\": [\"2026-Q2\"]"));

      Run page = Triage(box, "monitor --rules " + kRules + " -o " +
                                 Quote((box.dir() / "m.html").string()) + Reg(b));
      REQUIRE(page.status == 0);
      std::string html = Slurp(box.dir() / "m.html");
      CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
      CHECK(Has(html, "<svg"));
      CHECK_FALSE(Has(html, "hmac"));
      // The page's numbers are the report's: every count the JSON shows is
      // in a cell of the page.
      for (long long n : Counts(json.out)) CHECK(Has(html, ">" + std::to_string(n) + "<"));
    }
  }
}

TEST_CASE("cli: monitor: what it refuses", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      RecordYear(box, b, 50);
      Run by = Triage(box, "monitor --by week" + Reg(b));
      CHECK(by.status == 2);
      Run date = Triage(box, "monitor --from 2026-13-01" + Reg(b));
      CHECK(date.status == 2);
      CHECK(Has(date.err, "'2026-13-01' is not a date: give YYYY-MM-DD"));
      Run none = Triage(box, "monitor --register " + Quote((box.dir() / "none.db").string()));
      CHECK(none.status == 2);
      CHECK(Has(none.err, "no register here"));
      Run small = Triage(box, "monitor --min-cell 0" + Reg(b));
      CHECK(small.status == 2);
    }
  }
}

}  // namespace
}  // namespace triage::testing
