// How many questions an interview asks: every case of a corpus (JSON Lines,
// every fact known) is interviewed from nothing, each question answered from
// the case, and the questions counted against what the graph's own order
// tests and against the fewest facts that settle each case's route (the
// smallest subset of its facts for which every value of the others gives the
// same routes).
//
// Usage: triage_interview_sim RULES CORPUS.jsonl
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "triage/cases.h"
#include "triage/interview.h"
#include "triage/pipeline.h"

namespace {

using triage::DecisionGraph;

// Whether the routes are the same for every case that agrees with `known`
// (cells, -1 unknown) on a single diagram.
int RouteClass(const DecisionGraph& g, DecisionGraph::Ref r, const std::vector<int>& known,
               const std::vector<int>& leaf_class, std::map<int, int>& memo) {
  if (DecisionGraph::IsLeaf(r)) return leaf_class[static_cast<size_t>(DecisionGraph::LeafOf(r))];
  if (auto it = memo.find(r); it != memo.end()) return it->second;
  int fact = g.nodes()[static_cast<size_t>(r)].fact;
  int result;
  if (known[static_cast<size_t>(fact)] >= 0) {
    result = RouteClass(g, g.Child(r, known[static_cast<size_t>(fact)]), known, leaf_class, memo);
  } else {
    result = -2;
    for (int c = 0; c < g.domain(fact).cell_count() && result != -1; ++c) {
      int child = RouteClass(g, g.Child(r, c), known, leaf_class, memo);
      result = (result == -2 || result == child) ? child : -1;
    }
  }
  memo[r] = result;
  return result;
}

// The size of the smallest subset of the case's facts that settles its route.
int FewestDeciding(const DecisionGraph& g, const std::vector<int>& cells,
                   const std::vector<int>& leaf_class) {
  const std::vector<int>& order = g.fact_order();
  int n = static_cast<int>(order.size());
  for (int k = 0; k <= n; ++k) {
    std::vector<bool> pick(static_cast<size_t>(n), false);
    std::fill(pick.begin(), pick.begin() + k, true);
    do {
      std::vector<int> known(cells.size(), -1);
      for (int i = 0; i < n; ++i) {
        if (pick[static_cast<size_t>(i)]) {
          known[static_cast<size_t>(order[static_cast<size_t>(i)])] =
              cells[static_cast<size_t>(order[static_cast<size_t>(i)])];
        }
      }
      std::map<int, int> memo;
      if (RouteClass(g, g.root(), known, leaf_class, memo) != -1) return k;
    } while (std::prev_permutation(pick.begin(), pick.end()));
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: triage_interview_sim RULES CORPUS.jsonl\n");
    return 2;
  }
  std::ifstream rules_in(argv[1]);
  std::stringstream bytes;
  bytes << rules_in.rdbuf();
  triage::CompiledRules c = triage::CompileRules(argv[1], bytes.str());
  if (!c.graph) {
    std::fprintf(stderr, "%s does not compile\n", argv[1]);
    return 2;
  }
  const DecisionGraph& g = *c.graph;
  std::map<std::vector<int>, int> classes;
  std::vector<int> leaf_class;
  for (const triage::Leaf& leaf : g.leaves()) {
    leaf_class.push_back(
        classes.emplace(leaf.routes, static_cast<int>(classes.size())).first->second);
  }
  // With TRIAGE_SIM_WEIGHTS set, the cells are weighed as counted over the
  // corpus itself: what the questions would be if the past were known.
  triage::CellWeights weights;
  if (std::getenv("TRIAGE_SIM_WEIGHTS")) {
    weights.resize(c.rules->facts.size());
    for (size_t f = 0; f < weights.size(); ++f)
      weights[f].assign(static_cast<size_t>(g.domain(static_cast<int>(f)).cell_count()), 0.0);
    std::ifstream first(argv[2]);
    long n = 0;
    triage::ReadCaseStream(first, triage::InputFormat::kJsonLines, [&](triage::RawCase raw) {
      std::vector<triage::CaseProblem> problems;
      triage::Case full = triage::ValidateCase(*c.rules, raw, {}, problems);
      if (!problems.empty()) return;
      ++n;
      for (size_t f = 0; f < weights.size(); ++f)
        if (full.values[f])
          weights[f][static_cast<size_t>(g.domain(static_cast<int>(f)).CellOf(*full.values[f]))] +=
              1;
    });
    for (auto& w : weights)
      for (double& x : w) x /= static_cast<double>(n);
  }
  std::ifstream corpus(argv[2]);
  long cases = 0, graph_path = 0, asked = 0, fewest = 0, disagree = 0;
  std::map<int, long> histogram;
  triage::ReadCaseStream(corpus, triage::InputFormat::kJsonLines, [&](triage::RawCase raw) {
    std::vector<triage::CaseProblem> problems;
    triage::Case full = triage::ValidateCase(*c.rules, raw, {}, problems);
    if (!problems.empty()) return;
    triage::Decision d = triage::Evaluate(g, full);
    triage::Case empty{full.id, std::vector<std::optional<triage::Value>>(full.values.size())};
    triage::Interview interview(g, empty, weights);
    while (interview.Next() >= 0) {
      int f = interview.Next();
      interview.Answer(f, full.values[static_cast<size_t>(f)]);
    }
    if (interview.decision().routes != d.routes) ++disagree;
    std::vector<int> cells(full.values.size(), -1);
    for (size_t f = 0; f < cells.size(); ++f) {
      if (full.values[f]) cells[f] = g.domain(static_cast<int>(f)).CellOf(*full.values[f]);
    }
    ++cases;
    graph_path += static_cast<long>(d.path.size());
    asked += interview.asked();
    ++histogram[interview.asked()];
    if (g.ordered()) fewest += FewestDeciding(g, cells, leaf_class);
  });
  if (cases == 0) {
    std::fprintf(stderr, "no valid case in %s\n", argv[2]);
    return 2;
  }
  auto per = [&](long n) { return static_cast<double>(n) / static_cast<double>(cases); };
  std::printf("cases:                         %ld\n", cases);
  std::printf("facts the graph's order tests: %.3f a case\n", per(graph_path));
  std::printf("questions the interview asks:  %.3f a case\n", per(asked));
  if (g.ordered()) std::printf("fewest facts that decide:      %.3f a case\n", per(fewest));
  std::printf("decisions differing from route: %ld\n", disagree);
  std::printf("questions: cases\n");
  for (auto [k, n] : histogram) std::printf("  %2d: %ld\n", k, n);
  return disagree == 0 ? 0 : 1;
}
