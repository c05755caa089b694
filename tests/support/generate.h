// Random rule sets and cases for differential tests and benchmarks.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace triage::testing {

struct GenerateOptions {
  int bool_facts = 3, enum_facts = 2, int_facts = 2, number_facts = 1, string_facts = 1,
      date_facts = 1;
  int routes = 4;
  int min_rules = 1, max_rules = 12;
  int max_depth = 3;  ///< expression depth
  int min_terms = 1;  ///< comparisons per conjunction (flat mode)
  int max_terms = 4;
  bool flat = false;               ///< rules are conjunctions of comparisons
  bool conditions = true;          ///< use named conditions
  bool all_policies = true;        ///< any hit policy; else `first`, or:
  bool first_or_priority = false;  ///< `first` or `priority`, half each
};

/// A random, valid rule file (YAML) over facts named b0.., e0.., i0.., n0..,
/// s0.., d0... The hit policy and default vary unless told otherwise.
std::string GenerateRuleSet(std::mt19937_64& rng, const GenerateOptions& options);

/// A random case for a rule set made by GenerateRuleSet with `options`, as a
/// JSON object; each fact is unknown with probability `unknown`. Values are
/// drawn near the literals the generator uses, so boundaries are hit often.
std::string GenerateCase(std::mt19937_64& rng, const GenerateOptions& options, double unknown);

}  // namespace triage::testing
