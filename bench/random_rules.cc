#include "random_rules.h"

#include <random>

namespace triage::bench {

testing::GenerateOptions FortyFacts() {
  testing::GenerateOptions o;
  o.bool_facts = 12;
  o.enum_facts = 14;
  o.int_facts = 14;
  o.number_facts = o.string_facts = o.date_facts = 0;
  return o;
}

std::string RandomRules(int rules, int max_terms, int min_terms) {
  std::mt19937_64 rng(3);
  testing::GenerateOptions o = FortyFacts();
  o.min_rules = o.max_rules = rules;
  o.min_terms = min_terms;
  o.max_terms = max_terms;
  o.flat = true;
  o.all_policies = false;
  o.conditions = false;
  return testing::GenerateRuleSet(rng, o);
}

}  // namespace triage::bench
