// The plumbing every verb shares: the streams and terminal it runs with,
// reading inputs, and writing outputs whole or not at all.
//
// A verb never touches std::cin, std::cout or std::cerr itself: it is given
// an Io, which main() fills from the process and tests fill with strings.
#pragma once

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace triage::cli {

/// Exit statuses (shared/spec/cli.md, "Exit status").
constexpr int kExitOk = 0;
constexpr int kExitFound = 1;
constexpr int kExitCannot = 2;
constexpr int kExitInterrupted = 130;

/// What a verb reads from and writes to. `out` and `err` are different
/// streams: output goes to `out` from a writer thread (OutputSink) while
/// messages and the progress line go to `err`.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  /// stderr is a terminal: a progress line may be shown there.
  bool err_is_terminal = false;
  /// stdin is a terminal: someone types what is read (nothing was piped).
  bool in_is_terminal = false;
  /// Diagnostics in colour: stderr is a terminal and NO_COLOR is not set.
  bool color = false;
  /// Set (by a signal handler) when the run is to stop; may be null.
  const std::atomic<bool>* interrupted = nullptr;

  bool Interrupted() const { return interrupted != nullptr && interrupted->load(); }
  /// The environment the run sees (main: the process's; tests: their own).
  std::function<std::optional<std::string>(const std::string& name)> env = nullptr;
  /// The time now (main: the system clock; tests may fix it).
  std::function<std::time_t()> clock = nullptr;
  /// The variable `name`, or nullopt when it is not set.
  std::optional<std::string> Env(const std::string& name) const {
    return env ? env(name) : std::nullopt;
  }
  std::time_t Now() const { return clock ? clock() : std::time(nullptr); }
  /// Writes "triage: MESSAGE\n" to err.
  void Say(std::string_view message) const;
};

/// Reads a whole file, or `io.in` for "-". nullopt with `error` set when it
/// cannot.
std::optional<std::string> ReadInput(const std::string& path, Io& io, std::string& error);

/// Where output goes: `io.out`, or a temporary file beside the target that
/// is renamed to the target only when everything was written, so that a
/// failed or interrupted run leaves no partial file. A symbolic link is
/// followed (its target is replaced, the link stays); a device or a pipe is
/// written to directly, never replaced. Text is gathered in
/// blocks that a writer thread writes out, so that the work goes on while
/// the system takes the bytes.
class OutputSink {
 public:
  explicit OutputSink(Io& io) : io_(io) {}
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  /// `path` empty: `io.out`.
  bool Open(const std::string& path, std::string& error);
  void Write(std::string_view text);
  /// Writes what is left and puts the file in place.
  bool Commit(std::string& error);

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  static constexpr std::size_t kMaxPending = 4;  // bounds memory: 4 blocks

  std::ostream& stream();
  // Gives the gathered text to the writer, waiting while it is behind.
  void HandOver();
  void WriteBlocks();
  void StopWriter();

  Io& io_;
  std::string path_, temp_, buffer_;
  std::ofstream file_;
  bool committed_ = false;
  bool direct_ = false;  // a device or a pipe: written to as it is
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::string> pending_;
  bool done_ = false;
};

/// Whether `output` names one of `inputs` (the same file, by any path):
/// then it says so and the verb must not write, or it would destroy what
/// it reads. "" and "-" name no file.
bool WritesOverInput(const std::string& output, const std::vector<std::string>& inputs, Io& io);

/// Writes `text` to `path` (`io.out` when empty), whole or not at all; says
/// why it could not.
bool WriteWhole(const std::string& path, const std::string& text, Io& io);

}  // namespace triage::cli
