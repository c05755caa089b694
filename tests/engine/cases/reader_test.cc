// Reading case files: formats read and detected, CSV as RFC 4180.
#include <catch2/catch.hpp>

#include "engine/cases/case_files.h"

using namespace triage;
using namespace triage::testing;

TEST_CASE("case formats are read and detected") {
  SECTION("one JSON object over several lines") {
    Read r = ReadAll("{\n  \"flag\": true,\n  \"count\": 3\n}\n");
    REQUIRE(r.cases.size() == 1);
    CHECK(r.cases[0].fields.size() == 2);
  }
  SECTION("a JSON list") {
    Read r = ReadAll("[{\"flag\": true}, {\"flag\": false}, {}]");
    REQUIRE(r.cases.size() == 3);
    CHECK(r.cases[2].index == 3);
  }
  SECTION("JSON Lines, with a bad line among good ones") {
    Read r = ReadAll("{\"flag\": true}\n\n{\"flag\": tru}\n{\"count\": 2}\n");
    REQUIRE(r.cases.size() == 3);
    CHECK(r.cases[1].line == 3);
    CHECK(r.cases[1].error.rfind("not valid JSON", 0) == 0);
    CHECK(r.cases[2].line == 4);
    CHECK(r.cases[2].error.empty());
  }
  SECTION("a YAML list of cases, with types from plain scalars") {
    Read r = ReadAll("- flag: true\n  count: 3\n  ratio: 2.5\n  town: '12'\n- {}\n");
    REQUIRE(r.cases.size() == 2);
    const auto& f = r.cases[0].fields;
    CHECK(f[0].second.kind == RawValue::Kind::kBool);
    CHECK(f[1].second.kind == RawValue::Kind::kInt);
    CHECK(f[2].second.kind == RawValue::Kind::kNumber);
    CHECK(f[3].second.kind == RawValue::Kind::kString);
    CHECK(r.cases[1].line == 5);
  }
  SECTION("YAML plain scalars: integers, decimals, and text that only looks numeric") {
    Read r = ReadAll("a: -12\nb: +3\nc: 2.5\nd: .5\ne: 1e3\nf: -2.\ng: 1e\nh: 12a\ni: '7'\n");
    REQUIRE(r.cases.size() == 1);
    std::vector<RawValue::Kind> kinds;
    for (const auto& [key, value] : r.cases[0].fields) kinds.push_back(value.kind);
    using K = RawValue::Kind;
    CHECK(kinds == std::vector<K>{K::kInt, K::kInt, K::kNumber, K::kNumber, K::kNumber, K::kNumber,
                                  K::kString, K::kString, K::kString});
    CHECK(r.cases[0].fields[4].second.d == 1000);
  }
  SECTION("formats from file names") {
    CHECK(FormatFromPath("a.jsonl") == InputFormat::kJsonLines);
    CHECK(FormatFromPath("a.ndjson") == InputFormat::kJsonLines);
    CHECK(FormatFromPath("a.json") == InputFormat::kJson);
    CHECK(FormatFromPath("a.yml") == InputFormat::kYaml);
    CHECK(FormatFromPath("-") == InputFormat::kAuto);
  }
}

TEST_CASE("CSV: RFC 4180 rows typed by the schema, problems with their column") {
  CompiledRules c = testing::Compile(kRules);
  std::string csv =
      "case_id,flag,count,ratio,role,town,seen\r\n"
      "a,true,3,2.5,wethouder,\"Zuid, \"\"Haven\"\"\",2024-02-29\r\n"
      "\r\n"
      "b,,,,,,\r\n"
      "c,ja,drie,x,burgmeester,\"twee\nregels\",2023-02-29\n"
      "d,true\n"
      "e,\"open\n";
  Read r = ReadAll(csv, InputFormat::kCsv);
  REQUIRE(r.cases.size() == 5);
  std::vector<int> lines;
  for (const RawCase& rc : r.cases) lines.push_back(rc.line);
  CHECK(lines == std::vector<int>{2, 4, 5, 7, 8});

  std::vector<CaseProblem> problems;
  Case a = ValidateCase(*c.rules, r.cases[0], {}, problems);
  CHECK(problems.empty());
  CHECK(a.id == "a");
  CHECK(a.values[0]->i == 1);
  CHECK(a.values[1]->i == 3);
  CHECK(a.values[2]->d == 2.5);
  CHECK(a.values[4]->s == "Zuid, \"Haven\"");

  Case b = ValidateCase(*c.rules, r.cases[1], {}, problems);
  CHECK(problems.empty());
  CHECK(
      std::none_of(b.values.begin(), b.values.end(), [](const auto& v) { return v.has_value(); }));

  ValidateCase(*c.rules, r.cases[2], {}, problems);
  std::vector<std::pair<std::string, int>> where;
  for (const CaseProblem& p : problems) where.emplace_back(p.fact, p.column);
  CHECK(where == std::vector<std::pair<std::string, int>>{
                     {"flag", 2}, {"count", 3}, {"ratio", 4}, {"role", 5}, {"seen", 7}});
  CHECK(r.cases[2].fields[5].second.s == "twee\nregels");

  CHECK(r.cases[3].error == "the row has 2 cells and the header 7");
  CHECK(r.cases[4].error == "not valid CSV: a quoted cell is not closed");
  CHECK(FormatFromPath("register.csv") == InputFormat::kCsv);

  // A byte order mark, as spreadsheets write, is not part of the first name.
  Read bom = ReadAll(
      "\xEF\xBB\xBF"
      "flag,count\ntrue,3\n",
      InputFormat::kCsv);
  REQUIRE(bom.cases.size() == 1);
  CHECK(bom.cases[0].fields[0].first == "flag");
  Read bom_jsonl = ReadAll("\xEF\xBB\xBF{\"flag\": true}\n", InputFormat::kJsonLines);
  REQUIRE(bom_jsonl.cases.size() == 1);
  CHECK(bom_jsonl.cases[0].error.empty());
}
