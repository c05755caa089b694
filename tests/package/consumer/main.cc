// route_one RULES CASE_JSON: loads and checks a rule set with the installed
// engine, routes one case given as JSON, and prints its decision record.
#include <fstream>
#include <iostream>
#include <sstream>

#include "triage/cases.h"
#include "triage/evaluate.h"
#include "triage/pipeline.h"
#include "triage/report.h"
#include "triage/version.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: route_one RULES CASE_JSON\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  triage::CompiledRules rules = triage::CompileRules(argv[1], bytes.str());
  if (!rules.Usable()) {
    std::cerr << "route_one: " << argv[1] << " cannot be used\n";
    return 2;
  }
  int status = 1;
  triage::ReadCases(argv[2], triage::InputFormat::kJson, [&](triage::RawCase raw) {
    triage::Record record;
    record.input = "argv";
    record.index = raw.index;
    record.values = triage::ValidateCase(*rules.rules, raw, {}, record.problems);
    record.case_id = record.values.id;
    if (!record.invalid()) record.decision = triage::Evaluate(*rules.graph, record.values);
    std::cout << triage::RecordJson(*rules.rules, record, "en") << "\n";
    status = record.invalid() ? 1 : 0;
  });
  std::cerr << "route_one: triage " << triage::kVersion << ", rule language "
            << triage::kRuleLanguageVersion << "\n";
  return status;
}
