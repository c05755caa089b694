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

}  // namespace triage::bench
