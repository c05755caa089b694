#include "analyze/space.h"

#include <algorithm>
#include <unordered_set>

namespace triage {

std::optional<Cells> CaseSpace::FindCaseAt(int predicate, int leaf) {
  return FindCase(predicate, [leaf](int reached) { return reached == leaf; });
}

std::vector<int> CellsPerLevel(const DecisionGraph& g) {
  std::vector<int> cells;
  for (int f : g.fact_order()) cells.push_back(g.domain(f).cell_count());
  return cells;
}

bool OutcomeHolds(const Expr& e, const Leaf& leaf) {
  int actual = -1;
  if (e.target == Expr::Target::kRoute) {
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

DiagramSpace::DiagramSpace(const DecisionGraph& graph, std::size_t node_budget)
    : graph_(graph),
      level_of_fact_(graph.rules().facts.size(), -1),
      dd_(CellsPerLevel(graph), node_budget),
      preds_(graph.rules(), graph.domains(), level_of_fact_, dd_) {
  const std::vector<int>& order = graph.fact_order();
  for (size_t l = 0; l < order.size(); ++l) {
    level_of_fact_[static_cast<size_t>(order[l])] = static_cast<int>(l);
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

int DiagramSpace::OutcomeAtom(const Expr& e) {
  return dd_.Apply(outcome_, outcome_, [&](int leaf, int) {
    return OutcomeHolds(e, graph_.leaves()[static_cast<size_t>(leaf)]) ? 1 : 0;
  });
}

// The predicate's diagram and the graph are walked side by side, both in
// fact order, without building their product: no nodes are made, so
// thousands of rules can be looked at one after the other.
void DiagramSpace::WalkWhere(int predicate,
                             const std::function<bool(int leaf, const Cells& cells)>& at_leaf) {
  const std::vector<int>& order = graph_.fact_order();
  std::vector<int> cells(graph_.rules().facts.size(), -1);
  std::unordered_set<std::uint64_t> seen;
  auto level_of_graph = [&](DecisionGraph::Ref r) {
    return DecisionGraph::IsLeaf(r) ? mdd::Diagram::kTerminalLevel
                                    : level_of_fact_[static_cast<size_t>(graph_.nodes()[r].fact)];
  };
  bool stop = false;
  std::function<void(int, DecisionGraph::Ref)> walk = [&](int p, DecisionGraph::Ref r) {
    if (stop) return;
    if (dd_.IsTerminal(p) && dd_.TerminalValue(p) == 0) return;
    if (DecisionGraph::IsLeaf(r) && dd_.IsTerminal(p)) {
      stop = at_leaf(DecisionGraph::LeafOf(r), cells);
      return;
    }
    std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(p)) << 32) |
                        static_cast<std::uint32_t>(r);
    if (!seen.insert(key).second) return;
    int lp = dd_.Level(p), lr = level_of_graph(r);
    int level = std::min(lp, lr);
    int fact = order[static_cast<size_t>(level)];
    for (int c = 0; c < dd_.Cells(level) && !stop; ++c) {
      cells[static_cast<size_t>(fact)] = c;
      walk(lp == level ? dd_.Child(p, c) : p, lr == level ? graph_.Child(r, c) : r);
    }
    cells[static_cast<size_t>(fact)] = -1;
  };
  walk(predicate, graph_.root());
}

std::optional<std::vector<int>> DiagramSpace::TryLeavesWhere(int predicate) {
  std::vector<int> leaves;
  WalkWhere(predicate, [&](int leaf, const Cells&) {
    leaves.push_back(leaf);
    return false;
  });
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

std::optional<Cells> DiagramSpace::FindCase(int predicate,
                                            const std::function<bool(int)>& leaf_wanted) {
  std::optional<Cells> found;
  WalkWhere(predicate, [&](int leaf, const Cells& cells) {
    if (!leaf_wanted(leaf)) return false;
    found = cells;
    return true;
  });
  return found;
}

std::optional<Cells> DiagramSpace::FindPath(int root, const std::function<bool(int)>& want) {
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

std::optional<Cells> DiagramSpace::FindViolation(const Expr& that) {
  int holds = preds_.Build(that, [&](const Expr& e) { return OutcomeAtom(e); });
  return FindPath(holds, [](int value) { return value == 0; });
}

ChainSpace::ChainSpace(const DecisionGraph& graph, std::size_t budget,
                       std::optional<std::size_t> listing_steps)
    : graph_(graph),
      budget_(budget),
      level_of_fact_(graph.rules().facts.size(), -1),
      dd_(CellsPerLevel(graph), budget),
      preds_(graph.rules(), graph.domains(), level_of_fact_, dd_),
      search_(graph, budget * kSearchStepsPerNode),
      listing_(graph, listing_steps.value_or(budget * kSearchStepsPerNode / 16)) {
  const std::vector<int>& order = graph.fact_order();
  for (size_t l = 0; l < order.size(); ++l) {
    level_of_fact_[static_cast<size_t>(order[l])] = static_cast<int>(l);
  }
}

std::vector<Region> ChainSpace::Regions(int predicate, int value) {
  std::vector<Region> out;
  const std::vector<int>& order = graph_.fact_order();
  std::function<void(int, const Region&)> walk = [&](int n, const Region& reg) {
    if (out.size() > budget_ / 64) throw mdd::BudgetExceeded();
    if (dd_.IsTerminal(n)) {
      if (dd_.TerminalValue(n) == value) out.push_back(reg);
      return;
    }
    int fact = order[static_cast<size_t>(dd_.Level(n))];
    int cells = dd_.Cells(dd_.Level(n));
    std::vector<bool> done(static_cast<size_t>(cells), false);
    for (int c = 0; c < cells; ++c) {
      if (done[static_cast<size_t>(c)]) continue;
      int child = dd_.Child(n, c);
      std::vector<bool> keep(static_cast<size_t>(cells), false);
      for (int k = c; k < cells; ++k) {
        if (dd_.Child(n, k) == child)
          keep[static_cast<size_t>(k)] = done[static_cast<size_t>(k)] = true;
      }
      Region next = reg;
      next.Restrict(fact, keep);
      walk(child, next);
    }
  };
  walk(predicate, Region(graph_));
  return out;
}

std::optional<Cells> ChainSpace::Find(const Region& region, const std::function<bool(int)>& want) {
  std::optional<Cells> found = search_.Find(region, want);
  if (search_.exhausted()) throw mdd::BudgetExceeded();
  return found;
}

std::optional<Cells> ChainSpace::FindLeaf(const Region& region, int leaf) {
  std::optional<Cells> found = search_.Find(
      region, [&](int reached) { return reached == leaf; }, search_.DiagramOf(leaf) + 1);
  if (search_.exhausted()) throw mdd::BudgetExceeded();
  return found;
}

std::optional<Cells> ChainSpace::FindCase(int predicate, const std::function<bool(int)>& want) {
  for (const Region& where : Regions(predicate, 1)) {
    if (std::optional<Cells> found = Find(where, want)) return found;
  }
  return std::nullopt;
}

std::optional<Cells> ChainSpace::FindCaseAt(int predicate, int leaf) {
  for (const Region& where : Regions(predicate, 1)) {
    if (std::optional<Cells> found = FindLeaf(where, leaf)) return found;
  }
  return std::nullopt;
}

std::optional<std::vector<int>> ChainSpace::LeavesWhere(FeasibleSearch& search, int predicate) {
  std::vector<int> leaves;
  for (const Region& where : Regions(predicate, 1)) {
    std::optional<std::vector<int>> found = search.Leaves(where);
    if (!found) return std::nullopt;
    leaves.insert(leaves.end(), found->begin(), found->end());
  }
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

std::optional<std::vector<int>> ChainSpace::TryLeavesWhere(int predicate) {
  return LeavesWhere(listing_, predicate);
}

std::optional<Cells> ChainSpace::FindViolation(const Expr& that) {
  if (!reachable_) {
    reachable_ = LeavesWhere(search_, preds_.True());
    if (!reachable_) throw mdd::BudgetExceeded();
  }
  for (int l : *reachable_) {
    const Leaf& leaf = graph_.leaves()[static_cast<size_t>(l)];
    auto atom = [&](const Expr& e) {
      return OutcomeHolds(e, leaf) ? preds_.True() : preds_.False();
    };
    int holds = preds_.Build(that, atom);
    for (const Region& violating : Regions(holds, 0)) {
      if (std::optional<Cells> found = FindLeaf(violating, l)) return found;
    }
  }
  return std::nullopt;
}

}  // namespace triage
