// The expression parser: text into a tree, and every syntax error at the
// word it is about.
#include "load/expr_parser.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace triage;

namespace {

// The tree in prefix form: (and a (>= n 3)), literals quoted as written.
std::string Show(const Expr& e) {
  auto lits = [&] {
    std::string out;
    for (const Expr::Literal& l : e.literals) {
      out += " " + (l.quoted ? "'" + l.text + "'" : l.text);
    }
    return out;
  };
  switch (e.kind) {
    case Expr::Kind::kOr:
    case Expr::Kind::kAnd:
    case Expr::Kind::kImplies: {
      const char* op = e.kind == Expr::Kind::kOr    ? "or"
                       : e.kind == Expr::Kind::kAnd ? "and"
                                                    : "implies";
      return fmt::format("({} {} {})", op, Show(*e.children[0]), Show(*e.children[1]));
    }
    case Expr::Kind::kNot:
      return "(not " + Show(*e.children[0]) + ")";
    case Expr::Kind::kName:
      return e.name;
    case Expr::Kind::kCompare:
      return fmt::format("({} {}{})", NameOf(e.op), e.name, lits());
    case Expr::Kind::kIn:
      return fmt::format("({} {}{})", e.negated ? "not-in" : "in", e.name, lits());
    case Expr::Kind::kBetween:
      return fmt::format("(between {}{})", e.name, lits());
    case Expr::Kind::kBoolLiteral:
      return e.bool_value ? "true" : "false";
  }
  return "?";
}

std::vector<SourcePos> Columns(std::string_view text) {
  std::vector<SourcePos> at;
  for (size_t i = 0; i < text.size(); ++i) at.push_back({1, static_cast<int>(i) + 1});
  return at;
}

}  // namespace

TEST_CASE("expressions: precedence, operators and literals") {
  struct Case {
    const char* text;
    const char* tree;
  };
  const Case cases[] = {
      {"a", "a"},
      {"a and b or c", "(or (and a b) c)"},
      {"a or b and c", "(or a (and b c))"},
      {"not a and b", "(and (not a) b)"},
      {"not (a or b)", "(not (or a b))"},
      {"n >= 10", "(>= n 10)"},
      {"10 <= n", "(>= n 10)"},  // a literal first is read the other way round
      {"n != -3", "(!= n -3)"},
      {"role in [burgemeester, wethouder]", "(in role burgemeester wethouder)"},
      {"role not in ['x y']", "(not-in role 'x y')"},
      {"d between 2024-01-01 and 2024-12-31", "(between d 2024-01-01 2024-12-31)"},
      {"true", "true"},
      {"a == false", "(== a false)"},
      {"name == \"Utrecht\"", "(== name 'Utrecht')"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Diagnostics diags;
    std::unique_ptr<Expr> e = ParseExpr(c.text, Columns(c.text), false, diags);
    REQUIRE(e);
    CHECK(diags.items().empty());
    CHECK(Show(*e) == c.tree);
  }
}

TEST_CASE("expressions: 'implies' in guarantees only, and never chained") {
  Diagnostics diags;
  std::unique_ptr<Expr> e =
      ParseExpr("route == om implies a", Columns("route == om implies a"), true, diags);
  REQUIRE(e);
  CHECK(Show(*e) == "(implies (== route om) a)");
  struct Case {
    const char* text;
    bool allow_implies;
    const char* message;
    int column;
  };
  const Case refused[] = {
      {"a implies b", false, "'implies' is only allowed in guarantees", 3},
      {"a implies b implies c", true, "chained 'implies' is ambiguous; use parentheses", 13},
  };
  for (const Case& c : refused) {
    INFO(c.text);
    Diagnostics d;
    CHECK_FALSE(ParseExpr(c.text, Columns(c.text), c.allow_implies, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message == c.message);
    CHECK(d.items()[0].pos.column == c.column);
  }
}

TEST_CASE("expressions: a syntax error names what was expected, at the word") {
  struct Case {
    const char* text;
    const char* message;
    int column;
  };
  const Case cases[] = {
      {"", "empty expression", 0},  // no text, so no position inside it
      {"a and", "expected a condition but the expression ends here", 6},
      {"a b", "unexpected 'b'; expected 'and', 'or' or the end of the expression", 3},
      {"(a or b", "expected ')' but found 'end of expression'", 8},
      {"and a", "expected a fact or condition but found 'and'", 1},
      {"'x' and a", "expected a fact or condition but found the value 'x'", 1},
      {"n = 3", "unexpected '='; did you mean '=='?", 3},
      {"e in x", "expected '[' after 'in' but found 'x': the values go in a list, 'in [a, b, c]'",
       6},
      {"n in 3..10",
       "'in 3..10' is not a range here: write 'n between 3 and 10', or the values "
       "in a list, 'in [a, b, c]'",
       6},
      {"e in [a b]", "expected ',' or ']' but found 'b'", 9},
      {"n between 1 or 3", "expected 'and' in 'between' but found 'or'", 13},
      {"name == 'open", "unterminated string literal", 9},
      {"a & b", "unexpected character '&'", 3},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Diagnostics diags;
    CHECK_FALSE(ParseExpr(c.text, Columns(c.text), false, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == "E020");
    CHECK(diags.items()[0].message == c.message);
    CHECK(diags.items()[0].pos.column == c.column);
  }
}

TEST_CASE("expressions: nesting is bounded") {
  std::string deep = "a";
  for (int i = 0; i < 100; ++i) deep = "(" + deep + ")";
  Diagnostics diags;
  CHECK_FALSE(ParseExpr(deep, Columns(deep), false, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "expression nested deeper than 64 levels");
}
