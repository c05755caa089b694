// Records per second into the register, each backend, in batches of 1 and
// of 8,192 (one transaction each). SQLite in a temporary file; PostgreSQL
// when TRIAGE_TEST_POSTGRES names a server (bench/record_corpus.sh and
// scripts/with-postgres.sh start a throwaway one).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "triage/cases.h"
#include "triage/pipeline.h"
#include "triage/register.h"
#include "triage/report.h"

namespace {

namespace fs = std::filesystem;
using namespace triage;

// Entries of the shipped rule set, from a corpus of varied cases.
const std::vector<NewEntry>& Entries() {
  static const std::vector<NewEntry> entries = [] {
    std::string path = std::string(TRIAGE_SOURCE_DIR) + "/rules/lokale-driehoek.yaml";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CompiledRules c = CompileRules(path, text);
    std::string corpus;
    const char* roles[] = {"burgemeester", "wethouder", "raadslid", "ambtenaar"};
    const char* instruments[] = {"aangifte", "woo_verzoek", "bezwaar_beroep", "klacht"};
    for (int i = 0; i < 8192; ++i) {
      corpus += "{\"case_id\": \"c" + std::to_string(i) + "\", \"role\": \"" + roles[i % 4] +
                "\", \"instrument\": \"" + instruments[(i / 4) % 4] +
                "\", \"procedures_12m\": " + std::to_string(i % 16) +
                ", \"explicit_threat\": " + (i % 19 == 0 ? "true" : "false") +
                ", \"municipality\": \"Zuidhaven\", \"reported_on\": \"2026-03-02\", "
                "\"initiator_name\": \"Naam " +
                std::to_string(i % 97) + "\"}\n";
    }
    Pseudonymizer key = Pseudonymizer::FromKey("benchmark-key-0123456789");
    RecordingContext context{"bench", "2026-12-02T12:00:00Z", &key};
    std::vector<NewEntry> out;
    ReadCases(corpus, InputFormat::kJsonLines, [&](RawCase raw) {
      Record r;
      r.values = ValidateCase(*c.rules, raw, {}, r.problems);
      r.case_id = r.values.id;
      if (!r.invalid()) r.decision = Evaluate(*c.graph, r.values);
      out.push_back(MakeEntry(*c.rules, r, context));
    });
    return out;
  }();
  return entries;
}

std::string Location(bool postgres) {
  if (postgres) {
    const char* url = std::getenv("TRIAGE_TEST_POSTGRES");
    return url ? url : "";
  }
  static const fs::path file =
      fs::temp_directory_path() / ("triage-bench-" + std::to_string(::getpid()) + ".db");
  return file.string();
}

void BM_Record(benchmark::State& state) {
  bool postgres = state.range(0) == 1;
  auto batch_size = static_cast<std::size_t>(state.range(1));
  std::string url = Location(postgres);
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL server (run under scripts/with-postgres.sh)");
    return;
  }
  std::string error;
  std::optional<RegisterLocation> where = ParseRegisterLocation(url, error);
  std::unique_ptr<Register> reg = Register::Open(*where, Register::Mode::kWrite, error);
  if (!reg) {
    state.SkipWithError(error.c_str());
    return;
  }
  const std::vector<NewEntry>& entries = Entries();
  std::size_t next = 0;
  for (auto _ : state) {
    std::unique_ptr<RegisterBatch> batch = reg->Begin(error);
    for (std::size_t i = 0; i < batch_size; ++i) {
      batch->Add(entries[next++ % entries.size()], error);
    }
    std::int64_t entries = 0;
    if (!batch->Commit(entries, error)) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch_size));
}
BENCHMARK(BM_Record)
    ->ArgNames({"postgres", "batch"})
    ->Args({0, 1})
    ->Args({0, 8192})
    ->Args({1, 1})
    ->Args({1, 8192})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  fs::path file = Location(false);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  return 0;
}
