// Matching a complete case by the chain's bitmasks (compile/masks.h)
// instead of walking it: the same decision, path included. Internal to
// evaluate/.
#pragma once

#include <cstddef>
#include <vector>

#include "compile/masks.h"
#include "triage/evaluate.h"

namespace triage {

/// `n` ints on the stack when few (the hot path allocates nothing), else on
/// the heap.
class IntBuffer {
 public:
  explicit IntBuffer(std::size_t n) : data_(stack_) {
    if (n > kStack) {
      heap_.resize(n);
      data_ = heap_.data();
    }
  }
  IntBuffer(const IntBuffer&) = delete;
  IntBuffer& operator=(const IntBuffer&) = delete;
  int* data() { return data_; }

 private:
  static constexpr std::size_t kStack = 256;
  int stack_[kStack];
  std::vector<int> heap_;
  int* data_;
};

/// Decides `c` by `masks` (of `g`) into `d` and returns true, or returns
/// false, leaving `d` alone, when a fact some rule tests is unknown.
bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& masks, const Case& c, Decision& d);

/// A cell not looked up yet (MatchMasks with cells).
constexpr int kUnknownCell = -1;

/// The same with `cell[k]` the cell of fact masks.facts[k], or kUnknownCell
/// to look it up in `c` when needed (and keep it there): for trying many
/// cells of the facts a case leaves unknown.
bool MatchMasks(const DecisionGraph& g, const FirstHitMasks& masks, const Case& c, int* cell,
                Decision& d);

}  // namespace triage
