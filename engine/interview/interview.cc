// This file's external interface is just Interview (interview.h).
#include "triage/interview.h"

#include <algorithm>
#include <map>

#include "triage/assert.h"

namespace triage {
namespace {

using Ref = DecisionGraph::Ref;

// How likely `cell` of `fact` is: as weighed, else every cell alike.
double WeightOf(const DecisionGraph& g, const CellWeights& weights, int fact, int cell) {
  auto f = static_cast<std::size_t>(fact);
  if (f < weights.size() && !weights[f].empty()) return weights[f][static_cast<std::size_t>(cell)];
  return 1.0 / g.domain(fact).cell_count();
}

// Looking two questions ahead is a millisecond or two for the shipped rule
// set; deeper costs a hundred times more for a few hundredths of a question
// (bench/interview_sim.cc). Large graphs look less far ahead, so that a
// question never takes long to choose.
constexpr int kLookahead = 2;
constexpr double kWorkPerQuestion = 5e7;

// How far ahead to look: each step multiplies the walks by the facts and
// cells that may be asked.
int LookaheadFor(const DecisionGraph& g, std::size_t candidates) {
  double cells = 0;
  for (int f : g.fact_order()) cells += g.domain(f).cell_count();
  double work = static_cast<double>(g.nodes().size() + 1) * static_cast<double>(candidates) * 4;
  int depth = 0;
  while (depth < kLookahead && work * cells <= kWorkPerQuestion) {
    work *= cells;
    ++depth;
  }
  return depth;
}

// What each fact is in a region of cases: a known cell, unknown and still to
// be asked, or unknown for good ("don't know").
constexpr int kAskable = -1;
constexpr int kDeclined = -2;

// The expected number of questions the graph's own order still asks from a
// region: walking down, a known fact follows its cell; an unknown one costs a
// question (none when declined) and averages over its cells; a node below
// which every leaf gives the same routes costs nothing, as the route is
// decided there. Valid on a single diagram, where a path tests each fact once.
class GraphOrderCost {
 public:
  GraphOrderCost(const DecisionGraph& g, const CellWeights& weights)
      : g_(g), weights_(weights), memo_(g.nodes().size()) {
    std::map<std::vector<int>, int> classes;
    for (const Leaf& leaf : g.leaves()) {
      auto [it, added] = classes.emplace(leaf.routes, static_cast<int>(classes.size()));
      leaf_class_.push_back(it->second);
    }
  }

  /// The expected questions from `state`; `open` receives the facts still
  /// to ask below a node whose routes are not yet settled.
  double Cost(const std::vector<int>& state, std::vector<int>* open = nullptr) {
    state_ = &state;
    open_ = open;
    if (open) open->clear();
    ++stamp_;
    return Walk(g_.root()).cost;
  }

 private:
  static constexpr int kMixed = -1;
  struct Result {
    int route_class;  // the routes every leaf below gives, or kMixed
    double cost;
  };
  struct Memo {
    unsigned stamp = 0;
    Result result{kMixed, 0};
  };

  // Depth is at most the number of facts: a diagram tests each once.
  Result Walk(Ref r) {
    if (DecisionGraph::IsLeaf(r)) {
      return {leaf_class_[static_cast<std::size_t>(DecisionGraph::LeafOf(r))], 0};
    }
    Memo& m = memo_[static_cast<std::size_t>(r)];
    if (m.stamp == stamp_) return m.result;
    int fact = g_.nodes()[static_cast<std::size_t>(r)].fact;
    int known = (*state_)[static_cast<std::size_t>(fact)];
    Result result;
    if (known >= 0) {
      result = Walk(g_.Child(r, known));
    } else {
      int cells = g_.domain(fact).cell_count();
      double sum = 0;
      int route_class = -2;  // none seen yet
      for (int c = 0; c < cells; ++c) {
        Result child = Walk(g_.Child(r, c));
        sum += child.cost * Weight(fact, c);
        route_class =
            (route_class == -2 || route_class == child.route_class) ? child.route_class : kMixed;
      }
      result.route_class = route_class;
      result.cost = route_class != kMixed ? 0 : (known == kAskable ? 1 : 0) + sum;
      if (open_ && route_class == kMixed && known == kAskable) open_->push_back(fact);
    }
    m = {stamp_, result};
    return result;
  }

  double Weight(int fact, int cell) const { return WeightOf(g_, weights_, fact, cell); }

  const DecisionGraph& g_;
  const CellWeights& weights_;
  std::vector<int> leaf_class_;
  std::vector<Memo> memo_;
  const std::vector<int>* state_ = nullptr;
  std::vector<int>* open_ = nullptr;
  unsigned stamp_ = 0;
};

// How many questions are expected from `state` when the next `depth` are
// chosen by looking ahead and the rest follow the graph's order: never more
// than following the graph's order throughout.
double Expected(GraphOrderCost& cost, const DecisionGraph& g, const CellWeights& weights,
                std::vector<int>& state, int depth) {
  std::vector<int> open;
  double best = cost.Cost(state, &open);
  if (depth == 0 || best == 0) return best;
  std::sort(open.begin(), open.end());
  open.erase(std::unique(open.begin(), open.end()), open.end());
  for (int fact : open) {
    auto f = static_cast<std::size_t>(fact);
    double sum = 1;
    for (int c = 0; c < g.domain(fact).cell_count() && sum < best; ++c) {
      state[f] = c;
      sum += WeightOf(g, weights, fact, c) * Expected(cost, g, weights, state, depth - 1);
    }
    state[f] = kAskable;
    best = std::min(best, sum);
  }
  return best;
}

}  // namespace

Interview::Interview(const DecisionGraph& graph, Case start, CellWeights weights)
    : graph_(graph),
      weights_(std::move(weights)),
      case_(std::move(start)),
      declined_(case_.values.size(), 0) {
  TRIAGE_ASSERT(case_.values.size() == graph.rules().facts.size(),
                "an interview starts from a case of the graph's own rule set");
  Decide();
}

void Interview::Answer(int fact, std::optional<Value> value) {
  TRIAGE_ASSERT(fact == next_, "the answer is to the question asked");
  auto f = static_cast<std::size_t>(fact);
  case_.values[f] = std::move(value);
  declined_[f] = case_.values[f] ? 0 : 1;
  answers_.push_back(fact);
  Decide();
}

bool Interview::Back() {
  if (answers_.empty()) return false;
  auto f = static_cast<std::size_t>(answers_.back());
  answers_.pop_back();
  case_.values[f].reset();
  declined_[f] = 0;
  Decide();
  return true;
}

void Interview::Decide() {
  Evaluate(graph_, case_, decision_);
  next_ = -1;
  if (decision_.status != Decision::Status::kUndetermined) return;
  std::vector<int> candidates;
  for (int fact : decision_.ask) {
    if (!declined(fact)) candidates.push_back(fact);
  }
  next_ = Choose(candidates);
}

// Evaluate ranks the facts that matter; on a single diagram the one after
// whose answer the fewest questions are expected is taken (ties: the
// ranking's order), looking a few questions ahead and following the graph's
// order after that.
int Interview::Choose(const std::vector<int>& candidates) const {
  if (candidates.empty()) return -1;
  if (!graph_.ordered() || candidates.size() == 1) return candidates[0];
  GraphOrderCost cost(graph_, weights_);
  std::vector<int> state(case_.values.size(), kAskable);
  for (std::size_t f = 0; f < state.size(); ++f) {
    if (case_.values[f]) state[f] = graph_.domain(static_cast<int>(f)).CellOf(*case_.values[f]);
    if (declined_[f]) state[f] = kDeclined;
  }
  int depth = LookaheadFor(graph_, candidates.size());
  int best = candidates[0];
  double best_cost = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    auto f = static_cast<std::size_t>(candidates[k]);
    int cells = graph_.domain(candidates[k]).cell_count();
    double sum = 0;
    for (int c = 0; c < cells; ++c) {
      state[f] = c;
      sum += WeightOf(graph_, weights_, candidates[k], c) *
             Expected(cost, graph_, weights_, state, depth);
    }
    state[f] = kAskable;
    double expected = sum;
    if (k == 0 || expected < best_cost - 1e-9) {
      best = candidates[k];
      best_cost = expected;
    }
  }
  return best;
}

}  // namespace triage
