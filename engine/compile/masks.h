// The rules of a chain of one-rule diagrams as bitmasks, for matching a
// case without walking the chain (packet classification's bit-vector
// scheme): per fact and cell, the set of rules whose test on that fact holds
// there. A case's cells AND their sets; the first rule left is the one that
// decides. The compiler builds it when it gives each rule its own diagram
// (compile.h, CompileOptions::max_diagrams) and every rule is a conjunction
// of tests of single facts. The decision graph stays the explanation: the
// path is the one the walk of the chain would take (MatchMasks). Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace triage {

class DecisionGraph;

struct FirstHitMasks {
  /// Rule diagrams in chain order ("positions"); masks have a bit for each.
  int positions = 0;
  /// 64-bit words per mask.
  int words = 0;
  /// The leaf where position p decides.
  std::vector<int> leaf_of_position;
  /// The leaf when no position holds (-1: some position always holds).
  int none_leaf = -1;
  /// Per position, the index in `facts` of the last fact it tests (-1:
  /// none, it always holds).
  std::vector<int> last_test;
  /// The facts some position tests, in the graph's fact order.
  std::vector<int> facts;
  /// Per entry of `facts`, the row of its cell 0 in `holds`.
  std::vector<std::size_t> first_row;
  /// Row (first_row[k] + cell) * words: the positions whose test on the
  /// fact holds in that cell, or that do not test it.
  std::vector<std::uint64_t> holds;
  /// Row k * words: the positions that test facts[k].
  std::vector<std::uint64_t> tests;
};

/// The masks of `graph`, a chain whose every diagram holds one rule, or
/// nullopt when some rule is not a conjunction of single-fact tests.
std::optional<FirstHitMasks> BuildMasks(const DecisionGraph& graph);

}  // namespace triage
