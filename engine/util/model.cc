#include "triage/model.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {

const char* FactTypeName(FactType t) {
  switch (t) {
    case FactType::kBool:
      return "bool";
    case FactType::kInt:
      return "int";
    case FactType::kNumber:
      return "number";
    case FactType::kEnum:
      return "enum";
    case FactType::kString:
      return "string";
    case FactType::kDate:
      return "date";
  }
  return "?";
}

const char* OpText(Expr::Op op) {
  switch (op) {
    case Expr::Op::kEq:
      return "==";
    case Expr::Op::kNe:
      return "!=";
    case Expr::Op::kLt:
      return "<";
    case Expr::Op::kLe:
      return "<=";
    case Expr::Op::kGt:
      return ">";
    case Expr::Op::kGe:
      return ">=";
  }
  return "?";
}

namespace {

void CollectFacts(const RuleSet& rs, const Expr& e, std::vector<int>& out, int depth) {
  if (e.ref == Expr::Ref::kFact && e.index >= 0) out.push_back(e.index);
  // The checker refuses condition cycles; the depth bound is a guard only.
  if (e.ref == Expr::Ref::kCondition && e.index >= 0 && depth < 256) {
    const Expr* c = rs.conditions[static_cast<size_t>(e.index)].expr.get();
    if (c) CollectFacts(rs, *c, out, depth + 1);
  }
  for (const auto& child : e.children) CollectFacts(rs, *child, out, depth);
}

}  // namespace

std::vector<int> FactsRead(const RuleSet& rs, const Expr& e) {
  std::vector<int> facts;
  CollectFacts(rs, e, facts, 0);
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  return facts;
}

const char* HitPolicyName(HitPolicy p) {
  switch (p) {
    case HitPolicy::kFirst:
      return "first";
    case HitPolicy::kUnique:
      return "unique";
    case HitPolicy::kPriority:
      return "priority";
    case HitPolicy::kCollect:
      return "collect";
  }
  return "?";
}

const std::string& Text::Get(std::string_view lang) const {
  static const std::string kEmpty;
  if (by_lang.empty()) return kEmpty;
  for (const auto& [code, text] : by_lang) {
    if (code == lang) return text;
  }
  return by_lang.front().second;
}

int RuleSet::FindFact(std::string_view name) const {
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int RuleSet::FindRoute(std::string_view name) const {
  for (size_t i = 0; i < routes.size(); ++i) {
    if (routes[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int RuleSet::FindCondition(std::string_view name) const {
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (conditions[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> RuleSet::FactNames() const {
  std::vector<std::string> names;
  for (const Fact& f : facts) names.push_back(f.name);
  return names;
}

std::vector<std::string> RuleSet::RouteNames() const {
  std::vector<std::string> names;
  for (const Route& r : routes) names.push_back(r.name);
  return names;
}

std::string RuleSet::DefaultLanguage() const {
  auto first_lang = [](const Text& t) -> std::string {
    for (const auto& [code, text] : t.by_lang) {
      if (!code.empty()) return code;
    }
    return "";
  };
  if (std::string l = first_lang(title); !l.empty()) return l;
  for (const Rule& r : rules) {
    if (std::string l = first_lang(r.reason); !l.empty()) return l;
  }
  for (const Route& r : routes) {
    if (std::string l = first_lang(r.label); !l.empty()) return l;
  }
  return "";
}

// Howard Hinnant's days_from_civil / civil_from_days.
static std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) -> int {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max_day) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string FormatDate(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

}  // namespace triage
