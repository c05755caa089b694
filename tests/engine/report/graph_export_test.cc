#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: g
version: "1"
title: {nl: Proef, en: Trial}
facts:
  threat: {type: bool, label: {nl: Bedreiging, en: Threat}}
  n: {type: int, min: 0, max: 20}
routes:
  om: {label: {nl: OM "landelijk", en: Prosecution}}
  rest: {}
default: rest
rules:
  - {id: dreigt, when: threat, route: om}
  - {id: veel, when: n >= 10, route: om}
)";

}  // namespace

TEST_CASE("graph as DOT: fact labels, edge values, leaves by route") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.Usable());
  std::string dot = GraphDot(*c.graph, "nl");
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("label=\"Proef 1\"") != std::string::npos);
  CHECK(dot.find("[label=\"Bedreiging\\n(threat)\", shape=box, style=rounded]") !=
        std::string::npos);
  CHECK(dot.find("[label=\"OM \\\"landelijk\\\"\\nregel dreigt\", shape=box, "
                 "style=filled, fillcolor=\"#f4cccc\"]") != std::string::npos);
  CHECK(dot.find("[label=\"rest\\n(standaard)\"") != std::string::npos);
  CHECK(dot.find("[label=\"10..20\"]") != std::string::npos);
  CHECK(GraphDot(*c.graph, "en").find("Prosecution\\nrule veel") != std::string::npos);
}

TEST_CASE("graph as JSON: nodes, edges with value sets, leaves") {
  CompiledRules c = testing::Compile(kRules);
  std::string json = GraphJson(*c.graph);
  CHECK(json.find("\"root\": \"node0\", \"fact_order\": [\"threat\", \"n\"]") != std::string::npos);
  CHECK(json.find("{\"id\": \"node0\", \"fact\": \"threat\", \"edges\": [{\"to\": "
                  "\"node1\", \"values\": [\"false\"]}, {\"to\": \"leaf2\", "
                  "\"values\": [\"true\"]}]}") != std::string::npos);
  CHECK(json.find("{\"id\": \"node1\", \"fact\": \"n\", \"edges\": [{\"to\": "
                  "\"leaf0\", \"values\": [\"0..9\"]}, {\"to\": \"leaf1\", "
                  "\"values\": [\"10..20\"]}]}") != std::string::npos);
  CHECK(json.find("{\"id\": \"leaf2\", \"routes\": [\"om\"], \"rule\": \"dreigt\", "
                  "\"rules\": [\"dreigt\"], \"default\": false, \"overlap\": false}") !=
        std::string::npos);
}
