#include "cli/io.h"

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

namespace triage::cli {

void Io::Say(std::string_view message) const { err << "triage: " << message << "\n"; }

std::optional<std::string> ReadInput(const std::string& path, Io& io, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << io.in.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = fmt::format("cannot read '{}': it is a directory", path);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read '{}': {}", path, std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = fmt::format("cannot read '{}': read error", path);
    return std::nullopt;
  }
  return ss.str();
}

OutputSink::~OutputSink() {
  StopWriter();
  if (!temp_.empty() && !committed_) {
    file_.close();
    std::remove(temp_.c_str());
  }
}

bool OutputSink::Open(const std::string& path, std::string& error) {
  path_ = path;
  if (!path.empty()) {
    // A symbolic link stays: the file it names is the one replaced. A
    // device or a pipe is written to as it is, never replaced by a file
    // (`-o /dev/null` as root would otherwise replace it for everyone).
    if (char* real = realpath(path.c_str(), nullptr)) {
      path_ = real;
      std::free(real);
    }
    struct stat st {};
    if (stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      error = fmt::format("cannot write '{}': it is a directory", path);
      return false;
    }
    if (stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      file_.open(path_, std::ios::binary);
      if (!file_) {
        error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
        return false;
      }
      direct_ = true;
      writer_ = std::thread([this] { WriteBlocks(); });
      return true;
    }
    temp_ = fmt::format("{}.tmp-{}", path_, getpid());
    file_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!file_) {
      error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
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

bool OutputSink::Commit(std::string& error) {
  HandOver();
  StopWriter();
  std::ostream& out = stream();
  out.flush();
  if (path_.empty()) {
    if (io_.out) return true;
    error = "cannot write the output";
    return false;
  }
  file_.close();
  if (direct_) {
    if (file_) return committed_ = true;
    error = fmt::format("cannot write '{}': {}", path_, std::strerror(errno));
    return false;
  }
  if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = fmt::format("cannot write '{}': {}", path_, std::strerror(errno));
    return false;
  }
  committed_ = true;
  return true;
}

std::ostream& OutputSink::stream() { return path_.empty() ? io_.out : file_; }

void OutputSink::HandOver() {
  if (buffer_.empty()) return;
  std::unique_lock<std::mutex> lock(mutex_);
  room_.wait(lock, [&] { return pending_.size() < kMaxPending; });
  pending_.push_back(std::move(buffer_));
  buffer_ = std::string();
  buffer_.reserve(kBlock + (1 << 16));
  ready_.notify_one();
}

void OutputSink::WriteBlocks() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    ready_.wait(lock, [&] { return !pending_.empty() || done_; });
    if (pending_.empty()) return;
    std::string block = std::move(pending_.front());
    pending_.pop_front();
    room_.notify_one();
    lock.unlock();
    stream().write(block.data(), static_cast<std::streamsize>(block.size()));
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
