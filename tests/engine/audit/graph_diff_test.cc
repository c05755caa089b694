// CompareGraphs: where two versions of a rule set decide differently,
// found from the two graphs alone (no cases), region by region; and the
// joint case space the comparison walks.
#include "triage/audit.h"

#include <catch2/catch.hpp>

#include "audit/joint.h"
#include "support/support.h"

using triage::testing::Compile;

namespace {

std::string Version(const std::string& threshold, const std::string& more_facts = "",
                    const std::string& role_values = "[a, b]") {
  return "ruleset: t\nversion: \"" + threshold + "\"\nfacts:\n  n: {type: int, min: 0, max: 20}\n" +
         "  role: {type: enum, values: " + role_values + "}\n" + more_facts +
         "routes: {x: {}, y: {}}\nrules:\n  - {id: t, when: n >= 15, route: y}\n" +
         "  - {id: r, when: n >= " + threshold +
         ", route: x}\n  - {id: s, when: role == b, route: y}\ndefault: y\n";
}

}  // namespace

TEST_CASE("graph diff: the same version differs nowhere") {
  triage::CompiledRules a = Compile(Version("10")), b = Compile(Version("10"));
  triage::GraphDiff d = triage::CompareGraphs(*a.graph, *b.graph);
  CHECK(d.compared);
  CHECK(d.complete);
  CHECK(d.regions.empty());
  CHECK(d.notes.empty());
}

TEST_CASE("graph diff: a lowered threshold, region by deciding rule, exactly the cases that move") {
  triage::CompiledRules a = Compile(Version("10")), b = Compile(Version("8"));
  triage::GraphDiff d = triage::CompareGraphs(*a.graph, *b.graph);
  REQUIRE(d.compared);
  CHECK(d.complete);
  // n 8..9 moves from y to x: decided by the default for role a, by rule s
  // for role b.
  REQUIRE(d.regions.size() == 2);
  using Condition = std::pair<std::string, std::string>;
  const std::string from_rules[] = {"", "s"};
  const std::string roles[] = {"a", "b"};
  for (size_t i = 0; i < 2; ++i) {
    const triage::DiffRegion& r = d.regions[i];
    INFO(r.example);
    CHECK(r.from.text() == "y");
    CHECK(r.to.text() == "x");
    CHECK(r.from_rule == from_rules[i]);
    CHECK(r.to_rule == "r");
    CHECK(r.conditions == std::vector<Condition>{{"n", "8..9"}, {"role", roles[i]}});
    CHECK(r.example == R"({"n": 8, "role": ")" + roles[i] + "\"}");
    // The example routes as the region says, on both sides.
    CHECK(triage::testing::RouteName(a, r.example) == "y");
    CHECK(triage::testing::RouteName(b, r.example) == "x");
  }
}

TEST_CASE("graph diff: the joint space refines both versions' cells") {
  triage::CompiledRules a = Compile(Version("10")), b = Compile(Version("8"));
  std::vector<std::string> notes;
  std::string error;
  triage::JointSpace space(*a.graph, *b.graph, notes, error);
  REQUIRE(error.empty());
  const triage::JointFact& n = space.facts()[static_cast<size_t>(space.OfA(0))];
  CHECK(n.name == "n");
  // Baseline cells 0..9, 10..14, 15..20; candidate 0..7, 8..14, 15..20.
  REQUIRE(n.domain.cell_count() == 4);  // 0..7, 8..9, 10..14, 15..20
  CHECK(n.domain.Describe(1) == "8..9");
  CHECK(n.cell_a == std::vector<int>{0, 0, 1, 2});
  CHECK(n.cell_b == std::vector<int>{0, 1, 1, 2});
  // Only around 15..20 do both versions draw the same lines.
  CHECK(n.same == std::vector<bool>{false, false, false, true});
}

TEST_CASE("graph diff: schema changes limit the comparison, and say how") {
  SECTION("an enum value only one version has: noted, such cases left out") {
    triage::CompiledRules a = Compile(Version("10")), b = Compile(Version("10", "", "[a, b, c]"));
    triage::GraphDiff d = triage::CompareGraphs(*a.graph, *b.graph);
    CHECK(d.compared);
    CHECK(d.regions.empty());
    CHECK(d.notes == std::vector<std::string>{
                         "value 'c' of 'role' exists only in the candidate: such cases are not "
                         "compared"});
  }
  SECTION("a fact whose type changed: not compared, and why") {
    std::string retyped = Version("10");
    retyped.replace(retyped.find("role: {type: enum, values: [a, b]}"), 34, "role: {type: string}");
    retyped.replace(retyped.find("role == b"), 9, "role == 'b'");
    triage::CompiledRules a = Compile(Version("10")), b = Compile(retyped);
    REQUIRE(b.graph);
    triage::GraphDiff d = triage::CompareGraphs(*a.graph, *b.graph);
    CHECK_FALSE(d.compared);
    CHECK(d.not_compared == "fact 'role' is enum in the baseline and string in the candidate");
  }
}

TEST_CASE("graph diff: past its step budget it says the regions are some, not all") {
  triage::CompiledRules a = Compile(Version("10")), b = Compile(Version("8"));
  triage::GraphDiff d = triage::CompareGraphs(*a.graph, *b.graph, 2);
  CHECK(d.compared);
  CHECK_FALSE(d.complete);
}
