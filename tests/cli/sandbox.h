// Running the CLI as a user runs it: the real binary, from the source tree,
// in a folder of its own that is removed afterwards.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/verb.h"
#include "support/support.h"

namespace triage::testing {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out, err;
};

class Sandbox {
 public:
  Sandbox() {
    dir_ = fs::temp_directory_path() /
           ("triage-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(dir_);
  }
  ~Sandbox() { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  // Runs `triage ARGS` from the source tree, with `input` on stdin.
  Run Triage(const std::string& args, const std::string& input = "") {
    fs::path in = Write("stdin", input);
    std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && NO_COLOR=1 '" +
                      std::string(TRIAGE_BINARY) + "' " + args + " < '" + in.string() + "' > '" +
                      (dir_ / "out").string() + "' 2> '" + (dir_ / "err").string() + "'";
    int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = Slurp(dir_ / "out");
    r.err = Slurp(dir_ / "err");
    return r;
  }

  const fs::path& dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

inline const char* kGapRules = R"(ruleset: gaps
version: "1"
facts: {a: {type: bool}}
routes: {x: {}}
rules:
  - {id: r, when: a, route: x}
)";

/// `triage ARGS` run in this process, from the source tree, on strings:
/// `terminal` says whether stderr is to look like a terminal (colours, the
/// progress line).
inline Run TriageInProcess(const std::string& args, const std::string& input = "",
                           bool terminal = false) {
  std::vector<std::string> argv = {"triage"};
  std::istringstream words(args);
  for (std::string word; words >> word;) argv.push_back(word);
  std::istringstream in(input);
  std::ostringstream out, err;
  cli::Io io{in, out, err};
  io.err_is_terminal = terminal;
  io.color = terminal;
  fs::path was = fs::current_path();
  fs::current_path(TRIAGE_SOURCE_DIR);
  Run r;
  r.status = cli::Run(argv, io);
  fs::current_path(was);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace triage::testing
