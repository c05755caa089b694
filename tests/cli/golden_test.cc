// The CLI's whole output on the shipped rules and examples, byte for byte:
// each line of tests/golden/cli/commands.txt is run as a user runs it (the
// real binary, from the source tree, stdin empty, NO_COLOR=1), and its exit
// status, stdout and stderr are compared with NAME.expected. The same
// commands run in-process too (cli::Run with strings for streams) must give
// the same. Run with TRIAGE_UPDATE_GOLDEN=1 to rewrite the files (and read
// the diff before committing).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "support/support.h"

namespace fs = std::filesystem;
using triage::testing::Slurp;

namespace {

fs::path GoldenDir() { return fs::path(TRIAGE_SOURCE_DIR) / "tests" / "golden" / "cli"; }

struct Command {
  std::string name, args;
};

std::vector<Command> ReadCommands() {
  std::vector<Command> commands;
  std::istringstream in(Slurp(GoldenDir() / "commands.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::size_t args = line.find_first_not_of(' ', colon + 1);
    commands.push_back({line.substr(0, colon), args == std::string::npos ? "" : line.substr(args)});
  }
  return commands;
}

// "exit: N", then stdout and stderr, each after a marker line.
std::string RunAndDescribe(const std::string& args) {
  fs::path dir = fs::temp_directory_path() / ("triage-golden-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && NO_COLOR=1 '" +
                    std::string(TRIAGE_BINARY) + "' " + args + " < /dev/null > '" +
                    (dir / "out").string() + "' 2> '" + (dir / "err").string() + "'";
  int raw = std::system(cmd.c_str());
  int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::string text = "exit: " + std::to_string(status) + "\n--- stdout\n" + Slurp(dir / "out") +
                     "--- stderr\n" + Slurp(dir / "err");
  fs::remove_all(dir);
  // Usage lines name the binary as it was run; the golden files say "triage".
  const std::string binary = TRIAGE_BINARY;
  for (std::size_t at = text.find(binary); at != std::string::npos; at = text.find(binary, at)) {
    text.replace(at, binary.size(), "triage");
  }
  return text;
}

// The same, run in this process: the verbs on string streams, from the
// source tree.
std::string RunInProcess(const std::string& args) {
  triage::testing::Run r = triage::testing::TriageInProcess(args);
  return "exit: " + std::to_string(r.status) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

}  // namespace

TEST_CASE("cli: the verbs run in-process give the golden output too", "[golden-cli]") {
  for (const Command& c : ReadCommands()) {
    fs::path expected_path = GoldenDir() / (c.name + ".expected");
    INFO("triage " << c.args << "  (golden file " << expected_path.string() << ")");
    CHECK(RunInProcess(c.args) == Slurp(expected_path));
  }
}

TEST_CASE("cli output matches its golden files", "[golden-cli]") {
  bool update = std::getenv("TRIAGE_UPDATE_GOLDEN") != nullptr;
  std::vector<Command> commands = ReadCommands();
  REQUIRE(commands.size() >= 20);
  for (const Command& c : commands) {
    fs::path expected_path = GoldenDir() / (c.name + ".expected");
    std::string actual = RunAndDescribe(c.args);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    INFO("triage " << c.args << "  (golden file " << expected_path.string() << ")");
    REQUIRE(fs::exists(expected_path));
    // Compared as a whole; on a mismatch Catch shows both texts.
    CHECK(actual == Slurp(expected_path));
  }
}
