#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "support/generate.h"
#include "support/schemas.h"
#include "support/support.h"

using namespace triage;

TEST_CASE("the shipped rule set compiles to a small reduced graph") {
  CompiledRules c = CompileRules("rules/lokale-driehoek.yaml",
                                 testing::ReadSourceFile("rules/lokale-driehoek.yaml"));
  REQUIRE(c.graph);
  const DecisionGraph& g = *c.graph;
  CHECK(g.nodes().size() < 40);
  // Reduced: no node has all children equal, and no two nodes are equal.
  std::set<std::vector<int>> seen;
  for (size_t n = 0; n < g.nodes().size(); ++n) {
    int fact = g.nodes()[n].fact;
    std::vector<int> key = {fact};
    for (int cell = 0; cell < g.domain(fact).cell_count(); ++cell) {
      key.push_back(g.Child(static_cast<int>(n), cell));
    }
    CHECK(std::adjacent_find(key.begin() + 1, key.end(), std::not_equal_to<>()) != key.end());
    CHECK(seen.insert(key).second);
    // Parents come before children.
    for (size_t k = 1; k < key.size(); ++k) {
      if (!DecisionGraph::IsLeaf(key[k])) CHECK(key[k] > static_cast<int>(n));
    }
  }
  CHECK(g.root() == 0);
}

namespace {

std::string ManyUnrelatedRules(int rules) {
  std::mt19937_64 rng(7);
  testing::GenerateOptions o;
  o.bool_facts = 12;
  o.enum_facts = 10;
  o.int_facts = 10;
  o.number_facts = 0;
  o.string_facts = 0;
  o.date_facts = 0;
  o.min_rules = o.max_rules = rules;
  o.flat = true;
  o.all_policies = false;
  o.conditions = false;
  return testing::GenerateRuleSet(rng, o);
}

}  // namespace

TEST_CASE("past the diagram budget, diagrams are chained") {
  CompileOptions options;
  options.diagram_budget = 50;
  CompiledRules c = CompileRules("big.yaml", ManyUnrelatedRules(60), options);
  REQUIRE(c.graph);
  CHECK(c.graph->diagram_count() > 1);
  CHECK_FALSE(c.graph->ordered());
  // The nodes are still numbered parents first, from the root.
  CHECK(c.graph->root() == 0);
  for (size_t n = 0; n < c.graph->nodes().size(); ++n) {
    int fact = c.graph->nodes()[n].fact;
    for (int cell = 0; cell < c.graph->domain(fact).cell_count(); ++cell) {
      DecisionGraph::Ref child = c.graph->Child(static_cast<int>(n), cell);
      if (!DecisionGraph::IsLeaf(child)) CHECK(child > static_cast<int>(n));
    }
  }
}

TEST_CASE("a chain past max_diagrams gives each rule a diagram, matched by bitmasks") {
  // 60 rules that share few tests: at 50 nodes a diagram the chain would
  // be long, so the cost model gives each rule its own diagram.
  CompileOptions options;
  options.diagram_budget = 50;
  CompiledRules c = CompileRules("big.yaml", ManyUnrelatedRules(60), options);
  REQUIRE(c.graph);
  CHECK(c.graph->one_rule_diagrams());
  CHECK(c.graph->masks() != nullptr);
  CHECK(c.graph->diagram_count() > 40);
  // Told that any chain will do, it chains the diagrams as they fill.
  options.max_diagrams = testing::kAnyChain;
  CompiledRules chained = CompileRules("big.yaml", ManyUnrelatedRules(60), options);
  REQUIRE(chained.graph);
  CHECK_FALSE(chained.graph->one_rule_diagrams());
  CHECK(chained.graph->masks() == nullptr);
  CHECK(chained.graph->diagram_count() < c.graph->diagram_count());
  // Within max_diagrams, the chain as it is.
  CompiledRules small = CompileRules("small.yaml", ManyUnrelatedRules(5));
  REQUIRE(small.graph);
  CHECK_FALSE(small.graph->one_rule_diagrams());
  CHECK(small.graph->diagram_count() == 1);
}

TEST_CASE("masks only where every rule is a conjunction of single-fact tests") {
  CompileOptions one_rule;
  one_rule.max_diagrams = 0;
  struct Row {
    const char* rules;
    bool masks;
  };
  const Row rows[] = {
      {"  - {id: r1, when: a and n >= 10, route: x}\n  - {id: r2, when: \"e != blauw\", "
       "route: y}\n",
       true},
      {"  - {id: r1, when: \"n between 3 and 7 and n != 5\", route: x}\n", true},
      {"  - {id: r1, when: a or n >= 10, route: x}\n", false},
      {"  - {id: r1, when: not (a and n >= 10), route: x}\n", false},
  };
  for (const Row& row : rows) {
    INFO(row.rules);
    CompiledRules c = CompileRules(
        "t.yaml", std::string(testing::kThreeFacts) + "rules:\n" + row.rules, one_rule);
    REQUIRE(c.graph);
    CHECK(c.graph->one_rule_diagrams());
    CHECK((c.graph->masks() != nullptr) == row.masks);
  }
}

TEST_CASE("compilation stops at the node budget with a diagnostic") {
  CompileOptions small;
  small.node_budget = 200;
  small.diagram_budget = 100;
  CompiledRules c = CompileRules("big.yaml", ManyUnrelatedRules(400), small);
  CHECK_FALSE(c.graph);
  REQUIRE(c.diags.items().size() == 1);
  CHECK(RenderDiagnostic(c.diags.items()[0], c.file, c.source) ==
        "big.yaml: error: the decision graph grew past its budget of 200 "
        "nodes; split the rule set or simplify rules that test many unrelated "
        "facts [E043]\n");

  CompileOptions tiny;
  tiny.diagram_budget = 3;
  CompiledRules one = CompileRules("one.yaml", ManyUnrelatedRules(5), tiny);
  CHECK_FALSE(one.graph);
  REQUIRE(one.diags.items().size() == 1);
  CHECK(one.diags.items()[0].message ==
        "rule 'rule-0' alone needs more than 3 decision graph nodes; simplify it");
}

TEST_CASE("compiled graphs, node by node (DecisionGraph::Dump)") {
  struct Case {
    const char* name;
    std::string rules;
    std::size_t diagram_budget;
    const char* dump;
    std::size_t max_diagrams = 4;
  };
  const Case cases[] = {
      {"first, with a default: the first rule that holds decides",
       "rules:\n  - {id: r1, when: a and n >= 10, route: x}\n"
       "  - {id: r2, when: \"e in [rood, groen]\", route: y}\ndefault: y\n",
       100'000,
       "roots n0\n"
       "n0 a: false -> n2; true -> n1\n"
       "n1 n: 0..9 -> n2; 10..100 -> L2\n"
       "n2 e: rood, groen -> L0; blauw -> L1\n"
       "L0 y by r2\n"
       "L1 y by default\n"
       "L2 x by r1\n"},
      {"unique: where two rules hold, the leaf says so",
       "hit_policy: unique\nrules:\n  - {id: r1, when: a and n >= 10, route: x}\n"
       "  - {id: r2, when: \"e in [rood, groen] or a\", route: y}\n",
       100'000,
       "roots n0\n"
       "n0 a: false -> n2; true -> n1\n"
       "n1 n: 0..9 -> L0; 10..100 -> L2\n"
       "n2 e: rood, groen -> L0; blauw -> L1\n"
       "L0 y by r2\n"
       "L1 unrouted\n"
       "L2 x+y (overlap: r1, r2)\n"},
      {"collect: every rule that holds, routes in precedence order",
       "hit_policy: collect\nrules:\n  - {id: r1, when: a and n >= 10, route: x}\n"
       "  - {id: r2, when: \"e in [rood, groen] or a\", route: y}\n",
       100'000,
       "roots n0\n"
       "n0 a: false -> n2; true -> n1\n"
       "n1 n: 0..9 -> L0; 10..100 -> L2\n"
       "n2 e: rood, groen -> L0; blauw -> L1\n"
       "L0 y by r2\n"
       "L1 unrouted\n"
       "L2 x+y by r1, r2\n"},
      // n is tested first (two rules read it), and again in the last
      // diagram: there n 10..100 after n 0..9 is a path no case takes.
      {"past a tiny diagram budget, one diagram per rule, chained on their 'no rule' paths",
       "rules:\n  - {id: r1, when: a and n >= 10, route: x}\n  - {id: r2, when: \"e == blauw\", "
       "route: y}\n  - {id: r3, when: n >= 10, route: x}\n",
       8,
       "roots n0 n2 n3\n"
       "n0 n: 0..9 -> n2; 10..100 -> n1\n"
       "n1 a: false -> n2; true -> L3\n"
       "n2 e: rood, groen -> n3; blauw -> L2\n"
       "n3 n: 0..9 -> L0; 10..100 -> L1\n"
       "L0 unrouted\n"
       "L1 x by r3\n"
       "L2 y by r2\n"
       "L3 x by r1\n"},
      // n 0..9 fails r1 and so leads to r2's diagram; r2's own fails to r3's.
      {"one rule a diagram (max_diagrams 0), however few",
       "rules:\n  - {id: r1, when: a and n >= 10, route: x}\n  - {id: r2, when: \"e == blauw\", "
       "route: y}\n  - {id: r3, when: n >= 10, route: x}\n",
       100'000,
       "roots n0 n2 n3\n"
       "n0 n: 0..9 -> n2; 10..100 -> n1\n"
       "n1 a: false -> n2; true -> L3\n"
       "n2 e: rood, groen -> n3; blauw -> L2\n"
       "n3 n: 0..9 -> L0; 10..100 -> L1\n"
       "L0 unrouted\n"
       "L1 x by r3\n"
       "L2 y by r2\n"
       "L3 x by r1\n",
       0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CompileOptions options;
    options.diagram_budget = c.diagram_budget;
    options.max_diagrams = c.max_diagrams;
    CompiledRules compiled =
        CompileRules("t.yaml", std::string(testing::kThreeFacts) + c.rules, options);
    REQUIRE(compiled.graph);
    CHECK(compiled.graph->Dump() == c.dump);
  }
}
