#include "support/support.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace triage::testing {

CompiledRules Compile(const std::string& yaml) { return CompileRules("t.yaml", yaml); }

std::string DiagnosticsText(const std::string& yaml) {
  CompiledRules c = Compile(yaml);
  std::string out;
  for (const Diagnostic& d : c.diags.items()) {
    out += RenderDiagnostic(d, c.file, c.source);
  }
  return out;
}

std::vector<std::string> Codes(const std::string& yaml) {
  std::vector<std::string> codes;
  CompiledRules c = Compile(yaml);
  for (const Diagnostic& d : c.diags.items()) codes.push_back(d.code);
  return codes;
}

Record MakeRecord(const CompiledRules& c, const std::string& case_json) {
  Record r;
  int n = 0;
  ReadCases(case_json, InputFormat::kJson, [&](RawCase raw) {
    ++n;
    r.index = raw.index;
    r.line = raw.line;
    r.values = ValidateCase(*c.rules, raw, {}, r.problems);
    r.case_id = r.values.id;
  });
  REQUIRE(n == 1);
  if (!r.invalid()) r.decision = Evaluate(*c.graph, r.values);
  return r;
}

std::string RouteJson(const CompiledRules& c, const std::string& case_json,
                      const std::string& lang) {
  return RecordJson(*c.rules, MakeRecord(c, case_json), lang);
}

Decision Route(const CompiledRules& c, const std::string& case_json) {
  Record r = MakeRecord(c, case_json);
  INFO(case_json);
  REQUIRE(r.problems.empty());
  return r.decision;
}

std::string RouteName(const CompiledRules& c, const std::string& case_json) {
  Decision d = Route(c, case_json);
  switch (d.status) {
    case Decision::Status::kDecided:
      return c.rules->routes[d.routes[0]].name;
    case Decision::Status::kUndetermined:
      return "undetermined";
    case Decision::Status::kUnrouted:
      return "unrouted";
  }
  return "?";
}

std::string ReadSourceFile(const std::string& relative) {
  std::filesystem::path p = std::filesystem::path(TRIAGE_SOURCE_DIR) / relative;
  REQUIRE(std::filesystem::exists(p));
  return Slurp(p);
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Scaled(int n) {
  const char* s = std::getenv("TRIAGE_DIFF_SCALE");
  double scale = s ? std::atof(s) : 1.0;
  if (!(scale > 0)) scale = 1.0;  // unset, zero or not a number: the default
  return std::max(1, static_cast<int>(n * scale + 0.5));
}

}  // namespace triage::testing
