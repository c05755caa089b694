// CompareGraphs: the two decision graphs walked side by side over their
// common cells. A region (per joint fact, the cells allowed) narrows at each
// test of either graph; where both reach a leaf, the region is a set of
// cases that exists (facts are independent, and no allowed set is empty) and
// the two leaves are its decisions. So the regions found are exact.
#include "triage/audit.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "audit/joint.h"
#include "triage/json.h"

namespace triage {
namespace {

using Cells = std::vector<std::vector<bool>>;  // per joint fact

std::string LeafRule(const RuleSet& rs, const Leaf& leaf) {
  return leaf.rule >= 0 ? rs.rules[static_cast<size_t>(leaf.rule)].id : "";
}

struct Found {
  Outcome from, to;
  std::string from_rule, to_rule;
  Cells cells;
  auto Key() const { return std::tie(from, to, from_rule, to_rule); }
};

class Walk {
 public:
  Walk(const DecisionGraph& a, const DecisionGraph& b, const JointSpace& space, std::size_t budget)
      : a_(a), b_(b), space_(space), budget_(budget) {
    for (const JointFact& f : space.facts()) {
      cells_.emplace_back(static_cast<size_t>(f.domain.cell_count()), true);
    }
  }

  void Run() { Visit(a_.root(), b_.root()); }
  bool complete() const { return complete_; }
  std::vector<Found>& found() { return found_; }

 private:
  void Visit(DecisionGraph::Ref ra, DecisionGraph::Ref rb) {
    if (!complete_) return;
    if (++steps_ > budget_) {
      complete_ = false;
      return;
    }
    bool leaf_a = DecisionGraph::IsLeaf(ra), leaf_b = DecisionGraph::IsLeaf(rb);
    if (leaf_a && leaf_b) {
      const Leaf& la = a_.leaves()[static_cast<size_t>(DecisionGraph::LeafOf(ra))];
      const Leaf& lb = b_.leaves()[static_cast<size_t>(DecisionGraph::LeafOf(rb))];
      Outcome from = Outcome::Routes(a_.rules(), la.routes);
      Outcome to = Outcome::Routes(b_.rules(), lb.routes);
      if (from != to) {
        found_.push_back({std::move(from), std::move(to), LeafRule(a_.rules(), la),
                          LeafRule(b_.rules(), lb), cells_});
      }
      return;
    }
    // Split on the graph that still tests a fact (the baseline first).
    bool on_a = !leaf_a;
    const DecisionGraph& g = on_a ? a_ : b_;
    int node = on_a ? ra : rb;
    int fact = g.nodes()[static_cast<size_t>(node)].fact;
    int jf = on_a ? space_.OfA(fact) : space_.OfB(fact);
    const JointFact& joint = space_.facts()[static_cast<size_t>(jf)];
    const std::vector<int>& side = on_a ? joint.cell_a : joint.cell_b;
    std::vector<bool> saved = cells_[static_cast<size_t>(jf)];
    int count = g.domain(fact).cell_count();
    for (int cell = 0; cell < count; ++cell) {
      bool any = false;
      for (size_t k = 0; k < saved.size(); ++k) {
        bool keep = saved[k] && side[k] == cell;
        cells_[static_cast<size_t>(jf)][k] = keep;
        any = any || keep;
      }
      if (!any) continue;
      DecisionGraph::Ref child = g.Child(node, cell);
      if (on_a) {
        Visit(child, rb);
      } else {
        Visit(ra, child);
      }
    }
    cells_[static_cast<size_t>(jf)] = std::move(saved);
  }

  const DecisionGraph& a_;
  const DecisionGraph& b_;
  const JointSpace& space_;
  std::size_t budget_, steps_ = 0;
  bool complete_ = true;
  Cells cells_;
  std::vector<Found> found_;
};

std::uint64_t HashCells(const std::vector<bool>& cells) {
  std::uint64_t h = 1469598103934665603ull;
  for (bool c : cells) h = (h ^ (c ? 2u : 1u)) * 1099511628211ull;
  return h;
}

// Joins regions that differ in one fact only (all of one transition), until
// none do: fewer, larger regions that read as one condition each. Regions
// are disjoint, so a union is too. For each fact in turn, regions equal on
// all other facts are brought together by sorting (on per-fact hashes
// first, the cells themselves on a tie) and joined.
void MergeGroup(std::vector<Found>& regions) {
  if (regions.empty()) return;
  const size_t facts = regions[0].cells.size();
  std::vector<std::uint64_t> hashes;  // per region, per fact
  std::vector<size_t> order;
  bool merged = true;
  while (merged) {
    merged = false;
    for (size_t f = 0; f < facts; ++f) {
      hashes.resize(regions.size() * facts);
      for (size_t i = 0; i < regions.size(); ++i) {
        for (size_t g = 0; g < facts; ++g) {
          hashes[i * facts + g] = g == f ? 0 : HashCells(regions[i].cells[g]);
        }
      }
      auto less = [&](size_t x, size_t y) {
        const std::uint64_t* hx = &hashes[x * facts];
        const std::uint64_t* hy = &hashes[y * facts];
        for (size_t g = 0; g < facts; ++g) {
          if (hx[g] != hy[g]) return hx[g] < hy[g];
        }
        for (size_t g = 0; g < facts; ++g) {
          if (g == f || regions[x].cells[g] == regions[y].cells[g]) continue;
          return regions[x].cells[g] < regions[y].cells[g];
        }
        return false;
      };
      order.resize(regions.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), less);
      // Group starts first, while every region is still in place.
      std::vector<bool> starts(order.size(), true);
      for (size_t k = 1; k < order.size(); ++k) {
        starts[k] = less(order[k - 1], order[k]);
      }
      std::vector<Found> out;
      out.reserve(regions.size());
      for (size_t k = 0; k < order.size(); ++k) {
        Found& r = regions[order[k]];
        if (starts[k]) {
          out.push_back(std::move(r));
          continue;
        }
        std::vector<bool>& into = out.back().cells[f];
        for (size_t c = 0; c < into.size(); ++c) into[c] = into[c] || r.cells[f][c];
        merged = true;
      }
      regions = std::move(out);
    }
  }
}

void Merge(std::vector<Found>& regions) {
  std::stable_sort(regions.begin(), regions.end(),
                   [](const Found& x, const Found& y) { return x.Key() < y.Key(); });
  std::vector<Found> out;
  for (size_t from = 0; from < regions.size();) {
    size_t to = from;
    while (to < regions.size() && regions[to].Key() == regions[from].Key()) ++to;
    std::vector<Found> group(
        std::make_move_iterator(regions.begin() + static_cast<std::ptrdiff_t>(from)),
        std::make_move_iterator(regions.begin() + static_cast<std::ptrdiff_t>(to)));
    MergeGroup(group);
    for (Found& r : group) out.push_back(std::move(r));
    from = to;
  }
  regions = std::move(out);
}

DiffRegion Describe(const JointSpace& space, Found&& found) {
  DiffRegion r;
  r.from = std::move(found.from);
  r.to = std::move(found.to);
  r.from_rule = std::move(found.from_rule);
  r.to_rule = std::move(found.to_rule);
  std::vector<std::pair<const Fact*, Value>> example;
  // Facts around whose value the versions draw different lines come first:
  // they are what changed; the others say where.
  std::vector<std::pair<std::string, std::string>> moved, rest;
  std::vector<std::string> moved_written, rest_written;
  for (size_t f = 0; f < space.facts().size(); ++f) {
    const JointFact& joint = space.facts()[f];
    const std::vector<bool>& allowed = found.cells[f];
    if (std::find(allowed.begin(), allowed.end(), false) != allowed.end()) {
      bool lines_differ = false;
      for (size_t k = 0; k < allowed.size(); ++k) lines_differ |= allowed[k] && !joint.same[k];
      (lines_differ ? moved : rest).emplace_back(joint.name, joint.domain.Describe(allowed));
      (lines_differ ? moved_written : rest_written)
          .push_back(joint.domain.Written(joint.name, allowed));
    }
    int first = static_cast<int>(std::find(allowed.begin(), allowed.end(), true) - allowed.begin());
    Value v = joint.domain.Example(first);
    r.example_facts.emplace_back(
        joint.name, joint.fact->personal ? std::string(kNotShown) : ValueText(*joint.fact, v));
    example.emplace_back(joint.fact.get(), std::move(v));
  }
  r.example = CaseJson(example);
  r.conditions = std::move(moved);
  r.conditions.insert(r.conditions.end(), rest.begin(), rest.end());
  r.written = std::move(moved_written);
  r.written.insert(r.written.end(), rest_written.begin(), rest_written.end());
  r.cells = std::move(found.cells);
  return r;
}

}  // namespace

void CompareInSpace(const JointSpace& space, const DecisionGraph& a, const DecisionGraph& b,
                    std::size_t step_budget, GraphDiff& diff) {
  diff.compared = true;
  for (const JointFact& f : space.facts()) diff.facts.push_back(f.name);
  Walk walk(a, b, space, step_budget);
  walk.Run();
  diff.complete = walk.complete();
  std::vector<Found>& found = walk.found();
  Merge(found);
  for (Found& f : found) diff.regions.push_back(Describe(space, std::move(f)));
}

GraphDiff CompareGraphs(const DecisionGraph& baseline, const DecisionGraph& candidate,
                        std::size_t step_budget) {
  GraphDiff diff;
  JointSpace space(baseline, candidate, diff.notes, diff.not_compared);
  if (diff.not_compared.empty()) CompareInSpace(space, baseline, candidate, step_budget, diff);
  return diff;
}

}  // namespace triage
