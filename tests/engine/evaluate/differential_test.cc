// The compiled decision graph against the reference evaluator (rule by rule,
// straight from the model) on generated rule sets of every hit policy and
// fact type, and many generated cases, with and without unknown facts.
//
// TRIAGE_DIFF_SCALE (testing::Scaled) multiplies the number of rule sets.
#include <cstdlib>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/generate.h"
#include "support/support.h"
#include "triage/reference.h"

using namespace triage;

namespace {

std::string Show(const RuleSet& rs, const Decision& d) {
  std::string out = fmt::format("status {} routes [", static_cast<int>(d.status));
  for (int r : d.routes) out += rs.routes[r].name + " ";
  out += fmt::format("] rule {} default {} maybe-unrouted {} rules [",
                     d.rule >= 0 ? rs.rules[d.rule].id : "-", d.by_default, d.may_be_unrouted);
  for (int r : d.rules) out += rs.rules[r].id + " ";
  out += "] ask [";
  std::vector<int> ask = d.ask;
  std::sort(ask.begin(), ask.end());
  for (int f : ask) out += rs.facts[f].name + " ";
  return out + "]";
}

// The known facts a walk of the graph from its root tests, each once, in
// the order first tested: what Decision::path must be for a complete case,
// however the case was matched.
std::vector<int> WalkedPath(const DecisionGraph& g, const Case& c) {
  std::vector<int> path;
  DecisionGraph::Ref r = g.root();
  while (!DecisionGraph::IsLeaf(r)) {
    int f = g.nodes()[static_cast<size_t>(r)].fact;
    if (!c.values[static_cast<size_t>(f)]) return {};
    if (std::find(path.begin(), path.end(), f) == path.end()) path.push_back(f);
    r = g.Child(r, g.domain(f).CellOf(*c.values[static_cast<size_t>(f)]));
  }
  return path;
}

bool Complete(const Case& c) {
  return std::all_of(c.values.begin(), c.values.end(), [](const auto& v) { return v.has_value(); });
}

}  // namespace

namespace {

// What Agree expects of the graphs it compiles.
enum class Expect { kAny, kChains, kMasks };

// Generated rule sets, each compiled with `options`, and many generated
// cases through both evaluators.
void Agree(std::uint64_t seed, int rule_sets, const CompileOptions& compile,
           const testing::GenerateOptions& options, Expect expect = Expect::kAny) {
  std::mt19937_64 rng(seed);
  long cases_checked = 0, undetermined = 0, unknown_cases = 0, chained = 0, masked = 0;
  for (int n = 0; n < rule_sets; ++n) {
    std::string yaml = testing::GenerateRuleSet(rng, options);
    CompiledRules c = CompileRules("generated.yaml", yaml, compile);
    INFO(yaml);
    REQUIRE(c.rules);
    REQUIRE(c.graph);
    for (const Diagnostic& d : c.diags.items()) {
      INFO(d.message);
      // Only findings about the rules' meaning are expected here.
      REQUIRE((d.code == "E040" || d.code == "E041" || d.code == "W001" || d.code == "W002"));
    }
    const std::vector<FactDomain>& domains = c.graph->domains();
    if (c.graph->diagram_count() > 1) ++chained;
    if (c.graph->masks()) ++masked;
    for (int k = 0; k < 1000; ++k) {
      double unknown = k % 4 == 0 ? 0.25 : 0.0;
      std::string json = testing::GenerateCase(rng, options, unknown);
      Record r;
      ReadCases(json, InputFormat::kJson,
                [&](RawCase raw) { r.values = ValidateCase(*c.rules, raw, {}, r.problems); });
      INFO(json);
      REQUIRE(r.problems.empty());
      Decision graph = Evaluate(*c.graph, r.values);
      Decision reference = EvaluateReference(*c.rules, domains, r.values);
      std::sort(graph.ask.begin(), graph.ask.end());
      REQUIRE(Show(*c.rules, graph) == Show(*c.rules, reference));
      if (Complete(r.values)) REQUIRE(graph.path == WalkedPath(*c.graph, r.values));
      ++cases_checked;
      if (unknown > 0) ++unknown_cases;
      if (graph.status == Decision::Status::kUndetermined) {
        ++undetermined;
        REQUIRE(!graph.ask.empty());
      }
    }
  }
  // The generator must exercise unknown facts, and chains, for real.
  CHECK(undetermined > cases_checked / 50);
  if (expect == Expect::kChains) CHECK(chained > rule_sets / 4);
  if (expect == Expect::kMasks) CHECK(masked == rule_sets);
  WARN(
      fmt::format("{} cases on {} rule sets ({} chained, {} matched by masks); {} with unknown "
                  "facts, {} undetermined",
                  cases_checked, rule_sets, chained, masked, unknown_cases, undetermined));
}

}  // namespace

// 400 rule sets in four parts of 100, so that CTest can run them side by side.
TEST_CASE("decision graph agrees with the reference evaluator (1 of 4)") {
  Agree(20261130, testing::Scaled(100), CompileOptions{}, testing::GenerateOptions{});
}

TEST_CASE("decision graph agrees with the reference evaluator (2 of 4)") {
  Agree(20261131, testing::Scaled(100), CompileOptions{}, testing::GenerateOptions{});
}

TEST_CASE("decision graph agrees with the reference evaluator (3 of 4)") {
  Agree(20261132, testing::Scaled(100), CompileOptions{}, testing::GenerateOptions{});
}

TEST_CASE("decision graph agrees with the reference evaluator (4 of 4)") {
  Agree(20261133, testing::Scaled(100), CompileOptions{}, testing::GenerateOptions{});
}

TEST_CASE("chained decision graphs agree with the reference evaluator") {
  // A tiny diagram budget forces chains of many small diagrams, where facts
  // are tested again further down and feasibility matters.
  CompileOptions chain;
  chain.diagram_budget = 60;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  testing::GenerateOptions first_only;
  first_only.all_policies = false;
  first_only.min_rules = 4;
  first_only.max_depth = 2;
  Agree(7, testing::Scaled(150), chain, first_only, Expect::kChains);
}

TEST_CASE("one-rule chains matched by bitmasks agree with the reference evaluator") {
  // Every rule its own diagram (CompileOptions::max_diagrams 0); rules that
  // are conjunctions of single-fact tests, so that the masks match every
  // complete case, and give the path the walk would.
  CompileOptions one_rule;
  one_rule.max_diagrams = 0;
  testing::GenerateOptions conjunctions;
  conjunctions.all_policies = false;
  conjunctions.first_or_priority = true;
  conjunctions.flat = true;
  conjunctions.conditions = false;
  conjunctions.min_rules = 4;
  Agree(8, testing::Scaled(150), one_rule, conjunctions, Expect::kMasks);
}

TEST_CASE("one-rule chains of any rules agree with the reference evaluator") {
  // Rules with `or`, `not` and named conditions: no masks, the chain walked.
  CompileOptions one_rule;
  one_rule.max_diagrams = 0;
  testing::GenerateOptions first_only;
  first_only.all_policies = false;
  first_only.first_or_priority = true;
  first_only.min_rules = 4;
  Agree(9, testing::Scaled(100), one_rule, first_only, Expect::kChains);
}
