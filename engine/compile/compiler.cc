// This file's external interface is just CompileRuleSet (compile.h).
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <numeric>

#include "compile/mdd.h"
#include "compile/predicate.h"
#include "triage/compile.h"

namespace triage {
namespace {

void CollectFacts(const RuleSet& rs, const Expr& e, std::vector<int>& out,
                  int depth = 0) {
  if (e.ref == Expr::Ref::kFact && e.index >= 0) out.push_back(e.index);
  if (e.ref == Expr::Ref::kCondition && e.index >= 0 && depth < 256) {
    const Expr* c = rs.conditions[e.index].expr.get();
    if (c) CollectFacts(rs, *c, out, depth + 1);
  }
  for (const auto& c : e.children) CollectFacts(rs, *c, out, depth);
}

}  // namespace

class GraphCompiler {
 public:
  GraphCompiler(const RuleSet& rs, const CompileOptions& options)
      : rs_(rs), options_(options) {}

  std::optional<DecisionGraph> Run(Diagnostics& diags) {
    DecisionGraph g;
    g.rules_ = &rs_;
    for (size_t f = 0; f < rs_.facts.size(); ++f) {
      g.domains_.push_back(FactDomain::Build(rs_, static_cast<int>(f)));
    }
    std::vector<int> rule_order = EvaluationOrder();
    g.fact_order_ = FactOrder(rule_order);
    std::vector<int> level_of_fact(rs_.facts.size(), -1);
    std::vector<int> cells;
    for (size_t l = 0; l < g.fact_order_.size(); ++l) {
      level_of_fact[static_cast<size_t>(g.fact_order_[l])] = static_cast<int>(l);
      cells.push_back(g.domains_[static_cast<size_t>(g.fact_order_[l])].cell_count());
    }
    mdd::Diagram dd(cells, options_.node_budget);
    PredicateBuilder preds(rs_, g.domains_, level_of_fact, dd);
    int root = 0;
    try {
      root = BuildOutcomes(dd, preds, rule_order);
    } catch (const mdd::BudgetExceeded&) {
      diags.Error({}, "E043",
                  fmt::format("the decision graph grew past its budget of {} "
                              "nodes; split the rule set or simplify rules "
                              "that test many unrelated facts",
                              options_.node_budget));
      return std::nullopt;
    }
    Flatten(dd, root, g);
    return g;
  }

 private:
  // The order in which rules are tried: file order, or for `priority` by
  // route precedence (stable).
  std::vector<int> EvaluationOrder() const {
    std::vector<int> order(rs_.rules.size());
    std::iota(order.begin(), order.end(), 0);
    if (rs_.hit_policy == HitPolicy::kPriority) {
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return rs_.rules[a].route_index < rs_.rules[b].route_index;
      });
    }
    return order;
  }

  // Facts tested by the earliest rules first, then by most rules: the
  // earliest rules decide most paths, so testing their facts first keeps
  // the diagram small.
  std::vector<int> FactOrder(const std::vector<int>& rule_order) const {
    size_t n = rs_.facts.size();
    std::vector<int> first(n, -1), count(n, 0);
    for (size_t pos = 0; pos < rule_order.size(); ++pos) {
      const Rule& r = rs_.rules[static_cast<size_t>(rule_order[pos])];
      if (!r.when) continue;
      std::vector<int> facts;
      CollectFacts(rs_, *r.when, facts);
      std::sort(facts.begin(), facts.end());
      facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
      for (int f : facts) {
        if (first[f] < 0) first[f] = static_cast<int>(pos);
        ++count[f];
      }
    }
    for (const Guarantee& gu : rs_.guarantees) {
      if (!gu.that) continue;
      std::vector<int> facts;
      CollectFacts(rs_, *gu.that, facts);
      for (int f : facts) {
        if (first[f] < 0) first[f] = static_cast<int>(rule_order.size());
      }
    }
    std::vector<int> order;
    for (size_t f = 0; f < n; ++f) {
      if (first[f] >= 0) order.push_back(static_cast<int>(f));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      if (first[a] != first[b]) return first[a] < first[b];
      return count[a] > count[b];
    });
    return order;
  }

  int Intern(std::vector<int> rules) {
    auto [it, inserted] =
        outcome_ids_.emplace(rules, static_cast<int>(outcomes_.size()));
    if (inserted) outcomes_.push_back(std::move(rules));
    return it->second;
  }

  int BuildOutcomes(mdd::Diagram& dd, PredicateBuilder& preds,
                    const std::vector<int>& rule_order) {
    int g = dd.Terminal(Intern({}));
    bool single = rs_.hit_policy == HitPolicy::kFirst ||
                  rs_.hit_policy == HitPolicy::kPriority;
    // Built from the last rule to the first: G = ITE(rule_i, leaf_i, G).
    for (auto it = rule_order.rbegin(); it != rule_order.rend(); ++it) {
      int i = *it;
      const Rule& r = rs_.rules[static_cast<size_t>(i)];
      if (!r.when) continue;
      int p = preds.Build(*r.when);
      g = dd.Apply(p, g, [&](int holds, int rest) {
        if (!holds) return rest;
        if (single) return Intern({i});
        std::vector<int> rules = {i};
        const std::vector<int>& more = outcomes_[static_cast<size_t>(rest)];
        rules.insert(rules.end(), more.begin(), more.end());
        return Intern(std::move(rules));
      });
    }
    return g;
  }

  Leaf MakeLeaf(const std::vector<int>& rules) const {
    Leaf leaf;
    leaf.rules = rules;
    std::sort(leaf.rules.begin(), leaf.rules.end());
    for (int r : leaf.rules) leaf.routes.push_back(rs_.rules[r].route_index);
    std::sort(leaf.routes.begin(), leaf.routes.end());
    leaf.routes.erase(std::unique(leaf.routes.begin(), leaf.routes.end()),
                      leaf.routes.end());
    if (leaf.rules.empty()) {
      if (rs_.default_route_index >= 0) {
        leaf.routes = {rs_.default_route_index};
        leaf.by_default = true;
      }
      return leaf;
    }
    switch (rs_.hit_policy) {
      case HitPolicy::kFirst:
      case HitPolicy::kPriority:
        leaf.rule = leaf.rules[0];
        break;
      case HitPolicy::kUnique:
        if (leaf.rules.size() == 1) {
          leaf.rule = leaf.rules[0];
        } else {
          leaf.conflict = true;
        }
        break;
      case HitPolicy::kCollect:
        for (int r : leaf.rules) {
          if (rs_.rules[r].route_index == leaf.routes[0]) {
            leaf.rule = r;
            break;
          }
        }
        break;
    }
    return leaf;
  }

  // Copies the nodes reachable from `root` into the flat form, parents
  // before children (a topological order, found with Boost.Graph).
  void Flatten(const mdd::Diagram& dd, int root, DecisionGraph& g) {
    std::map<int, int> vertex_of;  // diagram node -> vertex
    std::vector<int> node_of_vertex;
    std::map<int, int> leaf_of_terminal;
    std::vector<int> stack = {root};
    while (!stack.empty()) {
      int n = stack.back();
      stack.pop_back();
      if (dd.IsTerminal(n)) {
        if (!leaf_of_terminal.count(n)) {
          int leaf = static_cast<int>(g.leaves_.size());
          leaf_of_terminal[n] = leaf;
          g.leaves_.push_back(MakeLeaf(outcomes_[dd.TerminalValue(n)]));
        }
        continue;
      }
      if (vertex_of.count(n)) continue;
      vertex_of[n] = static_cast<int>(node_of_vertex.size());
      node_of_vertex.push_back(n);
      for (int c = dd.Cells(dd.Level(n)) - 1; c >= 0; --c) {
        stack.push_back(dd.Child(n, c));
      }
    }
    using BGraph = boost::adjacency_list<boost::vecS, boost::vecS,
                                         boost::directedS>;
    BGraph bg(node_of_vertex.size());
    for (size_t v = 0; v < node_of_vertex.size(); ++v) {
      int n = node_of_vertex[v];
      for (int c = 0; c < dd.Cells(dd.Level(n)); ++c) {
        int child = dd.Child(n, c);
        if (!dd.IsTerminal(child)) {
          boost::add_edge(v, static_cast<size_t>(vertex_of[child]), bg);
        }
      }
    }
    std::vector<size_t> reverse_topo;
    boost::topological_sort(bg, std::back_inserter(reverse_topo));
    std::vector<int> index_of_vertex(node_of_vertex.size());
    for (size_t k = 0; k < reverse_topo.size(); ++k) {
      index_of_vertex[reverse_topo[reverse_topo.size() - 1 - k]] =
          static_cast<int>(k);
    }
    auto ref_of = [&](int n) -> DecisionGraph::Ref {
      if (dd.IsTerminal(n)) return -leaf_of_terminal[n] - 1;
      return index_of_vertex[static_cast<size_t>(vertex_of[n])];
    };
    g.nodes_.resize(node_of_vertex.size());
    for (size_t k = 0; k < reverse_topo.size(); ++k) {
      size_t v = reverse_topo[reverse_topo.size() - 1 - k];
      int n = node_of_vertex[v];
      int level = dd.Level(n);
      g.nodes_[k] = {g.fact_order_[static_cast<size_t>(level)],
                     static_cast<int>(g.children_.size())};
      std::vector<int> distinct;
      for (int c = 0; c < dd.Cells(level); ++c) {
        int child = ref_of(dd.Child(n, c));
        g.children_.push_back(child);
        if (std::find(distinct.begin(), distinct.end(), child) ==
            distinct.end()) {
          distinct.push_back(child);
        }
      }
      g.edge_count_ += distinct.size();
    }
    g.root_ = ref_of(root);
  }

  const RuleSet& rs_;
  const CompileOptions& options_;
  std::vector<std::vector<int>> outcomes_;
  std::map<std::vector<int>, int> outcome_ids_;
};

std::optional<DecisionGraph> CompileRuleSet(const RuleSet& rs,
                                            const CompileOptions& options,
                                            Diagnostics& diags) {
  return GraphCompiler(rs, options).Run(diags);
}

}  // namespace triage
