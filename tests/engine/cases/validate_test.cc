// Typing cases against the schema: one problem per message, naming the fact.
#include <catch2/catch.hpp>

#include "engine/cases/case_files.h"

using namespace triage;
using namespace triage::testing;

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
