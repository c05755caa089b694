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
                            {"{", "{\"case_id\": 12, "}};
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
    triage::CompiledRules c =
        triage::testing::Compile(triage::testing::GenerateRuleSet(rng, options));
    if (!c.rules || c.diags.HasErrors()) continue;
    const triage::RuleSet& rs = *c.rules;
    triage::JsonCaseParser fast(rs);
    for (int k = 0; k < 200; ++k) {
      std::string line = triage::testing::GenerateCase(rng, options, 0.2);
      if (k % 3 == 0) line = Spoil(rng, line);
      std::vector<triage::RawCase> raws;
      triage::ReadCases(line, triage::InputFormat::kJsonLines,
                        [&](triage::RawCase raw) { raws.push_back(std::move(raw)); });
      REQUIRE(raws.size() == 1);
      std::vector<triage::CaseProblem> problems;
      triage::Case full = triage::ValidateCase(rs, raws[0], {}, problems);
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
    }
  }
  // And it is the path well-formed cases take.
  CHECK(accepted > valid * 9 / 10);
  CHECK(valid > 3000);
}
