// The checker: every name resolved and every literal typed, so that the
// compiler can trust the model; and every problem with names and types
// reported, each at its word.
#include "triage/check.h"

#include <catch2/catch.hpp>

#include "triage/load.h"

using namespace triage;

namespace {

const std::string kHead = R"(ruleset: t
version: "1"
facts:
  flag: {type: bool}
  n: {type: int, min: 0, max: 100}
  x: {type: number}
  role: {type: enum, values: [burgemeester, wethouder]}
  city: {type: string}
  since: {type: date}
  bsn: {type: string, personal: true}
routes: {high: {}, low: {}}
)";

struct Checked {
  std::optional<RuleSet> rs;
  Diagnostics diags;
};

Checked Check(const std::string& yaml) {
  Checked c;
  c.rs = LoadRuleSet("t.yaml", yaml, c.diags);
  REQUIRE(c.rs);
  REQUIRE(!c.diags.HasErrors());  // the file itself is well formed
  CheckRuleSet(*c.rs, c.diags);
  return c;
}

}  // namespace

TEST_CASE("checker: names resolve and literals take their fact's type") {
  Checked c = Check(kHead + R"(conditions:
  big: n >= 50
rules:
  - {id: a, when: big and flag, route: high}
  - {id: b, when: "x < 2.5 or role == wethouder", route: low}
  - {id: c, when: "city == 'Utrecht' and since >= 2024-02-29", route: low}
  - {id: d, when: flag == true and n == +3, route: high}
default: low
guarantees:
  - {id: g, that: "route == high implies rule in [a, d]"}
)");
  CHECK(c.diags.items().empty());
  const RuleSet& rs = *c.rs;
  CHECK(rs.rules[0].route_index == 0);
  CHECK(rs.rules[1].route_index == 1);
  CHECK(rs.default_route_index == 1);
  const Expr& a = *rs.rules[0].when;  // big and flag
  CHECK((a.children[0]->target == Expr::Target::kCondition && a.children[0]->index == 0));
  CHECK((a.children[1]->target == Expr::Target::kFact && a.children[1]->index == 0));
  CHECK(rs.conditions[0].expr->literals[0].value.i == 50);
  const Expr& b = *rs.rules[1].when;
  CHECK(b.children[0]->literals[0].value.d == 2.5);
  CHECK(b.children[1]->literals[0].value.i == 1);  // wethouder: the second value
  const Expr& c_when = *rs.rules[2].when;
  CHECK(c_when.children[0]->literals[0].value.s == "Utrecht");
  CHECK(c_when.children[1]->literals[0].value.i == *ParseDate("2024-02-29"));
  const Expr& d = *rs.rules[3].when;
  CHECK(d.children[0]->literals[0].value.i == 1);
  CHECK(d.children[1]->literals[0].value.i == 3);
  const Expr& g = *rs.guarantees[0].that;  // route == high implies rule in [a, d]
  CHECK(g.children[0]->target == Expr::Target::kRoute);
  CHECK(g.children[0]->literals[0].value.i == 0);
  CHECK(g.children[1]->target == Expr::Target::kRule);
  CHECK(g.children[1]->literals[1].value.i == 3);
}

TEST_CASE("checker: every problem with names and types, at its word") {
  struct Case {
    const char* rules;
    const char* code;
    const char* message;
    int line, column;  // in the rules part; its first line is line 1
  };
  const Case cases[] = {
      {"  - {id: r, when: flg, route: high}", "E021",
       "unknown fact or condition 'flg' (did you mean 'flag'?)", 1, 19},
      {"  - {id: r, when: nn > 3, route: high}", "E021", "unknown fact 'nn' (did you mean 'n'?)", 1,
       19},
      {"  - {id: r, when: flag, route: hihg}", "E024",
       "unknown route 'hihg' (did you mean 'high'?)", 1, 32},
      {"  - {id: r, when: n > veel, route: high}", "E022",
       "fact 'n' is int, cannot compare with 'veel'", 1, 23},
      {"  - {id: r, when: n > 2.5, route: high}", "E022",
       "fact 'n' is int, cannot compare with '2.5'", 1, 23},
      {"  - {id: r, when: \"x == '1'\", route: high}", "E022",
       "fact 'x' is number, cannot compare with the string '1'", 1, 25},
      {"  - {id: r, when: role > burgemeester, route: high}", "E022",
       "fact 'role' is enum; '>' applies to int, number and date facts only", 1, 19},
      {"  - {id: r, when: role == burgmeester, route: high}", "E023",
       "'burgmeester' is not a value of enum fact 'role' (did you mean 'burgemeester'?)", 1, 27},
      {"  - {id: r, when: city == Utrecht, route: high}", "E022",
       "fact 'city' is string, cannot compare with 'Utrecht'; quote a text: 'Utrecht'", 1, 27},
      {"  - {id: r, when: since > 2023-02-29, route: high}", "E025",
       "'2023-02-29' is not a date that exists", 1, 27},
      {"  - {id: r, when: n, route: high}", "E022",
       "fact 'n' is int; a condition needs a comparison such as 'n == ...'", 1, 19},
      {"  - {id: r, when: n == x, route: high}", "E022",
       "'x' is a fact; comparing two facts is not part of the rule language", 1, 24},
      {"  - {id: r, when: \"bsn == '1'\", route: high}", "E027",
       "fact 'bsn' is personal data; a triage decision may not depend on it", 1, 20},
      {"  - {id: r, when: flag, route: high}\n  - {id: r, when: flag, route: low}", "E014",
       "rule id 'r' is used twice (first at line 13)", 2, 10},
  };
  for (const Case& c : cases) {
    std::string yaml = kHead + "rules:\n" + c.rules + "\n";
    INFO(yaml);
    Checked checked = Check(yaml);
    REQUIRE(checked.diags.items().size() == 1);
    const Diagnostic& d = checked.diags.items()[0];
    CHECK(d.code == c.code);
    CHECK(d.message == c.message);
    int first_rule_line = 13;  // the line after "rules:"
    CHECK(d.pos.line == first_rule_line + c.line - 1);
    CHECK(d.pos.column == c.column);
  }
}

TEST_CASE("checker: cycles among named conditions") {
  Checked c = Check(kHead + R"(conditions:
  p: q and flag
  q: r or flag
  r: p
rules:
  - {id: a, when: p, route: high}
)");
  REQUIRE(c.diags.items().size() == 1);
  CHECK(c.diags.items()[0].code == "E026");
  CHECK(c.diags.items()[0].pos.line == 13);  // at the first of them, p (line 13)
}
