#include "compile/predicate.h"

namespace triage {

int PredicateBuilder::Not(int a) {
  return dd_.Apply(a, a, [](int x, int) { return 1 - x; });
}
int PredicateBuilder::And(int a, int b) {
  return dd_.Apply(a, b, [](int x, int y) { return x & y; });
}
int PredicateBuilder::Or(int a, int b) {
  return dd_.Apply(a, b, [](int x, int y) { return x | y; });
}

int PredicateBuilder::Build(const Expr& e, const std::function<int(const Expr&)>& outcome_atom) {
  switch (e.kind) {
    case Expr::Kind::kBoolLiteral:
      return e.bool_value ? True() : False();
    case Expr::Kind::kNot:
      return Not(Build(*e.children[0], outcome_atom));
    case Expr::Kind::kAnd:
      return And(Build(*e.children[0], outcome_atom), Build(*e.children[1], outcome_atom));
    case Expr::Kind::kOr:
      return Or(Build(*e.children[0], outcome_atom), Build(*e.children[1], outcome_atom));
    case Expr::Kind::kImplies:
      return Or(Not(Build(*e.children[0], outcome_atom)), Build(*e.children[1], outcome_atom));
    case Expr::Kind::kName:
      if (e.target == Expr::Target::kCondition) {
        if (condition_memo_.empty()) {
          condition_memo_.assign(rs_.conditions.size(), -1);
        }
        int& memo = condition_memo_[static_cast<size_t>(e.index)];
        if (memo < 0) memo = Build(*rs_.conditions[e.index].expr, nullptr);
        return memo;
      }
      return dd_.MakeNode(level_of_fact_[e.index], {False(), True()});
    case Expr::Kind::kCompare:
    case Expr::Kind::kIn:
    case Expr::Kind::kBetween: {
      if (e.target == Expr::Target::kRoute || e.target == Expr::Target::kRule) {
        return outcome_atom ? outcome_atom(e) : False();
      }
      std::vector<bool> holds = domains_[e.index].Holds(e);
      std::vector<int> children;
      children.reserve(holds.size());
      for (bool h : holds) children.push_back(h ? True() : False());
      return dd_.MakeNode(level_of_fact_[e.index], children);
    }
  }
  TRIAGE_UNREACHABLE();
}

}  // namespace triage
