// The `triage` process: the streams, terminal and signals of the process
// handed to the verbs (verbs.cc is the table of them; see
// shared/spec/cli.md for the contract).
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <system_error>

#include "cli/ending.h"
#include "cli/verb.h"

namespace {

std::atomic<bool> g_interrupted{false};

int RunGuarded(triage::cli::Io& io, int argc, char** argv) {
  // Unwinding runs the destructors that remove temporary files and roll
  // back a register's batch; then the reason is said once.
  try {
    return triage::cli::Run(std::vector<std::string>(argv, argv + argc), io);
  } catch (const std::bad_alloc&) {
    io.Say(
        "out of memory: the input is too large for the memory this run may use; nothing was "
        "written");
  } catch (const std::system_error& e) {
    io.Say(std::string("cannot go on: ") + e.what() + "; nothing was written");
  }
  return triage::cli::kExitCannot;
}

}  // namespace

int main(int argc, char** argv) {
  triage::cli::InstallEndingHandlers(g_interrupted);
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
  int status = RunGuarded(io, argc, argv);
  // Stopped by a signal, the run says so by the exit status: 128 + the
  // signal (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP), whatever it
  // was doing when the signal came.
  if (int sig = triage::cli::StopSignal(); sig != 0) return 128 + sig;
  return status;
}
