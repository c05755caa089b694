// The `triage` process: the streams, terminal and Ctrl-C of the process
// handed to the verbs (verbs.cc is the table of them; see
// shared/spec/cli.md for the contract).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "cli/verb.h"

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted = true; }

}  // namespace

int main(int argc, char** argv) {
  // Without SA_RESTART, so that a read waiting on a terminal or a pipe is
  // interrupted too and the run can stop cleanly with exit 130.
  struct sigaction interrupt = {};
  interrupt.sa_handler = OnInterrupt;
  sigemptyset(&interrupt.sa_mask);
  sigaction(SIGINT, &interrupt, nullptr);
  bool terminal = isatty(STDERR_FILENO) != 0;
  triage::cli::Io io{std::cin, std::cout, std::cerr};
  io.err_is_terminal = terminal;
  io.in_is_terminal = isatty(STDIN_FILENO) != 0;
  io.color = terminal && std::getenv("NO_COLOR") == nullptr;
  io.interrupted = &g_interrupted;
  io.env = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  return triage::cli::Run(std::vector<std::string>(argv, argv + argc), io);
}
