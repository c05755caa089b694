// The graph against the reference evaluator, on rule sets and cases
// generated from the fuzzer's bytes (a seed and the generator's options):
// any disagreement is a crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "support/generate.h"
#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/reference.h"

namespace {

bool Same(triage::Decision a, triage::Decision b) {
  std::sort(a.ask.begin(), a.ask.end());
  std::sort(b.ask.begin(), b.ask.end());
  return a.status == b.status && a.routes == b.routes && a.rule == b.rule && a.rules == b.rules &&
         a.by_default == b.by_default && a.ask == b.ask;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 12) return 0;
  std::uint64_t seed = 0;
  std::memcpy(&seed, data, sizeof seed);
  triage::testing::GenerateOptions options;
  options.max_rules = 2 + data[8] % 14;
  options.max_depth = 1 + data[9] % 3;
  options.flat = (data[10] & 1) != 0;
  options.conditions = (data[10] & 2) != 0;
  triage::CompileOptions compile;
  if (data[11] & 1) compile.diagram_budget = 40 + data[11];  // chains of diagrams
  std::mt19937_64 rng(seed);
  std::string yaml = triage::testing::GenerateRuleSet(rng, options);
  triage::CompiledRules c = triage::CompileRules("generated.yaml", yaml, compile);
  if (!c.graph) return 0;
  for (int k = 0; k < 20; ++k) {
    std::string json = triage::testing::GenerateCase(rng, options, k % 3 == 0 ? 0.3 : 0.0);
    triage::ReadCases(json, triage::InputFormat::kJson, [&](triage::RawCase raw) {
      std::vector<triage::CaseProblem> problems;
      triage::Case one = triage::ValidateCase(*c.rules, raw, {}, problems);
      if (!problems.empty()) __builtin_trap();  // the generator makes valid cases
      triage::Decision graph = triage::Evaluate(*c.graph, one);
      triage::Decision reference = triage::EvaluateReference(*c.rules, c.graph->domains(), one);
      if (!Same(graph, reference)) __builtin_trap();
    });
  }
  return 0;
}
