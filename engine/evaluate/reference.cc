#include "triage/reference.h"

#include <algorithm>
#include <map>

namespace triage {
namespace {

bool Eval(const RuleSet& rs, const Expr& e, const std::vector<std::optional<Value>>& values) {
  switch (e.kind) {
    case Expr::Kind::kBoolLiteral:
      return e.bool_value;
    case Expr::Kind::kNot:
      return !Eval(rs, *e.children[0], values);
    case Expr::Kind::kAnd:
      return Eval(rs, *e.children[0], values) && Eval(rs, *e.children[1], values);
    case Expr::Kind::kOr:
      return Eval(rs, *e.children[0], values) || Eval(rs, *e.children[1], values);
    case Expr::Kind::kImplies:
      return !Eval(rs, *e.children[0], values) || Eval(rs, *e.children[1], values);
    case Expr::Kind::kName:
      if (e.target == Expr::Target::kCondition) {
        return Eval(rs, *rs.conditions[e.index].expr, values);
      }
      return values[e.index]->i != 0;
    case Expr::Kind::kCompare:
    case Expr::Kind::kIn:
    case Expr::Kind::kBetween:
      return ComparisonHolds(e, rs.facts[e.index], *values[e.index]);
  }
  TRIAGE_UNREACHABLE();
}

// The decision for a fully known case.
Decision Decide(const RuleSet& rs, const std::vector<std::optional<Value>>& values) {
  Decision d;
  std::vector<int> holding;
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    if (Eval(rs, *rs.rules[i].when, values)) holding.push_back(static_cast<int>(i));
  }
  if (holding.empty()) {
    if (rs.default_route_index >= 0) {
      d.status = Decision::Status::kDecided;
      d.routes = {rs.default_route_index};
      d.by_default = true;
    }
    return d;
  }
  d.status = Decision::Status::kDecided;
  auto route_of = [&](int r) { return rs.rules[r].route_index; };
  switch (rs.hit_policy) {
    case HitPolicy::kFirst:
      d.rule = holding[0];
      break;
    case HitPolicy::kPriority: {
      d.rule = holding[0];
      for (int r : holding) {
        if (route_of(r) < route_of(d.rule)) d.rule = r;
      }
      break;
    }
    case HitPolicy::kUnique:
      if (holding.size() == 1) d.rule = holding[0];
      d.rules = holding;
      break;
    case HitPolicy::kCollect:
      d.rules = holding;
      break;
  }
  if (d.rule >= 0) {
    d.routes = {route_of(d.rule)};
  } else {
    for (int r : holding) d.routes.push_back(route_of(r));
    std::sort(d.routes.begin(), d.routes.end());
    d.routes.erase(std::unique(d.routes.begin(), d.routes.end()), d.routes.end());
  }
  if (rs.hit_policy == HitPolicy::kCollect) {
    for (int r : holding) {
      if (route_of(r) == d.routes[0]) {
        d.rule = r;
        break;
      }
    }
  } else {
    d.rules.clear();
  }
  return d;
}

}  // namespace

Decision EvaluateReference(const RuleSet& rs, const std::vector<FactDomain>& domains,
                           const Case& c) {
  TRIAGE_ASSERT(domains.size() == rs.facts.size() && c.values.size() == rs.facts.size(),
                "the domains and the case are of this rule set");
  std::vector<bool> read(rs.facts.size(), false);
  for (const Rule& r : rs.rules) {
    for (int f : FactsRead(rs, *r.when)) read[static_cast<size_t>(f)] = true;
  }
  std::vector<int> unknown;
  for (size_t f = 0; f < rs.facts.size(); ++f) {
    if (read[f] && !c.values[f]) unknown.push_back(static_cast<int>(f));
  }
  if (unknown.empty()) return Decide(rs, c.values);

  // Every combination of cells of the unknown facts, as a mixed-radix number.
  std::vector<int> radix;
  for (int f : unknown) radix.push_back(domains[f].cell_count());
  std::map<std::vector<int>, std::vector<int>> routes_of;  // cells -> routes
  std::vector<Decision> all;
  std::vector<int> digits(unknown.size(), 0);
  std::vector<std::optional<Value>> values = c.values;
  while (true) {
    for (size_t k = 0; k < unknown.size(); ++k) {
      values[unknown[k]] = domains[unknown[k]].Example(digits[k]);
    }
    Decision d = Decide(rs, values);
    routes_of[digits] = d.routes;
    all.push_back(std::move(d));
    size_t k = 0;
    while (k < digits.size() && ++digits[k] == radix[k]) digits[k++] = 0;
    if (k == digits.size()) break;
  }
  Decision out;
  const Decision& first = all[0];
  bool same_routes = std::all_of(all.begin(), all.end(),
                                 [&](const Decision& d) { return d.routes == first.routes; });
  if (same_routes) {
    if (first.routes.empty()) return out;  // unrouted whatever the answers
    out.status = Decision::Status::kDecided;
    out.routes = first.routes;
    bool same_rule = std::all_of(all.begin(), all.end(),
                                 [&](const Decision& d) { return d.rule == first.rule; });
    out.rule = same_rule ? first.rule : -1;
    out.by_default =
        std::all_of(all.begin(), all.end(), [](const Decision& d) { return d.by_default; });
    if (rs.hit_policy == HitPolicy::kCollect) {
      out.rules = first.rules;
      for (const Decision& d : all) {
        std::vector<int> both;
        std::set_intersection(out.rules.begin(), out.rules.end(), d.rules.begin(), d.rules.end(),
                              std::back_inserter(both));
        out.rules = std::move(both);
      }
    }
    return out;
  }
  out.status = Decision::Status::kUndetermined;
  for (const Decision& d : all) {
    if (d.routes.empty()) out.may_be_unrouted = true;
    out.routes.insert(out.routes.end(), d.routes.begin(), d.routes.end());
  }
  std::sort(out.routes.begin(), out.routes.end());
  out.routes.erase(std::unique(out.routes.begin(), out.routes.end()), out.routes.end());
  // A fact matters when changing its answer alone changes the routes.
  for (size_t k = 0; k < unknown.size(); ++k) {
    bool matters = false;
    for (const auto& [cells, routes] : routes_of) {
      std::vector<int> other = cells;
      for (int v = 0; v < radix[k] && !matters; ++v) {
        other[k] = v;
        matters = routes_of[other] != routes;
      }
      if (matters) break;
    }
    if (matters) out.ask.push_back(unknown[k]);
  }
  return out;
}

}  // namespace triage
