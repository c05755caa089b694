// A progress line on stderr for long runs: only on a terminal, only after
// the first second, at most a few times a second; cleared at the end.
#pragma once

#include <chrono>
#include <cstdint>

#include "cli/io.h"

namespace triage::cli {

class Progress {
 public:
  /// `total_bytes`: the size of every input together, 0 when unknown.
  Progress(Io& io, std::uint64_t total_bytes);

  /// `cases` and `bytes` so far, over all inputs.
  void Update(std::uint64_t cases, std::uint64_t bytes);
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  static double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

  Io& io_;
  bool enabled_;
  bool shown_ = false;
  std::uint64_t total_;
  Clock::time_point start_, last_;
};

}  // namespace triage::cli
