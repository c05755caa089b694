// Benchmarks of compiling and evaluating. Run:
//   build/bench/triage_bench --benchmark_counters_tabular=true
// Compare ratios measured in one run; the machines are shared and noisy.
#include <fstream>
#include <random>
#include <sstream>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "random_rules.h"
#include "support/generate.h"
#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/reference.h"

using namespace triage;

namespace triage::bench {
int HandWrittenChain3(const Case& c);  // generated: chain1000.cc
int HandWrittenChain4(const Case& c);
int HandWrittenChain5(const Case& c);
int HandWrittenChain6(const Case& c);  // NarrowRules()
int HandWrittenChain7(const Case& c);  // NarrowRules(10000)
}  // namespace triage::bench

namespace {

std::string ShippedRules() {
  std::ifstream in(std::string(TRIAGE_SOURCE_DIR) + "/rules/lokale-driehoek.yaml");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Case> ParseCases(const CompiledRules& c, const std::string& jsonl) {
  std::vector<Case> out;
  ReadCases(jsonl, InputFormat::kJsonLines, [&](RawCase raw) {
    std::vector<CaseProblem> problems;
    Case parsed = ValidateCase(*c.rules, raw, {}, problems);
    if (problems.empty()) out.push_back(std::move(parsed));
  });
  return out;
}

// Complete random cases for the shipped rule set.
std::vector<Case> ShippedCases(const CompiledRules& c, int n) {
  std::mt19937_64 rng(42);
  static const char* roles[] = {"burgemeester", "wethouder", "raadslid", "ambtenaar"};
  static const char* instruments[] = {
      "aangifte", "aansprakelijkstelling", "woo_verzoek",         "bezwaar_beroep",
      "klacht",   "tuchtklacht",           "integriteitsmelding", "kort_geding"};
  static const char* capacity[] = {"voldoende", "beperkt", "geen"};
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  auto flag = [&](int percent) { return pick(100) < percent ? "true" : "false"; };
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    jsonl += fmt::format(
        "{{\"role\": \"{}\", \"instrument\": \"{}\", \"procedures_12m\": {}, "
        "\"initiators\": {}, \"explicit_threat\": {}, \"false_report_suspected\": {}, "
        "\"doxing\": {}, \"subversion_link\": {}, \"personal_life_affected\": {}, "
        "\"prior_dialogue_failed\": {}, \"legal_capacity\": \"{}\"}}\n",
        roles[pick(4)], instruments[pick(8)], pick(15), 1 + pick(4), flag(5), flag(5), flag(5),
        flag(5), flag(20), flag(30), capacity[pick(3)]);
  }
  return ParseCases(c, jsonl);
}

// The shipped rules written by hand as an if/else chain over the same cases:
// the bar the graph is measured against. Returns a route index.
int HandWritten(const Case& c) {
  // Fact indices in the shipped schema order.
  enum {
    kRole,
    kInstrument,
    kProcedures,
    kInitiators,
    kThreat,
    kFalse,
    kDoxing,
    kSubversion,
    kPrivate,
    kDialogue,
    kCapacity
  };
  auto i = [&](int f) { return c.values[f]->i; };
  bool bestuurder = i(kRole) <= 2;
  if (i(kThreat)) return 0;
  if (i(kInstrument) == 0 && i(kFalse)) return 0;
  if (i(kDoxing)) return 0;
  if (i(kSubversion)) return 1;
  if (i(kProcedures) >= 5 && i(kCapacity) >= 1) return 1;
  if ((i(kInstrument) == 1 || i(kInstrument) == 7) && i(kCapacity) == 2) return 1;
  if (bestuurder && i(kPrivate)) return 2;
  if (bestuurder && i(kProcedures) >= 10) return 2;
  if (bestuurder && i(kInitiators) >= 3) return 2;
  if (i(kRole) <= 1 && i(kDialogue) && i(kProcedures) >= 3) return 2;
  return 3;
}

// The timed loops: each case through the graph with a fresh decision, the
// same reusing one decision, and through the reference evaluator.
void EvaluateEach(benchmark::State& state, const DecisionGraph& graph,
                  const std::vector<Case>& cases) {
  size_t k = 0;
  for (auto _ : state) {
    Decision d = Evaluate(graph, cases[k++ % cases.size()]);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void EvaluateEachReusing(benchmark::State& state, const DecisionGraph& graph,
                         const std::vector<Case>& cases) {
  Decision d;
  size_t k = 0;
  for (auto _ : state) {
    Evaluate(graph, cases[k++ % cases.size()], d);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void ReferenceEach(benchmark::State& state, const CompiledRules& c,
                   const std::vector<Case>& cases) {
  size_t k = 0;
  for (auto _ : state) {
    Decision d = EvaluateReference(*c.rules, c.graph->domains(), cases[k++ % cases.size()]);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CompileShipped(benchmark::State& state) {
  std::string bytes = ShippedRules();
  size_t nodes = 0;
  for (auto _ : state) {
    CompiledRules c = CompileRules("lokale-driehoek.yaml", bytes);
    nodes = c.graph->nodes().size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["nodes"] = static_cast<double>(nodes);
}
BENCHMARK(BM_CompileShipped)->Unit(benchmark::kMicrosecond);

void BM_EvaluateShipped(benchmark::State& state) {
  CompiledRules c = CompileRules("lokale-driehoek.yaml", ShippedRules());
  EvaluateEach(state, *c.graph, ShippedCases(c, 4096));
}
BENCHMARK(BM_EvaluateShipped);

// The same, reusing the decision's buffers as a batch loop does.
void BM_EvaluateShippedReuse(benchmark::State& state) {
  CompiledRules c = CompileRules("lokale-driehoek.yaml", ShippedRules());
  EvaluateEachReusing(state, *c.graph, ShippedCases(c, 4096));
}
BENCHMARK(BM_EvaluateShippedReuse);

// Cases with about a third of the facts unknown: most are undetermined, and
// the decision ranks the questions to ask (the search over the graph).
void BM_EvaluateShippedPartlyKnown(benchmark::State& state) {
  CompiledRules c = CompileRules("lokale-driehoek.yaml", ShippedRules());
  std::vector<Case> cases = ShippedCases(c, 4096);
  std::mt19937_64 rng(3);
  for (Case& x : cases) {
    for (auto& v : x.values) {
      if (rng() % 3 == 0) v.reset();
    }
  }
  EvaluateEach(state, *c.graph, cases);
}
BENCHMARK(BM_EvaluateShippedPartlyKnown);

void BM_HandWrittenShipped(benchmark::State& state) {
  CompiledRules c = CompileRules("lokale-driehoek.yaml", ShippedRules());
  std::vector<Case> cases = ShippedCases(c, 4096);
  // Agreement first: the comparison is only fair on the same answers.
  for (const Case& x : cases) {
    if (Evaluate(*c.graph, x).routes[0] != HandWritten(x)) {
      state.SkipWithError("hand-written chain disagrees with the graph");
      return;
    }
  }
  size_t k = 0;
  for (auto _ : state) {
    int route = HandWritten(cases[k++ & 4095]);
    benchmark::DoNotOptimize(route);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HandWrittenShipped);

void BM_ReferenceShipped(benchmark::State& state) {
  CompiledRules c = CompileRules("lokale-driehoek.yaml", ShippedRules());
  ReferenceEach(state, c, ShippedCases(c, 4096));
}
BENCHMARK(BM_ReferenceShipped);

// A decision table: `rows` rules over 8 facts, each row a conjunction of an
// interval or value test on most facts (as DMN tables are written).
std::string DecisionTable(int rows) {
  std::mt19937_64 rng(1);
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  std::string out =
      "ruleset: table\nversion: \"1\"\nfacts:\n"
      "  e0: {type: enum, values: [a, b, c, d, e]}\n"
      "  e1: {type: enum, values: [a, b, c, d, e]}\n"
      "  e2: {type: enum, values: [a, b, c]}\n"
      "  i0: {type: int, min: 0, max: 100}\n"
      "  i1: {type: int, min: 0, max: 100}\n"
      "  i2: {type: int, min: 0, max: 1000}\n"
      "  b0: {type: bool}\n  b1: {type: bool}\n"
      "routes: {r0: {}, r1: {}, r2: {}, r3: {}}\nrules:\n";
  static const char* letters[] = {"a", "b", "c", "d", "e"};
  for (int r = 0; r < rows; ++r) {
    std::string when = fmt::format("e0 == {} and e1 == {}", letters[r % 5], letters[(r / 5) % 5]);
    when += fmt::format(" and e2 == {}", letters[(r / 25) % 3]);
    int lo = 10 * ((r / 75) % 10);
    when += fmt::format(" and i0 between {} and {}", lo, lo + 9);
    if (pick(2)) when += fmt::format(" and i1 >= {}", 10 * pick(10));
    if (pick(2)) when += fmt::format(" and i2 < {}", 100 * (1 + pick(9)));
    if (pick(3) == 0) when += " and b0";
    if (pick(3) == 0) when += " and not b1";
    out += fmt::format("  - {{id: row-{}, when: \"{}\", route: r{}}}\n", r, when, pick(4));
  }
  return out + "default: r3\n";
}

std::vector<Case> TableCases(const CompiledRules& c, int n) {
  std::mt19937_64 rng(2);
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  static const char* letters[] = {"a", "b", "c", "d", "e"};
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    jsonl += fmt::format(
        "{{\"e0\": \"{}\", \"e1\": \"{}\", \"e2\": \"{}\", \"i0\": {}, \"i1\": {}, "
        "\"i2\": {}, \"b0\": {}, \"b1\": {}}}\n",
        letters[pick(5)], letters[pick(5)], letters[pick(3)], pick(101), pick(101), pick(1001),
        pick(2) ? "true" : "false", pick(2) ? "true" : "false");
  }
  return ParseCases(c, jsonl);
}

void BM_CompileTable500(benchmark::State& state) {
  std::string yaml = DecisionTable(500);
  size_t nodes = 0;
  for (auto _ : state) {
    CompiledRules c = CompileRules("table.yaml", yaml);
    if (!c.graph) {
      state.SkipWithError("did not compile");
      return;
    }
    nodes = c.graph->nodes().size();
  }
  state.counters["nodes"] = static_cast<double>(nodes);
}
BENCHMARK(BM_CompileTable500)->Unit(benchmark::kMillisecond);

void BM_EvaluateTable500(benchmark::State& state) {
  CompiledRules c = CompileRules("table.yaml", DecisionTable(500));
  EvaluateEach(state, *c.graph, TableCases(c, 4096));
}
BENCHMARK(BM_EvaluateTable500);

void BM_ScanTable500(benchmark::State& state) {
  CompiledRules c = CompileRules("table.yaml", DecisionTable(500));
  ReferenceEach(state, c, TableCases(c, 4096));
}
BENCHMARK(BM_ScanTable500);

// Random conjunctions of 1..max_terms tests over 40 facts (14 enum, 14 int,
// 12 bool), as in shared/design/decision-graph.md. `triage check` in full:
// load, check, compile (chaining diagrams past the diagram budget) and every
// analysis. Counters: graph nodes, chained diagrams, findings, and whether
// the analyses stopped at their budget (E044) or the graph at its own (E043).
void BM_CheckRandom(benchmark::State& state) {
  std::string yaml =
      bench::RandomRules(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  CompiledRules c;
  for (auto _ : state) c = CompileRules("random.yaml", yaml);
  bool stopped = false, too_big = false;
  for (const Diagnostic& d : c.diags.items()) {
    stopped |= d.code == "E044";
    too_big |= d.code == "E043";
  }
  state.counters["nodes"] = c.graph ? static_cast<double>(c.graph->nodes().size()) : 0;
  state.counters["diagrams"] = c.graph ? c.graph->diagram_count() : 0;
  state.counters["findings"] = static_cast<double>(c.diags.items().size());
  state.counters["E044"] = stopped;
  state.counters["E043"] = too_big;
}
BENCHMARK(BM_CheckRandom)
    ->Args({10, 3})
    ->Args({40, 3})
    ->Args({1000, 3})
    ->Args({10000, 3})
    ->Args({40, 4})
    ->Args({1000, 4})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Routing through the graph of a generated 1000-rule set (complete cases).
void BM_EvaluateRandom1000(benchmark::State& state) {
  int terms = static_cast<int>(state.range(0));
  CompiledRules c =
      CompileRules("random.yaml", bench::RandomRules(1000, terms, terms == 5 ? 3 : 1));
  if (!c.graph) {
    state.SkipWithError("did not compile");
    return;
  }
  std::mt19937_64 rng(5);
  testing::GenerateOptions o = bench::FortyFacts();
  std::string jsonl;
  for (int i = 0; i < 4096; ++i) jsonl += testing::GenerateCase(rng, o, 0.0) + "\n";
  EvaluateEachReusing(state, *c.graph, ParseCases(c, jsonl));
  state.counters["diagrams"] = c.graph->diagram_count();
}
BENCHMARK(BM_EvaluateRandom1000)->Arg(3)->Arg(4)->Arg(5);

// The same rules as a hand-written if/else chain (bench/gen_chain.cc writes
// it at build time), over the same cases.
void BM_HandWrittenRandom1000(benchmark::State& state) {
  int terms = static_cast<int>(state.range(0));
  CompiledRules c =
      CompileRules("random.yaml", bench::RandomRules(1000, terms, terms == 5 ? 3 : 1));
  int (*chain)(const Case&) = terms == 3   ? bench::HandWrittenChain3
                              : terms == 4 ? bench::HandWrittenChain4
                                           : bench::HandWrittenChain5;
  std::mt19937_64 rng(5);
  testing::GenerateOptions o = bench::FortyFacts();
  std::string jsonl;
  for (int i = 0; i < 4096; ++i) jsonl += testing::GenerateCase(rng, o, 0.0) + "\n";
  std::vector<Case> cases = ParseCases(c, jsonl);
  // Agreement first: the comparison is only fair on the same answers.
  for (const Case& x : cases) {
    Decision d = Evaluate(*c.graph, x);
    if ((d.routes.empty() ? -1 : d.routes[0]) != chain(x)) {
      state.SkipWithError("hand-written chain disagrees with the graph");
      return;
    }
  }
  size_t k = 0;
  for (auto _ : state) {
    int route = chain(cases[k++ % cases.size()]);
    benchmark::DoNotOptimize(route);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HandWrittenRandom1000)->Arg(3)->Arg(4)->Arg(5);

// Narrow rules that rarely hold (bench::NarrowRules), uniform cases: the
// if/else chain tries hundreds of rules a case. The graph (matched by its
// masks), the chain, both on the same cases after checking that they agree.
void Narrow(benchmark::State& state, const CompiledRules& c, const std::vector<Case>& cases,
            int (*chain)(const Case&)) {
  bool graph = state.range(0) == 0;
  for (const Case& x : cases) {
    Decision d = Evaluate(*c.graph, x);
    if ((d.routes.empty() ? -1 : d.routes[0]) != chain(x)) {
      state.SkipWithError("hand-written chain disagrees with the graph");
      return;
    }
  }
  state.SetLabel(graph ? "graph" : "hand-written chain");
  state.counters["diagrams"] = c.graph->diagram_count();
  state.counters["nodes"] = static_cast<double>(c.graph->nodes().size());
  if (graph) {
    EvaluateEachReusing(state, *c.graph, cases);
    return;
  }
  size_t k = 0;
  for (auto _ : state) {
    int route = chain(cases[k++ % cases.size()]);
    benchmark::DoNotOptimize(route);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Narrow1000(benchmark::State& state) {
  static CompiledRules c = CompileRules("narrow.yaml", bench::NarrowRules());
  static std::vector<Case> cases = ParseCases(c, bench::NarrowCases(4096));
  Narrow(state, c, cases, bench::HandWrittenChain6);
}
BENCHMARK(BM_Narrow1000)->Arg(0)->Arg(1);

void BM_Narrow10000(benchmark::State& state) {
  static CompiledRules c = CompileRules("narrow.yaml", bench::NarrowRules(10'000));
  static std::vector<Case> cases = ParseCases(c, bench::NarrowCases(4096));
  Narrow(state, c, cases, bench::HandWrittenChain7);
}
BENCHMARK(BM_Narrow10000)->Arg(0)->Arg(1);

// Parse and evaluate in memory, JSON Lines to a route: the cases parsed
// and validated by the engine's reader, then the graph (with a full
// decision, path included) or the hand-written chain. The bar for routing
// end to end (bench/large_rules.sh).
void BM_NarrowParseAndEvaluate1000(benchmark::State& state) {
  static CompiledRules c = CompileRules("narrow.yaml", bench::NarrowRules());
  static std::string jsonl = bench::NarrowCases(4096);
  bool graph = state.range(0) == 0;
  state.SetLabel(graph ? "graph" : "hand-written chain");
  Decision d;
  for (auto _ : state) {
    ReadCases(jsonl, InputFormat::kJsonLines, [&](RawCase raw) {
      std::vector<CaseProblem> problems;
      Case parsed = ValidateCase(*c.rules, raw, {}, problems);
      if (graph) {
        Evaluate(*c.graph, parsed, d);
        benchmark::DoNotOptimize(d);
      } else {
        int route = bench::HandWrittenChain6(parsed);
        benchmark::DoNotOptimize(route);
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * 4096);
}
BENCHMARK(BM_NarrowParseAndEvaluate1000)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
