// The generated rule sets the benchmarks share with the generator of their
// hand-written if/else chains (gen_chain.cc).
#pragma once

#include <string>

#include "support/generate.h"

namespace triage::bench {

/// The 40 facts of the generated sets (14 enum, 14 int, 12 bool); their
/// cases use the same options.
testing::GenerateOptions FortyFacts();

/// `rules` random conjunctions of min_terms..max_terms tests over FortyFacts(), hit
/// policy `first`, as in shared/design/decision-graph.md.
std::string RandomRules(int rules, int max_terms, int min_terms = 1);

/// `rules` (default 1,000) narrow rules, hit policy `first`: each a conjunction of 4 tests
/// drawn from 40 facts (14 enums of 4 values tested for equality, 14 ints
/// from 0 to 99 tested `>= 60..95`, 12 bools), so that a rule rarely holds
/// and an if/else chain tries hundreds of them for a case. Default r3.
std::string NarrowRules(int rules = 1000);

/// `n` cases for NarrowRules(), every fact drawn uniformly, as JSON Lines.
std::string NarrowCases(int n);

}  // namespace triage::bench
