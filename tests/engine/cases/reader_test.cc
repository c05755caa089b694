// Reading case files: formats read and detected, CSV as RFC 4180.
#include <sstream>

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
  CHECK(r.cases[4].error ==
        "not valid CSV: the quote that opens the cell in column 2 is not closed before the end of "
        "the file; a quote inside a cell is written twice (\"a \"\"b\"\" c\")");
  CHECK(r.cases[4].error_column == 2);
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

TEST_CASE("CSV: the separator is the one the header row uses, or the one asked for") {
  struct Row {
    std::string csv;
    char separator;                  ///< kDetectCsvSeparator: found in the header
    std::vector<std::string> cells;  ///< of the first case, "key=value"; or its error
  };
  auto row = GENERATE(values<Row>({
      // Dutch spreadsheets write ';'.
      {"case_id;flag;town\r\nZ-1;ja;Zuid, Haven\r\n",
       kDetectCsvSeparator,
       {"case_id=Z-1", "flag=ja", "town=Zuid, Haven"}},
      {"case_id,flag,town\nZ-1,ja,\"a;b\"\n",
       kDetectCsvSeparator,
       {"case_id=Z-1", "flag=ja", "town=a;b"}},
      {"case_id\tflag\nZ-1\tja\n", kDetectCsvSeparator, {"case_id=Z-1", "flag=ja"}},
      // Only separators outside quotes count; the most frequent wins.
      {"\"a,b\";flag\nx;ja\n", kDetectCsvSeparator, {"a,b=x", "flag=ja"}},
      {"a;b;c,d\n1;2;3,4\n", kDetectCsvSeparator, {"a=1", "b=2", "c,d=3,4"}},
      // A tie goes to ',' then ';'.
      {"a;b,c\n1;2,3\n", kDetectCsvSeparator, {"a;b=1;2", "c=3"}},
      // One column: nothing to find, ','.
      {"flag\nja\n", kDetectCsvSeparator, {"flag=ja"}},
      // A byte order mark does not hide the header.
      {"\xEF\xBB\xBF"
       "flag;town\nja;Assen\n",
       kDetectCsvSeparator,
       {"flag=ja", "town=Assen"}},
      // Asked for, the separator is not looked for.
      {"a;b,c\n1;2,3\n", ';', {"a=1", "b,c=2,3"}},
      {"a,b\n1,2\n", ';', {"a,b=1,2"}},
      {"a\tb\n1\t2\n", '\t', {"a=1", "b=2"}},
      // Rows that do not fit the header say so.
      {"a;b\n1,2\n", kDetectCsvSeparator, {"the row has 1 cells and the header 2"}},
  }));
  INFO(row.csv);
  std::vector<RawCase> cases;
  ReadCases(
      row.csv, InputFormat::kCsv, [&](RawCase c) { cases.push_back(std::move(c)); }, row.separator);
  REQUIRE(!cases.empty());
  std::vector<std::string> cells;
  if (!cases[0].error.empty()) cells.push_back(cases[0].error);
  for (const auto& [key, value] : cases[0].fields) cells.push_back(key + "=" + value.s);
  CHECK(cells == row.cells);
}

TEST_CASE("CSV: the separator is found on a stream too, read once, header first") {
  // A pipe cannot seek back: the header row is read first and only once.
  std::istringstream in("case_id;explicit_threat\n1;ja\n2;nee\n");
  RecordReader reader(in, InputFormat::kCsv);
  RecordReader::Record record;
  std::vector<std::string> ids;
  while (reader.Next(record)) {
    RawCase c = reader.Parse(record);
    REQUIRE(c.error.empty());
    REQUIRE(c.fields.size() == 2);
    ids.push_back(c.fields[0].second.s + ":" + c.fields[1].second.s);
  }
  CHECK(ids == std::vector<std::string>{"1:ja", "2:nee"});
  CHECK(CsvSeparatorNamed(";") == ';');
  CHECK(CsvSeparatorNamed(",") == ',');
  CHECK(CsvSeparatorNamed("tab") == '\t');
  CHECK(CsvSeparatorNamed("\t") == '\t');
  CHECK_FALSE(CsvSeparatorNamed("|"));
  CHECK_FALSE(CsvSeparatorNamed(""));
}

TEST_CASE("YAML cases: yes/no/on/off are read, for the schema to type, not refused whole") {
  Read r = ReadAll("flag: no\ntown: 'yes'\nother: On\n", InputFormat::kYaml);
  REQUIRE(r.cases.size() == 1);
  REQUIRE(r.cases[0].error.empty());
  const auto& f = r.cases[0].fields;
  CHECK((f[0].second.yaml11_bool && f[0].second.s == "no"));
  CHECK_FALSE(f[1].second.yaml11_bool);
  CHECK(f[2].second.yaml11_bool);
}
