#include "triage/check.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "check/cycles.h"
#include "check/languages.h"

namespace triage {
namespace {

bool IsOrdering(const Expr& e) {
  if (e.kind == Expr::Kind::kBetween) return true;
  return e.kind == Expr::Kind::kCompare && e.op != Expr::Op::kEq && e.op != Expr::Op::kNe;
}

class Checker {
 public:
  Checker(RuleSet& rs, Diagnostics& diags) : rs_(rs), diags_(diags) {}

  void Run() {
    CheckNames();
    for (Condition& c : rs_.conditions) {
      if (c.expr) Resolve(*c.expr, false);
    }
    FindConditionCycles(rs_, diags_);
    FindMissingLanguages(rs_, diags_);
    for (Rule& r : rs_.rules) {
      if (r.when) Resolve(*r.when, false);
      if (!r.route.empty()) {
        r.route_index = rs_.FindRoute(r.route);
        if (r.route_index < 0) {
          diags_.Error(r.route_pos, "E024",
                       fmt::format("unknown route '{}'{}", r.route,
                                   DidYouMeanSuffix(r.route, rs_.RouteNames())));
        }
      }
    }
    if (rs_.default_route) {
      rs_.default_route_index = rs_.FindRoute(*rs_.default_route);
      if (rs_.default_route_index < 0) {
        diags_.Error(rs_.default_pos, "E024",
                     fmt::format("unknown route '{}'{}", *rs_.default_route,
                                 DidYouMeanSuffix(*rs_.default_route, rs_.RouteNames())));
      }
    }
    for (Guarantee& g : rs_.guarantees) {
      if (g.that) Resolve(*g.that, true);
    }
  }

 private:
  void CheckNames() {
    std::map<std::string, SourcePos> seen;
    for (const Fact& f : rs_.facts) seen[f.name] = f.pos;
    for (const Condition& c : rs_.conditions) {
      if (auto it = seen.find(c.name); it != seen.end()) {
        diags_.Error(c.pos, "E014",
                     fmt::format("condition '{}' has the name of a fact "
                                 "(line {})",
                                 c.name, it->second.line));
      }
    }
    CheckUnique(rs_.rules, "rule");
    CheckUnique(rs_.guarantees, "guarantee");
  }

  // Ids of rules (or guarantees) used twice: E014 at the second.
  template <typename Items>
  void CheckUnique(const Items& items, const char* what) {
    std::map<std::string, SourcePos> ids;
    for (const auto& item : items) {
      if (item.id.empty()) continue;
      auto [it, inserted] = ids.emplace(item.id, item.pos);
      if (inserted) continue;
      diags_.Error(item.pos, "E014",
                   fmt::format("{} id '{}' is used twice (first at line {})", what, item.id,
                               it->second.line));
    }
  }

  std::vector<std::string> NamesForCondition() const {
    std::vector<std::string> names;
    for (const Fact& f : rs_.facts) {
      if (f.type == FactType::kBool) names.push_back(f.name);
    }
    for (const Condition& c : rs_.conditions) names.push_back(c.name);
    return names;
  }

  std::vector<std::string> AllNames() const {
    std::vector<std::string> names = rs_.FactNames();
    for (const Condition& c : rs_.conditions) names.push_back(c.name);
    return names;
  }

  void Resolve(Expr& e, bool in_guarantee) {
    switch (e.kind) {
      case Expr::Kind::kOr:
      case Expr::Kind::kAnd:
      case Expr::Kind::kNot:
      case Expr::Kind::kImplies:
        for (auto& c : e.children) Resolve(*c, in_guarantee);
        return;
      case Expr::Kind::kBoolLiteral:
        return;
      case Expr::Kind::kName:
        ResolveName(e, in_guarantee);
        return;
      case Expr::Kind::kCompare:
      case Expr::Kind::kIn:
      case Expr::Kind::kBetween:
        ResolveComparison(e, in_guarantee);
        return;
    }
  }

  void ResolveName(Expr& e, bool in_guarantee) {
    if (in_guarantee && (e.name == "route" || e.name == "rule")) {
      diags_.Error(e.name_pos, "E022",
                   fmt::format("'{}' must be compared, as in '{} == ...'", e.name, e.name));
      return;
    }
    if (int f = rs_.FindFact(e.name); f >= 0) {
      const Fact& fact = rs_.facts[f];
      e.target = Expr::Target::kFact;
      e.index = f;
      CheckPersonal(fact, e.name_pos);
      if (fact.type != FactType::kBool) {
        diags_.Error(e.name_pos, "E022",
                     fmt::format("fact '{}' is {}; a condition needs a "
                                 "comparison such as '{} == ...'",
                                 e.name, NameOf(fact.type), e.name));
      }
      return;
    }
    if (int c = rs_.FindCondition(e.name); c >= 0) {
      e.target = Expr::Target::kCondition;
      e.index = c;
      return;
    }
    diags_.Error(e.name_pos, "E021",
                 fmt::format("unknown fact or condition '{}'{}", e.name,
                             DidYouMeanSuffix(e.name, NamesForCondition())));
  }

  void CheckPersonal(const Fact& fact, SourcePos pos) {
    if (!fact.personal) return;
    diags_.Error(pos, "E027",
                 fmt::format("fact '{}' is personal data; a triage decision "
                             "may not depend on it",
                             fact.name));
  }

  void ResolveComparison(Expr& e, bool in_guarantee) {
    if (in_guarantee && (e.name == "route" || e.name == "rule")) {
      ResolveOutcomeComparison(e);
      return;
    }
    int f = rs_.FindFact(e.name);
    if (f < 0) {
      if (rs_.FindCondition(e.name) >= 0) {
        diags_.Error(e.name_pos, "E022",
                     fmt::format("condition '{}' is true or false; use it "
                                 "alone or with 'not', not in a comparison",
                                 e.name));
      } else {
        diags_.Error(
            e.name_pos, "E021",
            fmt::format("unknown fact '{}'{}", e.name, DidYouMeanSuffix(e.name, rs_.FactNames())));
      }
      return;
    }
    e.target = Expr::Target::kFact;
    e.index = f;
    const Fact& fact = rs_.facts[f];
    CheckPersonal(fact, e.name_pos);
    bool ordered = fact.type == FactType::kInt || fact.type == FactType::kNumber ||
                   fact.type == FactType::kDate;
    if (IsOrdering(e) && !ordered) {
      std::string op = e.kind == Expr::Kind::kBetween ? "between" : std::string(NameOf(e.op));
      diags_.Error(e.name_pos, "E022",
                   fmt::format("fact '{}' is {}; '{}' applies to int, number "
                               "and date facts only",
                               e.name, NameOf(fact.type), op));
      return;
    }
    for (Expr::Literal& lit : e.literals) ResolveLiteral(fact, lit);
  }

  void ResolveLiteral(const Fact& fact, Expr::Literal& lit) {
    if (fact.name == lit.text ||
        (!lit.quoted && rs_.FindFact(lit.text) >= 0 && fact.type != FactType::kEnum)) {
      diags_.Error(lit.pos, "E022",
                   fmt::format("'{}' is a fact; comparing two facts is not part "
                               "of the rule language",
                               lit.text));
      return;
    }
    if (std::optional<Value> v = LiteralValue(fact, lit)) lit.value = std::move(*v);
  }

  // The value `lit` stands for as a value of `fact`; nullopt after saying
  // why it cannot be one.
  std::optional<Value> LiteralValue(const Fact& fact, const Expr::Literal& lit) {
    const std::string& t = lit.text;
    // A number may be written with a '+' in a rule (not in a case).
    std::string_view unsigned_text =
        t.size() > 1 && t[0] == '+' ? std::string_view(t).substr(1) : t;
    bool numeric = fact.type == FactType::kInt || fact.type == FactType::kNumber;
    if (std::string why = NumberProblem(t, fact.type == FactType::kInt);
        numeric && !lit.quoted && !why.empty()) {
      diags_.Error(lit.pos, "E022",
                   fmt::format("fact '{}' is {}: {}", fact.name, NameOf(fact.type), why));
      return std::nullopt;
    }
    switch (fact.type) {
      case FactType::kBool:
        if (!lit.quoted && (t == "true" || t == "false")) return Value::Int(t == "true" ? 1 : 0);
        break;
      case FactType::kInt:
        if (auto x = ParseInteger(unsigned_text); x && !lit.quoted) return Value::Int(*x);
        break;
      case FactType::kNumber:
        if (auto x = ParseNumber(unsigned_text); x && std::isfinite(*x) && !lit.quoted) {
          return Value::Num(*x);
        }
        break;
      case FactType::kDate:
        if (lit.quoted || t.size() != 10 || t[4] != '-' || t[7] != '-') break;
        if (auto d = ParseDate(t)) return Value::Int(*d);
        diags_.Error(lit.pos, "E025", fmt::format("'{}' is not a date that exists", t));
        return std::nullopt;
      case FactType::kString:
        if (lit.quoted) return Value::Str(t);
        diags_.Error(lit.pos, "E022",
                     fmt::format("fact '{}' is string, cannot compare with "
                                 "'{}'; quote a text: '{}'",
                                 fact.name, t, t));
        return std::nullopt;
      case FactType::kEnum:
        return EnumValue(fact, lit);
    }
    std::string shown =
        lit.quoted ? fmt::format("the string '{}'", lit.text) : fmt::format("'{}'", lit.text);
    diags_.Error(lit.pos, "E022",
                 fmt::format("fact '{}' is {}, cannot compare with {}", fact.name,
                             NameOf(fact.type), shown));
    return std::nullopt;
  }

  std::optional<Value> EnumValue(const Fact& fact, const Expr::Literal& lit) {
    for (size_t i = 0; i < fact.values.size(); ++i) {
      if (fact.values[i] == lit.text) return Value::Int(static_cast<std::int64_t>(i));
    }
    diags_.Error(lit.pos, "E023",
                 fmt::format("'{}' is not a value of enum fact '{}'{}", lit.text, fact.name,
                             DidYouMeanSuffix(lit.text, fact.values)));
    return std::nullopt;
  }

  void ResolveOutcomeComparison(Expr& e) {
    bool is_route = e.name == "route";
    e.target = is_route ? Expr::Target::kRoute : Expr::Target::kRule;
    if (IsOrdering(e)) {
      diags_.Error(e.name_pos, "E022",
                   fmt::format("'{}' compares with '==', '!=' or 'in' only", e.name));
      return;
    }
    std::vector<std::string> names;
    if (is_route) {
      names = rs_.RouteNames();
    } else {
      for (const Rule& r : rs_.rules) names.push_back(r.id);
    }
    for (Expr::Literal& lit : e.literals) {
      auto it = std::find(names.begin(), names.end(), lit.text);
      if (it == names.end()) {
        diags_.Error(lit.pos, is_route ? "E024" : "E021",
                     fmt::format("unknown {} '{}'{}", is_route ? "route" : "rule", lit.text,
                                 DidYouMeanSuffix(lit.text, names)));
        continue;
      }
      lit.value = Value::Int(it - names.begin());
    }
  }

  RuleSet& rs_;
  Diagnostics& diags_;
};

}  // namespace

void CheckRuleSet(RuleSet& rs, Diagnostics& diags) { Checker(rs, diags).Run(); }

}  // namespace triage
