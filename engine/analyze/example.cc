#include "triage/analyze.h"
#include "triage/json.h"

namespace triage {

int CompleteExample(const DecisionGraph& graph, std::vector<int>& cells) {
  TRIAGE_ASSERT(cells.size() == graph.rules().facts.size(), "a cell (or -1) for every fact");
  DecisionGraph::Ref r = graph.root();
  while (!DecisionGraph::IsLeaf(r)) {
    int fact = graph.nodes()[r].fact;
    if (cells[fact] < 0) cells[fact] = 0;
    r = graph.Child(r, cells[fact]);
  }
  return DecisionGraph::LeafOf(r);
}

std::string ExampleCaseJson(const DecisionGraph& graph, std::vector<int> cells) {
  const RuleSet& rs = graph.rules();
  CompleteExample(graph, cells);
  std::vector<std::pair<const Fact*, Value>> facts;
  for (size_t f = 0; f < rs.facts.size(); ++f) {
    if (cells[f] < 0) continue;
    facts.emplace_back(&rs.facts[f], graph.domain(static_cast<int>(f)).Example(cells[f]));
  }
  return CaseJson(facts);
}

}  // namespace triage
