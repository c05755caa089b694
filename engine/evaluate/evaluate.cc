// This file's external interface is just Evaluate (evaluate.h).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "triage/evaluate.h"

namespace triage {
namespace {

using Ref = DecisionGraph::Ref;

// Explores the part of the graph a partly known case can reach.
class Explorer {
 public:
  Explorer(const DecisionGraph& g, std::vector<int> cells)
      : g_(g), cells_(std::move(cells)), level_of_fact_(cells_.size(), 1 << 30) {
    const std::vector<int>& order = g.fact_order();
    for (size_t l = 0; l < order.size(); ++l) {
      level_of_fact_[static_cast<size_t>(order[l])] = static_cast<int>(l);
    }
  }

  struct Reach {
    std::vector<int> leaves;         // sorted
    std::vector<int> known_facts;    // in first-visit order
    std::vector<int> unknown_facts;  // in first-visit order
    std::vector<int> unknown_nodes;  // nodes testing an unknown fact
  };

  Reach Explore() const {
    Reach reach;
    std::vector<char> seen_node(g_.nodes().size(), 0);
    std::vector<char> seen_fact(cells_.size(), 0);
    std::vector<char> seen_leaf(g_.leaves().size(), 0);
    std::vector<Ref> stack = {g_.root()};
    while (!stack.empty()) {
      Ref r = stack.back();
      stack.pop_back();
      if (DecisionGraph::IsLeaf(r)) {
        int leaf = DecisionGraph::LeafOf(r);
        if (!seen_leaf[leaf]) {
          seen_leaf[leaf] = 1;
          reach.leaves.push_back(leaf);
        }
        continue;
      }
      if (seen_node[r]) continue;
      seen_node[r] = 1;
      int fact = g_.nodes()[r].fact;
      int cell = cells_[fact];
      if (!seen_fact[fact]) {
        seen_fact[fact] = 1;
        (cell >= 0 ? reach.known_facts : reach.unknown_facts).push_back(fact);
      }
      if (cell >= 0) {
        stack.push_back(g_.Child(r, cell));
        continue;
      }
      reach.unknown_nodes.push_back(r);
      int n = g_.domain(fact).cell_count();
      for (int c = n - 1; c >= 0; --c) stack.push_back(g_.Child(r, c));
    }
    std::sort(reach.leaves.begin(), reach.leaves.end());
    return reach;
  }

  // Whether some answers to the unknown facts lead `a` and `b` to different
  // routes.
  bool Differ(Ref a, Ref b) {
    if (a == b) return false;
    bool la = DecisionGraph::IsLeaf(a), lb = DecisionGraph::IsLeaf(b);
    if (la && lb) {
      return g_.leaves()[DecisionGraph::LeafOf(a)].routes !=
             g_.leaves()[DecisionGraph::LeafOf(b)].routes;
    }
    auto key = std::make_pair(a, b);
    if (auto it = differ_memo_.find(key); it != differ_memo_.end()) {
      return it->second;
    }
    int level_a = la ? 1 << 30 : level_of_fact_[g_.nodes()[a].fact];
    int level_b = lb ? 1 << 30 : level_of_fact_[g_.nodes()[b].fact];
    int fact = level_a <= level_b ? g_.nodes()[a].fact : g_.nodes()[b].fact;
    int level = std::min(level_a, level_b);
    auto child = [&](Ref r, int r_level, int cell) {
      return r_level == level ? g_.Child(r, cell) : r;
    };
    bool result = false;
    if (cells_[fact] >= 0) {
      result = Differ(child(a, level_a, cells_[fact]),
                      child(b, level_b, cells_[fact]));
    } else {
      for (int c = 0; c < g_.domain(fact).cell_count() && !result; ++c) {
        result = Differ(child(a, level_a, c), child(b, level_b, c));
      }
    }
    differ_memo_.emplace(key, result);
    return result;
  }

  // Whether the answer to `fact` can change the routes, other answers being
  // equal.
  bool Matters(int fact, const std::vector<int>& unknown_nodes) {
    for (Ref n : unknown_nodes) {
      if (g_.nodes()[n].fact != fact) continue;
      int cells = g_.domain(fact).cell_count();
      for (int c1 = 0; c1 < cells; ++c1) {
        for (int c2 = c1 + 1; c2 < cells; ++c2) {
          if (Differ(g_.Child(n, c1), g_.Child(n, c2))) return true;
        }
      }
    }
    return false;
  }

  std::vector<int>& cells() { return cells_; }

 private:
  const DecisionGraph& g_;
  std::vector<int> cells_;
  std::vector<int> level_of_fact_;
  std::map<std::pair<Ref, Ref>, bool> differ_memo_;
};

void Conclude(const DecisionGraph& g, const std::vector<int>& leaves,
              Decision& d) {
  const Leaf& first = g.leaves()[leaves[0]];
  bool same_routes = std::all_of(leaves.begin(), leaves.end(), [&](int l) {
    return g.leaves()[l].routes == first.routes;
  });
  if (same_routes) {
    d.routes = first.routes;
    if (first.routes.empty()) {
      d.status = Decision::Status::kUnrouted;
      return;
    }
    d.status = Decision::Status::kDecided;
    bool same_rule = std::all_of(leaves.begin(), leaves.end(), [&](int l) {
      return g.leaves()[l].rule == first.rule;
    });
    d.rule = same_rule ? first.rule : -1;
    d.by_default = std::all_of(leaves.begin(), leaves.end(), [&](int l) {
      return g.leaves()[l].by_default;
    });
    if (g.rules().hit_policy == HitPolicy::kCollect) {
      // The rules that hold whatever the unknown facts are.
      d.rules = first.rules;
      for (int l : leaves) {
        std::vector<int> both;
        std::set_intersection(d.rules.begin(), d.rules.end(),
                              g.leaves()[l].rules.begin(),
                              g.leaves()[l].rules.end(),
                              std::back_inserter(both));
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

Decision EvaluatePartlyKnown(const DecisionGraph& g, const Case& c) {
  std::vector<int> cells(c.values.size(), -1);
  for (size_t f = 0; f < c.values.size(); ++f) {
    if (c.values[f]) cells[f] = g.domain(static_cast<int>(f)).CellOf(*c.values[f]);
  }
  Explorer explorer(g, cells);
  Explorer::Reach reach = explorer.Explore();
  Decision d;
  d.path = reach.known_facts;
  Conclude(g, reach.leaves, d);
  if (d.status != Decision::Status::kUndetermined) return d;

  // Rank the facts whose answer matters: first those whose answer most often
  // settles the route, then those that leave the fewest routes open.
  struct Score {
    int settled;
    double open;
    int order;
    int fact;
  };
  std::vector<Score> scores;
  for (size_t k = 0; k < reach.unknown_facts.size(); ++k) {
    int fact = reach.unknown_facts[k];
    if (!explorer.Matters(fact, reach.unknown_nodes)) continue;
    int n = g.domain(fact).cell_count();
    int settled = 0;
    double open = 0;
    for (int cell = 0; cell < n; ++cell) {
      std::vector<int> fixed = cells;
      fixed[fact] = cell;
      Explorer::Reach r = Explorer(g, fixed).Explore();
      Decision sub;
      Conclude(g, r.leaves, sub);
      if (sub.status != Decision::Status::kUndetermined) ++settled;
      open += static_cast<double>(sub.routes.size());
    }
    scores.push_back({settled * 1000 / n, open / n, static_cast<int>(k), fact});
  }
  std::sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) {
    return std::tie(b.settled, a.open, a.order) <
           std::tie(a.settled, b.open, b.order);
  });
  for (const Score& s : scores) d.ask.push_back(s.fact);
  return d;
}

}  // namespace

Decision Evaluate(const DecisionGraph& g, const Case& c) {
  Decision d;
  Evaluate(g, c, d);
  return d;
}

void Evaluate(const DecisionGraph& g, const Case& c, Decision& d) {
  d.path.clear();
  Ref r = g.root();
  while (!DecisionGraph::IsLeaf(r)) {
    int fact = g.nodes()[r].fact;
    const std::optional<Value>& v = c.values[fact];
    if (!v) {
      d = EvaluatePartlyKnown(g, c);
      return;
    }
    d.path.push_back(fact);
    r = g.Child(r, g.domain(fact).CellOf(*v));
  }
  const Leaf& leaf = g.leaves()[DecisionGraph::LeafOf(r)];
  d.status = leaf.routes.empty() ? Decision::Status::kUnrouted
                                 : Decision::Status::kDecided;
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
