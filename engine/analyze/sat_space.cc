// SatSpace (space.h): the analyses' questions as formulas for CaDiCaL, an
// incremental SAT solver (Debian's libcadical-dev). One solver holds the
// case space (exactly one cell a fact) and the rule chain ("rule k
// decides"); each question adds what it needs under a literal of its own
// and is asked under assumptions, so that nothing is encoded twice.
#include <algorithm>
#include <climits>

#include <cadical.hpp>

#include "analyze/space.h"

namespace triage {

struct SatSpace::Solver {
  CaDiCaL::Solver s;
  void Clause(std::initializer_list<int> lits) {
    for (int l : lits) s.add(l);
    s.add(0);
  }
  void Clause(const std::vector<int>& lits) {
    for (int l : lits) s.add(l);
    s.add(0);
  }
};

SatSpace::SatSpace(const DecisionGraph& graph, std::size_t node_budget)
    : graph_(graph),
      budget_(node_budget),
      level_of_fact_(graph.rules().facts.size(), -1),
      dd_(CellsPerLevel(graph), node_budget),
      preds_(graph.rules(), graph.domains(), level_of_fact_, dd_),
      solver_(std::make_unique<Solver>()) {
  const std::vector<int>& order = graph.fact_order();
  for (size_t l = 0; l < order.size(); ++l) {
    level_of_fact_[static_cast<size_t>(order[l])] = static_cast<int>(l);
  }
  Solver& sv = *solver_;
  true_ = NewVar();
  sv.Clause({true_});
  // Exactly one cell a fact: at least one, and at most one by a ladder
  // (x_c -> s_c, s_c -> s_c+1, x_c+1 -> not s_c), linear in the cells.
  for (size_t l = 0; l < order.size(); ++l) {
    int cells = graph.domain(order[l]).cell_count();
    std::vector<int> x;
    for (int c = 0; c < cells; ++c) x.push_back(NewVar());
    sv.Clause(x);
    int prev = 0;
    for (int c = 0; c + 1 < cells; ++c) {
      int s = NewVar();
      sv.Clause({-x[static_cast<size_t>(c)], s});
      if (prev) sv.Clause({-prev, s});
      sv.Clause({-x[static_cast<size_t>(c) + 1], -s});
      prev = s;
    }
    cell_var_.push_back(std::move(x));
  }
  // The chain: none_k = no rule before position k holds; rule k decides
  // when none_k and its condition holds.
  const RuleSet& rs = graph.rules();
  std::vector<int> decides_rule(rs.rules.size(), 0);
  int none = true_;
  for (int r : EvaluationOrder(rs)) {
    const Rule& rule = rs.rules[static_cast<size_t>(r)];
    int holds = rule.when ? VarOf(preds_.Build(*rule.when)) : -true_;
    int d = NewVar(), next = NewVar();
    sv.Clause({-d, none});
    sv.Clause({-d, holds});
    sv.Clause({d, -none, -holds});
    sv.Clause({-next, none});
    sv.Clause({-next, -holds});
    sv.Clause({next, -none, holds});
    decides_rule[static_cast<size_t>(r)] = d;
    none = next;
  }
  for (const Leaf& leaf : graph.leaves()) {
    decides_.push_back(leaf.rule >= 0 ? decides_rule[static_cast<size_t>(leaf.rule)] : none);
  }
}

SatSpace::~SatSpace() = default;

int SatSpace::VarOf(int n) {
  if (dd_.IsTerminal(n)) return dd_.TerminalValue(n) ? true_ : -true_;
  if (static_cast<size_t>(n) >= node_var_.size()) node_var_.resize(dd_.size(), 0);
  if (node_var_[static_cast<size_t>(n)]) return node_var_[static_cast<size_t>(n)];
  int level = dd_.Level(n);
  std::vector<int> children;
  for (int c = 0; c < dd_.Cells(level); ++c) children.push_back(VarOf(dd_.Child(n, c)));
  int v = NewVar();
  node_var_[static_cast<size_t>(n)] = v;
  // In cell c, the node is what its child is.
  for (int c = 0; c < dd_.Cells(level); ++c) {
    int x = cell_var_[static_cast<size_t>(level)][static_cast<size_t>(c)];
    int child = children[static_cast<size_t>(c)];
    solver_->Clause({-x, -v, child});
    solver_->Clause({-x, v, -child});
  }
  return v;
}

int SatSpace::LeafLiteral(int l) const { return decides_[static_cast<size_t>(l)]; }

int SatSpace::ExprLiteral(const Expr& e) {
  bool outcome = e.target == Expr::Target::kRoute || e.target == Expr::Target::kRule;
  if (outcome) {
    // Holds when the case reaches a leaf where the comparison holds.
    std::vector<int> where;
    for (size_t l = 0; l < graph_.leaves().size(); ++l) {
      if (OutcomeHolds(e, graph_.leaves()[l])) where.push_back(LeafLiteral(static_cast<int>(l)));
    }
    int v = NewVar();
    std::vector<int> any = {-v};
    for (int w : where) {
      solver_->Clause({v, -w});
      any.push_back(w);
    }
    solver_->Clause(any);
    return v;
  }
  std::function<bool(const Expr&)> mentions_outcome = [&](const Expr& x) {
    if (x.target == Expr::Target::kRoute || x.target == Expr::Target::kRule) return true;
    return std::any_of(x.children.begin(), x.children.end(),
                       [&](const auto& c) { return mentions_outcome(*c); });
  };
  if (!mentions_outcome(e)) return VarOf(preds_.Build(e));
  std::vector<int> kids;
  for (const auto& c : e.children) kids.push_back(ExprLiteral(*c));
  switch (e.kind) {
    case Expr::Kind::kNot:
      return -kids[0];
    case Expr::Kind::kImplies:
      kids[0] = -kids[0];
      [[fallthrough]];
    case Expr::Kind::kOr: {
      int v = NewVar();
      std::vector<int> any = {-v};
      for (int k : kids) {
        solver_->Clause({v, -k});
        any.push_back(k);
      }
      solver_->Clause(any);
      return v;
    }
    default: {  // kAnd
      int v = NewVar();
      std::vector<int> all = {v};
      for (int k : kids) {
        solver_->Clause({-v, k});
        all.push_back(-k);
      }
      solver_->Clause(all);
      return v;
    }
  }
}

std::optional<Cells> SatSpace::Solve(const std::vector<int>& assumptions) {
  CaDiCaL::Solver& s = solver_->s;
  for (int a : assumptions) s.assume(a);
  s.limit("conflicts", static_cast<int>(std::min<std::size_t>(budget_, INT_MAX)));
  int result = s.solve();
  if (result == 0) throw mdd::BudgetExceeded();
  if (result == 20) return std::nullopt;
  Cells cells(graph_.rules().facts.size(), -1);
  const std::vector<int>& order = graph_.fact_order();
  for (size_t l = 0; l < order.size(); ++l) {
    const std::vector<int>& x = cell_var_[l];
    for (size_t c = 0; c < x.size(); ++c) {
      if (s.val(x[c]) > 0) cells[static_cast<size_t>(order[l])] = static_cast<int>(c);
    }
  }
  return cells;
}

int SatSpace::LeafOfModel() {
  for (size_t l = 0; l < decides_.size(); ++l) {
    if (solver_->s.val(decides_[l]) > 0) return static_cast<int>(l);
  }
  return -1;
}

std::optional<Cells> SatSpace::FindCase(int predicate, const std::function<bool(int)>& want) {
  std::vector<int> wanted;
  for (size_t l = 0; l < decides_.size(); ++l) {
    if (want(static_cast<int>(l))) wanted.push_back(decides_[l]);
  }
  if (wanted.empty()) return std::nullopt;
  // The question's own clause, under a literal that is assumed now and
  // made false for good afterwards.
  int asked = NewVar();
  wanted.insert(wanted.begin(), -asked);
  solver_->Clause(wanted);
  std::optional<Cells> found = Solve({asked, VarOf(predicate)});
  solver_->Clause({-asked});
  return found;
}

std::optional<std::vector<int>> SatSpace::TryLeavesWhere(int predicate) {
  constexpr size_t kMostListed = 256;
  std::vector<int> assumptions = {VarOf(predicate)};
  std::vector<int> leaves;
  while (Solve(assumptions)) {
    int l = LeafOfModel();
    if (l < 0 || leaves.size() == kMostListed) return std::nullopt;
    leaves.push_back(l);
    assumptions.push_back(-decides_[static_cast<size_t>(l)]);
  }
  std::sort(leaves.begin(), leaves.end());
  return leaves;
}

std::optional<Cells> SatSpace::FindViolation(const Expr& that) {
  return Solve({-ExprLiteral(that)});
}

}  // namespace triage
