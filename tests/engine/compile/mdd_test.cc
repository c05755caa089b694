// The decision-diagram building block: reduced (a node whose children are
// all equal is its child), shared (equal nodes are one node), Apply
// pointwise, and bounded by its node budget.
#include "compile/mdd.h"

#include <catch2/catch.hpp>

using triage::mdd::BudgetExceeded;
using triage::mdd::Diagram;

namespace {

// The value of `node` for one assignment of cells to levels.
int ValueAt(const Diagram& dd, int node, const std::vector<int>& cells) {
  while (!dd.IsTerminal(node)) node = dd.Child(node, cells[static_cast<size_t>(dd.Level(node))]);
  return dd.TerminalValue(node);
}

}  // namespace

TEST_CASE("mdd: terminals and nodes are unique, and reduced") {
  Diagram dd({2, 3}, 1000);
  int zero = dd.Terminal(0), one = dd.Terminal(1);
  CHECK(dd.Terminal(0) == zero);
  CHECK(zero != one);
  CHECK(dd.IsTerminal(one));
  CHECK(dd.TerminalValue(one) == 1);
  // All children equal: no node at all.
  CHECK(dd.MakeNode(1, {one, one, one}) == one);
  // Equal nodes are shared.
  int a = dd.MakeNode(1, {zero, one, one});
  CHECK(dd.MakeNode(1, {zero, one, one}) == a);
  CHECK(dd.MakeNode(1, {one, zero, one}) != a);
  CHECK(dd.Level(a) == 1);
  CHECK(dd.Child(a, 0) == zero);
  CHECK(dd.Cells(1) == 3);
}

TEST_CASE("mdd: Apply combines two diagrams value by value") {
  Diagram dd({2, 3, 2}, 10'000);
  int zero = dd.Terminal(0), one = dd.Terminal(1);
  // x0 == 1, and x1 != 2 or x2 == 0
  int p = dd.MakeNode(0, {zero, one});
  int x1_not_2 = dd.MakeNode(1, {one, one, zero});
  int x2_is_0 = dd.MakeNode(2, {one, zero});
  int q = dd.Apply(x1_not_2, x2_is_0, [](int a, int b) { return a | b; });
  int both = dd.Apply(p, q, [](int a, int b) { return a & b; });
  for (int x0 = 0; x0 < 2; ++x0) {
    for (int x1 = 0; x1 < 3; ++x1) {
      for (int x2 = 0; x2 < 2; ++x2) {
        INFO(x0 << x1 << x2);
        int want = x0 == 1 && (x1 != 2 || x2 == 0) ? 1 : 0;
        CHECK(ValueAt(dd, both, {x0, x1, x2}) == want);
      }
    }
  }
  // The same function built again is the same node.
  CHECK(dd.Apply(p, q, [](int a, int b) { return a & b; }) == both);
  // p and not p is the terminal 0.
  int not_p = dd.Apply(p, p, [](int a, int) { return 1 - a; });
  CHECK(dd.Apply(p, not_p, [](int a, int b) { return a & b; }) == zero);
}

TEST_CASE("mdd: past its budget a diagram throws, rather than grow") {
  Diagram dd(std::vector<int>(40, 2), 50);
  int node = dd.Terminal(1);
  auto grow = [&] {
    for (int level = 39; level >= 0; --level) {
      // A different node at each level, and a new terminal each time.
      node = dd.MakeNode(level, {node, dd.Terminal(level + 2)});
    }
  };
  CHECK_THROWS_AS(grow(), BudgetExceeded);
  CHECK(dd.size() <= 51);
}
