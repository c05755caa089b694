// Regions (per fact, the cells allowed) and the search of the leaves a
// region reaches in a chain of diagrams, along feasible paths only.
#include "compile/region.h"

#include <catch2/catch.hpp>

#include "support/schemas.h"
#include "support/support.h"
#include "triage/pipeline.h"

using namespace triage;

namespace {

// The chain of DecisionGraph::Dump's structural test (compiler_test.cc):
//   roots n0 n2 n3
//   n0 n: 0..9 -> n2; 10..100 -> n1
//   n1 a: false -> n2; true -> L3
//   n2 e: rood, groen -> n3; blauw -> L2
//   n3 n: 0..9 -> L0; 10..100 -> L1
//   L0 unrouted / L1 x by r3 / L2 y by r2 / L3 x by r1
// On the path n 0..9 -> n2 -> n3, n is tested again: n3's 10..100 is
// infeasible there, but reached through n1 (n 10..100, a false).
const char* kChainRules = R"(rules:
  - {id: r1, when: a and n >= 10, route: x}
  - {id: r2, when: "e == blauw", route: y}
  - {id: r3, when: n >= 10, route: x}
)";

struct Chain {
  CompiledRules c;
  int a, n, e;
};

Chain Compile() {
  CompileOptions options;
  options.diagram_budget = 8;
  options.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  Chain chain{CompileRules("t.yaml", std::string(testing::kThreeFacts) + kChainRules, options), 0,
              1, 2};
  REQUIRE(chain.c.graph);
  REQUIRE(chain.c.graph->diagram_count() == 3);
  return chain;
}

}  // namespace

TEST_CASE("region: cells allowed, fixed and restricted per fact") {
  Chain chain = Compile();
  const DecisionGraph& g = *chain.c.graph;
  Region r(g);
  CHECK(r.Allows(chain.e, 0));
  CHECK(r.FirstIfNarrowed(chain.e) == -1);  // all allowed: nothing to fix
  r.Restrict(chain.e, {false, true, true});
  CHECK(!r.Allows(chain.e, 0));
  CHECK(r.Allows(chain.e, 2));
  CHECK(r.FirstIfNarrowed(chain.e) == 1);
  r.Fix(chain.n, 1);
  CHECK(!r.Allows(chain.n, 0));
  CHECK(r.Allows(chain.n, 1));
  CHECK(r.Allows(chain.a, 0));  // other facts untouched
}

TEST_CASE("feasible search: only the leaves some case really reaches") {
  Chain chain = Compile();
  const DecisionGraph& g = *chain.c.graph;
  FeasibleSearch search(g, 100'000);
  Region everything(g);
  CHECK(search.Leaves(everything) == std::vector<int>{0, 1, 2, 3});
  Region low(g);
  low.Fix(chain.n, 0);  // n 0..9: r1 and r3 cannot hold
  CHECK(search.Leaves(low) == std::vector<int>{0, 2});
  // A case that reaches L1 (x by r3): n 10..100, a false, e not blauw.
  std::optional<std::vector<int>> cells = search.Find(everything, [](int l) { return l == 1; });
  REQUIRE(cells);
  CHECK((*cells)[static_cast<size_t>(chain.n)] == 1);
  CHECK((*cells)[static_cast<size_t>(chain.a)] == 0);
  CHECK((*cells)[static_cast<size_t>(chain.e)] != 2);
  CHECK_FALSE(search.Find(low, [](int l) { return l == 1; }));
  // Walking the first diagram only, L1 (of the last) is never found.
  CHECK_FALSE(search.Find(
      everything, [](int l) { return l == 1; }, 1));
  CHECK(search.DiagramOf(3) == 0);
  CHECK(search.DiagramOf(1) == 2);
  // With a false and e blauw, r2 decides whatever n is; elsewhere n matters.
  Region blue(g);
  blue.Fix(chain.e, 2);
  blue.Fix(chain.a, 0);
  CHECK(search.Differ(blue, chain.n, 0, 1) == std::optional<bool>(false));
  CHECK(search.Differ(everything, chain.n, 0, 1) == std::optional<bool>(true));
  CHECK(!search.exhausted());
}

TEST_CASE("feasible search: past its step budget it says so, rather than guess") {
  Chain chain = Compile();
  FeasibleSearch search(*chain.c.graph, 3);
  CHECK_FALSE(search.Leaves(Region(*chain.c.graph)));
  CHECK(search.exhausted());
}
