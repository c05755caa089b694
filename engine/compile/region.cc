#include "compile/region.h"

#include <algorithm>
#include <memory>

namespace triage {
namespace {

std::shared_ptr<const std::vector<size_t>> Offsets(const DecisionGraph& g) {
  auto offsets = std::make_shared<std::vector<size_t>>();
  size_t at = 0;
  for (size_t f = 0; f < g.rules().facts.size(); ++f) {
    offsets->push_back(at);
    at += static_cast<size_t>(g.domain(static_cast<int>(f)).cell_count());
  }
  offsets->push_back(at);
  return offsets;
}

// The distinct children of a node, each with the cells leading to it.
struct Branch {
  DecisionGraph::Ref to;
  std::vector<bool> cells;
};

std::vector<Branch> Branches(const DecisionGraph& g, DecisionGraph::Ref node) {
  std::vector<Branch> out;
  int fact = g.nodes()[node].fact;
  int n = g.domain(fact).cell_count();
  for (int c = 0; c < n; ++c) {
    DecisionGraph::Ref to = g.Child(node, c);
    auto it = std::find_if(out.begin(), out.end(), [&](const Branch& b) { return b.to == to; });
    if (it == out.end()) {
      out.push_back({to, std::vector<bool>(static_cast<size_t>(n), false)});
      it = out.end() - 1;
    }
    it->cells[static_cast<size_t>(c)] = true;
  }
  return out;
}

}  // namespace

Region::Region(const DecisionGraph& g) : graph_(&g), offset_(Offsets(g)) {
  size_t bits = offset_->back();
  bits_.assign((bits + 63) / 64 + 1, 0);
  for (size_t b = 0; b < bits; ++b) bits_[b / 64] |= std::uint64_t{1} << (b % 64);
}

void Region::Fix(int fact, int cell) {
  int n = graph_->domain(fact).cell_count();
  std::vector<bool> keep(static_cast<size_t>(n), false);
  keep[static_cast<size_t>(cell)] = true;
  Restrict(fact, keep);
}

void Region::Restrict(int fact, const std::vector<bool>& keep) {
  size_t base = (*offset_)[static_cast<size_t>(fact)];
  for (size_t c = 0; c < keep.size(); ++c) {
    if (!keep[c]) bits_[(base + c) / 64] &= ~(std::uint64_t{1} << ((base + c) % 64));
  }
}

bool Region::AnyAllowed(int fact) const {
  int n = graph_->domain(fact).cell_count();
  for (int c = 0; c < n; ++c) {
    if (Allows(fact, c)) return true;
  }
  return false;
}

int Region::FirstIfNarrowed(int fact) const {
  int n = graph_->domain(fact).cell_count();
  int first = -1;
  bool all = true;
  for (int c = 0; c < n; ++c) {
    if (Allows(fact, c)) {
      if (first < 0) first = c;
    } else {
      all = false;
    }
  }
  return all ? -1 : first;
}

std::vector<int> Region::Example() const {
  std::vector<int> cells;
  for (size_t f = 0; f < graph_->rules().facts.size(); ++f) {
    cells.push_back(FirstIfNarrowed(static_cast<int>(f)));
  }
  return cells;
}

FeasibleSearch::FeasibleSearch(const DecisionGraph& g, std::size_t step_budget)
    : graph_(g), step_budget_(step_budget), offset_(Offsets(g)) {
  words_ = (offset_->back() + 63) / 64 + 1;
  mask_below_.resize(g.nodes().size());
}

bool FeasibleSearch::Step() {
  if (++steps_ > step_budget_) exhausted_ = true;
  return !exhausted_;
}

const std::vector<std::uint64_t>& FeasibleSearch::MaskBelow(DecisionGraph::Ref node) {
  std::vector<std::uint64_t>& mask = mask_below_[static_cast<size_t>(node)];
  if (!mask.empty()) return mask;
  mask.assign(words_, 0);
  for (size_t f = 0; f + 1 < offset_->size(); ++f) {
    if (!graph_.TestedBelow(node, static_cast<int>(f))) continue;
    for (size_t b = (*offset_)[f]; b < (*offset_)[f + 1]; ++b) {
      mask[b / 64] |= std::uint64_t{1} << (b % 64);
    }
  }
  return mask;
}

// What can happen below `node` depends only on the cells allowed for the
// facts tested below it: the memo key.
std::string FeasibleSearch::Key(DecisionGraph::Ref node, const Region& region) {
  std::string key(reinterpret_cast<const char*>(&node), sizeof node);
  if (DecisionGraph::IsLeaf(node)) return key;
  const std::vector<std::uint64_t>& mask = MaskBelow(node);
  for (size_t w = 0; w < words_; ++w) {
    std::uint64_t v = region.bits_[w] & mask[w];
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  return key;
}

std::string FeasibleSearch::PairKey(DecisionGraph::Ref a, DecisionGraph::Ref b,
                                    const Region& region) {
  std::string key(reinterpret_cast<const char*>(&a), sizeof a);
  key.append(reinterpret_cast<const char*>(&b), sizeof b);
  static const std::vector<std::uint64_t> kNone;
  const std::vector<std::uint64_t>* ma = DecisionGraph::IsLeaf(a) ? nullptr : &MaskBelow(a);
  const std::vector<std::uint64_t>* mb = DecisionGraph::IsLeaf(b) ? nullptr : &MaskBelow(b);
  for (size_t w = 0; w < words_; ++w) {
    std::uint64_t m = (ma ? (*ma)[w] : 0) | (mb ? (*mb)[w] : 0);
    std::uint64_t v = region.bits_[w] & m;
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  return key;
}

std::optional<std::vector<int>> FeasibleSearch::Leaves(
    const Region& region, std::vector<DecisionGraph::Ref>* visited) {
  std::vector<int> leaves;
  std::unordered_set<std::string> seen;
  std::function<void(DecisionGraph::Ref, const Region&)> visit =
      [&](DecisionGraph::Ref r, const Region& reg) {
        if (exhausted_ || !Step()) return;
        if (!seen.insert(Key(r, reg)).second) return;
        if (DecisionGraph::IsLeaf(r)) {
          leaves.push_back(DecisionGraph::LeafOf(r));
          return;
        }
        if (visited) visited->push_back(r);
        int fact = graph_.nodes()[r].fact;
        for (const Branch& b : Branches(graph_, r)) {
          Region next = reg;
          next.Restrict(fact, b.cells);
          if (next.AnyAllowed(fact)) visit(b.to, next);
        }
      };
  visit(graph_.root(), region);
  if (exhausted_) return std::nullopt;
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

std::optional<Region> FeasibleSearch::Find(const Region& region,
                                           const std::function<bool(int)>& want) {
  std::unordered_set<std::string> failed;
  std::optional<Region> found;
  std::function<bool(DecisionGraph::Ref, const Region&)> visit =
      [&](DecisionGraph::Ref r, const Region& reg) {
        if (exhausted_ || !Step()) return false;
        if (DecisionGraph::IsLeaf(r)) {
          if (!want(DecisionGraph::LeafOf(r))) return false;
          found = reg;
          return true;
        }
        std::string key = Key(r, reg);
        if (failed.count(key)) return false;
        int fact = graph_.nodes()[r].fact;
        for (const Branch& b : Branches(graph_, r)) {
          Region next = reg;
          next.Restrict(fact, b.cells);
          if (next.AnyAllowed(fact) && visit(b.to, next)) return true;
        }
        failed.insert(std::move(key));
        return false;
      };
  visit(graph_.root(), region);
  if (exhausted_) return std::nullopt;
  return found;
}

std::optional<bool> FeasibleSearch::Differ(const Region& region, int fact, int a,
                                           int b) {
  // Both sides walk from the root under one region of the other facts;
  // side X answers `fact` with cell a, side Y with cell b. The side whose
  // fact comes first in the fact order moves first, and both move together
  // when they test the same fact, so that on a single ordered diagram this
  // is the product of the two sub-graphs and the memo keeps it small.
  std::vector<int> level(graph_.rules().facts.size(), 1 << 30);
  for (size_t l = 0; l < graph_.fact_order().size(); ++l) {
    level[static_cast<size_t>(graph_.fact_order()[l])] = static_cast<int>(l);
  }
  auto level_of = [&](DecisionGraph::Ref r) {
    return DecisionGraph::IsLeaf(r) ? (1 << 30)
                                    : level[static_cast<size_t>(graph_.nodes()[r].fact)];
  };
  std::unordered_set<std::string> failed;
  std::function<bool(DecisionGraph::Ref, DecisionGraph::Ref, const Region&)> walk =
      [&](DecisionGraph::Ref x, DecisionGraph::Ref y, const Region& reg) {
        if (exhausted_ || !Step()) return false;
        if (DecisionGraph::IsLeaf(x) && DecisionGraph::IsLeaf(y)) {
          return graph_.leaves()[DecisionGraph::LeafOf(x)].routes !=
                 graph_.leaves()[DecisionGraph::LeafOf(y)].routes;
        }
        std::string key = PairKey(x, y, reg);
        if (failed.count(key)) return false;
        int lx = level_of(x), ly = level_of(y);
        bool move_x = lx <= ly, move_y = ly <= lx;
        int tested = graph_.nodes()[move_x ? x : y].fact;
        bool result = false;
        if (tested == fact) {
          result = walk(move_x ? graph_.Child(x, a) : x,
                        move_y ? graph_.Child(y, b) : y, reg);
        } else {
          int n = graph_.domain(tested).cell_count();
          std::vector<bool> done(static_cast<size_t>(n), false);
          for (int c = 0; c < n && !result; ++c) {
            if (done[static_cast<size_t>(c)] || !reg.Allows(tested, c)) continue;
            DecisionGraph::Ref nx = move_x ? graph_.Child(x, c) : x;
            DecisionGraph::Ref ny = move_y ? graph_.Child(y, c) : y;
            // All cells that lead both sides to the same pair go together.
            std::vector<bool> keep(static_cast<size_t>(n), false);
            for (int k = c; k < n; ++k) {
              if ((move_x ? graph_.Child(x, k) : x) == nx &&
                  (move_y ? graph_.Child(y, k) : y) == ny) {
                keep[static_cast<size_t>(k)] = true;
                done[static_cast<size_t>(k)] = true;
              }
            }
            Region next = reg;
            next.Restrict(tested, keep);
            if (next.AnyAllowed(tested)) result = walk(nx, ny, next);
          }
        }
        if (!result) failed.insert(std::move(key));
        return result;
      };
  bool result = walk(graph_.root(), graph_.root(), region);
  if (exhausted_) return std::nullopt;
  return result;
}

}  // namespace triage
