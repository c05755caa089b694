#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: t
version: "1"
facts:
  i: {type: int, min: 0, max: 100}
  j: {type: int}
  x: {type: number}
  s: {type: string}
  d: {type: date}
routes: {a: {}, b: {}}
rules:
  - {id: r1, when: i >= 5 and j < 3, route: a}
  - {id: r2, when: "i between 10 and 20 or x <= 2.5 or s in ['Ede', 'Zwolle']", route: a}
  - {id: r3, when: d > 2024-02-28, route: b}
default: b
)";

}  // namespace

TEST_CASE("domains split at exactly the thresholds the rules use") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.graph);
  const DecisionGraph& g = *c.graph;
  auto describe = [&](const char* fact) {
    const FactDomain& d = g.domain(c.rules->FindFact(fact));
    std::vector<std::string> cells;
    for (int k = 0; k < d.cell_count(); ++k) cells.push_back(d.Describe(k));
    return cells;
  };
  CHECK(describe("i") == std::vector<std::string>{"0..4", "5..9", "10..20", "21..100"});
  CHECK(describe("j") == std::vector<std::string>{"<= 2", ">= 3"});
  CHECK(describe("x") == std::vector<std::string>{"< 2.5", "2.5", "> 2.5"});
  CHECK(describe("s") == std::vector<std::string>{"'Ede'", "'Zwolle'", "any other text"});
  CHECK(describe("d") == std::vector<std::string>{"<= 2024-02-28", ">= 2024-02-29"});
}

TEST_CASE("every value falls in the cell whose example it resembles") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.graph);
  const DecisionGraph& g = *c.graph;
  for (size_t f = 0; f < c.rules->facts.size(); ++f) {
    const FactDomain& d = g.domain(static_cast<int>(f));
    for (int k = 0; k < d.cell_count(); ++k) {
      INFO(c.rules->facts[f].name << " cell " << k);
      CHECK(d.CellOf(d.Example(k)) == k);
    }
  }
  const FactDomain& i = g.domain(c.rules->FindFact("i"));
  struct Row {
    std::int64_t value;
    int cell;
  };
  auto row =
      GENERATE(values<Row>({{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {20, 2}, {21, 3}, {100, 3}}));
  CHECK(i.CellOf(Value::Int(row.value)) == row.cell);
}

TEST_CASE("comparison semantics, one table") {
  CompiledRules c = testing::Compile(R"(ruleset: t
version: "1"
facts:
  n: {type: int}
  x: {type: number}
  e: {type: enum, values: [p, q, r]}
  d: {type: date}
routes: {a: {}}
rules:
  - {id: eq, when: n == 3, route: a}
  - {id: ne, when: n != 3, route: a}
  - {id: lt, when: n < 3, route: a}
  - {id: le, when: n <= 3, route: a}
  - {id: gt, when: n > 3, route: a}
  - {id: ge, when: n >= 3, route: a}
  - {id: bt, when: n between 2 and 4, route: a}
  - {id: in, when: "e in [p, 'r']", route: a}
  - {id: ni, when: 'e not in [p]', route: a}
  - {id: xl, when: x < -1.5, route: a}
  - {id: dl, when: d <= 2024-01-31, route: a}
  - {id: fl, when: 3 > n, route: a}
default: a
)");
  REQUIRE(c.graph);
  const RuleSet& rs = *c.rules;
  struct Row {
    const char* rule;
    Value value;
    bool holds;
  };
  auto row = GENERATE(values<Row>({
      {"eq", Value::Int(3), true},
      {"eq", Value::Int(4), false},
      {"ne", Value::Int(3), false},
      {"ne", Value::Int(2), true},
      {"lt", Value::Int(2), true},
      {"lt", Value::Int(3), false},
      {"le", Value::Int(3), true},
      {"le", Value::Int(4), false},
      {"gt", Value::Int(4), true},
      {"gt", Value::Int(3), false},
      {"ge", Value::Int(3), true},
      {"ge", Value::Int(2), false},
      {"bt", Value::Int(2), true},
      {"bt", Value::Int(4), true},
      {"bt", Value::Int(5), false},
      {"bt", Value::Int(1), false},
      {"in", Value::Int(0), true},
      {"in", Value::Int(2), true},
      {"in", Value::Int(1), false},
      {"ni", Value::Int(0), false},
      {"ni", Value::Int(1), true},
      {"xl", Value::Num(-1.5), false},
      {"xl", Value::Num(-1.6), true},
      {"dl", Value::Int(*ParseDate("2024-01-31")), true},
      {"dl", Value::Int(*ParseDate("2024-02-01")), false},
      {"fl", Value::Int(2), true},
      {"fl", Value::Int(3), false},
  }));
  const Rule* rule = nullptr;
  for (const Rule& r : rs.rules) {
    if (r.id == row.rule) rule = &r;
  }
  REQUIRE(rule);
  const Expr& e = *rule->when;
  INFO(row.rule);
  CHECK(ComparisonHolds(e, rs.facts[e.index], row.value) == row.holds);
}

TEST_CASE("dates: parsing and formatting") {
  CHECK(ParseDate("2024-02-29").has_value());
  CHECK_FALSE(ParseDate("2023-02-29").has_value());
  CHECK_FALSE(ParseDate("2024-13-01").has_value());
  CHECK_FALSE(ParseDate("2024-1-01").has_value());
  CHECK(*ParseDate("1970-01-01") == 0);
  CHECK(FormatDate(*ParseDate("1999-12-31")) == "1999-12-31");
  CHECK(FormatDate(*ParseDate("0000-01-01")) == "0000-01-01");
}

TEST_CASE("number cells at the edges of doubles are exact") {
  CompiledRules c = testing::Compile(R"(ruleset: t
version: "1"
facts: {x: {type: number}}
routes: {a: {}, b: {}}
default: b
rules:
  - {id: huge, when: x > 1e308, route: a}
  - {id: beyond, when: x > 1.7976931348623157e308, route: a}
  - {id: between-adjacent, when: x > 1 and x < 1.0000000000000002, route: a}
  - {id: tiny, when: x > 0 and x < 5e-324, route: a}
)");
  REQUIRE(c.graph);
  std::vector<std::string> dead;
  for (const Diagnostic& d : c.diags.items()) {
    if (d.code == "W001") dead.push_back(d.rules[0]);
  }
  CHECK(dead == std::vector<std::string>{"beyond", "between-adjacent", "tiny"});
  CHECK(testing::RouteName(c, R"({"x": 1.5e308})") == "a");
  CHECK(testing::RouteName(c, R"({"x": 1e308})") == "b");
  const FactDomain& d = c.graph->domain(0);
  for (int k = 0; k < d.cell_count(); ++k) CHECK(d.CellOf(d.Example(k)) == k);
}
