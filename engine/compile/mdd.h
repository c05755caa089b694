// A reduced ordered multi-valued decision diagram with a unique table: the
// building block of the compiler. Internal to compile/.
//
// Variables are identified by level (0 = tested first); each has a number of
// cells. Terminals carry an int chosen by the caller (0/1 for predicates, an
// outcome id for the rule diagram). Nodes are never freed: a diagram is built
// once per compilation and thrown away whole.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace triage::mdd {

/// Thrown when the node budget is exceeded; caught inside the compiler.
struct BudgetExceeded : std::runtime_error {
  BudgetExceeded() : std::runtime_error("node budget exceeded") {}
};

class Diagram {
 public:
  static constexpr int kTerminalLevel = 1 << 30;

  Diagram(std::vector<int> cells_per_level, std::size_t budget);

  /// The terminal node carrying `value`.
  int Terminal(int value);
  /// The node testing `level` with `children` (one per cell), reduced: equal
  /// children collapse to the child, equal nodes are shared.
  int MakeNode(int level, const std::vector<int>& children);

  int Level(int node) const { return nodes_[node].level; }
  bool IsTerminal(int node) const { return nodes_[node].level == kTerminalLevel; }
  int TerminalValue(int node) const { return nodes_[node].first; }
  int Child(int node, int cell) const { return pool_[nodes_[node].first + cell]; }
  int Cells(int level) const { return cells_[level]; }
  std::size_t size() const { return nodes_.size(); }

  /// The diagram of fn(a, b) applied pointwise, where fn maps two terminal
  /// values to a terminal value.
  template <typename Fn>
  int Apply(int a, int b, Fn&& fn) {
    std::unordered_map<std::uint64_t, int> memo;
    return ApplyRec(a, b, fn, memo);
  }

 private:
  struct NodeRec {
    int level;
    int first;  // terminal: value; inner: offset into pool_
  };

  template <typename Fn>
  int ApplyRec(int a, int b, Fn& fn, std::unordered_map<std::uint64_t, int>& memo) {
    if (IsTerminal(a) && IsTerminal(b)) {
      return Terminal(fn(TerminalValue(a), TerminalValue(b)));
    }
    std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    int level = std::min(Level(a), Level(b));
    std::vector<int> children(static_cast<size_t>(cells_[level]));
    for (int c = 0; c < cells_[level]; ++c) {
      int ca = Level(a) == level ? Child(a, c) : a;
      int cb = Level(b) == level ? Child(b, c) : b;
      children[static_cast<size_t>(c)] = ApplyRec(ca, cb, fn, memo);
    }
    int result = MakeNode(level, children);
    memo.emplace(key, result);
    return result;
  }

  std::uint64_t Hash(int level, const int* children, int n) const;
  void Grow();

  std::vector<int> cells_;
  std::size_t budget_;
  std::vector<NodeRec> nodes_;
  std::vector<int> pool_;
  std::vector<int> table_;  // open addressing over node ids; -1 = empty
  std::size_t table_used_ = 0;
  std::unordered_map<int, int> terminals_;
};

}  // namespace triage::mdd
