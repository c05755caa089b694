// JsonCaseParser, the fast path for JSON Lines, against the full path
// (ReadCases + ValidateCase) on generated rule sets and cases, good and bad:
// whatever it accepts, the full path accepts with the same values.
#include <random>

#include <catch2/catch.hpp>

#include "support/generate.h"
#include "support/support.h"

namespace {

bool SameValue(const triage::Fact& f, const std::optional<triage::Value>& a,
               const std::optional<triage::Value>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (f.type == triage::FactType::kNumber) return a->d == b->d;
  if (f.type == triage::FactType::kString) return a->s == b->s;
  return a->i == b->i;
}

// A few ways to spoil a line: wrong types, unknown keys, duplicates, bounds.
std::string Spoil(std::mt19937_64& rng, std::string line) {
  const char* edits[][2] = {{"true", "\"yes\""},
                            {": 1", ": 1.5"},
                            {": 2", ": -99999999"},
                            {"\"b0\"", "\"bee\""},
                            {"{", "{\"case_id\": [1], "},
                            {"{", "{\"b0\": true, "},
                            {": 3", ": 99999999"},
                            {"\"s0\": \"", "\"s0\": 7, \"x\": \""},
                            {"-", "-0"},
                            {"{", "{\"case_id\": 12, "},
                            // Written as people do: the full path reads these.
                            {"true", "\"ja\""},
                            {"false", "\"Nee\""},
                            {"true", "\"TRUE\""},
                            {"false", "\"no\""},
                            {"\"2024-01-31\"", "\"31-1-2024\""},
                            {"\"2024-02-29\"", "\"29-02-2024\""},
                            {"\"2024-01-30\"", "\"31-2-2024\""},
                            {"{", "{\"dossier\": \"Z-1\", "},
                            {"{", "{\"dossier\": 7, "},
                            {"{", "{\"dossier\": null, \"dossier\": \"x\", "}};
  auto& edit = edits[rng() % std::size(edits)];
  auto at = line.find(edit[0]);
  if (at != std::string::npos) line.replace(at, std::string(edit[0]).size(), edit[1]);
  return line;
}

}  // namespace

TEST_CASE("fast JSON path: accepts only what the full path accepts, with the same values") {
  std::mt19937_64 rng(77);
  triage::testing::GenerateOptions options;
  std::size_t accepted = 0, valid = 0;
  for (int round = 0; round < 60; ++round) {
    // Half the rule sets speak Dutch and English, so that ja/nee and yes/no
    // are booleans there (and not elsewhere).
    std::string text = triage::testing::GenerateRuleSet(rng, options);
    if (round % 2) text += "title: {nl: Proef, en: Trial}\n";
    triage::CompiledRules c = triage::testing::Compile(text);
    if (!c.rules || c.diags.HasErrors()) continue;
    const triage::RuleSet& rs = *c.rules;
    // A third of them keep a column that is not a fact.
    triage::CaseOptions case_options;
    if (round % 3 == 0) case_options.keep = {"dossier"};
    triage::JsonCaseParser fast(rs, case_options.keep);
    for (int k = 0; k < 200; ++k) {
      std::string line = triage::testing::GenerateCase(rng, options, 0.2);
      if (k % 3 == 0) line = Spoil(rng, line);
      std::vector<triage::RawCase> raws;
      triage::ReadCases(line, triage::InputFormat::kJsonLines,
                        [&](triage::RawCase raw) { raws.push_back(std::move(raw)); });
      REQUIRE(raws.size() == 1);
      std::vector<triage::CaseProblem> problems;
      triage::Case full = triage::ValidateCase(rs, raws[0], case_options, problems);
      triage::Case quick;
      bool took = fast.Parse(line, quick);
      INFO(line);
      if (problems.empty()) ++valid;
      if (!took) continue;
      ++accepted;
      REQUIRE(problems.empty());
      CHECK(quick.id == full.id);
      REQUIRE(quick.values.size() == full.values.size());
      for (size_t f = 0; f < rs.facts.size(); ++f) {
        CHECK(SameValue(rs.facts[f], quick.values[f], full.values[f]));
      }
      CHECK(quick.kept == full.kept);
    }
  }
  // And it is the path well-formed cases take.
  CHECK(accepted > valid * 9 / 10);
  CHECK(valid > 3000);
}

TEST_CASE("fast JSON path: words and day-first dates are left to the full path, which reads them") {
  triage::CompiledRules c = triage::testing::Compile(R"(ruleset: t
version: "1"
title: {nl: Proef}
facts: {flag: {type: bool}, seen: {type: date}}
routes: {x: {}}
rules: []
default: x
)");
  triage::JsonCaseParser fast(*c.rules, {"dossier"});
  struct Row {
    const char* line;
    bool fast;  ///< the fast path takes it
  };
  auto row = GENERATE(values<Row>({
      {R"({"flag": true, "seen": "2025-04-19"})", true},
      {R"({"flag": "ja"})", false},
      {R"({"flag": "NEE"})", false},
      {R"({"flag": "True"})", false},
      {R"({"seen": "19-4-2025"})", false},
      {R"({"dossier": "Z-12", "flag": false})", true},
      {R"({"dossier": 12})", false},
  }));
  INFO(row.line);
  triage::Case quick;
  CHECK(fast.Parse(row.line, quick) == row.fast);
  std::vector<triage::RawCase> raws;
  triage::ReadCases(row.line, triage::InputFormat::kJsonLines,
                    [&](triage::RawCase raw) { raws.push_back(std::move(raw)); });
  REQUIRE(raws.size() == 1);
  std::vector<triage::CaseProblem> problems;
  triage::CaseOptions options;
  options.keep = {"dossier"};
  triage::Case full = triage::ValidateCase(*c.rules, raws[0], options, problems);
  CHECK(problems.empty());
  if (row.fast) {
    CHECK(quick.kept == full.kept);
    for (size_t f = 0; f < full.values.size(); ++f) {
      CHECK(quick.values[f].has_value() == full.values[f].has_value());
      if (full.values[f]) CHECK(quick.values[f]->i == full.values[f]->i);
    }
  }
}
