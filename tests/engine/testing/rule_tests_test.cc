#include "triage/rule_tests.h"

#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: t
version: "1"
facts:
  n: {type: int, min: 0, max: 100}
  a: {type: bool}
routes: {x: {}, y: {}}
default: y
rules:
  - {id: big, when: n > 10, route: x}
  - {id: flag, when: a, route: x}
)";

TestFile Load(const std::string& text) {
  Diagnostics diags;
  std::optional<TestFile> file = LoadTestFile(text, diags);
  for (const Diagnostic& d : diags.items()) FAIL(d.message);
  REQUIRE(file);
  return *file;
}

}  // namespace

TEST_CASE("rule tests: pass, fail and coverage") {
  CompiledRules c = testing::Compile(kRules);
  TestFile file = Load(R"(rules: t.yaml
cases:
  - name: groot
    facts: {n: 11}
    expect: {route: x, rule: big}
  - name: standaard
    facts: {n: 3, a: false}
    expect: {route: y, rule: default}
  - name: fout verwacht
    facts: {n: 3, a: false}
    expect: x
  - name: onbekend
    facts: {n: 3}
    expect: {status: undetermined, routes: [y, x]}
  - name: ongeldig
    facts: {n: 300}
    expect: {status: invalid}
)");
  REQUIRE(file.tests.size() == 5);
  std::vector<TestResult> results = RunRuleTests(*c.rules, *c.graph, file);
  std::vector<bool> passed;
  for (const TestResult& r : results) passed.push_back(r.passed);
  CHECK(passed == std::vector<bool>{true, true, false, true, true});
  CHECK(results[2].expected == "route x");
  Coverage cov = MeasureCoverage(*c.rules, *c.graph, results);
  CHECK(cov.percent == Approx(50));
  CHECK(cov.rules_missed == std::vector<int>{1});
  CHECK(cov.leaves_missed.size() == 1);
}

TEST_CASE("rule tests: the file is read strictly and its names checked") {
  Diagnostics diags;
  LoadTestFile("rules: t.yaml\ncases:\n  - {name: x, facts: {}, expcet: y}\n", diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].message == "unknown key 'expcet' (did you mean 'expect'?)");
  CHECK(diags.items()[1].message == "a test needs 'expect'");

  CompiledRules c = testing::Compile(kRules);
  TestFile file =
      Load("rules: t.yaml\ncases:\n  - {name: x, facts: {}, expect: {route: z, rule: bigg}}\n");
  Diagnostics names;
  CheckTestFile(*c.rules, file, names);
  REQUIRE(names.items().size() == 2);
  CHECK(names.items()[0].message == "unknown route 'z' (did you mean 'x'?)");
  CHECK(names.items()[1].message == "unknown rule 'bigg' (did you mean 'big'?)");
}

TEST_CASE("rule tests: the shipped rule set's tests pass and reach every rule") {
  CompiledRules c = CompileRules("rules/lokale-driehoek.yaml",
                                 testing::ReadSourceFile("rules/lokale-driehoek.yaml"));
  TestFile file = Load(testing::ReadSourceFile("rules/lokale-driehoek.test.yaml"));
  std::vector<TestResult> results = RunRuleTests(*c.rules, *c.graph, file);
  for (const TestResult& r : results) {
    INFO(r.test->name);
    CHECK(r.passed);
  }
  Coverage cov = MeasureCoverage(*c.rules, *c.graph, results);
  CHECK(cov.percent == Approx(100));
  CHECK(cov.leaves_missed.empty());
}
