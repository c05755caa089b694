// This file's external interface is just CompileRuleSet (compile.h).
#include "triage/compile.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>

#include "compile/masks.h"
#include "compile/mdd.h"
#include "compile/predicate.h"

namespace triage {
namespace {

// The terminal value of "no rule in this diagram holds: go on to the next".
constexpr int kContinue = -1;
// A child slot waiting for the next diagram's root.
constexpr DecisionGraph::Ref kPendingRef = std::numeric_limits<int>::min();

// A single rule needs more nodes than a diagram may have.
struct RuleTooBig {
  int rule;
};

}  // namespace

class GraphCompiler {
 public:
  GraphCompiler(const RuleSet& rs, const CompileOptions& options) : rs_(rs), options_(options) {}

  std::optional<DecisionGraph> Run(Diagnostics& diags) {
    DecisionGraph g;
    g.rules_ = &rs_;
    for (size_t f = 0; f < rs_.facts.size(); ++f) {
      g.domains_.push_back(FactDomain::Build(rs_, static_cast<int>(f)));
    }
    std::vector<int> rule_order = EvaluationOrder(rs_);
    g.fact_order_ = FactOrder(rule_order);
    level_of_fact_.assign(rs_.facts.size(), -1);
    for (size_t l = 0; l < g.fact_order_.size(); ++l) {
      level_of_fact_[static_cast<size_t>(g.fact_order_[l])] = static_cast<int>(l);
      cells_.push_back(g.domains_[static_cast<size_t>(g.fact_order_[l])].cell_count());
    }
    auto too_big = [&] {
      diags.Error({}, "E043",
                  fmt::format("the decision graph grew past its budget of {} "
                              "nodes; split the rule set or simplify rules "
                              "that test many unrelated facts",
                              options_.node_budget));
    };
    try {
      bool chain = rs_.hit_policy == HitPolicy::kFirst || rs_.hit_policy == HitPolicy::kPriority;
      std::optional<DecisionGraph::Ref> root;
      if (!chain) {
        root = BuildSingle(g, rule_order);
      } else if (options_.max_diagrams > 0) {
        root = BuildChain(g, rule_order, false);
      }
      if (chain && !root) {
        Restart(g);
        g.one_rule_diagrams_ = true;
        root = BuildChain(g, rule_order, true);
      }
      Finish(g, *root);
      if (g.one_rule_diagrams_) {
        if (std::optional<FirstHitMasks> masks = BuildMasks(g)) {
          g.masks_ = std::make_shared<const FirstHitMasks>(std::move(*masks));
        }
      }
    } catch (const mdd::BudgetExceeded&) {
      too_big();
      return std::nullopt;
    } catch (const RuleTooBig& big) {
      diags.Error(
          rs_.rules[static_cast<size_t>(big.rule)].pos, "E043",
          fmt::format("rule '{}' alone needs more than {} decision "
                      "graph nodes; simplify it",
                      rs_.rules[static_cast<size_t>(big.rule)].id, options_.diagram_budget));
      return std::nullopt;
    }
    return g;
  }

 private:
  // Facts tested by the earliest rules first, then by most rules: the
  // earliest rules decide most paths, so testing their facts first keeps
  // the diagram small.
  std::vector<int> FactOrder(const std::vector<int>& rule_order) const {
    size_t n = rs_.facts.size();
    std::vector<int> first(n, -1), count(n, 0);
    for (size_t pos = 0; pos < rule_order.size(); ++pos) {
      const Rule& r = rs_.rules[static_cast<size_t>(rule_order[pos])];
      if (!r.when) continue;
      for (int f : FactsRead(rs_, *r.when)) {
        if (first[f] < 0) first[f] = static_cast<int>(pos);
        ++count[f];
      }
    }
    for (const Guarantee& gu : rs_.guarantees) {
      if (!gu.that) continue;
      for (int f : FactsRead(rs_, *gu.that)) {
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
    auto [it, inserted] = outcome_ids_.emplace(rules, static_cast<int>(outcomes_.size()));
    if (inserted) outcomes_.push_back(std::move(rules));
    return it->second;
  }

  // `unique` and `collect`: one diagram whose leaves are the sets of rules
  // that hold.
  std::optional<DecisionGraph::Ref> BuildSingle(DecisionGraph& g,
                                                const std::vector<int>& rule_order) {
    mdd::Diagram dd(cells_, options_.node_budget);
    PredicateBuilder preds(rs_, g.domains_, level_of_fact_, dd);
    int d = dd.Terminal(Intern({}));
    for (auto it = rule_order.rbegin(); it != rule_order.rend(); ++it) {
      int i = *it;
      const Rule& r = rs_.rules[static_cast<size_t>(i)];
      if (!r.when) continue;
      int p = preds.Build(*r.when);
      d = dd.Apply(p, d, [&](int holds, int rest) {
        if (!holds) return rest;
        std::vector<int> rules = {i};
        const std::vector<int>& more = outcomes_[static_cast<size_t>(rest)];
        rules.insert(rules.end(), more.begin(), more.end());
        return Intern(std::move(rules));
      });
    }
    DecisionGraph::Ref root = AddDiagram(g, dd, d, nullptr);
    g.diagram_roots_ = {root};
    return root;
  }

  // `first` and `priority`: rules are added in evaluation order to a diagram
  // whose "no rule holds yet" terminal (kContinue) is replaced by
  // ITE(rule, leaf, kContinue). When the diagram grows past its budget it
  // is closed and the next rules start a new diagram that its kContinue
  // leads to. Once kContinue is gone every case is decided, and the rules
  // after that can decide nothing (the analyses report them as dead).
  //
  // The cost model: past CompileOptions::max_diagrams diagrams (or when the
  // rules per diagram so far say it will come to that), the rules share so
  // few tests that a walk would cross many large diagrams; the chain is then
  // given up (nullopt) and built again with `one_rule` diagrams, one rule
  // each, which the masks match without a walk.
  std::optional<DecisionGraph::Ref> BuildChain(DecisionGraph& g, const std::vector<int>& rule_order,
                                               bool one_rule) {
    size_t n = rule_order.size();
    size_t i = 0;
    g.diagram_roots_.clear();
    DecisionGraph::Ref root = kPendingRef;
    std::vector<size_t> pending;  // child slots that lead to the next diagram
    bool open = true;             // some cases are still undecided
    while (i < n && open) {
      mdd::Diagram dd(cells_, std::min(options_.diagram_budget, options_.node_budget));
      PredicateBuilder preds(rs_, g.domains_, level_of_fact_, dd);
      int d = dd.Terminal(kContinue);
      size_t first = i;
      while (i < n) {
        int rule = rule_order[i];
        try {
          int p = preds.Build(*rs_.rules[static_cast<size_t>(rule)].when);
          int leaf = Intern({rule});
          d = dd.Apply(d, p, [&](int so_far, int holds) {
            return so_far == kContinue && holds ? leaf : so_far;
          });
          ++i;
        } catch (const mdd::BudgetExceeded&) {
          if (i == first) throw RuleTooBig{rule};
          break;
        }
        if (!Reaches(dd, d, kContinue)) {
          open = false;
          break;
        }
        if (one_rule) break;
      }
      if (!one_rule && open && i < n) {
        // Diagrams so far, and those the rest would take at this rate.
        size_t made = g.diagram_roots_.size() + 1;
        size_t rate = std::max<size_t>(i / made, 1);
        if (made + (n - i + rate - 1) / rate > options_.max_diagrams) return std::nullopt;
      }
      std::vector<size_t> slots;
      DecisionGraph::Ref block = AddDiagram(g, dd, d, &slots);
      // A diagram none of whose rules can hold leads straight on: whatever
      // led to it leads to the next one.
      if (block == kPendingRef) continue;
      g.diagram_roots_.push_back(block);
      if (root == kPendingRef) root = block;
      for (size_t slot : pending) g.children_[slot] = block;
      pending = std::move(slots);
      if (g.nodes_.size() > options_.node_budget) throw mdd::BudgetExceeded();
    }
    DecisionGraph::Ref none = LeafFor(g, Intern({}));
    for (size_t slot : pending) g.children_[slot] = none;
    if (root == kPendingRef) {  // no rule can hold
      g.diagram_roots_ = {none};
      return none;
    }
    return root;
  }

  // Forgets a chain given up, to build it again.
  void Restart(DecisionGraph& g) {
    g.nodes_.clear();
    g.children_.clear();
    g.leaves_.clear();
    g.diagram_roots_.clear();
    leaf_of_outcome_.clear();
  }

  // Whether terminal `value` is reachable from diagram node `from`.
  static bool Reaches(const mdd::Diagram& dd, int from, int value) {
    std::vector<int> stack = {from};
    std::unordered_set<int> seen;
    while (!stack.empty()) {
      int n = stack.back();
      stack.pop_back();
      if (dd.IsTerminal(n)) {
        if (dd.TerminalValue(n) == value) return true;
        continue;
      }
      if (!seen.insert(n).second) continue;
      for (int c = dd.Cells(dd.Level(n)) - 1; c >= 0; --c) stack.push_back(dd.Child(n, c));
    }
    return false;
  }

  DecisionGraph::Ref LeafFor(DecisionGraph& g, int outcome) {
    auto [it, inserted] = leaf_of_outcome_.emplace(outcome, static_cast<int>(g.leaves_.size()));
    if (inserted) {
      g.leaves_.push_back(MakeLeaf(outcomes_[static_cast<size_t>(outcome)]));
    }
    return -it->second - 1;
  }

  // Copies the nodes of diagram `root` into the graph. The child slots that
  // lead to the terminal kContinue are listed in `continue_slots`, to be set
  // once the next diagram is there. Returns the root's reference
  // (kPendingRef when the root itself is kContinue).
  DecisionGraph::Ref AddDiagram(DecisionGraph& g, const mdd::Diagram& dd, int root,
                                std::vector<size_t>* continue_slots) {
    const DecisionGraph::Ref continue_to = kPendingRef;
    std::map<int, DecisionGraph::Ref> ref_of;
    std::vector<int> order;  // inner diagram nodes, as first reached
    std::vector<int> stack = {root};
    while (!stack.empty()) {
      int n = stack.back();
      stack.pop_back();
      if (ref_of.count(n)) continue;
      if (dd.IsTerminal(n)) {
        int v = dd.TerminalValue(n);
        ref_of[n] = v == kContinue ? continue_to : LeafFor(g, v);
        continue;
      }
      ref_of[n] = static_cast<int>(g.nodes_.size() + order.size());
      order.push_back(n);
      for (int c = dd.Cells(dd.Level(n)) - 1; c >= 0; --c) {
        stack.push_back(dd.Child(n, c));
      }
    }
    for (int n : order) {
      int level = dd.Level(n);
      g.nodes_.push_back(
          {g.fact_order_[static_cast<size_t>(level)], static_cast<int>(g.children_.size())});
      for (int c = 0; c < dd.Cells(level); ++c) {
        DecisionGraph::Ref child = ref_of[dd.Child(n, c)];
        if (child == kPendingRef && continue_slots) {
          continue_slots->push_back(g.children_.size());
        }
        g.children_.push_back(child);
      }
    }
    return ref_of[root];
  }

  Leaf MakeLeaf(const std::vector<int>& rules) const {
    Leaf leaf;
    leaf.rules = rules;
    std::sort(leaf.rules.begin(), leaf.rules.end());
    for (int r : leaf.rules) leaf.routes.push_back(rs_.rules[r].route_index);
    std::sort(leaf.routes.begin(), leaf.routes.end());
    leaf.routes.erase(std::unique(leaf.routes.begin(), leaf.routes.end()), leaf.routes.end());
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

  // Keeps what the root reaches, numbered parents first (a topological
  // order, found with Boost.Graph) and leaves in the order first reached;
  // records the facts tested below each node.
  void Finish(DecisionGraph& g, DecisionGraph::Ref root) {
    size_t n = g.nodes_.size();
    auto cells_of = [&](size_t node) {
      return g.domains_[static_cast<size_t>(g.nodes_[node].fact)].cell_count();
    };
    std::vector<char> reached(n, 0);
    std::vector<int> leaf_index(g.leaves_.size(), -1);
    std::vector<Leaf> leaves;
    std::vector<DecisionGraph::Ref> stack = {root};
    while (!stack.empty()) {
      DecisionGraph::Ref r = stack.back();
      stack.pop_back();
      if (DecisionGraph::IsLeaf(r)) {
        int l = DecisionGraph::LeafOf(r);
        if (leaf_index[l] < 0) {
          leaf_index[l] = static_cast<int>(leaves.size());
          leaves.push_back(std::move(g.leaves_[l]));
        }
        continue;
      }
      if (reached[r]) continue;
      reached[r] = 1;
      for (int c = cells_of(r) - 1; c >= 0; --c) stack.push_back(g.Child(r, c));
    }
    using BGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    BGraph bg(n);
    for (size_t v = 0; v < n; ++v) {
      if (!reached[v]) continue;
      for (int c = 0; c < cells_of(v); ++c) {
        DecisionGraph::Ref child = g.Child(static_cast<int>(v), c);
        if (!DecisionGraph::IsLeaf(child)) boost::add_edge(v, static_cast<size_t>(child), bg);
      }
    }
    std::vector<size_t> reverse_topo;
    boost::topological_sort(bg, std::back_inserter(reverse_topo));
    std::vector<int> new_index(n, -1);
    std::vector<size_t> old_of_new;
    for (auto it = reverse_topo.rbegin(); it != reverse_topo.rend(); ++it) {
      if (!reached[*it]) continue;
      new_index[*it] = static_cast<int>(old_of_new.size());
      old_of_new.push_back(*it);
    }
    auto remap = [&](DecisionGraph::Ref r) -> DecisionGraph::Ref {
      if (DecisionGraph::IsLeaf(r)) return -leaf_index[DecisionGraph::LeafOf(r)] - 1;
      return new_index[static_cast<size_t>(r)];
    };
    std::vector<DecisionGraph::Node> nodes;
    std::vector<DecisionGraph::Ref> children;
    g.edge_count_ = 0;
    for (size_t old : old_of_new) {
      nodes.push_back({g.nodes_[old].fact, static_cast<int>(children.size())});
      std::vector<DecisionGraph::Ref> distinct;
      for (int c = 0; c < cells_of(old); ++c) {
        DecisionGraph::Ref child = remap(g.Child(static_cast<int>(old), c));
        children.push_back(child);
        if (std::find(distinct.begin(), distinct.end(), child) == distinct.end()) {
          distinct.push_back(child);
        }
      }
      g.edge_count_ += distinct.size();
    }
    g.nodes_ = std::move(nodes);
    g.children_ = std::move(children);
    g.leaves_ = std::move(leaves);
    g.root_ = remap(root);
    for (DecisionGraph::Ref& r : g.diagram_roots_) r = remap(r);
    auto step = [&](DecisionGraph::Ref r) -> DecisionGraph::Step {
      if (DecisionGraph::IsLeaf(r)) return {-1, r};
      return {g.nodes_[static_cast<size_t>(r)].fact, g.nodes_[static_cast<size_t>(r)].first_child};
    };
    g.steps_.clear();
    for (DecisionGraph::Ref child : g.children_) g.steps_.push_back(step(child));
    g.root_step_ = step(g.root_);
  }

  const RuleSet& rs_;
  const CompileOptions& options_;
  std::vector<int> level_of_fact_;
  std::vector<int> cells_;
  std::vector<std::vector<int>> outcomes_;
  std::map<std::vector<int>, int> outcome_ids_;
  std::map<int, int> leaf_of_outcome_;
};

std::vector<int> EvaluationOrder(const RuleSet& rs) {
  std::vector<int> order(rs.rules.size());
  std::iota(order.begin(), order.end(), 0);
  if (rs.hit_policy == HitPolicy::kPriority) {
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return rs.rules[a].route_index < rs.rules[b].route_index;
    });
  }
  return order;
}

std::optional<DecisionGraph> CompileRuleSet(const RuleSet& rs, const CompileOptions& options,
                                            Diagnostics& diags) {
  for (const Rule& r : rs.rules) {
    TRIAGE_ASSERT(
        r.when && r.route_index >= 0 && r.route_index < static_cast<int>(rs.routes.size()),
        "the rule set is checked: every rule has a condition and a known route");
  }
  TRIAGE_ASSERT(!rs.default_route || rs.default_route_index >= 0,
                "the rule set is checked: the default route is known");
  return GraphCompiler(rs, options).Run(diags);
}

}  // namespace triage
