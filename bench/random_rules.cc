#include "random_rules.h"

#include <algorithm>
#include <random>
#include <vector>

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

namespace {
const char* const kValues[] = {"alfa", "bravo", "charlie", "delta"};
}  // namespace

std::string NarrowRules(int rules) {
  std::mt19937_64 rng(11);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out = "ruleset: narrow\nversion: \"1\"\nhit_policy: first\nfacts:\n";
  for (int i = 0; i < 14; ++i) {
    out += "  e" + std::to_string(i) + ": {type: enum, values: [alfa, bravo, charlie, delta]}\n";
  }
  for (int i = 0; i < 14; ++i)
    out += "  i" + std::to_string(i) + ": {type: int, min: 0, max: 99}\n";
  for (int i = 0; i < 12; ++i) out += "  b" + std::to_string(i) + ": {type: bool}\n";
  out += "routes: {r0: {}, r1: {}, r2: {}, r3: {}}\nrules:\n";
  for (int k = 0; k < rules; ++k) {
    std::vector<int> facts;
    while (facts.size() < 4) {
      int f = pick(40);
      if (std::find(facts.begin(), facts.end(), f) == facts.end()) facts.push_back(f);
    }
    std::string when;
    for (int f : facts) {
      if (!when.empty()) when += " and ";
      if (f < 14) {
        when += "e" + std::to_string(f) + " == " + kValues[pick(4)];
      } else if (f < 28) {
        when += "i" + std::to_string(f - 14) + " >= " + std::to_string(60 + pick(36));
      } else {
        when += "b" + std::to_string(f - 28);
      }
    }
    out += "  - {id: n" + std::to_string(k) + ", when: " + when + ", route: r" +
           std::to_string(pick(4)) + "}\n";
  }
  return out + "default: r3\n";
}

std::string NarrowCases(int n) {
  std::mt19937_64 rng(12);
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  std::string out;
  for (int c = 0; c < n; ++c) {
    std::string line = "{";
    for (int i = 0; i < 14; ++i) {
      line += "\"e" + std::to_string(i) + "\": \"" + kValues[pick(4)] + "\", ";
    }
    for (int i = 0; i < 14; ++i) {
      line += "\"i" + std::to_string(i) + "\": " + std::to_string(pick(100)) + ", ";
    }
    for (int i = 0; i < 12; ++i) {
      line +=
          "\"b" + std::to_string(i) + "\": " + (pick(2) ? "true" : "false") + (i < 11 ? ", " : "");
    }
    out += line + "}\n";
  }
  return out;
}

}  // namespace triage::bench
