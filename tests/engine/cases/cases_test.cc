#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: t
version: "1"
facts:
  flag: {type: bool}
  count: {type: int, min: 0, max: 10}
  ratio: {type: number, min: 0}
  role: {type: enum, values: [burgemeester, wethouder]}
  town: {type: string}
  seen: {type: date, min: 2020-01-01}
  name: {type: string, personal: true}
  kind: {type: enum, values: [p, q], personal: true}
routes: {x: {}}
rules:
  - {id: r, when: flag, route: x}
default: x
)";

struct Read {
  std::vector<RawCase> cases;
};

Read ReadAll(const std::string& text, InputFormat format = InputFormat::kAuto) {
  Read r;
  ReadCases(text, format, [&](RawCase c) { r.cases.push_back(std::move(c)); });
  return r;
}

// The problems of a one-case input, as "fact: message" lines.
std::vector<std::string> Problems(const std::string& text) {
  static const CompiledRules c = testing::Compile(kRules);
  Read r = ReadAll(text);
  REQUIRE(r.cases.size() == 1);
  std::vector<CaseProblem> problems;
  ValidateCase(*c.rules, r.cases[0], {}, problems);
  std::vector<std::string> out;
  for (const CaseProblem& p : problems) out.push_back(p.fact + ": " + p.message);
  return out;
}

}  // namespace

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

TEST_CASE("invalid cases: one message per problem, naming the fact") {
  struct Row {
    const char* input;
    std::vector<std::string> problems;
  };
  auto row = GENERATE(values<Row>({
      {"{}", {}},
      {"{\"flag\": null, \"case_id\": 7}", {}},
      {"{\"flag\": \"yes\"}", {"flag: fact 'flag' is bool; it must be true or false, not 'yes'"}},
      {"{\"count\": 11}", {"count: fact 'count' is 11, above its maximum 10"}},
      {"{\"count\": -1}", {"count: fact 'count' is -1, below its minimum 0"}},
      {"{\"count\": 2.5}", {"count: fact 'count' is int; it must be an integer, not 2.5"}},
      {"{\"count\": 5.0}", {"count: fact 'count' is int; it must be an integer, not 5.0"}},
      {"{\"ratio\": -0.5}", {"ratio: fact 'ratio' is -0.5, below its minimum 0"}},
      {"{\"role\": \"burgmeester\"}",
       {"role: 'burgmeester' is not a value of fact 'role' (did you mean "
        "'burgemeester'?)"}},
      {"{\"seen\": \"2023-02-29\"}",
       {"seen: fact 'seen' must be a date that exists, written YYYY-MM-DD, not "
        "'2023-02-29'"}},
      {"{\"seen\": \"2019-12-31\"}",
       {"seen: fact 'seen' is 2019-12-31, below its minimum 2020-01-01"}},
      {"{\"town\": [1]}", {"town: fact 'town' is string; it must be a string, not a list"}},
      {"{\"rol\": \"wethouder\"}", {"rol: unknown fact 'rol' (did you mean 'role'?)"}},
      {"{\"flag\": true, \"flag\": false}", {"flag: fact 'flag' is given twice"}},
      {"{\"case_id\": true}", {"case_id: 'case_id' must be a string or an integer"}},
      {"{\"role\": 1}", {"role: '1' is not a value of fact 'role'"}},
      {"ratio: .nan\n", {"ratio: fact 'ratio' must be a finite number, not nan"}},
      {"[1]", {": a case must be a JSON object of facts"}},
      // Personal data is never echoed.
      {"{\"name\": 42}", {"name: fact 'name' is string; it must be a string, not an integer"}},
      {"{\"kind\": \"Jansen\"}",
       {"kind: fact 'kind' has a value that is not one of its values (personal "
        "data, not shown)"}},
  }));
  INFO(row.input);
  CHECK(Problems(row.input) == row.problems);
}

TEST_CASE("case ids keep their text; numeric enum values may be numbers") {
  CompiledRules c = testing::Compile(R"(ruleset: t
version: "1"
facts: {level: {type: enum, values: ["1", "2"]}}
routes: {x: {}}
rules: []
default: x
)");
  Read r = ReadAll("case_id: 0142\nlevel: 2\n", InputFormat::kYaml);
  std::vector<CaseProblem> problems;
  Case parsed = ValidateCase(*c.rules, r.cases[0], {}, problems);
  CHECK(problems.empty());
  CHECK(parsed.id == "0142");
  CHECK(parsed.values[0]->i == 1);
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

TEST_CASE("unknown keys may be ignored on request") {
  CompiledRules c = testing::Compile(kRules);
  Read r = ReadAll("{\"extra\": 1, \"flag\": true}");
  std::vector<CaseProblem> problems;
  CaseOptions ignore;
  ignore.ignore_unknown_facts = true;
  Case parsed = ValidateCase(*c.rules, r.cases[0], ignore, problems);
  CHECK(problems.empty());
  CHECK(parsed.values[0]->i == 1);
}
