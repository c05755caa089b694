#include "cli/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/ending.h"
#include "triage/limits.h"
#include "triage/model.h"

namespace triage::cli {

void Io::Say(std::string_view message) const {
  // Printable, so that no escape sequence in a name or a library's message
  // reaches the terminal; line ends are kept (a register's error may have
  // several lines).
  err << "triage: ";
  for (std::size_t from = 0; from <= message.size();) {
    std::size_t end = std::min(message.find('\n', from), message.size());
    err << Printable(message.substr(from, end - from)) << (end < message.size() ? "\n" : "");
    from = end + 1;
  }
  err << "\n";
}

namespace {

// A read(2) of `fd` that goes on after a signal unless the run is to stop.
ssize_t ReadSome(int fd, char* into, std::size_t size, const Io& io) {
  while (true) {
    ssize_t n = ::read(fd, into, size);
    if (n >= 0 || errno != EINTR || io.Interrupted()) return n;
  }
}

std::string TooLarge(const std::string& path, std::size_t max_bytes) {
  return fmt::format("cannot read '{}': it is larger than {}, the most this file may be",
                     Printable(path), BytesText(max_bytes));
}

}  // namespace

std::optional<std::string> ReadInput(const std::string& path, Io& io, std::string& error,
                                     std::size_t max_bytes) {
  std::string text;
  if (path == "-") {
    char chunk[1 << 16];
    while (io.in.read(chunk, sizeof chunk) || io.in.gcount() > 0) {
      text.append(chunk, static_cast<std::size_t>(io.in.gcount()));
      if (text.size() > max_bytes) {
        error = TooLarge("<stdin>", max_bytes);
        return std::nullopt;
      }
    }
    if (io.Interrupted()) {
      error = "interrupted";
      return std::nullopt;
    }
    return text;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = fmt::format("cannot read '{}': it is a directory", Printable(path));
    return std::nullopt;
  }
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR && !io.Interrupted());
  if (fd < 0) {
    error = io.Interrupted()
                ? std::string("interrupted")
                : fmt::format("cannot read '{}': {}", Printable(path), std::strerror(errno));
    return std::nullopt;
  }
  char chunk[1 << 16];
  while (true) {
    ssize_t n = ReadSome(fd, chunk, sizeof chunk, io);
    if (n < 0) {
      error = io.Interrupted()
                  ? std::string("interrupted")
                  : fmt::format("cannot read '{}': {}", Printable(path), std::strerror(errno));
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {
      ::close(fd);
      error = TooLarge(path, max_bytes);
      return std::nullopt;
    }
  }
  ::close(fd);
  return text;
}

FileReader::~FileReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileReader::Open(const std::string& path, std::string& error) {
  path_ = path;
  do {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd_ < 0 && errno == EINTR && !io_.Interrupted());
  if (fd_ >= 0) return true;
  error = io_.Interrupted()
              ? std::string("interrupted")
              : fmt::format("cannot read '{}': {}", Printable(path), std::strerror(errno));
  return false;
}

FileReader::int_type FileReader::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  // Checked before each read: a loop reading a stream that never ends
  // (/dev/zero) stops too.
  if (fd_ < 0 || !error_.empty() || io_.Interrupted()) return traits_type::eof();
  ssize_t n = ReadSome(fd_, buffer_, sizeof buffer_, io_);
  if (n < 0) {
    if (!io_.Interrupted()) {
      error_ = fmt::format("cannot read '{}': {}", Printable(path_), std::strerror(errno));
    }
    return traits_type::eof();
  }
  if (n == 0) return traits_type::eof();
  setg(buffer_, buffer_, buffer_ + n);
  return traits_type::to_int_type(*gptr());
}

OutputSink::~OutputSink() {
  StopWriter();
  std::string ignored;
  Close(ignored);
  if (!committed_) RemoveTemporary();
}

void OutputSink::RemoveTemporary() {
  if (temp_.empty()) return;
  ::unlink(temp_.c_str());
  ForgetTemporary(temp_);
  temp_.clear();
}

bool OutputSink::Open(const std::string& path, std::string& error) {
  path_ = path;
  shown_ = Printable(path);
  if (!path.empty()) {
    // A symbolic link stays: the file it names is the one replaced.
    if (char* real = realpath(path.c_str(), nullptr)) {
      path_ = real;
      std::free(real);
    }
    struct stat st {};
    bool exists = ::stat(path_.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      error = fmt::format("cannot write '{}': it is a directory", shown_);
      return false;
    }
    if (exists && !S_ISREG(st.st_mode)) {
      // A device or a FIFO is written to as it is, never replaced by a
      // file (`-o /dev/null` as root would otherwise replace it for all).
      do {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      } while (fd_ < 0 && errno == EINTR && !io_.Interrupted());
      direct_ = true;
    } else {
      temp_ = fmt::format("{}.tmp-{}", path_, getpid());
      KeepTemporary(temp_);
      // O_EXCL: a link planted under the temporary name is not followed.
      ::unlink(temp_.c_str());
      fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      // A file replaced keeps its permissions: one kept private (0600)
      // does not become readable to all by being written again.
      if (fd_ >= 0 && exists) ::fchmod(fd_, st.st_mode & 07777);
    }
    if (fd_ < 0) {
      error = fmt::format("cannot write '{}': {}", shown_, std::strerror(errno));
      ForgetTemporary(temp_);
      temp_.clear();
      return false;
    }
  }
  writer_ = std::thread([this] { WriteBlocks(); });
  return true;
}

void OutputSink::Write(std::string_view text) {
  buffer_ += text;
  if (buffer_.size() >= kBlock) HandOver();
}

bool OutputSink::Close(std::string& error) {
  if (fd_ < 0) return true;
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) {
    error = fmt::format("cannot write '{}': {}", shown_, std::strerror(errno));
    return false;
  }
  return true;
}

bool OutputSink::Commit(std::string& error) {
  HandOver();
  StopWriter();
  if (path_.empty()) {
    io_.out.flush();
    if (io_.out) return true;
    error = "cannot write the output (standard output): the disk may be full or the reader gone";
    return false;
  }
  if (!write_error_.empty()) {
    error = write_error_;
    return false;
  }
  // On disk before it takes the target's name: a crash then leaves the old
  // file or the new one, never a part of the new.
  if (!direct_ && ::fsync(fd_) != 0) {
    error = fmt::format("cannot write '{}': {}", shown_, std::strerror(errno));
    return false;
  }
  if (!Close(error)) return false;
  if (direct_) return committed_ = true;
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = fmt::format("cannot write '{}': {}", shown_, std::strerror(errno));
    return false;
  }
  ForgetTemporary(temp_);
  temp_.clear();
  committed_ = true;
  return true;
}

void OutputSink::HandOver() {
  if (buffer_.empty()) return;
  std::unique_lock<std::mutex> lock(mutex_);
  room_.wait(lock, [&] { return pending_.size() < kMaxPending; });
  pending_.push_back(std::move(buffer_));
  buffer_ = std::string();
  buffer_.reserve(kBlock + (1 << 16));
  ready_.notify_one();
}

bool OutputSink::WriteBlock(const std::string& block) {
  if (path_.empty()) {
    io_.out.write(block.data(), static_cast<std::streamsize>(block.size()));
    return true;
  }
  std::size_t done = 0;
  while (done < block.size()) {
    ssize_t n = ::write(fd_, block.data() + done, block.size() - done);
    if (n < 0 && errno == EINTR && !io_.Interrupted()) continue;
    if (n <= 0) {
      write_error_ = fmt::format("cannot write '{}': {}", shown_,
                                 n < 0 ? std::strerror(errno) : "nothing was written");
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void OutputSink::WriteBlocks() {
  std::unique_lock<std::mutex> lock(mutex_);
  bool failed = false;
  while (true) {
    ready_.wait(lock, [&] { return !pending_.empty() || done_; });
    if (pending_.empty()) return;
    std::string block = std::move(pending_.front());
    pending_.pop_front();
    room_.notify_one();
    lock.unlock();
    // After a failure the rest is dropped: the output is lost whole.
    if (!failed) failed = !WriteBlock(block);
    lock.lock();
  }
}

void OutputSink::StopWriter() {
  if (!writer_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  ready_.notify_one();
  writer_.join();
}

bool WritesOverInput(const std::string& output, const std::vector<std::string>& inputs, Io& io) {
  struct stat out {};
  if (output.empty() || stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return false;
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input.empty() || input == "-" || stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      io.Say(fmt::format("-o '{}' would overwrite the input '{}': choose another output file",
                         output, input));
      return true;
    }
  }
  return false;
}

bool WriteWhole(const std::string& path, const std::string& text, Io& io) {
  OutputSink out(io);
  std::string error;
  if (out.Open(path, error)) {
    out.Write(text);
    if (out.Commit(error)) return true;
  }
  io.Say(error);
  return false;
}

}  // namespace triage::cli
