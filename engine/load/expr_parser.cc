#include "load/expr_parser.h"

#include <cctype>

#include <fmt/format.h>

#include "triage/limits.h"

namespace triage {
namespace {

constexpr int kMaxNesting = kMaxExpressionNesting;

struct Token {
  enum class Kind { kWord, kString, kOp, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;
  size_t offset = 0;
};

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == '+' || static_cast<unsigned char>(c) >= 0x80;
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<SourcePos>& positions, bool allow_implies,
         Diagnostics& diags)
      : text_(text), positions_(positions), allow_implies_(allow_implies), diags_(diags) {}

  std::unique_ptr<Expr> Parse() {
    if (!Tokenize()) return nullptr;
    if (tokens_.size() == 1) {
      Fail(tokens_[0], "empty expression");
      return nullptr;
    }
    auto e = ParseImplies();
    if (!e) return nullptr;
    if (Peek().kind != Token::Kind::kEnd) {
      Fail(Peek(), fmt::format("unexpected '{}'; expected 'and', 'or' or the "
                               "end of the expression",
                               Peek().text));
      return nullptr;
    }
    return e;
  }

 private:
  SourcePos PosAt(size_t offset) const {
    if (positions_.empty()) return {};
    if (offset >= positions_.size()) {
      SourcePos p = positions_.back();
      p.column += 1;
      return p;
    }
    return positions_[offset];
  }

  void Fail(const Token& t, std::string message) {
    if (failed_) return;
    failed_ = true;
    diags_.Error(PosAt(t.offset), "E020", std::move(message));
  }

  bool Tokenize() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++i;
        continue;
      }
      Token t;
      t.offset = i;
      if (c == '\'' || c == '"') {
        t.kind = Token::Kind::kString;
        size_t j = i + 1;
        while (j < text_.size() && text_[j] != c) {
          if (text_[j] == '\\' && j + 1 < text_.size()) ++j;
          t.text += text_[j];
          ++j;
        }
        if (j >= text_.size()) {
          diags_.Error(PosAt(i), "E020", "unterminated string literal");
          failed_ = true;
          return false;
        }
        i = j + 1;
      } else if (c == '=' || c == '!' || c == '<' || c == '>') {
        t.kind = Token::Kind::kOp;
        if (i + 1 < text_.size() && text_[i + 1] == '=') {
          t.text = text_.substr(i, 2);
          i += 2;
        } else if (c == '<' || c == '>') {
          t.text = std::string(1, c);
          ++i;
        } else {
          diags_.Error(PosAt(i), "E020", fmt::format("unexpected '{}'; did you mean '{}='?", c, c));
          failed_ = true;
          return false;
        }
      } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
        t.kind = Token::Kind::kOp;
        t.text = std::string(1, c);
        ++i;
      } else if (IsWordChar(c)) {
        t.kind = Token::Kind::kWord;
        size_t j = i;
        while (j < text_.size() && IsWordChar(text_[j])) ++j;
        t.text = text_.substr(i, j - i);
        i = j;
      } else {
        diags_.Error(PosAt(i), "E020", fmt::format("unexpected character '{}'", c));
        failed_ = true;
        return false;
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.offset = text_.size();
    end.text = "end of expression";
    tokens_.push_back(end);
    return true;
  }

  const Token& Peek(size_t ahead = 0) const {
    size_t k = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[k];
  }
  bool IsKeyword(const Token& t, std::string_view kw) const {
    return t.kind == Token::Kind::kWord && t.text == kw;
  }
  bool IsOp(const Token& t, std::string_view op) const {
    return t.kind == Token::Kind::kOp && t.text == op;
  }

  std::unique_ptr<Expr> Binary(Expr::Kind kind, std::unique_ptr<Expr> lhs,
                               std::unique_ptr<Expr> rhs, const Token& at) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = PosAt(at.offset);
    e->children.push_back(std::move(lhs));
    e->children.push_back(std::move(rhs));
    return e;
  }

  std::unique_ptr<Expr> ParseImplies() {
    auto lhs = ParseOr();
    if (!lhs) return nullptr;
    if (IsKeyword(Peek(), "implies")) {
      const Token& t = Peek();
      if (!allow_implies_) {
        Fail(t, "'implies' is only allowed in guarantees");
        return nullptr;
      }
      ++pos_;
      auto rhs = ParseOr();
      if (!rhs) return nullptr;
      if (IsKeyword(Peek(), "implies")) {
        Fail(Peek(), "chained 'implies' is ambiguous; use parentheses");
        return nullptr;
      }
      return Binary(Expr::Kind::kImplies, std::move(lhs), std::move(rhs), t);
    }
    return lhs;
  }

  std::unique_ptr<Expr> ParseOr() {
    auto lhs = ParseAnd();
    while (lhs && IsKeyword(Peek(), "or")) {
      const Token& t = tokens_[pos_++];
      auto rhs = ParseAnd();
      if (!rhs) return nullptr;
      lhs = Binary(Expr::Kind::kOr, std::move(lhs), std::move(rhs), t);
    }
    return lhs;
  }

  std::unique_ptr<Expr> ParseAnd() {
    auto lhs = ParseUnary();
    while (lhs && IsKeyword(Peek(), "and")) {
      const Token& t = tokens_[pos_++];
      auto rhs = ParseUnary();
      if (!rhs) return nullptr;
      lhs = Binary(Expr::Kind::kAnd, std::move(lhs), std::move(rhs), t);
    }
    return lhs;
  }

  std::unique_ptr<Expr> ParseUnary() {
    if (++depth_ > kMaxNesting) {
      Fail(Peek(), fmt::format("expression nested deeper than {} levels", kMaxNesting));
      return nullptr;
    }
    std::unique_ptr<Expr> result;
    if (IsKeyword(Peek(), "not")) {
      const Token& t = tokens_[pos_++];
      auto operand = ParseUnary();
      if (operand) {
        result = std::make_unique<Expr>();
        result->kind = Expr::Kind::kNot;
        result->pos = PosAt(t.offset);
        result->children.push_back(std::move(operand));
      }
    } else {
      result = ParseCompare();
    }
    --depth_;
    return result;
  }

  bool IsLiteralToken(const Token& t) const {
    if (t.kind == Token::Kind::kString) return true;
    if (t.kind != Token::Kind::kWord || IsOperatorWord(t.text)) return false;
    char c = t.text[0];
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.' ||
           t.text == "true" || t.text == "false";
  }

  std::optional<Expr::Literal> ParseLiteral(std::string_view what) {
    const Token& t = Peek();
    if (t.kind == Token::Kind::kString ||
        (t.kind == Token::Kind::kWord && !IsOperatorWord(t.text))) {
      ++pos_;
      return Expr::Literal{t.text, t.kind == Token::Kind::kString, PosAt(t.offset), {}};
    }
    Fail(t, fmt::format("expected {} but found '{}'", what, t.text));
    return std::nullopt;
  }

  // An operand, with the comparison that follows it if any.
  std::unique_ptr<Expr> ParseCompare() {
    const Token& first = Peek();
    if (IsOp(first, "(")) return ParseParenthesised();
    if (first.kind == Token::Kind::kEnd) {
      Fail(first, "expected a condition but the expression ends here");
      return nullptr;
    }
    if (first.kind == Token::Kind::kOp || IsOperatorWord(first.text)) {
      Fail(first, fmt::format("expected a fact or condition but found '{}'", first.text));
      return nullptr;
    }
    auto e = std::make_unique<Expr>();
    e->pos = PosAt(first.offset);
    bool compared = Peek(1).kind == Token::Kind::kOp && IsCompareOp(Peek(1).text);
    if (IsLiteralToken(first) && compared && Peek(2).kind == Token::Kind::kWord &&
        !IsLiteralToken(Peek(2))) {
      return ParseFlipped(std::move(e));
    }
    if (first.kind == Token::Kind::kWord && (first.text == "true" || first.text == "false") &&
        !compared) {
      ++pos_;
      e->kind = Expr::Kind::kBoolLiteral;
      e->bool_value = first.text == "true";
      return e;
    }
    if (first.kind == Token::Kind::kString || IsLiteralToken(first)) {
      Fail(first, fmt::format("expected a fact or condition but found the "
                              "value '{}'",
                              first.text));
      return nullptr;
    }
    ++pos_;
    e->name = first.text;
    e->name_pos = PosAt(first.offset);
    const Token& next = Peek();
    if (next.kind == Token::Kind::kOp && IsCompareOp(next.text)) {
      ++pos_;
      e->kind = Expr::Kind::kCompare;
      e->op = ToOp(next.text);
      auto lit = ParseLiteral("a value");
      if (!lit) return nullptr;
      e->literals.push_back(std::move(*lit));
      return e;
    }
    bool negated = IsKeyword(next, "not") && IsKeyword(Peek(1), "in");
    if (negated) ++pos_;
    if (IsKeyword(Peek(), "in")) return ParseIn(std::move(e), negated);
    if (IsKeyword(Peek(), "between")) return ParseBetween(std::move(e));
    e->kind = Expr::Kind::kName;
    return e;
  }

  // "(" expr ")"
  std::unique_ptr<Expr> ParseParenthesised() {
    ++pos_;
    auto inner = ParseImplies();
    if (!inner) return nullptr;
    if (!IsOp(Peek(), ")")) {
      Fail(Peek(), fmt::format("expected ')' but found '{}'", Peek().text));
      return nullptr;
    }
    ++pos_;
    return inner;
  }

  // `literal op fact`, read as `fact op' literal`.
  std::unique_ptr<Expr> ParseFlipped(std::unique_ptr<Expr> e) {
    const Token& first = Peek();
    Expr::Literal lit{first.text, first.kind == Token::Kind::kString, PosAt(first.offset), {}};
    std::string op = Peek(1).text;
    const Token& name = Peek(2);
    pos_ += 3;
    e->kind = Expr::Kind::kCompare;
    e->name = name.text;
    e->name_pos = PosAt(name.offset);
    e->op = Flip(ToOp(op));
    e->literals.push_back(std::move(lit));
    return e;
  }

  // name ["not"] "in" "[" literal ("," literal)* "]", after the name.
  std::unique_ptr<Expr> ParseIn(std::unique_ptr<Expr> e, bool negated) {
    ++pos_;
    e->kind = Expr::Kind::kIn;
    e->negated = negated;
    if (!IsOp(Peek(), "[")) {
      // `in 3..10`, as some languages write a range.
      std::string_view text = Peek().text;
      std::size_t dots = text.find("..");
      if (dots != std::string_view::npos && dots > 0) {
        Fail(Peek(), fmt::format("'in {}' is not a range here: write '{} between {} and {}', or "
                                 "the values in a list, 'in [a, b, c]'",
                                 text, e->name, text.substr(0, dots), text.substr(dots + 2)));
        return nullptr;
      }
      Fail(Peek(), fmt::format("expected '[' after 'in' but found '{}': the values go in a "
                               "list, 'in [a, b, c]'",
                               text));
      return nullptr;
    }
    ++pos_;
    while (true) {
      auto lit = ParseLiteral("a value");
      if (!lit) return nullptr;
      e->literals.push_back(std::move(*lit));
      if (IsOp(Peek(), ",")) {
        ++pos_;
        continue;
      }
      if (IsOp(Peek(), "]")) {
        ++pos_;
        return e;
      }
      Fail(Peek(), fmt::format("expected ',' or ']' but found '{}'", Peek().text));
      return nullptr;
    }
  }

  // name "between" literal "and" literal, after the name.
  std::unique_ptr<Expr> ParseBetween(std::unique_ptr<Expr> e) {
    ++pos_;
    e->kind = Expr::Kind::kBetween;
    auto lo = ParseLiteral("a value");
    if (!lo) return nullptr;
    if (!IsKeyword(Peek(), "and")) {
      Fail(Peek(), fmt::format("expected 'and' in 'between' but found '{}'", Peek().text));
      return nullptr;
    }
    ++pos_;
    auto hi = ParseLiteral("a value");
    if (!hi) return nullptr;
    e->literals.push_back(std::move(*lo));
    e->literals.push_back(std::move(*hi));
    return e;
  }

  static bool IsCompareOp(std::string_view s) { return ValueNamed<Expr::Op>(s).has_value(); }
  static Expr::Op ToOp(std::string_view s) { return *ValueNamed<Expr::Op>(s); }
  static Expr::Op Flip(Expr::Op op) {
    switch (op) {
      case Expr::Op::kEq:
      case Expr::Op::kNe:
        return op;
      case Expr::Op::kLt:
        return Expr::Op::kGt;
      case Expr::Op::kLe:
        return Expr::Op::kGe;
      case Expr::Op::kGt:
        return Expr::Op::kLt;
      case Expr::Op::kGe:
        return Expr::Op::kLe;
    }
    TRIAGE_UNREACHABLE();
  }

  std::string text_;
  const std::vector<SourcePos>& positions_;
  bool allow_implies_;
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<Expr> ParseExpr(std::string_view text, const std::vector<SourcePos>& positions,
                                bool allow_implies, Diagnostics& diags) {
  if (text.size() > kMaxExpressionBytes) {
    diags.Error(positions.empty() ? SourcePos{} : positions.front(), "E031",
                fmt::format("an expression of {} bytes; the most an expression may be is {}",
                            text.size(), BytesText(kMaxExpressionBytes)));
    return nullptr;
  }
  return Parser(text, positions, allow_implies, diags).Parse();
}

}  // namespace triage
