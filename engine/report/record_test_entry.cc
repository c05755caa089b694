// A decision record written as an entry of a test file (rule_tests.h), to
// paste under `cases:`: the case's known facts and what was decided, as
// the expectation. Personal facts are left out (named in a comment), so
// that no personal value leaves the process; an invalid case is a comment
// saying why.
#include <fmt/format.h>

#include "triage/report.h"

namespace triage {
namespace {

// A YAML scalar that reads back as this text: bare when it is a plain word
// (letters, digits, '_', '-', '.', starting with a letter or '_') that no
// YAML reader takes for anything else, else in single quotes.
std::string YamlScalar(std::string_view text) {
  static constexpr std::string_view kSpecial[] = {"true", "false", "yes",  "no",  "on", "off",
                                                  "y",    "n",     "null", "nil", "~"};
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  bool plain = !text.empty() && letter(text[0]);
  std::string lower;
  for (char c : text) {
    plain = plain && (letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.');
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view word : kSpecial) plain = plain && lower != word;
  if (plain) return std::string(text);
  std::string out = "'";
  for (char c : Printable(text)) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string FactValue(const Fact& fact, const Value& v) {
  switch (fact.type) {
    case FactType::kBool:
    case FactType::kInt:
    case FactType::kNumber:
      return ValueText(fact, v);
    case FactType::kEnum:
      return YamlScalar(fact.values[static_cast<std::size_t>(v.i)]);
    case FactType::kString:
      return YamlScalar(v.s);
    case FactType::kDate:
      return "'" + ValueText(fact, v) + "'";
  }
  TRIAGE_UNREACHABLE();
}

std::string RouteList(const RuleSet& rs, const std::vector<int>& routes) {
  std::string out = "[";
  for (std::size_t i = 0; i < routes.size(); ++i) {
    out += (i ? ", " : "") + rs.routes[static_cast<std::size_t>(routes[i])].name;
  }
  return out + "]";
}

std::string Expectation(const RuleSet& rs, const Record& r) {
  const Decision& d = r.decision;
  switch (StatusOf(r)) {
    case RecordStatus::kInvalid:  // written as a comment instead: see RecordTestEntry
      TRIAGE_UNREACHABLE();
    case RecordStatus::kUnrouted:
      return "{status: unrouted}";
    case RecordStatus::kUndetermined:
      return "{status: undetermined, routes: " + RouteList(rs, d.routes) + "}";
    case RecordStatus::kDecided:
      break;
  }
  if (d.routes.size() > 1) return "{status: decided, routes: " + RouteList(rs, d.routes) + "}";
  std::string route = rs.routes[static_cast<std::size_t>(d.routes[0])].name;
  if (d.by_default) return "{route: " + route + ", rule: default}";
  if (d.rule >= 0) {
    return "{route: " + route +
           ", rule: " + YamlScalar(rs.rules[static_cast<std::size_t>(d.rule)].id) + "}";
  }
  return "{route: " + route + "}";
}

}  // namespace

std::string RecordTestEntry(const RuleSet& rs, const Record& r, std::string_view /*lang*/) {
  std::string name = r.case_id ? *r.case_id : fmt::format("case {} of {}", r.index, r.input);
  if (r.invalid()) {
    // The record keeps only the values that were valid: as a test it would
    // not be the case it was. Say why, for a person to write it out.
    std::string out = fmt::format(
        "  # {} is invalid, so it is not written as a test (its wrong values are not kept):\n",
        YamlScalar(name));
    for (const CaseProblem& p : r.problems) out += "  #   " + Printable(CaseProblemText(p)) + "\n";
    return out;
  }
  std::string out = "  - name: " + YamlScalar(name) + "\n";
  std::string facts, personal;
  for (std::size_t f = 0; f < rs.facts.size() && f < r.values.values.size(); ++f) {
    const std::optional<Value>& v = r.values.values[f];
    if (!v) continue;
    if (rs.facts[f].personal) {
      personal += (personal.empty() ? "" : ", ") + rs.facts[f].name;
      continue;
    }
    facts += (facts.empty() ? "" : ", ") + rs.facts[f].name + ": " + FactValue(rs.facts[f], *v);
  }
  if (!personal.empty()) out += "    # left out, personal: " + personal + "\n";
  out += "    facts: {" + facts + "}\n";
  out += "    expect: " + Expectation(rs, r) + "\n";
  return out;
}

}  // namespace triage
