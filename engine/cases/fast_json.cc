// JsonCaseParser: the fast path for JSON Lines. A well-formed case goes from
// JSON straight to its typed values, without the intermediate key/value
// strings of RawCase. Anything it does not accept outright (a problem, or
// something rare) is left to ReadCases + ValidateCase, which say what is
// wrong; so the fast path only ever accepts what the full path accepts,
// with the same values.
#include "triage/cases.h"

#include <algorithm>

#include <fmt/format.h>

#include "cases/json_line.h"
#include "triage/limits.h"

namespace triage {
namespace {

// A text the fast path may take: not too long, no NUL (the full path says
// what is wrong with the others).
bool Plain(std::string_view text) {
  return text.size() <= kMaxTextBytes && text.find('\0') == std::string_view::npos;
}

// The value of `fact` that `value` is, or nullopt when the fast path does
// not take it (a problem, or something rare).
std::optional<Value> FactValue(const Fact& fact, simdjson::dom::element value,
                               const std::unordered_map<std::string_view, int>& enum_values) {
  Value v;
  simdjson::dom::element_type type = value.type();
  switch (fact.type) {
    case FactType::kBool:
      if (type != simdjson::dom::element_type::BOOL) return std::nullopt;
      v = Value::Int(bool(value) ? 1 : 0);
      break;
    case FactType::kInt:
      if (type != simdjson::dom::element_type::INT64) return std::nullopt;
      v = Value::Int(int64_t(value));
      break;
    case FactType::kNumber:
      if (type == simdjson::dom::element_type::INT64) {
        v = Value::Num(static_cast<double>(int64_t(value)));
      } else if (type == simdjson::dom::element_type::DOUBLE) {
        v = Value::Num(double(value));
      } else {
        return std::nullopt;
      }
      break;
    case FactType::kEnum: {
      if (type != simdjson::dom::element_type::STRING) return std::nullopt;
      auto it = enum_values.find(std::string_view(value));
      if (it == enum_values.end()) return std::nullopt;
      v = Value::Int(it->second);
      break;
    }
    case FactType::kString:
      if (type != simdjson::dom::element_type::STRING || !Plain(std::string_view(value))) {
        return std::nullopt;
      }
      v = Value::Str(std::string(std::string_view(value)));
      break;
    case FactType::kDate: {
      if (type != simdjson::dom::element_type::STRING) return std::nullopt;
      std::optional<std::int64_t> days = ParseDate(std::string_view(value));
      if (!days) return std::nullopt;
      v = Value::Int(*days);
      break;
    }
  }
  return v;
}

}  // namespace

JsonCaseParser::JsonCaseParser(const RuleSet& rs, std::vector<std::string> keep)
    : rs_(rs), keep_(std::move(keep)) {
  for (size_t f = 0; f < rs.facts.size(); ++f) {
    facts_.emplace(rs.facts[f].name, static_cast<int>(f));
    std::unordered_map<std::string_view, int> values;
    for (size_t v = 0; v < rs.facts[f].values.size(); ++v) {
      values.emplace(rs.facts[f].values[v], static_cast<int>(v));
    }
    enum_values_.push_back(std::move(values));
  }
}

bool JsonCaseParser::Parse(std::string_view line, Case& out) const {
  simdjson::dom::element element;
  simdjson::dom::object object;
  if (ParseJsonLine(line, element) != simdjson::SUCCESS ||
      element.get(object) != simdjson::SUCCESS) {
    return false;
  }
  out.id.reset();
  out.values.assign(rs_.facts.size(), std::nullopt);
  out.kept.assign(keep_.size(), std::nullopt);
  thread_local std::vector<char> seen;
  seen.assign(rs_.facts.size() + keep_.size(), 0);
  bool id_seen = false;
  for (auto field : object) {
    simdjson::dom::element value = field.value;
    simdjson::dom::element_type type = value.type();
    if (field.key == "case_id") {
      if (id_seen) return false;
      id_seen = true;
      if (type == simdjson::dom::element_type::STRING) {
        if (!Plain(std::string_view(value))) return false;
        out.id = std::string(std::string_view(value));
      } else if (type == simdjson::dom::element_type::INT64) {
        out.id = fmt::format("{}", int64_t(value));
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        return false;
      }
      continue;
    }
    auto found = facts_.find(field.key);
    if (found == facts_.end()) {
      // A kept key: strings and null only (the full path writes the rest).
      auto kept = std::find(keep_.begin(), keep_.end(), field.key);
      if (kept == keep_.end()) return false;
      size_t k = static_cast<size_t>(kept - keep_.begin());
      if (seen[rs_.facts.size() + k]) return false;
      seen[rs_.facts.size() + k] = 1;
      if (type == simdjson::dom::element_type::STRING) {
        if (!Plain(std::string_view(value))) return false;
        out.kept[k] = std::string(std::string_view(value));
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        return false;
      }
      continue;
    }
    size_t f = static_cast<size_t>(found->second);
    if (seen[f]) return false;
    seen[f] = 1;
    if (type == simdjson::dom::element_type::NULL_VALUE) continue;
    const Fact& fact = rs_.facts[f];
    std::optional<Value> v = FactValue(fact, value, enum_values_[f]);
    if (!v) return false;
    bool number = fact.type == FactType::kNumber;
    if (fact.min && (number ? v->d < fact.min->d : v->i < fact.min->i)) return false;
    if (fact.max && (number ? v->d > fact.max->d : v->i > fact.max->i)) return false;
    out.values[f] = std::move(*v);
  }
  return true;
}

}  // namespace triage
