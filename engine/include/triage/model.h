// The rule model: what a rule file says, with source positions.
//
// Produced by the loader (load.h), completed by the checker (check.h), which
// resolves names and types; read by every later stage. Plain data: no
// behaviour beyond small look-ups.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/assert.h"
#include "triage/diagnostic.h"
#include "triage/names.h"

namespace triage {

enum class FactType { kBool, kInt, kNumber, kEnum, kString, kDate };

/// "bool", "int", ... as written in rule files.
template <>
struct NameTable<FactType> {
  static constexpr std::array<Named<FactType>, 6> kNames = {{
      {FactType::kBool, "bool"},
      {FactType::kInt, "int"},
      {FactType::kNumber, "number"},
      {FactType::kEnum, "enum"},
      {FactType::kString, "string"},
      {FactType::kDate, "date"},
  }};
};

/// A text in one or more languages. A plain string in the rule file is
/// stored with language "".
struct Text {
  std::vector<std::pair<std::string, std::string>> by_lang;

  bool empty() const { return by_lang.empty(); }
  /// The text in `lang`; else the first one given (the file's own language).
  const std::string& Get(std::string_view lang) const;
};

/// What is written where a personal fact's value would be: it never
/// leaves the engine in clear.
inline constexpr std::string_view kNotShown = "(personal data, not shown)";

/// A value of a fact in a case, or a literal in an expression, in the fact's
/// own representation: bool as 0/1 in `i`, int as `i`, number as `d`, enum as
/// the index of the value in `i`, date as days since 1970-01-01 in `i`,
/// string as `s`.
struct Value {
  std::int64_t i = 0;
  double d = 0;
  std::string s;

  static Value Int(std::int64_t v) { return Value{v, 0, {}}; }
  static Value Num(double v) { return Value{0, v, {}}; }
  static Value Str(std::string v) { return Value{0, 0, std::move(v)}; }
};

struct Fact {
  std::string name;
  FactType type = FactType::kBool;
  std::vector<std::string> values;  ///< enum values, in file order
  std::optional<Value> min, max;    ///< inclusive bounds (int, number, date)
  Text label, question, description;
  bool personal = false;
  SourcePos pos;
};

struct Route {
  std::string name;
  Text label, description;
  SourcePos pos;
};

/// An expression node. The loader fills the syntax; the checker resolves
/// names (fact / condition indices) and literal values.
struct Expr {
  enum class Kind {
    kOr,
    kAnd,
    kNot,
    kImplies,  // children
    kName,     // a bare word used as a condition: bool fact or named condition
    kCompare,  // name op literal
    kIn,       // name [not] in [literals]
    kBetween,  // name between lo and hi
    kBoolLiteral,
  };

  enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };
  /// What the name on the left stands for, once the checker has resolved it.
  enum class Target { kUnresolved, kFact, kCondition, kRoute, kRule };

  /// A literal as written: its text, whether it was quoted, where it is.
  struct Literal {
    std::string text;
    bool quoted = false;
    SourcePos pos;
    Value value;  ///< filled by the checker
  };

  Kind kind = Kind::kBoolLiteral;
  SourcePos pos;
  std::vector<std::unique_ptr<Expr>> children;

  // kName, kCompare, kIn, kBetween: the name on the left and what it refers to.
  std::string name;
  SourcePos name_pos;
  Target target = Target::kUnresolved;
  int index = -1;  ///< fact or condition index once resolved

  Op op = Op::kEq;
  bool negated = false;  ///< `not in`
  std::vector<Literal> literals;
  bool bool_value = false;  ///< kBoolLiteral
};

/// The comparison operators as written: "==", "<=" ...
template <>
struct NameTable<Expr::Op> {
  static constexpr std::array<Named<Expr::Op>, 6> kNames = {{
      {Expr::Op::kEq, "=="},
      {Expr::Op::kNe, "!="},
      {Expr::Op::kLt, "<"},
      {Expr::Op::kLe, "<="},
      {Expr::Op::kGt, ">"},
      {Expr::Op::kGe, ">="},
  }};
};

/// The words of the expression language ("and", "or", "not", "in",
/// "between", "implies"): never a fact or a value.
bool IsOperatorWord(std::string_view word);
/// The words no fact, condition or route may be named: the operator words,
/// "true", "false", "route" and "rule" (guarantees) and "case_id" (cases).
bool IsReservedName(std::string_view word);

struct Condition {
  std::string name;
  std::unique_ptr<Expr> expr;
  SourcePos pos;
};

struct Rule {
  std::string id;
  std::unique_ptr<Expr> when;
  std::string route;
  int route_index = -1;  ///< filled by the checker
  Text reason, description;
  std::string source;
  SourcePos pos, route_pos;
};

struct Guarantee {
  std::string id;
  std::unique_ptr<Expr> that;
  Text description;
  SourcePos pos;
};

enum class HitPolicy { kFirst, kUnique, kPriority, kCollect };

template <>
struct NameTable<HitPolicy> {
  static constexpr std::array<Named<HitPolicy>, 4> kNames = {{
      {HitPolicy::kFirst, "first"},
      {HitPolicy::kUnique, "unique"},
      {HitPolicy::kPriority, "priority"},
      {HitPolicy::kCollect, "collect"},
  }};
};

/// A whole rule file.
struct RuleSet {
  std::string file;    ///< as given on the command line
  std::string sha256;  ///< of the file's bytes, lower-case hex
  std::string id, version;
  Text title;
  SourcePos title_pos;
  HitPolicy hit_policy = HitPolicy::kFirst;
  std::vector<Fact> facts;
  std::vector<Route> routes;  ///< in precedence order
  std::vector<Condition> conditions;
  std::vector<Rule> rules;
  std::optional<std::string> default_route;
  int default_route_index = -1;  ///< filled by the checker
  SourcePos default_pos;
  std::vector<Guarantee> guarantees;

  int FindFact(std::string_view name) const;
  int FindRoute(std::string_view name) const;
  int FindCondition(std::string_view name) const;
  std::vector<std::string> FactNames() const;
  std::vector<std::string> RouteNames() const;
  /// The language of the file's texts: the first language code used in any
  /// text ("" when the file only has plain strings).
  std::string DefaultLanguage() const;
  /// Every language code its texts use, the default first, then in the
  /// order they first appear (empty when it only has plain strings).
  std::vector<std::string> Languages() const;
  /// Where a text is: which part ("label") of what ("fact" 'doxing'; the
  /// kind empty for the file's title), and where that owner is written.
  struct TextPlace {
    std::string_view part, kind, name;
    SourcePos pos;
    /// "the question of fact 'doxing'", "the title".
    std::string Describe() const;
  };
  /// Calls `visit` for each text a user reads (title; facts' labels,
  /// questions and descriptions; routes' labels and descriptions; rules'
  /// reasons and descriptions; guarantees' descriptions), with its place.
  void ForEachText(const std::function<void(const Text&, const TextPlace&)>& visit) const;
};

/// The facts expression `e` of `rs` reads, through named conditions too:
/// fact indices, sorted, each once.
std::vector<int> FactsRead(const RuleSet& rs, const Expr& e);

/// Literals as rule files and case files write them, the whole text or
/// nothing: a decimal integer ("-3"; no '+', no spaces), a decimal number
/// ("2.5", "1e3", also "inf" and "nan": callers that need a finite number
/// check), a date that exists (YYYY-MM-DD, as days since 1970-01-01).
/// nullopt for anything else, out of range included.
std::optional<std::int64_t> ParseInteger(std::string_view text);
std::optional<double> ParseNumber(std::string_view text);
std::optional<std::int64_t> ParseDate(std::string_view text);
/// YYYY-MM-DD for days since 1970-01-01.
std::string FormatDate(std::int64_t days);

/// A date as case files may write it (rule files take ParseDate's only):
/// YYYY-MM-DD, or day first as written in Dutch, D-M-YYYY with a day and
/// month of one or two digits (19-4-2025, 19-04-2025). nullopt for anything
/// else; then `why`, when given, says what is wrong with a text that has the
/// shape of a date ("February 2025 has 28 days", "there is no month 13",
/// "'/' is not read, ...") and is left empty for any other text; `why_nl`
/// says the same in Dutch.
std::optional<std::int64_t> ParseCaseDate(std::string_view text, std::string* why = nullptr,
                                          std::string* why_nl = nullptr);

/// The words for yes and no in the languages rule files write, which case
/// files may use for a bool fact (`ja`/`nee` in a Dutch rule set): one table,
/// for reading booleans and for writing them.
struct YesNoWords {
  std::string_view lang, yes, no;
};
inline constexpr std::array<YesNoWords, 2> kYesNoWords = {{
    {"en", "yes", "no"},
    {"nl", "ja", "nee"},
}};

/// A boolean as case files may write it: true or false, or the yes or no
/// word of one of `languages` (see kYesNoWords), in any case ("Ja", "TRUE").
std::optional<bool> ParseCaseBool(std::string_view text, const std::vector<std::string>& languages);

/// What ParseCaseBool accepts, for messages: "true or false (or ja/nee, yes/no)";
/// `said_in` "nl": "true of false (of ja/nee, yes/no)".
std::string CaseBoolChoices(const std::vector<std::string>& languages,
                            std::string_view said_in = "en");

/// `text` safe to show on a terminal or in a log line: control characters
/// (newline, ESC, BEL, CR, DEL) and bytes that are not UTF-8 written as
/// \xNN, the C1 controls (U+0080 to U+009F, which some terminals obey) as
/// \u0080, so that no input can forge a line or move the cursor, and what
/// comes out is UTF-8.
std::string Printable(std::string_view text);

/// `text` cut to at most `max` bytes (at a character's start), with
/// "... (N bytes more)" after it when it was cut: for messages that echo
/// what they are about.
std::string Shortened(std::string_view text, std::size_t max);

/// The length of the well-formed UTF-8 character at text[i] (1 for ASCII),
/// or 0 when the bytes there are not one (RFC 3629: no overlong forms,
/// surrogates or code points past U+10FFFF).
std::size_t Utf8Length(std::string_view text, std::size_t i);

/// The offset of the first byte of `text` that is not part of well-formed
/// UTF-8, or npos when it is all UTF-8.
std::size_t FindInvalidUtf8(std::string_view text);

/// Why the number `text`, as a rule file writes it, is refused, or "": a
/// leading zero (042: YAML 1.1 and many readers take it for octal), an
/// integer out of the 64-bit range. The message says what to write.
std::string NumberProblem(std::string_view text, bool integer);

/// The message for an integer out of the 64-bit range.
std::string OutOfRangeText(std::string_view digits);

/// `text` without the spaces, tabs and carriage returns around it.
std::string_view TrimSpaces(std::string_view text);

/// A fact's value for people: true, 42, 2.5, aangifte, 'text', 2024-01-31.
/// (Masking personal facts is the caller's: this shows any value.)
std::string ValueText(const Fact& fact, const Value& v);

}  // namespace triage
