#include "analyze/context.h"

#include <algorithm>

namespace triage {
namespace {

std::vector<int> CellsPerLevel(const DecisionGraph& g) {
  std::vector<int> cells;
  for (int f : g.fact_order()) cells.push_back(g.domain(f).cell_count());
  return cells;
}

bool OutcomeHolds(const Expr& e, const Leaf& leaf) {
  int actual = -1;
  if (e.ref == Expr::Ref::kRoute) {
    actual = leaf.routes.empty() ? -1 : leaf.routes[0];
  } else {
    actual = leaf.rule;
  }
  bool any = false;
  for (const Expr::Literal& lit : e.literals) {
    if (lit.value.i == actual) any = true;
  }
  if (e.kind == Expr::Kind::kIn) return any != e.negated;
  return e.op == Expr::Op::kNe ? !any : any;
}

}  // namespace

AnalysisContext::AnalysisContext(const DecisionGraph& graph,
                                 std::size_t node_budget)
    : graph_(graph),
      level_of_fact_(graph.rules().facts.size(), -1),
      dd_(CellsPerLevel(graph), node_budget),
      preds_(graph.rules(), domains_, level_of_fact_, dd_) {
  const std::vector<int>& order = graph.fact_order();
  for (size_t l = 0; l < order.size(); ++l) {
    level_of_fact_[static_cast<size_t>(order[l])] = static_cast<int>(l);
  }
  for (size_t f = 0; f < graph.rules().facts.size(); ++f) {
    domains_.push_back(graph.domain(static_cast<int>(f)));
  }
  // Nodes are stored parents first, so children are imported first.
  std::vector<int> imported(graph.nodes().size(), -1);
  auto ref = [&](DecisionGraph::Ref r) {
    return DecisionGraph::IsLeaf(r) ? dd_.Terminal(DecisionGraph::LeafOf(r))
                                    : imported[static_cast<size_t>(r)];
  };
  for (size_t k = graph.nodes().size(); k-- > 0;) {
    int fact = graph.nodes()[k].fact;
    std::vector<int> children;
    for (int c = 0; c < graph.domain(fact).cell_count(); ++c) {
      children.push_back(ref(graph.Child(static_cast<int>(k), c)));
    }
    imported[k] = dd_.MakeNode(level_of_fact_[fact], children);
  }
  outcome_ = ref(graph.root());
}

int AnalysisContext::OutcomeAtom(const Expr& e) {
  return dd_.Apply(outcome_, outcome_, [&](int leaf, int) {
    return OutcomeHolds(e, graph_.leaves()[static_cast<size_t>(leaf)]) ? 1 : 0;
  });
}

std::vector<int> AnalysisContext::LeavesWhere(int predicate) {
  // Terminal leaf+1 where the predicate holds, 0 elsewhere.
  int joined = dd_.Apply(predicate, outcome_,
                         [](int holds, int leaf) { return holds ? leaf + 1 : 0; });
  std::vector<int> leaves;
  std::vector<char> seen(dd_.size(), 0);
  std::vector<int> stack = {joined};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    if (seen[static_cast<size_t>(n)]) continue;
    seen[static_cast<size_t>(n)] = 1;
    if (dd_.IsTerminal(n)) {
      if (dd_.TerminalValue(n) > 0) leaves.push_back(dd_.TerminalValue(n) - 1);
      continue;
    }
    for (int c = 0; c < dd_.Cells(dd_.Level(n)); ++c) stack.push_back(dd_.Child(n, c));
  }
  std::sort(leaves.begin(), leaves.end());
  return leaves;
}

std::optional<std::vector<int>> AnalysisContext::FindPath(
    int root, const std::function<bool(int)>& want) {
  std::vector<int> cells(graph_.rules().facts.size(), -1);
  std::vector<char> dead(dd_.size(), 0);
  const std::vector<int>& order = graph_.fact_order();
  std::function<bool(int)> search = [&](int n) {
    if (dd_.IsTerminal(n)) return want(dd_.TerminalValue(n));
    if (dead[static_cast<size_t>(n)]) return false;
    int fact = order[static_cast<size_t>(dd_.Level(n))];
    for (int c = 0; c < dd_.Cells(dd_.Level(n)); ++c) {
      cells[static_cast<size_t>(fact)] = c;
      if (search(dd_.Child(n, c))) return true;
    }
    cells[static_cast<size_t>(fact)] = -1;
    dead[static_cast<size_t>(n)] = 1;
    return false;
  };
  if (!search(root)) return std::nullopt;
  return cells;
}

std::optional<std::vector<int>> AnalysisContext::FindCase(
    int predicate, const std::function<bool(int)>& leaf_wanted) {
  int joined = dd_.Apply(predicate, outcome_,
                         [](int holds, int leaf) { return holds ? leaf + 1 : 0; });
  return FindPath(joined, [&](int v) { return v > 0 && leaf_wanted(v - 1); });
}

}  // namespace triage
