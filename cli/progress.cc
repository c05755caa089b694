#include "cli/progress.h"

#include <ostream>

#include <fmt/format.h>

namespace triage::cli {

Progress::Progress(Io& io, std::uint64_t total_bytes)
    : io_(io),
      enabled_(io.err_is_terminal),
      total_(total_bytes),
      start_(Clock::now()),
      last_(start_) {}

void Progress::Update(std::uint64_t cases, std::uint64_t bytes) {
  if (!enabled_) return;
  auto now = Clock::now();
  double elapsed = Seconds(now - start_);
  if (elapsed < 1.0 || Seconds(now - last_) < 0.25) return;
  last_ = now;
  double rate = static_cast<double>(cases) / elapsed;
  std::string line = fmt::format("triage: {} cases, {:.0f} cases/s", cases, rate);
  if (total_ > 0 && bytes > 0 && bytes <= total_) {
    double left = elapsed * static_cast<double>(total_ - bytes) / static_cast<double>(bytes);
    line += fmt::format(", {:.0f}%, about {:.0f} s to go",
                        100.0 * static_cast<double>(bytes) / static_cast<double>(total_), left);
  }
  io_.err << "\r" << line << "\033[K" << std::flush;
  shown_ = true;
}

void Progress::Clear() {
  if (shown_) io_.err << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace triage::cli
