// The loader: a rule file's bytes into the rule model, with positions; names
// and types are the checker's (check/checker_test.cc).
#include "triage/load.h"

#include <catch2/catch.hpp>

using namespace triage;

namespace {

const char* kFile = R"(ruleset: demo
version: "2026.1"
title: {nl: Demo, en: Demo set}
hit_policy: priority
facts:
  role:
    type: enum
    values: [a, b]
    label: {nl: Rol, en: Role}
    question: Welke rol?
  count: {type: int, min: 0, max: 99}
  share: {type: number, max: 1.5}
  since: {type: date, min: 2020-01-01}
  name: {type: string, personal: true}
  flag: {type: bool}
routes:
  high: {label: Hoog}
  low: {}
conditions:
  many: count >= 10
rules:
  - id: r-1
    when: many and flag
    route: high
    reason: {nl: Veel., en: Many.}
    source: Beleid 4
  - {id: r-2, when: role == a, route: low}
default: low
guarantees:
  - {id: g, that: route == high implies flag}
)";

}  // namespace

TEST_CASE("loader: the rule model, as the file says it") {
  Diagnostics diags;
  std::optional<RuleSet> rs = LoadRuleSet("demo.yaml", kFile, diags);
  REQUIRE(rs);
  CHECK(diags.items().empty());
  CHECK(rs->file == "demo.yaml");
  CHECK(rs->id == "demo");
  CHECK(rs->version == "2026.1");
  CHECK(rs->hit_policy == HitPolicy::kPriority);
  CHECK(rs->title.Get("en") == "Demo set");
  CHECK(rs->DefaultLanguage() == "nl");
  CHECK(rs->sha256 == Sha256Hex(kFile));

  REQUIRE(rs->facts.size() == 6);
  const Fact& role = rs->facts[0];
  CHECK(role.type == FactType::kEnum);
  CHECK(role.values == std::vector<std::string>{"a", "b"});
  CHECK(role.label.Get("en") == "Role");
  CHECK(role.label.Get("fr") == "Rol");  // absent: the file's first language
  CHECK(role.question.Get("") == "Welke rol?");
  CHECK(role.pos.line == 6);
  const Fact& count = rs->facts[1];
  CHECK((count.type == FactType::kInt && count.min->i == 0 && count.max->i == 99));
  const Fact& share = rs->facts[2];
  CHECK((share.type == FactType::kNumber && !share.min && share.max->d == 1.5));
  const Fact& since = rs->facts[3];
  CHECK((since.type == FactType::kDate && since.min->i == *ParseDate("2020-01-01")));
  CHECK((rs->facts[4].type == FactType::kString && rs->facts[4].personal));
  CHECK(!rs->facts[5].personal);

  REQUIRE(rs->routes.size() == 2);
  CHECK(rs->RouteNames() == std::vector<std::string>{"high", "low"});
  CHECK(rs->routes[0].label.Get("nl") == "Hoog");
  REQUIRE(rs->conditions.size() == 1);
  CHECK(rs->conditions[0].name == "many");
  REQUIRE(rs->conditions[0].expr);

  REQUIRE(rs->rules.size() == 2);
  const Rule& r1 = rs->rules[0];
  CHECK(r1.id == "r-1");
  CHECK(r1.route == "high");
  CHECK(r1.route_index == -1);  // the checker resolves it
  CHECK(r1.reason.Get("en") == "Many.");
  CHECK(r1.source == "Beleid 4");
  CHECK((r1.pos.line == 22 && r1.route_pos.line == 24));
  REQUIRE(r1.when);
  CHECK(r1.when->kind == Expr::Kind::kAnd);
  CHECK(rs->rules[1].pos.line == 27);
  CHECK(rs->default_route == std::optional<std::string>("low"));
  REQUIRE(rs->guarantees.size() == 1);
  CHECK(rs->guarantees[0].that->kind == Expr::Kind::kImplies);
}

TEST_CASE("loader: every problem of the structure, each at its place") {
  struct Case {
    const char* yaml;
    std::vector<std::string> codes;
  };
  const std::string head = "ruleset: t\nversion: \"1\"\nroutes: {x: {}}\n";
  const Case cases[] = {
      {"ruleset: t\n", {"E011", "E011", "E011", "E011"}},  // version, facts, routes, rules
      {"- a\n", {"E012"}},
      {"facts: {}\nrules: []\nrutes: {}\n", {"E010"}},
      {"facts: {a: {type: boolean}}\nrules: []\n", {"E013"}},
      {"facts: {a: {type: enum}}\nrules: []\n", {"E011"}},
      {"facts: {a: {type: enum, values: [x, x]}}\nrules: []\n", {"E014"}},
      {"facts: {a: {type: int, min: 5, max: 2}}\nrules: []\n", {"E013"}},
      {"facts: {a: {type: bool, min: 1}}\nrules: []\n", {"E013"}},
      {"facts: {and: {type: bool}}\nrules: []\n", {"E013"}},
      {"facts: {a: {type: bool}}\nrules: [{id: r, when: a}]\n", {"E011"}},
      {"facts: {a: {type: bool}}\nrules: [{id: r, when: [a], route: x}]\n", {"E012"}},
      {"facts: {a: {type: bool}}\nrules: [{id: r, when: a and, route: x}]\n", {"E020"}},
      {"facts: {a: {type: bool, personal: yes please}}\nrules: []\n", {"E013"}},
      {"facts: {}\nrules: []\nhit_policy: frist\n", {"E013"}},
      {"facts: {}\nrules: []\ntitle: {NL: x}\n", {"E013"}},
  };
  for (const Case& c : cases) {
    std::string yaml = c.yaml[0] == 'r' || c.yaml[0] == '-' ? c.yaml : head + c.yaml;
    INFO(yaml);
    Diagnostics diags;
    std::optional<RuleSet> rs = LoadRuleSet("t.yaml", yaml, diags);
    CHECK(rs.has_value());  // the YAML could be read: later stages may report too
    std::vector<std::string> codes;
    for (const Diagnostic& d : diags.items()) codes.push_back(d.code);
    CHECK(codes == c.codes);
  }
}

TEST_CASE("loader: Sha256Hex is SHA-256 in lower-case hex") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
