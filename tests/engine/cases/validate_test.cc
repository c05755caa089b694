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
       {"seen: fact 'seen' is '2023-02-29', not a date: February 2023 has 28 days"}},
      {"{\"seen\": \"2019-12-31\"}",
       {"seen: fact 'seen' is 2019-12-31, below its minimum 2020-01-01"}},
      {"{\"town\": [1]}", {"town: fact 'town' is string; it must be a string, not a list"}},
      {"{\"rol\": \"wethouder\"}",
       {"rol: unknown fact 'rol'; did you mean 'role'? (facts: flag, count, ratio, role, town, "
        "seen, name, kind)"}},
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

namespace {

struct FormRow {
  InputFormat format;
  const char* rules;
  std::string text;
  std::vector<std::string> outcome;
};

std::string_view FormatName(InputFormat format) {
  for (const InputFormatName& f : kInputFormats) {
    if (f.format == format) return f.name;
  }
  return "auto";
}

void CheckForms(const std::vector<FormRow>& rows) {
  for (const FormRow& row : rows) {
    INFO(FormatName(row.format) << ": " << row.text);
    CHECK(Outcome(row.rules, row.text, row.format) == row.outcome);
  }
}

}  // namespace

TEST_CASE("booleans as people write them: ja/nee in the rule set's languages, any case") {
  using F = InputFormat;
  const char* bi = kBilingualRules;
  const char* nl = kDutchRules;
  const std::string nl_choices = "true or false (or ja/nee)";
  const std::string bi_choices = "true or false (or ja/nee, yes/no)";
  CheckForms({
      // JSON, as strings.
      {F::kJson, nl, R"({"flag": "ja"})", {"flag=true"}},
      {F::kJson, nl, R"({"flag": "Nee"})", {"flag=false"}},
      {F::kJson, nl, R"({"flag": "TRUE"})", {"flag=true"}},
      {F::kJson, nl, R"({"flag": false})", {"flag=false"}},
      {F::kJson,
       nl,
       R"({"flag": "yes"})",
       {"flag: fact 'flag' is bool; it must be " + nl_choices + ", not 'yes'"}},
      {F::kJson, bi, R"({"flag": "yes"})", {"flag=true"}},
      {F::kJson,
       bi,
       R"({"flag": "misschien"})",
       {"flag: fact 'flag' is bool; it must be " + bi_choices + ", not 'misschien'"}},
      {F::kJson,
       nl,
       R"({"flag": 1})",
       {"flag: fact 'flag' is bool; it must be " + nl_choices + ", not 1"}},
      {F::kJson,
       kRules,
       R"({"flag": "ja"})",
       {"flag: fact 'flag' is bool; it must be true or false, not 'ja'"}},
      // A word for a string or enum fact is that word.
      {F::kJson, nl, R"({"town": "ja", "role": "wethouder"})", {"town='ja'", "role=wethouder"}},
      // Personal: the value is not echoed.
      {F::kJson,
       nl,
       R"({"secret": "misschien"})",
       {"secret: fact 'secret' is bool; it must be " + nl_choices + ", not a string"}},
      // JSON Lines.
      {F::kJsonLines, nl, "{\"flag\": \"JA\"}\n", {"flag=true"}},
      {F::kJsonLines, bi, "{\"flag\": \"No\"}\n", {"flag=false"}},
      {F::kJsonLines,
       nl,
       "{\"flag\": \"nein\"}\n",
       {"flag: fact 'flag' is bool; it must be " + nl_choices + ", not 'nein'"}},
      // CSV cells.
      {F::kCsv, nl, "flag\nja\n", {"flag=true"}},
      {F::kCsv, nl, "flag\nNEE\n", {"flag=false"}},
      {F::kCsv, nl, "flag\nFalse\n", {"flag=false"}},
      {F::kCsv,
       nl,
       "flag\nmisschien\n",
       {"flag: fact 'flag' is bool; it must be " + nl_choices + ", not 'misschien'"}},
      // YAML: the words of the languages, plain or quoted.
      {F::kYaml, nl, "flag: ja\n", {"flag=true"}},
      {F::kYaml, nl, "flag: 'Nee'\n", {"flag=false"}},
      {F::kYaml,
       nl,
       "flag: misschien\n",
       {"flag: fact 'flag' is bool; it must be " + nl_choices + ", not 'misschien'"}},
  });
}

TEST_CASE("YAML 1.1 booleans (yes/no/on/off) are booleans for a bool fact, ambiguous elsewhere") {
  using F = InputFormat;
  const char* nl = kDutchRules;
  CheckForms({
      {F::kYaml, nl, "flag: yes\n", {"flag=true"}},
      {F::kYaml, nl, "flag: No\n", {"flag=false"}},
      {F::kYaml, nl, "flag: ON\n", {"flag=true"}},
      {F::kYaml, nl, "flag: off\n", {"flag=false"}},
      {F::kYaml, nl, "flag: True\n", {"flag=true"}},
      {F::kYaml, nl, "secret: NO\n", {"secret=false"}},
      // Quoted, they are strings: 'on' is no word of Dutch (nor English).
      {F::kYaml,
       nl,
       "flag: 'on'\n",
       {"flag: fact 'flag' is bool; it must be true or false (or ja/nee), not 'on'"}},
      // For a string or enum fact they stay refused, the case and not the file.
      {F::kYaml,
       nl,
       "town: no\n",
       {"town: fact 'town' is string; 'no' is ambiguous (a YAML 1.1 boolean), quote it as a "
        "string"}},
      {F::kYaml,
       nl,
       "role: Yes\nflag: true\n",
       {"flag=true",
        "role: fact 'role' is enum; 'Yes' is ambiguous (a YAML 1.1 boolean), quote it as a "
        "string"}},
      {F::kYaml, nl, "town: 'no'\n", {"town='no'"}},
      {F::kYaml,
       nl,
       "seen: off\n",
       {"seen: fact 'seen' must be a date, written 2025-04-19 or day first 19-4-2025, not "
        "'off'"}},
  });
  // A list of cases: only the case with the ambiguous word is invalid.
  Read r = ReadAll("- {flag: yes}\n- {town: off}\n", InputFormat::kYaml);
  REQUIRE(r.cases.size() == 2);
  CHECK(r.cases[0].error.empty());
  CHECK(r.cases[1].error.empty());
}

TEST_CASE("dates: ISO and day first in every format, and why a date does not exist") {
  using F = InputFormat;
  const char* nl = kDutchRules;
  const std::string feb = "seen: fact 'seen' is '31-2-2025', not a date: February 2025 has 28 days";
  const std::string shape =
      "fact 'seen' must be a date, written 2025-04-19 or day first 19-4-2025, not ";
  CheckForms({
      {F::kJson, nl, R"({"seen": "2025-04-19"})", {"seen=2025-04-19"}},
      {F::kJson, nl, R"({"seen": "19-4-2025"})", {"seen=2025-04-19"}},
      {F::kJson, nl, R"({"seen": "19-04-2025"})", {"seen=2025-04-19"}},
      {F::kJson, nl, R"({"seen": "31-2-2025"})", {feb}},
      {F::kJson,
       nl,
       R"({"seen": "19-13-2025"})",
       {"seen: fact 'seen' is '19-13-2025', not a date: there is no month 13"}},
      {F::kJson,
       nl,
       R"({"seen": "19/4/2025"})",
       {"seen: fact 'seen' is '19/4/2025', not a date: dates are written with '-', not '/' "
        "(which may mean month first): day first, as 19-4-2025"}},
      {F::kJson, nl, R"({"seen": "gisteren"})", {"seen: " + shape + "'gisteren'"}},
      {F::kJson,
       nl,
       R"({"seen": 20250419})",
       {"seen: fact 'seen' is date; it must be a date (2025-04-19 or day first 19-4-2025), not "
        "20250419"}},
      // Bounds apply to day-first dates too, shown as ISO.
      {F::kJson,
       nl,
       R"({"seen": "1-1-2031"})",
       {"seen: fact 'seen' is 2031-01-01, above its maximum 2030-12-31"}},
      // Personal: neither the value nor what is wrong with it.
      {F::kJson,
       nl,
       R"({"born": "31-2-2025"})",
       {"born: fact 'born' is not a date that exists, written 2025-04-19 or day first 19-4-2025 "
        "(personal data, not shown)"}},
      {F::kJson, nl, R"({"born": "3-2-1970"})", {"born=1970-02-03"}},
      {F::kJsonLines, nl, "{\"seen\": \"1-12-2024\"}\n", {"seen=2024-12-01"}},
      {F::kJsonLines, nl, "{\"seen\": \"31-2-2025\"}\n", {feb}},
      {F::kYaml, nl, "seen: 19-4-2025\n", {"seen=2025-04-19"}},
      {F::kYaml, nl, "seen: 2025-04-19\n", {"seen=2025-04-19"}},
      {F::kYaml, nl, "seen: 31-2-2025\n", {feb}},
      {F::kCsv, nl, "seen\n19-4-2025\n", {"seen=2025-04-19"}},
      {F::kCsv, nl, "seen\n2025-04-19\n", {"seen=2025-04-19"}},
      {F::kCsv, nl, "seen\n31-2-2025\n", {feb}},
      {F::kCsv, nl, "seen\n19-4-25\n", {"seen: " + shape + "'19-4-25'"}},
  });
}

TEST_CASE("an unknown fact in a case: did you mean, and the facts there are") {
  using F = InputFormat;
  const std::string facts = "(facts: flag, town, role, seen, born, secret)";
  CheckForms({
      {F::kJson,
       kDutchRules,
       R"({"flga": true})",
       {"flga: unknown fact 'flga'; did you mean 'flag'? " + facts}},
      {F::kJson,
       kDutchRules,
       R"({"dossier": "Z-12"})",
       {"dossier: unknown fact 'dossier' " + facts}},
      {F::kJson,
       kDutchRules,
       R"({"caseid": "Z-12"})",
       {"caseid: unknown fact 'caseid'; did you mean 'case_id'? " + facts}},
      {F::kCsv,
       kDutchRules,
       "flag,rol\nja,wethouder\n",
       {"flag=true", "rol: unknown fact 'rol'; did you mean 'role'? " + facts}},
      {F::kYaml,
       kDutchRules,
       "towm: Assen\n",
       {"towm: unknown fact 'towm'; did you mean 'town'? " + facts}},
  });
  // Long lists are cut short.
  std::string rules = "ruleset: t\nversion: \"1\"\nfacts:\n";
  for (int i = 0; i < 25; ++i) rules += "  f" + std::to_string(i) + ": {type: bool}\n";
  rules += "routes: {x: {}}\nrules: []\ndefault: x\n";
  std::vector<std::string> out = Outcome(rules, R"({"zzz": 1})", InputFormat::kJson);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "zzz: unknown fact 'zzz' (facts: f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, "
        "f13, f14, f15, f16, f17, f18, f19 and 5 more)");
}

TEST_CASE("kept columns: carried as text, null when absent, in the order asked") {
  using F = InputFormat;
  CaseOptions keep;
  keep.keep = {"dossier", "behandelaar"};
  struct Row {
    InputFormat format;
    std::string text;
    std::vector<std::string> outcome;
  };
  auto row = GENERATE(values<Row>({
      {F::kJson,
       R"({"behandelaar": "J. de Vries", "flag": "ja", "dossier": "Z-12"})",
       {"flag=true", "kept dossier=Z-12", "kept behandelaar=J. de Vries"}},
      {F::kJson, R"({"dossier": 12})", {"kept dossier=12", "kept behandelaar=null"}},
      {F::kJson,
       R"({"dossier": 1.5, "behandelaar": true})",
       {"kept dossier=1.5", "kept behandelaar=true"}},
      {F::kJson, R"({"dossier": null})", {"kept dossier=null", "kept behandelaar=null"}},
      {F::kJson,
       R"({"dossier": ["a"]})",
       {"kept dossier=null", "kept behandelaar=null",
        "dossier: 'dossier' is kept as it is, so it must be a single value, not a list"}},
      {F::kJson,
       R"({"dossier": "a", "dossier": "b"})",
       {"kept dossier=a", "kept behandelaar=null", "dossier: 'dossier' is given twice"}},
      // Still an unknown fact when not kept; a kept case is still validated.
      {F::kJson,
       R"({"dossier": "a", "notitie": "x", "flag": "misschien"})",
       {"kept dossier=a", "kept behandelaar=null",
        "notitie: unknown fact 'notitie' (facts: flag, town, role, seen, born, secret)",
        "flag: fact 'flag' is bool; it must be true or false (or ja/nee), not 'misschien'"}},
      {F::kYaml, "dossier: 0042\nbehandelaar: no\n", {"kept dossier=0042", "kept behandelaar=no"}},
      {F::kCsv,
       "dossier;flag;behandelaar\nZ-12;nee;\n",
       {"flag=false", "kept dossier=Z-12", "kept behandelaar=null"}},
      {F::kCsv, "flag\nja\n", {"flag=true", "kept dossier=null", "kept behandelaar=null"}},
  }));
  INFO(row.text);
  CHECK(Outcome(kDutchRules, row.text, row.format, keep) == row.outcome);
}

TEST_CASE("the languages of a rule set are those its texts use, its own first") {
  CHECK(Compiled(kBilingualRules).rules->Languages() == std::vector<std::string>{"nl", "en"});
  CHECK(Compiled(kDutchRules).rules->Languages() == std::vector<std::string>{"nl"});
  CHECK(Compiled(kRules).rules->Languages().empty());
}
