// Guarantees: each `that:` proven over every case, or refuted with a
// counterexample. The compiled graph is imported into a diagram with the same
// fact order; the guarantee becomes a 0/1 diagram over it, and any path to 0
// is a counterexample.
#include <fmt/format.h>
#include <functional>

#include "compile/mdd.h"
#include "compile/predicate.h"
#include "triage/analyze.h"

namespace triage {
namespace {

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

std::string Outcome(const RuleSet& rs, const Leaf& leaf) {
  if (leaf.routes.empty()) return "is not routed";
  std::string out = fmt::format("routes to '{}'", rs.routes[leaf.routes[0]].name);
  if (leaf.rule >= 0) {
    out += fmt::format(" by rule '{}'", rs.rules[leaf.rule].id);
  } else if (leaf.by_default) {
    out += " by default";
  }
  return out;
}

}  // namespace

void ProveGuarantees(const DecisionGraph& graph, std::size_t node_budget,
                     Diagnostics& diags) {
  const RuleSet& rs = graph.rules();
  if (rs.guarantees.empty()) return;
  const std::vector<int>& order = graph.fact_order();
  std::vector<int> level_of_fact(rs.facts.size(), -1);
  std::vector<int> cells_per_level;
  std::vector<FactDomain> domains;
  for (size_t f = 0; f < rs.facts.size(); ++f) {
    domains.push_back(graph.domain(static_cast<int>(f)));
  }
  for (size_t l = 0; l < order.size(); ++l) {
    level_of_fact[static_cast<size_t>(order[l])] = static_cast<int>(l);
    cells_per_level.push_back(graph.domain(order[l]).cell_count());
  }
  mdd::Diagram dd(cells_per_level, node_budget);
  PredicateBuilder preds(rs, domains, level_of_fact, dd);
  try {
    // Import the graph: terminals carry leaf indices. Nodes are stored
    // parents first, so children are imported before their parents.
    std::vector<int> imported(graph.nodes().size(), -1);
    auto ref = [&](DecisionGraph::Ref r) {
      return DecisionGraph::IsLeaf(r) ? dd.Terminal(DecisionGraph::LeafOf(r))
                                      : imported[static_cast<size_t>(r)];
    };
    for (size_t k = graph.nodes().size(); k-- > 0;) {
      int fact = graph.nodes()[k].fact;
      std::vector<int> children;
      for (int c = 0; c < graph.domain(fact).cell_count(); ++c) {
        children.push_back(ref(graph.Child(static_cast<int>(k), c)));
      }
      imported[k] = dd.MakeNode(level_of_fact[fact], children);
    }
    int outcome = ref(graph.root());
    auto atom = [&](const Expr& e) {
      return dd.Apply(outcome, outcome, [&](int leaf, int) {
        return OutcomeHolds(e, graph.leaves()[static_cast<size_t>(leaf)]) ? 1 : 0;
      });
    };
    for (const Guarantee& g : rs.guarantees) {
      if (!g.that) continue;
      int holds = preds.Build(*g.that, atom);
      // A path to 0 is a counterexample.
      std::vector<int> cells(rs.facts.size(), -1);
      std::function<bool(int)> refute = [&](int n) {
        if (dd.IsTerminal(n)) return dd.TerminalValue(n) == 0;
        int fact = order[static_cast<size_t>(dd.Level(n))];
        for (int c = 0; c < dd.Cells(dd.Level(n)); ++c) {
          cells[fact] = c;
          if (refute(dd.Child(n, c))) return true;
        }
        cells[fact] = -1;
        return false;
      };
      if (!refute(holds)) continue;
      std::vector<int> example = cells;
      int leaf = CompleteExample(graph, example);
      diags.Error(g.pos, "E042",
                  fmt::format("guarantee '{}' does not hold: the case {} {}",
                              g.id, ExampleCaseJson(graph, cells),
                              Outcome(rs, graph.leaves()[leaf])));
    }
  } catch (const mdd::BudgetExceeded&) {
    diags.Error({}, "E044",
                fmt::format("guarantees could not be proven within the budget "
                            "of {} nodes; they are neither proven nor refuted",
                            node_budget));
  }
}

}  // namespace triage
