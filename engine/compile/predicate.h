// Builds the diagram of an expression's truth (terminals 0 and 1) over the
// facts' cells. Internal to the engine: used by the compiler and by analyses
// that need predicates in the same variable order as a compiled graph.
#pragma once

#include <functional>
#include <vector>

#include "compile/mdd.h"
#include "triage/compile.h"
#include "triage/model.h"

namespace triage {

class PredicateBuilder {
 public:
  /// `level_of_fact[f]` is the diagram level of fact f (-1 when unused).
  PredicateBuilder(const RuleSet& rs, const std::vector<FactDomain>& domains,
                   const std::vector<int>& level_of_fact, mdd::Diagram& dd)
      : rs_(rs), domains_(domains), level_of_fact_(level_of_fact), dd_(dd) {}

  /// The diagram of `e`. `outcome_atom` answers `route ...` and `rule ...`
  /// comparisons (guarantees only) with a 0/1 diagram.
  int Build(const Expr& e, const std::function<int(const Expr&)>& outcome_atom = nullptr);

  int True() { return dd_.Terminal(1); }
  int False() { return dd_.Terminal(0); }
  int Not(int a);
  int And(int a, int b);
  int Or(int a, int b);

 private:
  const RuleSet& rs_;
  const std::vector<FactDomain>& domains_;
  const std::vector<int>& level_of_fact_;
  mdd::Diagram& dd_;
  std::vector<int> condition_memo_;
};

}  // namespace triage
