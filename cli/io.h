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
#include <functional>
#include <iosfwd>
#include <mutex>
#include <optional>
#include <streambuf>
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
  /// Writes "triage: MESSAGE\n" to err, MESSAGE printable (control
  /// characters other than line ends as \xNN).
  void Say(std::string_view message) const;
};

/// Reads a whole file, or `io.in` for "-", of at most `max_bytes` (more is
/// refused, so that /dev/zero or a huge file ends early). nullopt with
/// `error` set when it cannot; a signal stops the read (io.Interrupted()).
std::optional<std::string> ReadInput(const std::string& path, Io& io, std::string& error,
                                     std::size_t max_bytes);

/// A file read through read(2), as a stream buffer: a signal that stops the
/// run ends the stream (where std::ifstream would read on), and a read
/// error is kept with its reason.
class FileReader : public std::streambuf {
 public:
  explicit FileReader(const Io& io) : io_(io) {}
  ~FileReader() override;
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  /// Opens `path` (waiting, for a FIFO, until a writer comes or a signal).
  bool Open(const std::string& path, std::string& error);
  /// Why reading failed, or "".
  const std::string& error() const { return error_; }

 protected:
  int_type underflow() override;

 private:
  const Io& io_;
  int fd_ = -1;
  std::string path_, error_;
  char buffer_[1 << 16];
};

/// Where output goes: `io.out`, or a temporary file beside the target that
/// is renamed to the target only when everything was written (and synced),
/// so that a failed or interrupted run leaves no partial file. A symbolic
/// link is followed (its target is replaced, the link stays); anything but
/// a regular file (a device such as /dev/null, a FIFO, a socket) is written
/// to directly, never replaced. Every write and the close are checked: a
/// full disk is an error with its reason. Text is gathered in blocks that a
/// writer thread writes out, so that the work goes on while the system
/// takes the bytes.
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

  // Gives the gathered text to the writer, waiting while it is behind.
  void HandOver();
  void WriteBlocks();
  // Writes one block to the file or `io.out`; false (and write_error_ set)
  // when it cannot.
  bool WriteBlock(const std::string& block);
  void StopWriter();
  // Closes the file, setting `error` when the close fails.
  bool Close(std::string& error);
  void RemoveTemporary();

  Io& io_;
  std::string path_, shown_, temp_, buffer_;
  int fd_ = -1;
  bool committed_ = false;
  bool direct_ = false;  // not a regular file: written to as it is
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::string> pending_;
  bool done_ = false;
  std::string write_error_;  // the writer's first failure; later blocks are dropped
};

/// Whether `output` names one of `inputs` (the same file, by any path):
/// then it says so and the verb must not write, or it would destroy what
/// it reads. "" and "-" name no file.
bool WritesOverInput(const std::string& output, const std::vector<std::string>& inputs, Io& io);

/// Writes `text` to `path` (`io.out` when empty), whole or not at all; says
/// why it could not.
bool WriteWhole(const std::string& path, const std::string& text, Io& io);

}  // namespace triage::cli
