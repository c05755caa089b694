// PathToLeaf: the conditions it gives lead into its leaf. For every leaf of
// generated rule sets, single diagrams and chains, a case built from the
// conditions (a value of each step's first cell, other facts unknown) is
// decided by the graph at that very leaf; a leaf it says no case reaches
// (only in a chain) is reached by none of a sample of cases.
#include <catch2/catch.hpp>

#include <random>

#include "support/generate.h"
#include "support/support.h"
#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/rule_tests.h"

namespace {

using namespace triage;

// The case the path describes: each step's fact with a value of its first
// cell; every other fact unknown.
Case CaseOf(const DecisionGraph& graph, const std::vector<PathStep>& path) {
  Case c;
  c.values.resize(graph.rules().facts.size());
  for (const PathStep& step : path) {
    int cell = 0;
    while (!step.cells[static_cast<std::size_t>(cell)]) ++cell;
    c.values[static_cast<std::size_t>(step.fact)] = graph.domain(step.fact).Example(cell);
  }
  return c;
}

// A generated case (JSON) as a validated case of `c`'s rule set.
Case CaseFor(const CompiledRules& c, const std::string& json) {
  Case out;
  ReadCases(json, InputFormat::kJson, [&](RawCase raw) {
    std::vector<CaseProblem> problems;
    out = ValidateCase(*c.rules, raw, {}, problems);
    REQUIRE(problems.empty());
  });
  return out;
}

}  // namespace

TEST_CASE("PathToLeaf: the conditions it gives lead into the leaf, for every leaf") {
  std::mt19937_64 rng(7);
  testing::GenerateOptions options;
  options.all_policies = false;
  options.min_rules = 3;
  CompileOptions chain;
  chain.diagram_budget = 60;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  int leaves = 0, chained = 0, unreachable = 0;
  for (int n = 0; n < 120; ++n) {
    std::string yaml = testing::GenerateRuleSet(rng, options);
    CompiledRules c = CompileRules("g.yaml", yaml, n % 2 ? chain : CompileOptions{});
    INFO(yaml);
    REQUIRE(c.graph);
    if (c.graph->diagram_count() > 1) ++chained;
    for (std::size_t leaf = 0; leaf < c.graph->leaves().size(); ++leaf) {
      LeafWay way = PathToLeaf(*c.graph, static_cast<int>(leaf));
      INFO("leaf " << leaf << "\n" << c.graph->Dump());
      REQUIRE(way.kind != LeafWay::Kind::kUnknown);
      if (way.kind == LeafWay::Kind::kNone) {
        // Only a chain has such leaves, and no case reaches them.
        CHECK(c.graph->diagram_count() > 1);
        for (int k = 0; k < 300; ++k) {
          Case sample = CaseFor(c, testing::GenerateCase(rng, options, 0.0));
          CHECK(Evaluate(*c.graph, sample).leaf != static_cast<int>(leaf));
        }
        ++unreachable;
        continue;
      }
      for (std::size_t i = 0; i < way.path.size(); ++i) {
        for (std::size_t j = i + 1; j < way.path.size(); ++j) {
          CHECK(way.path[i].fact != way.path[j].fact);
        }
      }
      Decision d = Evaluate(*c.graph, CaseOf(*c.graph, way.path));
      CHECK(d.leaf == static_cast<int>(leaf));
      ++leaves;
    }
  }
  CHECK(leaves > 500);
  CHECK(unreachable < leaves / 10);
  CHECK(chained > 20);
}
