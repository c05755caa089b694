#include "compile/region.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>

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

namespace {

// Memo tables are emptied past this many entries, so that memory stays
// bounded; the step budget bounds the time.
constexpr std::size_t kMaxMemo = 2'000'000;

// Tuples (or pairs of tuples) seen by a search. A single diagram's tuples
// hold one reference each, kept as an integer; a chain's as their bytes.
class TupleSet {
 public:
  using Tuple = std::vector<DecisionGraph::Ref>;

  bool Contains(const Tuple& x, const Tuple* y = nullptr) const {
    if (Small(x, y)) return small_.count(SmallKey(x, y)) > 0;
    return large_.count(LargeKey(x, y)) > 0;
  }
  void Insert(const Tuple& x, const Tuple* y = nullptr) {
    if (small_.size() + large_.size() >= kMaxMemo) {
      small_.clear();
      large_.clear();
    }
    if (Small(x, y)) {
      small_.insert(SmallKey(x, y));
    } else {
      large_.insert(LargeKey(x, y));
    }
  }

 private:
  static bool Small(const Tuple& x, const Tuple* y) {
    return x.size() == 1 && (!y || y->size() == 1);
  }
  static std::uint64_t SmallKey(const Tuple& x, const Tuple* y) {
    std::uint64_t key = static_cast<std::uint32_t>(x[0]);
    return y ? key << 32 | static_cast<std::uint32_t>((*y)[0]) : key;
  }
  static std::string LargeKey(const Tuple& x, const Tuple* y) {
    std::string key(reinterpret_cast<const char*>(x.data()), x.size() * sizeof(DecisionGraph::Ref));
    if (!y) return key;
    return key + "|" +
           std::string(reinterpret_cast<const char*>(y->data()),
                       y->size() * sizeof(DecisionGraph::Ref));
  }

  std::unordered_set<std::uint64_t> small_;
  std::unordered_set<std::string> large_;
};

// Markers in a tuple: a diagram that went on to the next one, and one that
// no longer matters because an earlier diagram decided.
constexpr DecisionGraph::Ref kContinued = std::numeric_limits<int>::min();
constexpr DecisionGraph::Ref kSettled = std::numeric_limits<int>::min() + 1;
constexpr DecisionGraph::Ref kNone = std::numeric_limits<int>::min() + 2;

}  // namespace

FeasibleSearch::FeasibleSearch(const DecisionGraph& g, std::size_t step_budget)
    : graph_(g), step_budget_(step_budget), level_of_fact_(g.rules().facts.size(), -1) {
  for (size_t l = 0; l < g.fact_order().size(); ++l) {
    level_of_fact_[static_cast<size_t>(g.fact_order()[l])] = static_cast<int>(l);
  }
  const std::vector<DecisionGraph::Ref>& roots = g.diagram_roots();
  for (size_t k = 0; k < roots.size(); ++k) {
    next_root_.push_back(k + 1 < roots.size() ? roots[k + 1] : kNone);
  }
  // Each leaf belongs to one diagram: rule leaves to the diagram of their
  // rule, the "no rule" leaf to the last.
  diagram_of_leaf_.assign(g.leaves().size(), static_cast<int>(roots.size()) - 1);
  std::vector<char> seen(g.nodes().size(), 0);
  for (size_t k = 0; k < roots.size(); ++k) {
    std::vector<DecisionGraph::Ref> stack = {roots[k]};
    while (!stack.empty()) {
      DecisionGraph::Ref r = stack.back();
      stack.pop_back();
      if (r == next_root_[k]) continue;
      if (DecisionGraph::IsLeaf(r)) {
        diagram_of_leaf_[static_cast<size_t>(DecisionGraph::LeafOf(r))] = static_cast<int>(k);
        continue;
      }
      if (seen[static_cast<size_t>(r)]) continue;
      seen[static_cast<size_t>(r)] = 1;
      int cells = g.domain(g.nodes()[r].fact).cell_count();
      for (int c = 0; c < cells; ++c) stack.push_back(g.Child(r, c));
    }
  }
}

bool FeasibleSearch::Step() {
  if (++steps_ > step_budget_) exhausted_ = true;
  return !exhausted_;
}

FeasibleSearch::Tuple FeasibleSearch::Start(int diagrams) const {
  const Tuple& roots = graph_.diagram_roots();
  return Tuple(roots.begin(),
               roots.begin() + std::min<size_t>(roots.size(), static_cast<size_t>(diagrams)));
}

int FeasibleSearch::NextLevel(const Tuple& t) const {
  int level = -1;
  for (DecisionGraph::Ref r : t) {
    if (r == kContinued) continue;
    if (r == kSettled) break;
    if (DecisionGraph::IsLeaf(r)) break;  // this diagram decides: later ones do not matter
    int l = level_of_fact_[static_cast<size_t>(graph_.nodes()[r].fact)];
    if (level < 0 || l < level) level = l;
  }
  return level;
}

FeasibleSearch::Tuple FeasibleSearch::Advance(const Tuple& t, int level, int cell,
                                              std::vector<DecisionGraph::Ref>* visited) const {
  Tuple out = t;
  bool decided = false;
  for (size_t k = 0; k < out.size(); ++k) {
    DecisionGraph::Ref& r = out[k];
    if (decided) {
      r = kSettled;
      continue;
    }
    if (r == kContinued || r == kSettled) continue;
    if (!DecisionGraph::IsLeaf(r) &&
        level_of_fact_[static_cast<size_t>(graph_.nodes()[r].fact)] == level) {
      if (visited) visited->push_back(r);
      r = graph_.Child(r, cell);
    }
    if (r == next_root_[k]) {
      r = kContinued;
    } else if (DecisionGraph::IsLeaf(r)) {
      // Whatever the earlier diagrams do, the later ones no longer matter.
      decided = true;
    }
  }
  return out;
}

int FeasibleSearch::Outcome(const Tuple& t) const {
  for (DecisionGraph::Ref r : t) {
    if (r == kContinued) continue;
    return DecisionGraph::LeafOf(r);
  }
  return -1;  // every diagram in the tuple went on
}

std::optional<std::vector<int>> FeasibleSearch::Leaves(const Region& region,
                                                       std::vector<DecisionGraph::Ref>* visited) {
  if (graph_.diagram_count() == 1) return LeavesOne(region, visited);
  std::vector<int> leaves;
  TupleSet seen;
  const std::vector<int>& order = graph_.fact_order();
  std::function<void(const Tuple&)> visit = [&](const Tuple& t) {
    if (exhausted_ || !Step()) return;
    if (seen.Contains(t)) return;
    seen.Insert(t);
    int level = NextLevel(t);
    if (level < 0) {
      leaves.push_back(Outcome(t));
      return;
    }
    int fact = order[static_cast<size_t>(level)];
    for (int c = 0; c < graph_.domain(fact).cell_count(); ++c) {
      if (region.Allows(fact, c)) visit(Advance(t, level, c, visited));
    }
  };
  visit(Start(graph_.diagram_count()));
  if (exhausted_) return std::nullopt;
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

std::optional<std::vector<int>> FeasibleSearch::Find(const Region& region,
                                                     const std::function<bool(int)>& want) {
  return Find(region, want, graph_.diagram_count());
}

std::optional<std::vector<int>> FeasibleSearch::Find(const Region& region,
                                                     const std::function<bool(int)>& want,
                                                     int diagrams) {
  if (graph_.diagram_count() == 1 && diagrams >= 1) return FindOne(region, want);
  TupleSet failed;
  std::vector<int> cells(graph_.rules().facts.size(), -1);
  const std::vector<int>& order = graph_.fact_order();
  std::function<bool(const Tuple&)> visit = [&](const Tuple& t) {
    if (exhausted_ || !Step()) return false;
    int level = NextLevel(t);
    if (level < 0) {
      int outcome = Outcome(t);  // -1: every diagram walked went on
      return outcome >= 0 && want(outcome);
    }
    if (failed.Contains(t)) return false;
    int fact = order[static_cast<size_t>(level)];
    for (int c = 0; c < graph_.domain(fact).cell_count(); ++c) {
      if (!region.Allows(fact, c)) continue;
      cells[static_cast<size_t>(fact)] = c;
      if (visit(Advance(t, level, c, nullptr))) return true;
    }
    cells[static_cast<size_t>(fact)] = -1;
    failed.Insert(t);
    return false;
  };
  bool found = visit(Start(diagrams));
  if (exhausted_ || !found) return std::nullopt;
  // Facts the region narrows but the path did not test keep a cell too, so
  // that the case shows why it is in the region.
  for (size_t f = 0; f < cells.size(); ++f) {
    if (cells[f] < 0) cells[f] = region.FirstIfNarrowed(static_cast<int>(f));
  }
  return cells;
}

std::optional<bool> FeasibleSearch::Differ(const Region& region, int fact, int a, int b) {
  if (graph_.diagram_count() == 1) return DifferOne(region, fact, a, b);
  // Two walks side by side, one answering `fact` with a, the other with b,
  // every other fact the same on both.
  TupleSet failed;
  const std::vector<int>& order = graph_.fact_order();
  int fact_level = level_of_fact_[static_cast<size_t>(fact)];
  std::function<bool(const Tuple&, const Tuple&)> walk = [&](const Tuple& x, const Tuple& y) {
    if (exhausted_ || !Step()) return false;
    int lx = NextLevel(x), ly = NextLevel(y);
    if (lx < 0 && ly < 0) {
      return graph_.leaves()[static_cast<size_t>(Outcome(x))].routes !=
             graph_.leaves()[static_cast<size_t>(Outcome(y))].routes;
    }
    if (failed.Contains(x, &y)) return false;
    int level = lx < 0 ? ly : (ly < 0 ? lx : std::min(lx, ly));
    bool result = false;
    if (level == fact_level) {
      result = walk(lx == level ? Advance(x, level, a, nullptr) : x,
                    ly == level ? Advance(y, level, b, nullptr) : y);
    } else {
      int f = order[static_cast<size_t>(level)];
      for (int c = 0; c < graph_.domain(f).cell_count() && !result; ++c) {
        if (!region.Allows(f, c)) continue;
        result = walk(lx == level ? Advance(x, level, c, nullptr) : x,
                      ly == level ? Advance(y, level, c, nullptr) : y);
      }
    }
    if (!result) failed.Insert(x, &y);
    return result;
  };
  Tuple start = Start(graph_.diagram_count());
  bool result = walk(start, start);
  if (exhausted_) return std::nullopt;
  return result;
}

// The walks of a single diagram. Each does what the tuple walks above do
// with tuples of one reference, step for step (the same steps counted, the
// same nodes visited in the same order), with a node's id as its key.
struct FeasibleSearch::OneWalk {
  FeasibleSearch& search;
  const DecisionGraph& g;
  const Region& region;

  int Cells(DecisionGraph::Ref r) const { return g.domain(g.nodes()[r].fact).cell_count(); }
  int FactOf(DecisionGraph::Ref r) const { return g.nodes()[r].fact; }
  int LevelOf(DecisionGraph::Ref r) const {
    return DecisionGraph::IsLeaf(r) ? std::numeric_limits<int>::max()
                                    : search.level_of_fact_[static_cast<size_t>(FactOf(r))];
  }

  void Leaves(DecisionGraph::Ref r, std::vector<char>& seen, std::vector<int>& leaves,
              std::vector<DecisionGraph::Ref>* visited) {
    if (search.exhausted_ || !search.Step()) return;
    if (DecisionGraph::IsLeaf(r)) {
      leaves.push_back(DecisionGraph::LeafOf(r));
      return;
    }
    if (seen[static_cast<size_t>(r)]) return;
    seen[static_cast<size_t>(r)] = 1;
    int fact = FactOf(r);
    for (int c = 0; c < Cells(r); ++c) {
      if (!region.Allows(fact, c)) continue;
      if (visited) visited->push_back(r);
      Leaves(g.Child(r, c), seen, leaves, visited);
    }
  }

  bool Find(DecisionGraph::Ref r, const std::function<bool(int)>& want, std::vector<char>& failed,
            std::vector<int>& cells) {
    if (search.exhausted_ || !search.Step()) return false;
    if (DecisionGraph::IsLeaf(r)) return want(DecisionGraph::LeafOf(r));
    if (failed[static_cast<size_t>(r)]) return false;
    int fact = FactOf(r);
    for (int c = 0; c < Cells(r); ++c) {
      if (!region.Allows(fact, c)) continue;
      cells[static_cast<size_t>(fact)] = c;
      if (Find(g.Child(r, c), want, failed, cells)) return true;
    }
    cells[static_cast<size_t>(fact)] = -1;
    failed[static_cast<size_t>(r)] = 1;
    return false;
  }

  bool Differ(DecisionGraph::Ref x, DecisionGraph::Ref y, int fact_level, int a, int b,
              std::unordered_set<std::uint64_t>& failed) {
    if (search.exhausted_ || !search.Step()) return false;
    if (DecisionGraph::IsLeaf(x) && DecisionGraph::IsLeaf(y)) {
      return g.leaves()[static_cast<size_t>(DecisionGraph::LeafOf(x))].routes !=
             g.leaves()[static_cast<size_t>(DecisionGraph::LeafOf(y))].routes;
    }
    std::uint64_t key = static_cast<std::uint64_t>(static_cast<std::uint32_t>(x)) << 32 |
                        static_cast<std::uint32_t>(y);
    if (failed.count(key)) return false;
    int lx = LevelOf(x), ly = LevelOf(y);
    int level = std::min(lx, ly);
    auto child = [&](DecisionGraph::Ref r, int at, int cell) {
      return at == level ? g.Child(r, cell) : r;
    };
    bool result = false;
    if (level == fact_level) {
      result = Differ(child(x, lx, a), child(y, ly, b), fact_level, a, b, failed);
    } else {
      int f = g.fact_order()[static_cast<size_t>(level)];
      for (int c = 0; c < g.domain(f).cell_count() && !result; ++c) {
        if (!region.Allows(f, c)) continue;
        result = Differ(child(x, lx, c), child(y, ly, c), fact_level, a, b, failed);
      }
    }
    if (!result) {
      if (failed.size() >= kMaxMemo) failed.clear();
      failed.insert(key);
    }
    return result;
  }
};

std::optional<std::vector<int>> FeasibleSearch::LeavesOne(
    const Region& region, std::vector<DecisionGraph::Ref>* visited) {
  std::vector<int> leaves;
  std::vector<char> seen(graph_.nodes().size(), 0);
  OneWalk{*this, graph_, region}.Leaves(graph_.root(), seen, leaves, visited);
  if (exhausted_) return std::nullopt;
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  return leaves;
}

std::optional<std::vector<int>> FeasibleSearch::FindOne(const Region& region,
                                                        const std::function<bool(int)>& want) {
  std::vector<char> failed(graph_.nodes().size(), 0);
  std::vector<int> cells(graph_.rules().facts.size(), -1);
  bool found = OneWalk{*this, graph_, region}.Find(graph_.root(), want, failed, cells);
  if (exhausted_ || !found) return std::nullopt;
  for (size_t f = 0; f < cells.size(); ++f) {
    if (cells[f] < 0) cells[f] = region.FirstIfNarrowed(static_cast<int>(f));
  }
  return cells;
}

std::optional<bool> FeasibleSearch::DifferOne(const Region& region, int fact, int a, int b) {
  std::unordered_set<std::uint64_t> failed;
  int fact_level = level_of_fact_[static_cast<size_t>(fact)];
  bool result =
      OneWalk{*this, graph_, region}.Differ(graph_.root(), graph_.root(), fact_level, a, b, failed);
  if (exhausted_) return std::nullopt;
  return result;
}

}  // namespace triage
