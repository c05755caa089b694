// FactDomain::Written: a set of cells as the condition a rule file writes.
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
  b: {type: bool}
  e: {type: enum, values: [p, q, r, s]}
routes: {a: {}, c: {}}
rules:
  - {id: r1, when: i >= 5 and j < 3 and b, route: a}
  - {id: r2, when: "i between 10 and 20 or x <= 2.5 or s in ['Ede', 'Zwolle']", route: a}
  - {id: r3, when: "d > 2024-02-28 and e in [p, q]", route: c}
  - {id: r4, when: e == r, route: c}
default: c
)";

}  // namespace

TEST_CASE("a set of cells written as a rule file writes the condition") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.graph);
  struct Row {
    const char* fact;
    std::vector<bool> cells;
    const char* written;
  };
  // i: 0..4, 5..9, 10..20, 21..100; j: <= 2, >= 3; x: < 2.5, 2.5, > 2.5;
  // s: 'Ede', 'Zwolle', other; d: <= 2024-02-28, later; e: p, q, r, s.
  const Row rows[] = {
      {"i", {false, true, false, false}, "i between 5 and 9"},
      {"i", {false, false, true, true}, "i >= 10"},
      {"i", {true, true, false, false}, "i <= 9"},
      {"i", {true, false, true, false}, "(i <= 4 or i between 10 and 20)"},
      {"i", {true, true, true, true}, ""},
      {"j", {false, true}, "j >= 3"},
      {"x", {false, true, false}, "x == 2.5"},
      {"x", {true, true, false}, "x <= 2.5"},
      {"x", {false, false, true}, "x > 2.5"},
      {"s", {true, false, false}, "s == 'Ede'"},
      {"s", {true, true, false}, "s in ['Ede', 'Zwolle']"},
      {"s", {false, true, true}, "s != 'Ede'"},
      {"s", {false, false, true}, "s not in ['Ede', 'Zwolle']"},
      {"d", {false, true}, "d >= 2024-02-29"},
      {"b", {true, false}, "not b"},
      {"b", {false, true}, "b"},
      {"e", {false, false, true, false}, "e == r"},
      {"e", {true, true, false, false}, "e in [p, q]"},
      {"e", {true, true, false, true}, "e != r"},
  };
  for (const Row& row : rows) {
    const FactDomain& d = c.graph->domain(c.rules->FindFact(row.fact));
    REQUIRE(static_cast<int>(row.cells.size()) == d.cell_count());
    std::string written = d.Written(row.fact, row.cells);
    CHECK(written == row.written);
    if (written.empty()) continue;
    // And a rule file takes it as it is.
    std::string text = kRules;
    text.replace(text.find("default: c"), 10,
                 "  - {id: w, when: \"" + written + "\", route: a}\ndefault: c");
    INFO(text);
    CHECK(testing::Compile(text).Usable());
  }
}
