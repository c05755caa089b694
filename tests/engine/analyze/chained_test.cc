// The analyses of a chain of diagrams, and of a chain of one-rule diagrams
// (by SAT), against those of a single diagram, on generated rule sets: the
// same findings, and every example case routes as its finding says.
#include <random>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/generate.h"
#include "support/support.h"

using namespace triage;

namespace {

struct Finding {
  std::string code;
  int line;
  std::string subject;  // the rule (or nothing) the finding is about
  bool operator==(const Finding& o) const {
    return code == o.code && line == o.line && subject == o.subject;
  }
};

std::vector<Finding> Findings(const CompiledRules& c) {
  std::vector<Finding> out;
  for (const Diagnostic& d : c.diags.items()) {
    std::string subject = d.code == "E042" || d.rules.empty() ? "" : d.rules[0];
    out.push_back({d.code, d.pos.line, subject});
  }
  return out;
}

void CheckExamples(const CompiledRules& c) {
  for (const Diagnostic& d : c.diags.items()) {
    if (d.example.empty()) continue;
    INFO(d.message);
    Decision routed = testing::Route(c, d.example);
    if (d.code == "E040") CHECK(routed.status == Decision::Status::kUnrouted);
    if (d.code == "W001") {
      // A case where the dead rule holds is decided by one of the others.
      REQUIRE(routed.status == Decision::Status::kDecided);
      std::string decider = routed.rule >= 0 ? c.rules->rules[routed.rule].id : "";
      CHECK(std::find(d.rules.begin() + 1, d.rules.end(), decider) != d.rules.end());
    }
    if (d.code == "E042") {
      REQUIRE(routed.status == Decision::Status::kDecided);
      std::string decider = routed.rule >= 0 ? c.rules->rules[routed.rule].id : "";
      CHECK(d.message.find(fmt::format("routes to '{}'", c.rules->routes[routed.routes[0]].name)) !=
            std::string::npos);
      if (!decider.empty()) CHECK(d.rules == std::vector<std::string>{decider});
    }
  }
}

}  // namespace

namespace {

void AgreeWithSingle(std::uint64_t seed, const testing::GenerateOptions& options, bool masks) {
  std::mt19937_64 rng(seed);
  CompileOptions chain;
  chain.diagram_budget = 60;
  chain.max_diagrams = testing::kAnyChain;  // a chain of diagrams, however long
  // Each rule its own diagram, analysed by the SAT solver (SatSpace).
  CompileOptions by_sat;
  by_sat.max_diagrams = 0;
  int chained = 0, findings = 0;
  for (int n = 0; n < 150; ++n) {
    std::string yaml = testing::GenerateRuleSet(rng, options);
    // Two guarantees that hold for some rule sets and not for others.
    yaml +=
        "guarantees:\n"
        "  - {id: g1, that: route == r0 implies b0}\n"
        "  - {id: g2, that: \"rule == rule-1 implies (e0 != alfa or i0 > 2)\"}\n";
    if (n % 2) yaml.replace(yaml.find("default:"), 8, "# default");
    CompiledRules single = CompileRules("g.yaml", yaml);
    CompiledRules chain_of = CompileRules("g.yaml", yaml, chain);
    CompiledRules one_rule = CompileRules("g.yaml", yaml, by_sat);
    INFO(yaml);
    REQUIRE(single.graph);
    REQUIRE(chain_of.graph);
    REQUIRE(one_rule.graph);
    REQUIRE(one_rule.graph->one_rule_diagrams());
    // Conjunctions only: the masks, and the quick way to a rule's case.
    if (masks) CHECK(one_rule.graph->masks() != nullptr);
    if (chain_of.graph->diagram_count() > 1) ++chained;
    CHECK(Findings(chain_of) == Findings(single));
    CHECK(Findings(one_rule) == Findings(single));
    CheckExamples(single);
    CheckExamples(chain_of);
    CheckExamples(one_rule);
    findings += static_cast<int>(single.diags.items().size());
  }
  CHECK(chained > 50);
  CHECK(findings > 100);
}

}  // namespace

TEST_CASE("analyses of chained graphs, and by SAT, agree with a single diagram") {
  testing::GenerateOptions options;
  options.all_policies = false;
  options.max_depth = 2;
  options.min_rules = 4;
  AgreeWithSingle(99, options, false);
}

TEST_CASE("analyses by SAT of conjunctions matched by masks agree with a single diagram") {
  testing::GenerateOptions options;
  options.all_policies = false;
  options.first_or_priority = true;
  options.flat = true;
  options.conditions = false;
  options.min_rules = 4;
  options.max_rules = 30;
  AgreeWithSingle(100, options, true);
}
