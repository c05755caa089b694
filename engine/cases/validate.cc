// Typing raw cases against the fact schema.
#include "triage/cases.h"

#include <cmath>

#include <fmt/format.h>

namespace triage {
namespace {

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

// A CSV cell typed by the fact it fills: what JSON would have said.
RawValue Typed(const RawValue& v, FactType type) {
  if (v.kind != RawValue::Kind::kText) return v;
  RawValue out;
  out.kind = RawValue::Kind::kString;
  out.s = v.s;
  const std::string& t = v.s;
  switch (type) {
    case FactType::kBool:
      if (t == "true" || t == "false") {
        out.kind = RawValue::Kind::kBool;
        out.b = t == "true";
      }
      return out;
    case FactType::kInt:
    case FactType::kNumber:
      if (std::optional<std::int64_t> i = ParseInteger(t)) {
        out.kind = RawValue::Kind::kInt;
        out.i = *i;
      } else if (std::optional<double> d = ParseNumber(t)) {
        out.kind = RawValue::Kind::kNumber;
        out.d = *d;
      }
      return out;
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

class Validator {
 public:
  Validator(const Fact& fact, std::vector<CaseProblem>& problems)
      : fact_(fact), problems_(problems) {}

  std::optional<Value> Run(const RawValue& raw) {
    if (raw.kind == RawValue::Kind::kNull) return std::nullopt;
    switch (fact_.type) {
      case FactType::kBool:
        if (raw.kind == RawValue::Kind::kBool) return Value::Int(raw.b ? 1 : 0);
        return WrongType(raw, "true or false");
      case FactType::kInt:
        if (raw.kind == RawValue::Kind::kInt) {
          Value v = Value::Int(raw.i);
          return InBounds(v) ? std::optional<Value>(v) : std::nullopt;
        }
        return WrongType(raw, "an integer");
      case FactType::kNumber: {
        double d = 0;
        if (raw.kind == RawValue::Kind::kInt) {
          d = static_cast<double>(raw.i);
        } else if (raw.kind == RawValue::Kind::kNumber) {
          d = raw.d;
        } else {
          return WrongType(raw, "a number");
        }
        if (!std::isfinite(d)) {
          Problem(fmt::format("fact '{}' must be a finite number, not {}", fact_.name, Shown(raw)));
          return std::nullopt;
        }
        Value v = Value::Num(d);
        return InBounds(v) ? std::optional<Value>(v) : std::nullopt;
      }
      case FactType::kEnum: {
        // An enum whose values look like numbers may be given as numbers.
        std::string text = raw.s;
        if (raw.kind == RawValue::Kind::kInt) {
          text = fmt::format("{}", raw.i);
        } else if (raw.kind != RawValue::Kind::kString) {
          return WrongType(raw, "one of its values");
        }
        for (size_t i = 0; i < fact_.values.size(); ++i) {
          if (fact_.values[i] == text) {
            return Value::Int(static_cast<std::int64_t>(i));
          }
        }
        if (fact_.personal) {
          Problem(
              fmt::format("fact '{}' has a value that is not one of its "
                          "values (personal data, not shown)",
                          fact_.name));
        } else {
          Problem(fmt::format("'{}' is not a value of fact '{}'{}", text, fact_.name,
                              DidYouMeanSuffix(text, fact_.values)));
        }
        return std::nullopt;
      }
      case FactType::kString:
        if (raw.kind == RawValue::Kind::kString) return Value::Str(raw.s);
        return WrongType(raw, "a string");
      case FactType::kDate: {
        if (raw.kind != RawValue::Kind::kString) {
          return WrongType(raw, "a date (YYYY-MM-DD)");
        }
        std::optional<std::int64_t> days = ParseDate(raw.s);
        if (!days) {
          Problem(
              fmt::format("fact '{}' must be a date that exists, written "
                          "YYYY-MM-DD, not {}",
                          fact_.name, Shown(raw)));
          return std::nullopt;
        }
        Value v = Value::Int(*days);
        return InBounds(v) ? std::optional<Value>(v) : std::nullopt;
      }
    }
    TRIAGE_UNREACHABLE();
  }

 private:
  std::string Shown(const RawValue& raw) const {
    if (fact_.personal) return std::string(kNotShown);
    return Describe(raw);
  }

  void Problem(std::string message) { problems_.push_back({fact_.name, std::move(message)}); }

  std::optional<Value> WrongType(const RawValue& raw, std::string_view want) {
    if (fact_.personal) {
      Problem(fmt::format("fact '{}' is {}; it must be {}, not {}", fact_.name, NameOf(fact_.type),
                          want, KindName(raw)));
    } else {
      Problem(fmt::format("fact '{}' is {}; it must be {}, not {}", fact_.name, NameOf(fact_.type),
                          want, Describe(raw)));
    }
    return std::nullopt;
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
      Problem(fmt::format("fact '{}' is {}, below its minimum {}", fact_.name, shown,
                          ValueText(fact_, *fact_.min)));
      return false;
    }
    if (fact_.max && above(*fact_.max)) {
      Problem(fmt::format("fact '{}' is {}, above its maximum {}", fact_.name, shown,
                          ValueText(fact_, *fact_.max)));
      return false;
    }
    return true;
  }

  const Fact& fact_;
  std::vector<CaseProblem>& problems_;
};

}  // namespace

std::string CaseProblemText(const CaseProblem& p) {
  std::string text = p.fact.empty() ? p.message : fmt::format("{}: {}", p.fact, p.message);
  if (p.column > 0) text += fmt::format(" (column {})", p.column);
  return text;
}

Case ValidateCase(const RuleSet& rs, const RawCase& raw, const CaseOptions& options,
                  std::vector<CaseProblem>& problems) {
  Case c;
  c.values.resize(rs.facts.size());
  if (!raw.error.empty()) {
    problems.push_back({"", raw.error});
    return c;
  }
  std::vector<bool> seen(rs.facts.size(), false);
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
    if (key == "case_id") {
      if (id_seen) {
        problems.push_back({"case_id", "'case_id' is given twice"});
        continue;
      }
      id_seen = true;
      if (value.kind == RawValue::Kind::kString || value.kind == RawValue::Kind::kText) {
        c.id = value.s;
      } else if (value.kind == RawValue::Kind::kInt) {
        c.id = value.s.empty() ? fmt::format("{}", value.i) : value.s;
      } else if (value.kind != RawValue::Kind::kNull) {
        problems.push_back({"case_id", "'case_id' must be a string or an integer"});
      }
      continue;
    }
    int f = rs.FindFact(key);
    if (f < 0) {
      if (!options.ignore_unknown_facts) {
        problems.push_back(
            {key, fmt::format("unknown fact '{}'{}", key, DidYouMeanSuffix(key, rs.FactNames()))});
      }
      continue;
    }
    if (seen[f]) {
      problems.push_back({key, fmt::format("fact '{}' is given twice", key)});
      continue;
    }
    seen[f] = true;
    c.values[f] = Validator(rs.facts[f], problems).Run(Typed(value, rs.facts[f].type));
  }
  return c;
}

}  // namespace triage
