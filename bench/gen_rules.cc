// Writes the benchmarks' generated rule sets as rule files, for `triage
// check` and `triage route` on them (BENCHMARKS.md, examples/large/).
// Usage: triage_gen_rules narrow|random3|random4|random5 [RULES]
//        triage_gen_rules narrow-cases|forty-cases CASES
#include <iostream>
#include <random>
#include <string>
#include <string_view>

#include "random_rules.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: triage_gen_rules narrow|random3|random4|random5 [RULES]\n"
                 "       triage_gen_rules narrow-cases|forty-cases CASES\n";
    return 2;
  }
  std::string_view kind = argv[1];
  int n = argc == 3 ? std::stoi(argv[2]) : 1000;
  namespace bench = triage::bench;
  if (kind == "narrow") {
    std::cout << bench::NarrowRules(n);
  } else if (kind == "random3" || kind == "random4") {
    std::cout << bench::RandomRules(n, kind == "random3" ? 3 : 4);
  } else if (kind == "random5") {
    std::cout << bench::RandomRules(n, 5, 3);
  } else if (kind == "narrow-cases") {
    std::cout << bench::NarrowCases(n);
  } else if (kind == "forty-cases") {
    std::mt19937_64 rng(5);
    triage::testing::GenerateOptions o = bench::FortyFacts();
    for (int i = 0; i < n; ++i) std::cout << triage::testing::GenerateCase(rng, o, 0.0) << "\n";
  } else {
    std::cerr << "triage_gen_rules: unknown kind '" << kind << "'\n";
    return 2;
  }
  return 0;
}
