// Every diagnostic, asserted as full rendered text: each file in
// tests/golden/diagnostics/NAME.yaml is compiled and its diagnostics compared
// with NAME.expected. Run with TRIAGE_UPDATE_GOLDEN=1 to rewrite them (and
// read the diff before committing).
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/support.h"

namespace fs = std::filesystem;
using namespace triage;
using triage::testing::Slurp;

namespace {

fs::path GoldenDir() { return fs::path(TRIAGE_SOURCE_DIR) / "tests" / "golden" / "diagnostics"; }

std::string Render(const fs::path& yaml) {
  CompiledRules c = CompileRules(yaml.filename().string(), Slurp(yaml));
  std::string out;
  for (const Diagnostic& d : c.diags.items()) {
    out += RenderDiagnostic(d, c.file, c.source);
  }
  return out;
}

}  // namespace

TEST_CASE("diagnostics match their golden files") {
  bool update = std::getenv("TRIAGE_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const fs::path& yaml : files) {
    fs::path expected_path = yaml;
    expected_path.replace_extension(".expected");
    std::string actual = Render(yaml);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    INFO("golden file " << expected_path.string());
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == Slurp(expected_path));
    // The file named after a code must produce that code.
    std::string code = yaml.stem().string().substr(0, 4);
    CHECK(actual.find("[" + code + "]") != std::string::npos);
  }
}

TEST_CASE("every diagnostic code the engine emits has a golden test") {
  std::set<std::string> emitted;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(TRIAGE_SOURCE_DIR) / "engine")) {
    if (entry.path().extension() != ".cc") continue;
    std::string text = Slurp(entry.path());
    // Every string literal "E123" or "W123".
    for (size_t at = text.find('"'); at != std::string::npos && at + 5 < text.size();
         at = text.find('"', at + 1)) {
      std::string_view s(text.data() + at + 1, 5);
      bool code = (s[0] == 'E' || s[0] == 'W') && std::isdigit(s[1]) && std::isdigit(s[2]) &&
                  std::isdigit(s[3]) && s[4] == '"';
      if (code) emitted.insert(std::string(s.substr(0, 4)));
    }
  }
  std::string all_expected;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    if (entry.path().extension() == ".expected") all_expected += Slurp(entry.path());
  }
  // Budget errors need a tiny budget, set from code: tested in
  // compile/compiler_test.cc and analyze/guarantees_test.cc. E028 is of test
  // files, not rule files: its full text is in tests/cli/test_test.cc.
  std::set<std::string> tested_elsewhere = {"E043", "E044", "E028"};
  REQUIRE(emitted.size() > 20);
  for (const std::string& code : emitted) {
    if (tested_elsewhere.count(code)) continue;
    INFO("diagnostic code " << code);
    CHECK(all_expected.find("[" + code + "]") != std::string::npos);
  }
}
