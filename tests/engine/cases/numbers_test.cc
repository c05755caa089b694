// Integers read exactly: 64 bits or refused as out of range (the case and
// its id kept), in every case format; and leading zeros refused in rule
// files, with what to write.
#include <catch2/catch.hpp>

#include "engine/cases/case_files.h"
#include "support/support.h"

using namespace triage;

namespace {

// The problems of the first case `text` holds, as "fact: message", and its id.
std::pair<std::vector<std::string>, std::string> FirstCase(const std::string& text,
                                                           InputFormat format) {
  CompiledRules c = testing::Compile(testing::kRules);
  std::vector<std::string> problems;
  std::string id;
  bool first = true;
  ReadCases(text, format, [&](RawCase raw) {
    if (!first) return;
    first = false;
    std::vector<CaseProblem> found;
    Case k = ValidateCase(*c.rules, raw, {}, found);
    for (const CaseProblem& p : found) problems.push_back(p.fact + ": " + p.message);
    id = k.id.value_or("");
  });
  return {problems, id};
}

}  // namespace

TEST_CASE("numbers: integers beyond 64 bits are out of range, the case id kept") {
  struct Row {
    std::string text;
    InputFormat format;
    std::string digits;
  };
  auto row = GENERATE(values<Row>({
      {R"({"case_id": "a", "count": 9223372036854775808})", InputFormat::kJsonLines,
       "9223372036854775808"},
      {R"({"case_id": "a", "count": 18446744073709551615})", InputFormat::kJsonLines,
       "18446744073709551615"},
      // simdjson refuses these as "not valid JSON"; the reader reads them.
      {R"({"case_id": "a", "count": 18446744073709551616})", InputFormat::kJsonLines,
       "18446744073709551616"},
      {R"({"case_id": "a", "count": -9223372036854775809})", InputFormat::kJsonLines,
       "-9223372036854775809"},
      {R"([{"case_id": "a", "count": 123456789012345678901234567890}])", InputFormat::kJson,
       "123456789012345678901234567890"},
      {"case_id: a\ncount: 9223372036854775808\n", InputFormat::kYaml, "9223372036854775808"},
      {"case_id,count\na,99999999999999999999\n", InputFormat::kCsv, "99999999999999999999"},
  }));
  INFO(row.text);
  auto [problems, id] = FirstCase(row.text, row.format);
  CHECK(id == "a");
  CHECK(problems == std::vector<std::string>{
                        "count: fact 'count' is int: " + row.digits +
                        " is out of range: an integer is at least -9223372036854775808 and at "
                        "most 9223372036854775807 (64 bits)"});
}

TEST_CASE("numbers: the largest 64-bit integers are read exactly") {
  auto [problems, id] =
      FirstCase(R"({"case_id": 18446744073709551616, "count": 9223372036854775807})",
                InputFormat::kJsonLines);
  CHECK(id == "18446744073709551616");  // an id as written
  CHECK(problems == std::vector<std::string>{
                        "count: fact 'count' is 9223372036854775807, above its maximum 10"});
  // A string that looks like a big number stays a string.
  auto [text_problems, text_id] =
      FirstCase(R"({"case_id": "a", "town": "12345678901234567890123"})", InputFormat::kJsonLines);
  CHECK(text_problems.empty());
}

TEST_CASE("numbers: a rule file's numbers: leading zeros and out of range refused, with a hint") {
  struct Row {
    std::string yaml, message;
  };
  auto row = GENERATE(values<Row>({
      {"  n: {type: int, max: 042}\n",
       "'max' of int fact 'n': '042' starts with a zero: write 42 (readers differ on what 042 "
       "means: YAML 1.1 reads it as octal 34)"},
      {"  n: {type: number, min: -007.5}\n",
       "'min' of number fact 'n': '-007.5' starts with a zero: write -7.5 (readers differ on "
       "what 042 means: YAML 1.1 reads it as octal 34)"},
      {"  n: {type: int, max: 9223372036854775808}\n",
       "'max' of int fact 'n': 9223372036854775808 is out of range: an integer is at least "
       "-9223372036854775808 and at most 9223372036854775807 (64 bits)"},
  }));
  std::string text = "ruleset: t\nversion: \"1\"\nfacts:\n" + row.yaml +
                     "routes: {x: {}}\nrules:\n  - {id: r, when: n > 1, route: x}\n";
  INFO(text);
  CHECK(testing::DiagnosticsText(text).find(row.message) != std::string::npos);
}

TEST_CASE("numbers: a rule's literal with a leading zero is refused; 0 and 0.5 are not") {
  auto rules = [](const std::string& when) {
    return "ruleset: t\nversion: \"1\"\nfacts:\n  n: {type: int}\n  r: {type: number}\n"
           "routes: {x: {}}\nrules:\n  - {id: r, when: \"" +
           when + "\", route: x}\ndefault: x\n";
  };
  CHECK(testing::DiagnosticsText(rules("n > 042"))
            .find("fact 'n' is int: '042' starts with a zero: write 42") != std::string::npos);
  CHECK(testing::DiagnosticsText(rules("n < 99999999999999999999"))
            .find("99999999999999999999 is out of range") != std::string::npos);
  CHECK(testing::Codes(rules("n > 0 and r > 0.5 and n < 9223372036854775807")).empty());
}

TEST_CASE(
    "numbers: a YAML number too small or too large for a double is a problem, never a crash") {
  // Found by fuzz_cases_yaml: std::stod threw on 101E-0460, and the run ended
  // as an internal error.
  struct Row {
    const char* yaml;
    const char* problem;
  };
  const Row rows[] = {
      {"case_id: a\ncount: 101E-0460\n",
       "count: fact 'count' is int; it must be an integer, not 0.0"},
      {"case_id: a\ncount: 1e999\n", "count: fact 'count' is int; it must be an integer, not inf"},
      {"case_id: a\nratio: -1e999\n", "ratio:"},
  };
  for (const Row& row : rows) {
    INFO(row.yaml);
    auto [problems, id] = FirstCase(row.yaml, InputFormat::kYaml);
    CHECK(id == "a");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].starts_with(row.problem));
  }
}
