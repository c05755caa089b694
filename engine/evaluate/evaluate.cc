// This file's external interface is just Evaluate (evaluate.h).
#include "triage/evaluate.h"

#include <algorithm>
#include <functional>
#include <tuple>

#include "compile/region.h"
#include "evaluate/match.h"

namespace triage {
namespace {

using Ref = DecisionGraph::Ref;

void Conclude(const DecisionGraph& g, const std::vector<int>& leaves, Decision& d) {
  const Leaf& first = g.leaves()[leaves[0]];
  bool same_routes = std::all_of(leaves.begin(), leaves.end(),
                                 [&](int l) { return g.leaves()[l].routes == first.routes; });
  if (same_routes) {
    d.routes = first.routes;
    if (first.routes.empty()) {
      d.status = Decision::Status::kUnrouted;
      return;
    }
    d.status = Decision::Status::kDecided;
    bool same_rule = std::all_of(leaves.begin(), leaves.end(),
                                 [&](int l) { return g.leaves()[l].rule == first.rule; });
    d.rule = same_rule ? first.rule : -1;
    d.by_default =
        std::all_of(leaves.begin(), leaves.end(), [&](int l) { return g.leaves()[l].by_default; });
    if (g.rules().hit_policy == HitPolicy::kCollect) {
      // The rules that hold whatever the unknown facts are.
      d.rules = first.rules;
      for (int l : leaves) {
        std::vector<int> both;
        std::set_intersection(d.rules.begin(), d.rules.end(), g.leaves()[l].rules.begin(),
                              g.leaves()[l].rules.end(), std::back_inserter(both));
        d.rules = std::move(both);
      }
    }
    return;
  }
  d.status = Decision::Status::kUndetermined;
  for (int l : leaves) {
    const Leaf& leaf = g.leaves()[l];
    if (leaf.routes.empty()) d.may_be_unrouted = true;
    d.routes.insert(d.routes.end(), leaf.routes.begin(), leaf.routes.end());
  }
  std::sort(d.routes.begin(), d.routes.end());
  d.routes.erase(std::unique(d.routes.begin(), d.routes.end()), d.routes.end());
}

// Past this many node visits for one case, the search gives up on exactness
// (only chains of many diagrams come near it) and answers conservatively.
constexpr std::size_t kSearchBudget = 2'000'000;

// The leaves every path reaches, feasible or not: a superset of the truth,
// for when the exact search runs out of budget.
std::vector<int> AllLeavesBelow(const DecisionGraph& g, const Region& region,
                                std::vector<Ref>& visited) {
  std::vector<char> seen(g.nodes().size(), 0);
  std::vector<int> leaves;
  std::vector<Ref> stack = {g.root()};
  while (!stack.empty()) {
    Ref r = stack.back();
    stack.pop_back();
    if (DecisionGraph::IsLeaf(r)) {
      leaves.push_back(DecisionGraph::LeafOf(r));
      continue;
    }
    if (seen[r]) continue;
    seen[r] = 1;
    visited.push_back(r);
    int fact = g.nodes()[r].fact;
    for (int c = g.domain(fact).cell_count() - 1; c >= 0; --c) {
      if (region.Allows(fact, c)) stack.push_back(g.Child(r, c));
    }
  }
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

// How useful asking a fact is: of its answers, the share (in thousandths)
// that settles the route, and the routes left open on average.
struct QuestionScore {
  int settled;
  double open;
  int order;  // where the fact was met, for ties
  int fact;
};

// The facts, most useful first: those whose answer most often settles the
// route, then those that leave the fewest routes open.
std::vector<int> Ranked(std::vector<QuestionScore> scores) {
  std::sort(scores.begin(), scores.end(), [](const QuestionScore& a, const QuestionScore& b) {
    return std::tie(b.settled, a.open, a.order) < std::tie(a.settled, b.open, b.order);
  });
  std::vector<int> facts;
  for (const QuestionScore& s : scores) facts.push_back(s.fact);
  return facts;
}

// Past this many combinations of the unknown facts' cells, a case on a
// masks graph is searched as on any chain.
constexpr std::size_t kMostCombinations = 1 << 14;

// The unknown facts of a case on a masks graph, and the leaf each
// combination of their cells reaches.
struct Combinations {
  std::vector<size_t> open;         // indices into masks.facts of the unknown facts
  std::vector<std::size_t> stride;  // of each open fact in a combination's number
  std::vector<int> cells;           // of each open fact
  std::vector<int> leaf_of;         // per combination (mixed radix, open[0] fastest)

  int CellOf(std::size_t x, size_t i) const {
    return static_cast<int>(x / stride[i] % static_cast<std::size_t>(cells[i]));
  }
  // The decision over the combinations for which `within` holds.
  Decision Over(const DecisionGraph& g, const std::function<bool(std::size_t)>& within) const {
    std::vector<int> leaves;
    for (std::size_t x = 0; x < leaf_of.size(); ++x) {
      if (within(x)) leaves.push_back(leaf_of[x]);
    }
    std::sort(leaves.begin(), leaves.end());
    leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
    Decision d;
    Conclude(g, leaves, d);
    return d;
  }
};

// The ranking of EvaluatePartlyKnown over the combinations: the facts
// whose answer most often settles the route first, then those that leave
// the fewest routes open. `unknown`: entries of open met on some way.
std::vector<int> RankQuestions(const DecisionGraph& g, const FirstHitMasks& m,
                               const Combinations& all, const std::vector<size_t>& unknown) {
  std::vector<QuestionScore> scores;
  for (size_t u = 0; u < unknown.size(); ++u) {
    size_t i = unknown[u];
    int n = all.cells[i];
    // Whether some answer changes the route, all else equal.
    bool matters = false;
    for (std::size_t x = 0; x < all.leaf_of.size() && !matters; ++x) {
      if (all.CellOf(x, i) != 0) continue;
      for (int b = 1; b < n && !matters; ++b) {
        std::size_t y = x + static_cast<std::size_t>(b) * all.stride[i];
        matters = g.leaves()[static_cast<size_t>(all.leaf_of[x])].routes !=
                  g.leaves()[static_cast<size_t>(all.leaf_of[y])].routes;
      }
    }
    if (!matters) continue;
    int settled = 0;
    double routes = 0;
    for (int v = 0; v < n; ++v) {
      Decision sub = all.Over(g, [&](std::size_t x) { return all.CellOf(x, i) == v; });
      if (sub.status != Decision::Status::kUndetermined) ++settled;
      routes += static_cast<double>(sub.routes.size());
    }
    scores.push_back({settled * 1000 / n, routes / n, static_cast<int>(u), m.facts[all.open[i]]});
  }
  return Ranked(std::move(scores));
}

// A case with unknown facts on a graph of masks: every combination of the
// unknown facts' cells matched, when there are few enough. Exact as the
// search is (every combination is a case that exists), with the same path
// (the known facts on the ways the combinations take, in order first met)
// and the same ranking of questions. Nullopt when there are too many.
std::optional<Decision> EnumeratePartlyKnown(const DecisionGraph& g, const FirstHitMasks& m,
                                             const Case& c) {
  Combinations all;
  std::size_t combinations = 1;
  for (size_t k = 0; k < m.facts.size(); ++k) {
    if (c.values[static_cast<size_t>(m.facts[k])]) continue;
    all.open.push_back(k);
    all.stride.push_back(combinations);
    all.cells.push_back(g.domain(m.facts[k]).cell_count());
    combinations *= static_cast<std::size_t>(all.cells.back());
    if (combinations > kMostCombinations) return std::nullopt;
  }
  std::vector<int> cell(m.facts.size(), kUnknownCell);
  all.leaf_of.resize(combinations);
  std::vector<int> met;  // facts on the ways, in order first met
  std::vector<char> seen(c.values.size(), 0);
  Decision one;
  for (std::size_t x = 0; x < combinations; ++x) {
    for (size_t i = 0; i < all.open.size(); ++i) cell[all.open[i]] = all.CellOf(x, i);
    MatchMasks(g, m, c, cell.data(), one);
    all.leaf_of[x] = one.leaf;
    for (int f : one.path) {
      if (!seen[static_cast<size_t>(f)]) {
        seen[static_cast<size_t>(f)] = 1;
        met.push_back(f);
      }
    }
  }
  Decision d = all.Over(g, [](std::size_t) { return true; });
  std::vector<size_t> unknown;
  for (int f : met) {
    if (c.values[static_cast<size_t>(f)]) {
      d.path.push_back(f);
      continue;
    }
    for (size_t i = 0; i < all.open.size(); ++i) {
      if (m.facts[all.open[i]] == f) unknown.push_back(i);
    }
  }
  if (d.status == Decision::Status::kUndetermined) d.ask = RankQuestions(g, m, all, unknown);
  return d;
}

Decision EvaluatePartlyKnown(const DecisionGraph& g, const Case& c) {
  if (const FirstHitMasks* m = g.masks()) {
    if (std::optional<Decision> d = EnumeratePartlyKnown(g, *m, c)) return *d;
  }
  Region region(g);
  std::vector<bool> known(c.values.size(), false);
  for (size_t f = 0; f < c.values.size(); ++f) {
    if (!c.values[f]) continue;
    known[f] = true;
    region.Fix(static_cast<int>(f), g.domain(static_cast<int>(f)).CellOf(*c.values[f]));
  }
  FeasibleSearch search(g, kSearchBudget);
  std::vector<Ref> visited;
  std::optional<std::vector<int>> leaves = search.Leaves(region, &visited);
  bool exact = leaves.has_value();
  if (!exact) {
    visited.clear();
    leaves = AllLeavesBelow(g, region, visited);
  }
  Decision d;
  std::vector<int> unknown;
  std::vector<char> seen(c.values.size(), 0);
  for (Ref n : visited) {
    int fact = g.nodes()[n].fact;
    if (seen[fact]) continue;
    seen[fact] = 1;
    (known[fact] ? d.path : unknown).push_back(fact);
  }
  Conclude(g, *leaves, d);
  if (d.status != Decision::Status::kUndetermined) return d;
  if (!exact) {
    d.ask = unknown;
    return d;
  }

  // Rank the facts whose answer matters: first those whose answer most often
  // settles the route, then those that leave the fewest routes open.
  std::vector<QuestionScore> scores;
  for (size_t k = 0; k < unknown.size(); ++k) {
    int fact = unknown[k];
    int n = g.domain(fact).cell_count();
    bool matters = false;
    for (int a = 0; a < n && !matters; ++a) {
      for (int b = a + 1; b < n && !matters; ++b) {
        matters = search.Differ(region, fact, a, b).value_or(true);
      }
    }
    if (!matters) continue;
    int settled = 0;
    double open = 0;
    for (int cell = 0; cell < n; ++cell) {
      Region fixed = region;
      fixed.Fix(fact, cell);
      std::optional<std::vector<int>> sub_leaves = search.Leaves(fixed);
      if (!sub_leaves || sub_leaves->empty()) continue;
      Decision sub;
      Conclude(g, *sub_leaves, sub);
      if (sub.status != Decision::Status::kUndetermined) ++settled;
      open += static_cast<double>(sub.routes.size());
    }
    scores.push_back({settled * 1000 / n, open / n, static_cast<int>(k), fact});
  }
  d.ask = Ranked(std::move(scores));
  return d;
}

}  // namespace

Decision Evaluate(const DecisionGraph& g, const Case& c) {
  Decision d;
  Evaluate(g, c, d);
  return d;
}

void Evaluate(const DecisionGraph& g, const Case& c, Decision& d) {
  TRIAGE_ASSERT(c.values.size() == g.rules().facts.size(),
                "a case is validated against the graph's own rule set");
  // A chain of one-rule diagrams: the masks find the deciding rule of a
  // complete case without the walk, and the path the walk would take.
  if (const FirstHitMasks* masks = g.masks(); masks && MatchMasks(g, *masks, c, d)) return;
  // Each step reads the value of the fact it tests and goes to the child's
  // entry, which already says what the child tests: one load of the case
  // and one of the graph per fact, and nothing stored until the end. The
  // path lists each fact once: a chain of diagrams may test a fact again.
  const std::optional<Value>* values = c.values.data();
  const FactDomain* domains = g.domains().data();
  const DecisionGraph::Step* steps = g.steps().data();
  const size_t facts = c.values.size();
  IntBuffer path_buffer(facts);
  int* path = path_buffer.data();
  const bool chain = !g.ordered();
  thread_local std::vector<char> listed;
  if (chain) listed.assign(facts, 0);
  size_t depth = 0;
  DecisionGraph::Step at = g.root_step();
  while (at.fact >= 0) {
    const std::optional<Value>& v = values[at.fact];
    if (!v) {
      d = EvaluatePartlyKnown(g, c);
      return;
    }
    if (!chain) {
      path[depth++] = at.fact;
    } else if (!listed[static_cast<size_t>(at.fact)]) {
      listed[static_cast<size_t>(at.fact)] = 1;
      path[depth++] = at.fact;
    }
    at = steps[at.first + domains[at.fact].CellOf(*v)];
  }
  d.path.assign(path, path + depth);
  const Ref r = at.first;  // the leaf reached
  d.leaf = DecisionGraph::LeafOf(r);
  const Leaf& leaf = g.leaves()[static_cast<size_t>(d.leaf)];
  d.status = leaf.routes.empty() ? Decision::Status::kUnrouted : Decision::Status::kDecided;
  d.routes = leaf.routes;
  d.rule = leaf.rule;
  d.by_default = leaf.by_default;
  d.may_be_unrouted = false;
  d.ask.clear();
  if (g.rules().hit_policy == HitPolicy::kCollect) {
    d.rules = leaf.rules;
  } else {
    d.rules.clear();
  }
}

}  // namespace triage
