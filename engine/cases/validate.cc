// Typing raw cases against the fact schema.
#include "triage/cases.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cases/said.h"
#include "load/strict_yaml.h"
#include "triage/limits.h"

namespace triage {
namespace {

// A problem with `fact`, in both languages.
CaseProblem Problem(std::string fact, said::Said message) {
  return {std::move(fact), std::move(message.en), 0, std::move(message.nl)};
}

std::string Describe(const RawValue& v) {
  switch (v.kind) {
    case RawValue::Kind::kNull:
      return "null";
    case RawValue::Kind::kBool:
      return v.b ? "true" : "false";
    case RawValue::Kind::kInt:
      return fmt::format("{}", v.i);
    case RawValue::Kind::kNumber:
      // 5.0 stays 5.0, so that "must be an integer" reads right.
      if (std::isfinite(v.d) && v.d == std::floor(v.d) && std::fabs(v.d) < 1e15) {
        return fmt::format("{:.1f}", v.d);
      }
      return fmt::format("{}", v.d);
    case RawValue::Kind::kString:
    case RawValue::Kind::kText:
      return fmt::format("'{}'", v.s);
    case RawValue::Kind::kOther:
      return v.s;
  }
  TRIAGE_UNREACHABLE();
}

// A CSV cell typed by the fact it fills: what JSON would have said. Spaces
// around it are dropped (`Z-1; ja`, as people type a list), except for a
// text fact, whose value is the cell as it is.
RawValue Typed(const RawValue& v, FactType type) {
  if (v.kind != RawValue::Kind::kText) return v;
  RawValue out;
  out.kind = RawValue::Kind::kString;
  out.s = v.s;
  if (type != FactType::kString) out.s = std::string(TrimSpaces(out.s));
  const std::string& t = out.s;
  switch (type) {
    case FactType::kInt:
    case FactType::kNumber:
      if (std::optional<std::int64_t> i = ParseInteger(t)) {
        out.kind = RawValue::Kind::kInt;
        out.i = *i;
      } else if (std::optional<double> d = ParseNumber(t)) {
        out.kind = RawValue::Kind::kNumber;
        out.d = *d;
        out.out_of_range = !NumberProblem(t, true).empty();
      }
      return out;
    case FactType::kBool:  // true, false and yes/no words: Validator::Bool
    case FactType::kEnum:
    case FactType::kString:
    case FactType::kDate:
      return out;
  }
  return out;
}

const char* KindName(const RawValue& v) {
  switch (v.kind) {
    case RawValue::Kind::kNull:
      return "null";
    case RawValue::Kind::kBool:
      return "a boolean";
    case RawValue::Kind::kInt:
      return "an integer";
    case RawValue::Kind::kNumber:
      return "a number";
    case RawValue::Kind::kString:
    case RawValue::Kind::kText:
      return "a string";
    case RawValue::Kind::kOther:
      return v.s.c_str();
  }
  TRIAGE_UNREACHABLE();
}

// What validating one case needs to know about its rule set beyond a fact:
// the languages whose yes/no words a bool fact takes, found only when a
// case writes a word (most write true or false).
class Schema {
 public:
  explicit Schema(const RuleSet& rs) : rs_(rs) {}
  const std::vector<std::string>& Languages() {
    if (!languages_) languages_ = rs_.Languages();
    return *languages_;
  }

 private:
  const RuleSet& rs_;
  std::optional<std::vector<std::string>> languages_;
};

class Validator {
 public:
  Validator(const Fact& fact, Schema& schema, std::vector<CaseProblem>& problems)
      : fact_(fact), schema_(schema), problems_(problems) {}

  std::optional<Value> Run(const RawValue& raw) {
    if (raw.kind == RawValue::Kind::kNull) return std::nullopt;
    switch (fact_.type) {
      case FactType::kBool:
        return Bool(raw);
      case FactType::kInt:
        if (raw.kind == RawValue::Kind::kInt) return Bounded(Value::Int(raw.i));
        if (raw.out_of_range) {
          Problem(said::IntOutOfRange(fact_.name, fact_.personal ? kNotShown : raw.s));
          return std::nullopt;
        }
        return WrongType(raw, said::Wanted("an integer", "een geheel getal"));
      case FactType::kNumber:
        return Number(raw);
      case FactType::kEnum:
        return Enum(raw);
      case FactType::kString:
        if (raw.yaml11_bool) return Ambiguous(raw);
        if (raw.kind == RawValue::Kind::kString) return Value::Str(raw.s);
        return WrongType(raw, said::Wanted("a string", "een tekst"));
      case FactType::kDate:
        return Date(raw);
    }
    TRIAGE_UNREACHABLE();
  }

 private:
  std::optional<Value> Bool(const RawValue& raw) {
    if (raw.kind == RawValue::Kind::kBool) return Value::Int(raw.b ? 1 : 0);
    if (raw.yaml11_bool) return Value::Int(*yaml::Yaml11Bool(raw.s) ? 1 : 0);
    if (raw.kind == RawValue::Kind::kString || raw.kind == RawValue::Kind::kText) {
      // true and false need no languages: most cells are one of them.
      if (std::optional<bool> b = ParseCaseBool(raw.s, {})) return Value::Int(*b ? 1 : 0);
      if (std::optional<bool> b = ParseCaseBool(raw.s, schema_.Languages())) {
        return Value::Int(*b ? 1 : 0);
      }
    }
    return WrongType(raw, said::BoolWanted(schema_.Languages()));
  }

  std::optional<Value> Number(const RawValue& raw) {
    double d = 0;
    if (raw.kind == RawValue::Kind::kInt) {
      d = static_cast<double>(raw.i);
    } else if (raw.kind == RawValue::Kind::kNumber) {
      d = raw.d;
    } else {
      return WrongType(raw, said::Wanted("a number", "een getal"));
    }
    if (!std::isfinite(d)) {
      Problem(said::NotFinite(fact_.name, Shown(raw)));
      return std::nullopt;
    }
    return Bounded(Value::Num(d));
  }

  std::optional<Value> Enum(const RawValue& raw) {
    if (raw.yaml11_bool) return Ambiguous(raw);
    // An enum whose values look like numbers may be given as numbers.
    std::string text = raw.s;
    if (raw.kind == RawValue::Kind::kInt) {
      text = fmt::format("{}", raw.i);
    } else if (raw.kind != RawValue::Kind::kString) {
      return WrongType(raw, said::Wanted("one of its values", "een van zijn waarden"));
    }
    for (size_t i = 0; i < fact_.values.size(); ++i) {
      if (fact_.values[i] == text) return Value::Int(static_cast<std::int64_t>(i));
    }
    Problem(fact_.personal ? said::NotAValuePersonal(fact_.name)
                           : said::NotAValue(fact_.name, text, fact_.values));
    return std::nullopt;
  }

  std::optional<Value> Date(const RawValue& raw) {
    if (raw.kind != RawValue::Kind::kString && raw.kind != RawValue::Kind::kText) {
      return WrongType(raw, said::DateWanted());
    }
    said::Said why;
    std::optional<std::int64_t> days = ParseCaseDate(raw.s, &why.en, &why.nl);
    if (days) return Bounded(Value::Int(*days));
    if (fact_.personal) {
      // Even the reason would tell something of the date.
      Problem(said::NotADatePersonal(fact_.name));
    } else if (why.en.empty()) {
      Problem(said::NotADate(fact_.name, Describe(raw)));
    } else {
      Problem(said::DateThatIsNot(fact_.name, Describe(raw), why));
    }
    return std::nullopt;
  }

  // A plain YAML yes/no/on/off for a fact that is not bool: YAML 1.1
  // readers would have made it a boolean, so it is not taken as text.
  std::optional<Value> Ambiguous(const RawValue& raw) {
    Problem(said::Ambiguous(fact_.name, fact_.type,
                            fact_.personal ? std::string(kNotShown) : "'" + raw.s + "'"));
    return std::nullopt;
  }

  std::string Shown(const RawValue& raw) const {
    if (fact_.personal) return std::string(kNotShown);
    return Describe(raw);
  }

  void Problem(said::Said message) {
    problems_.push_back(triage::Problem(fact_.name, std::move(message)));
  }

  std::optional<Value> WrongType(const RawValue& raw, const said::Said& want) {
    std::string described = Describe(raw);
    Problem(said::WrongType(
        fact_.name, fact_.type, want,
        fact_.personal ? said::KindName(KindName(raw)) : said::Said{described, described}));
    return std::nullopt;
  }

  std::optional<Value> Bounded(const Value& v) {
    return InBounds(v) ? std::optional<Value>(v) : std::nullopt;
  }

  bool InBounds(const Value& v) {
    auto below = [&](const Value& bound) {
      return fact_.type == FactType::kNumber ? v.d < bound.d : v.i < bound.i;
    };
    auto above = [&](const Value& bound) {
      return fact_.type == FactType::kNumber ? v.d > bound.d : v.i > bound.i;
    };
    std::string shown = fact_.personal ? std::string(kNotShown) : ValueText(fact_, v);
    if (fact_.min && below(*fact_.min)) {
      Problem(said::BelowMinimum(fact_.name, shown, ValueText(fact_, *fact_.min)));
      return false;
    }
    if (fact_.max && above(*fact_.max)) {
      Problem(said::AboveMaximum(fact_.name, shown, ValueText(fact_, *fact_.max)));
      return false;
    }
    return true;
  }

  const Fact& fact_;
  Schema& schema_;
  std::vector<CaseProblem>& problems_;
};

// "unknown fact 'rol'; did you mean 'role'? (facts: role, instrument, ...)":
// the list lets someone who wrote a column by guess see what the names are.
CaseProblem UnknownFact(const RuleSet& rs, const std::string& key) {
  constexpr size_t kListed = 20;
  std::vector<std::string> names = rs.FactNames();
  std::string list;
  for (size_t i = 0; i < names.size() && i < kListed; ++i) {
    list += (i ? ", " : "") + names[i];
  }
  std::size_t more = names.size() > kListed ? names.size() - kListed : 0;
  names.push_back("case_id");
  return Problem(key, said::UnknownFact(key, DidYouMean(key, names), list, more));
}

// A kept key's value as text, as written; false (with a problem) when it
// is a list or a map.
bool KeptText(const std::string& key, const RawValue& v, std::optional<std::string>& out,
              std::vector<CaseProblem>& problems) {
  switch (v.kind) {
    case RawValue::Kind::kNull:
      out.reset();
      return true;
    case RawValue::Kind::kBool:
      out = v.b ? "true" : "false";
      return true;
    case RawValue::Kind::kInt:
      out = v.s.empty() ? fmt::format("{}", v.i) : v.s;
      return true;
    case RawValue::Kind::kNumber:
      out = fmt::format("{}", v.d);
      return true;
    case RawValue::Kind::kString:
    case RawValue::Kind::kText:
      out = v.s;
      return true;
    case RawValue::Kind::kOther:
      problems.push_back(Problem(key, said::KeptNotSingle(key, v.s)));
      return false;
  }
  TRIAGE_UNREACHABLE();
}

}  // namespace

std::string CaseProblemText(const CaseProblem& p, std::string_view lang) {
  const std::string& message = p.In(lang);
  std::string text = p.fact.empty() ? message : fmt::format("{}: {}", p.fact, message);
  if (p.column > 0) text += fmt::format(" ({} {})", lang == "nl" ? "kolom" : "column", p.column);
  return text;
}

namespace {

void CaseId(const RawValue& value, Case& c, std::vector<CaseProblem>& problems) {
  if (value.kind == RawValue::Kind::kString || value.kind == RawValue::Kind::kText) {
    c.id = value.s;
  } else if (value.kind == RawValue::Kind::kInt || value.out_of_range) {
    // As written: a long number is an id, not an amount.
    c.id = value.s.empty() ? fmt::format("{}", value.i) : value.s;
  } else if (value.kind != RawValue::Kind::kNull) {
    problems.push_back(Problem("case_id", said::CaseIdKind()));
  }
}

// What no key or text in a case may be, whatever the fact: too long, or
// holding a NUL character (which C strings and terminals cut at). "" when
// the field is fine. The value is never shown: it may be personal.
said::Said FieldProblem(const std::string& key, const RawValue& value) {
  if (key.size() > kMaxKeyBytes) {
    return said::KeyTooLong(key.size(), Printable(Shortened(key, 40)));
  }
  if (key.find('\0') != std::string::npos) return said::KeyHoldsNul();
  bool text = value.kind == RawValue::Kind::kString || value.kind == RawValue::Kind::kText;
  if (!text) return {};
  if (value.s.size() > kMaxTextBytes) return said::ValueTooLong(value.s.size());
  if (value.s.find('\0') != std::string::npos) return said::ValueHoldsNul();
  return {};
}

}  // namespace

Case ValidateCase(const RuleSet& rs, const RawCase& raw, const CaseOptions& options,
                  std::vector<CaseProblem>& problems) {
  Case c;
  c.values.resize(rs.facts.size());
  c.kept.resize(options.keep.size());
  if (!raw.error.empty()) {
    problems.push_back({"", raw.error, raw.error_column, raw.error_nl});
    return c;
  }
  Schema schema(rs);
  std::vector<bool> seen(rs.facts.size() + options.keep.size(), false);
  bool id_seen = false;
  for (size_t k = 0; k < raw.fields.size(); ++k) {
    const std::string& key = raw.fields[k].first;
    const RawValue& value = raw.fields[k].second;
    size_t first_problem = problems.size();
    int column = k < raw.columns.size() ? raw.columns[k] : 0;
    // Problems found for this field carry its CSV column.
    struct Column {
      std::vector<CaseProblem>& problems;
      size_t from;
      int column;
      ~Column() {
        for (size_t p = from; p < problems.size(); ++p) problems[p].column = column;
      }
    } mark{problems, first_problem, column};
    if (said::Said why = FieldProblem(key, value); !why.en.empty()) {
      bool shown = key.size() <= kMaxKeyBytes && key.find('\0') == std::string::npos;
      problems.push_back(Problem(shown ? key : "", std::move(why)));
      continue;
    }
    if (key == "case_id") {
      if (id_seen) {
        problems.push_back(Problem("case_id", said::GivenTwice("case_id", false)));
        continue;
      }
      id_seen = true;
      CaseId(value, c, problems);
      continue;
    }
    int f = rs.FindFact(key);
    size_t slot = static_cast<size_t>(f);
    if (f < 0) {
      auto kept = std::find(options.keep.begin(), options.keep.end(), key);
      if (kept == options.keep.end()) {
        if (!options.ignore_unknown_facts) problems.push_back(UnknownFact(rs, key));
        continue;
      }
      slot = rs.facts.size() + static_cast<size_t>(kept - options.keep.begin());
    }
    if (seen[slot]) {
      problems.push_back(Problem(key, said::GivenTwice(key, f >= 0)));
      continue;
    }
    seen[slot] = true;
    if (f < 0) {
      KeptText(key, value, c.kept[slot - rs.facts.size()], problems);
      continue;
    }
    Validator check(rs.facts[slot], schema, problems);
    c.values[slot] = check.Run(Typed(value, rs.facts[slot].type));
  }
  return c;
}

}  // namespace triage
