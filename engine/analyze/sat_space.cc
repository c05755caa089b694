// SatSpace (space.h): the analyses' questions as formulas for CaDiCaL, an
// incremental SAT solver (Debian's libcadical-dev). One solver holds the
// case space (exactly one cell a fact) and the rule chain ("rule k
// decides"); each question adds what it needs under a literal of its own
// and is asked under assumptions, so that nothing is encoded twice.
#include <algorithm>
#include <climits>

#include <cadical.hpp>

#include "analyze/space.h"
#include "compile/masks.h"

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
  position_of_leaf_.assign(graph.leaves().size(), -1);
  if (const FirstHitMasks* m = graph.masks()) {
    for (size_t p = 0; p < m->leaf_of_position.size(); ++p) {
      position_of_leaf_[static_cast<size_t>(m->leaf_of_position[p])] = static_cast<int>(p);
    }
  }
}

SatSpace::~SatSpace() = default;

std::optional<Cells> SatSpace::FindCaseAt(int predicate, int leaf) {
  if (graph_.masks()) {
    int p = position_of_leaf_[static_cast<size_t>(leaf)];
    if (p >= 0) {
      std::optional<Cells> cells = Greedy(p);
      if (cells && Holds(predicate, *cells)) return cells;
    }
  }
  return CaseSpace::FindCaseAt(predicate, leaf);
}

std::optional<Cells> SatSpace::Greedy(int p) const {
  const FirstHitMasks& m = *graph_.masks();
  const size_t words = static_cast<size_t>(m.words);
  auto bit = [](const std::uint64_t* row, int q) { return (row[q / 64] >> (q % 64)) & 1; };
  Cells cells(graph_.rules().facts.size(), -1);
  // Position p holds: each fact it tests in a cell where its test holds.
  std::vector<std::uint64_t> alive(words, 0);  // the positions before p
  for (int q = 0; q < p; ++q) alive[static_cast<size_t>(q / 64)] |= std::uint64_t{1} << (q % 64);
  auto fix = [&](size_t k, int cell) {
    cells[static_cast<size_t>(m.facts[k])] = cell;
    const std::uint64_t* row = &m.holds[(m.first_row[k] + static_cast<size_t>(cell)) * words];
    for (size_t w = 0; w < words; ++w) alive[w] &= row[w];
  };
  auto row = [&](size_t k, int c) {
    return &m.holds[(m.first_row[k] + static_cast<size_t>(c)) * words];
  };
  // Of the cells of fact k where position `q` holds (or fails), the one
  // that leaves the fewest earlier positions alive, or -1.
  auto best = [&](size_t k, int q, bool holds) {
    int chosen = -1;
    int fewest = INT_MAX;
    for (int c = 0; c < graph_.domain(m.facts[k]).cell_count(); ++c) {
      if (static_cast<bool>(bit(row(k, c), q)) != holds) continue;
      int left = 0;
      for (size_t w = 0; w < words; ++w) left += __builtin_popcountll(alive[w] & row(k, c)[w]);
      if (left < fewest) {
        fewest = left;
        chosen = c;
      }
    }
    return chosen;
  };
  for (size_t k = 0; k < m.facts.size(); ++k) {
    if (bit(&m.tests[k * words], p)) fix(k, best(k, p, true));
  }
  // Each earlier position that could still hold fails on a fact it tests
  // that has no cell yet: at most one step a fact.
  for (size_t w = 0; w < words; ++w) {
    while (alive[w] != 0) {
      int q = static_cast<int>(w * 64) + __builtin_ctzll(alive[w]);
      bool failed = false;
      for (size_t k = 0; k < m.facts.size() && !failed; ++k) {
        if (cells[static_cast<size_t>(m.facts[k])] >= 0 || !bit(&m.tests[k * words], q)) continue;
        fix(k, best(k, q, false));
        failed = true;
      }
      if (!failed) return std::nullopt;  // q holds wherever p does, as far as this goes
    }
  }
  // The other facts: any cell, for a complete case.
  for (int& c : cells) c = std::max(c, 0);
  for (size_t f = 0; f < cells.size(); ++f) {
    if (level_of_fact_[f] < 0) cells[f] = -1;
  }
  return cells;
}

bool SatSpace::Holds(int predicate, const Cells& cells) const {
  int n = predicate;
  while (!dd_.IsTerminal(n)) {
    int fact = graph_.fact_order()[static_cast<size_t>(dd_.Level(n))];
    n = dd_.Child(n, cells[static_cast<size_t>(fact)]);
  }
  return dd_.TerminalValue(n) != 0;
}

int SatSpace::VarOf(int n) {
  if (dd_.IsTerminal(n)) return dd_.TerminalValue(n) ? true_ : -true_;
  if (static_cast<size_t>(n) >= node_var_.size()) node_var_.resize(dd_.size(), 0);
  if (node_var_[static_cast<size_t>(n)]) return node_var_[static_cast<size_t>(n)];
  int level = dd_.Level(n);
  std::vector<int> children;
  for (int c = 0; c < dd_.Cells(level); ++c) children.push_back(VarOf(dd_.Child(n, c)));
  int v = NewVar();
  node_var_[static_cast<size_t>(n)] = v;
  // Where the fact's cell is one of those leading to a child, the node is
  // what that child is: per distinct child, "v and not child (and the
  // reverse) only in the other cells", two clauses whatever the cells.
  const std::vector<int>& x = cell_var_[static_cast<size_t>(level)];
  std::vector<bool> done(children.size(), false);
  for (size_t c = 0; c < children.size(); ++c) {
    if (done[c]) continue;
    int child = children[c];
    std::vector<int> elsewhere;
    for (size_t k = c; k < children.size(); ++k) {
      if (children[k] == child) done[k] = true;
    }
    for (size_t k = 0; k < children.size(); ++k) {
      if (children[k] != child) elsewhere.push_back(x[k]);
    }
    if (child != true_) {
      std::vector<int> clause = {-v, child};
      if (child == -true_) clause.pop_back();
      clause.insert(clause.end(), elsewhere.begin(), elsewhere.end());
      solver_->Clause(clause);
    }
    if (child != -true_) {
      std::vector<int> clause = {v, -child};
      if (child == true_) clause.pop_back();
      clause.insert(clause.end(), elsewhere.begin(), elsewhere.end());
      solver_->Clause(clause);
    }
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
  constexpr size_t kMostListed = 8;
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
