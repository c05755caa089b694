// Bad input never crashes or hangs: mutated rule files and case files go
// through the whole pipeline and come out as diagnostics or invalid cases.
#include <random>

#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

std::string Mutate(std::string text, std::mt19937_64& rng) {
  static const std::string kBytes =
      "{}[]:,-'\"\n\t #&*!|>%@`\\\x80\xff"
      "abz019";
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    size_t at = rng() % text.size();
    switch (rng() % 3) {
      case 0:
        text[at] = kBytes[rng() % kBytes.size()];
        break;
      case 1:
        text.erase(at, 1 + rng() % 8);
        break;
      default:
        text.insert(at, 1, kBytes[rng() % kBytes.size()]);
    }
  }
  return text;
}

}  // namespace

TEST_CASE("mutated rule files give diagnostics, never a crash") {
  std::string shipped = testing::ReadSourceFile("rules/lokale-driehoek.yaml");
  std::mt19937_64 rng(4242);
  int with_errors = 0;
  for (int n = 0; n < 1500; ++n) {
    std::string text = Mutate(shipped, rng);
    CompiledRules c = CompileRules("m.yaml", text);
    for (const Diagnostic& d : c.diags.items()) {
      // Every diagnostic renders, with a position inside the file or none.
      CHECK_FALSE(RenderDiagnostic(d, c.file, c.source).empty());
      CHECK(d.pos.line >= 0);
    }
    if (c.diags.HasErrors()) ++with_errors;
  }
  CHECK(with_errors > 300);
}

TEST_CASE("mutated case files give invalid records, never a crash") {
  CompiledRules c = CompileRules("rules/lokale-driehoek.yaml",
                                 testing::ReadSourceFile("rules/lokale-driehoek.yaml"));
  REQUIRE(c.Usable());
  std::string cases = testing::ReadSourceFile("examples/cases/06-register.jsonl") +
                      testing::ReadSourceFile("examples/cases/03-woo-stroom.json");
  std::string yaml = testing::ReadSourceFile("examples/cases/01-bedreiging.yaml");
  std::string csv =
      "case_id,role,instrument,procedures_12m,explicit_threat\n"
      "1,wethouder,klacht,3,true\n\"2\",\"raads\"\"lid\",aangifte,12,false\n";
  std::mt19937_64 rng(7);
  for (int n = 0; n < 1500; ++n) {
    for (const std::string& base : {cases, yaml, csv}) {
      std::string text = Mutate(base, rng);
      InputFormat format = &base == &csv ? InputFormat::kCsv : InputFormat::kAuto;
      ReadCases(text, format, [&](RawCase raw) {
        Record r;
        r.values = ValidateCase(*c.rules, raw, {}, r.problems);
        if (!r.invalid()) r.decision = Evaluate(*c.graph, r.values);
        CHECK_FALSE(RecordJson(*c.rules, r, "").empty());
        CHECK_FALSE(RecordText(*c.rules, r, "").empty());
      });
    }
  }
}
