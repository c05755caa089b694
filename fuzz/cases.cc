// Fuzzes a case reader (the format is TRIAGE_FUZZ_FORMAT: json, jsonl, yaml
// or csv) and the validation of what it reads against the shipped rule set,
// then each valid case through the graph and into its record.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/report.h"

namespace {

const triage::CompiledRules& Rules() {
  static const triage::CompiledRules rules = [] {
    std::string yaml = R"(ruleset: fuzz
version: "1"
facts:
  b: {type: bool}
  e: {type: enum, values: [alfa, bravo]}
  i: {type: int, min: -5, max: 100}
  n: {type: number, min: 0, max: 1}
  s: {type: string}
  d: {type: date, min: 2020-01-01}
  p: {type: string, personal: true}
routes: {x: {}, y: {}}
rules:
  - {id: r1, when: b and i > 10, route: x}
  - {id: r2, when: "e == bravo or s == 'z'", route: y}
  - {id: r3, when: n >= 0.5 and d < 2025-01-01, route: x}
default: y
)";
    return triage::CompileRules("fuzz.yaml", yaml);
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const triage::CompiledRules& c = Rules();
  std::string text(reinterpret_cast<const char*>(data), size);
  triage::ReadCases(text, triage::InputFormat::TRIAGE_FUZZ_FORMAT, [&](triage::RawCase raw) {
    triage::Record r;
    r.input = "fuzz";
    r.index = raw.index;
    r.line = raw.line;
    triage::CaseOptions options;
    options.ignore_unknown_facts = (size & 1) != 0;
    if (!raw.error.empty()) {
      r.problems.push_back({"", raw.error, 0});
    } else {
      r.values = triage::ValidateCase(*c.rules, raw, options, r.problems);
      r.case_id = r.values.id;
    }
    if (!r.invalid()) r.decision = triage::Evaluate(*c.graph, r.values);
    (void)triage::RecordJson(*c.rules, r, "en");
    (void)triage::RecordText(*c.rules, r, "en");
    (void)triage::RecordCsv(*c.rules, r, "en");
  });
  return 0;
}
