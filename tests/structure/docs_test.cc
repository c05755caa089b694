// The documentation keeps to the tests: every test that docs/limits.md
// names beside a limit or a kind of bad input exists.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The test names in the last column of each table row: `...` spans that
// read like a test's name ("area: what it shows").
std::vector<std::string> NamedTests(const std::string& page) {
  std::vector<std::string> names;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| ", 0) != 0) continue;
    std::size_t end = line.rfind(" |");
    std::size_t start = line.rfind(" | ", end - 1);
    if (end == std::string::npos || start == std::string::npos) continue;
    std::string cell = line.substr(start + 3, end - start - 3);
    for (std::size_t open = cell.find('`'); open != std::string::npos;) {
      std::size_t close = cell.find('`', open + 1);
      if (close == std::string::npos) break;
      std::string span = cell.substr(open + 1, close - open - 1);
      if (span.find(": ") != std::string::npos) names.push_back(span);
      open = cell.find('`', close + 1);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("structure: every test docs/limits.md names exists") {
  fs::path root(TRIAGE_SOURCE_DIR);
  std::string tests;
  for (const auto& e : fs::recursive_directory_iterator(root / "tests")) {
    if (e.path().extension() == ".cc") tests += Read(e.path());
  }
  std::vector<std::string> names = NamedTests(Read(root / "docs" / "limits.md"));
  CHECK(names.size() >= 30);
  for (const std::string& name : names) {
    INFO(name);
    CHECK(tests.find("TEST_CASE(\"" + name + "\"") != std::string::npos);
  }
}
