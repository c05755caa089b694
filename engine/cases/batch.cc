#include "triage/batch.h"

#include <algorithm>
#include <istream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "triage/limits.h"

namespace triage {
namespace {

bool Stopped(const BatchOptions& options) {
  return options.stop != nullptr && options.stop->load();
}

// JSON Lines and CSV: records are split off in order on this thread, then
// parsed and worked on by up to `threads` threads, a batch at a time.
BatchEnd Stream(std::istream& in, const BatchOptions& options,
                const std::function<void(RawCase, std::size_t, unsigned)>& work,
                const std::function<void(std::size_t)>& deliver) {
  RecordReader reader(in, options.format, options.csv_separator);
  const std::size_t size = std::max<std::size_t>(1, options.batch_size);
  std::vector<RecordReader::Record> batch(size);
  std::uint64_t cases = 0;
  while (!Stopped(options)) {
    std::size_t n = 0;
    while (n < size && reader.Next(batch[n])) ++n;
    if (n == 0) break;
    auto run = [&](unsigned worker, std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to; ++k) {
        if (options.fast && batch[k].error.empty() && options.fast(batch[k], k, worker)) continue;
        work(reader.Parse(batch[k]), k, worker);
      }
    };
    std::size_t parts = std::min<std::size_t>(std::max(1u, options.threads), n);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < parts; ++t) {
      pool.emplace_back(run, static_cast<unsigned>(t), n * t / parts, n * (t + 1) / parts);
    }
    run(0, 0, n / parts);
    for (std::thread& thread : pool) thread.join();
    for (std::size_t k = 0; k < n; ++k) deliver(k);
    cases += n;
    if (options.on_batch) options.on_batch(cases, reader.bytes());
  }
  if (Stopped(options)) return BatchEnd::kStopped;
  if (!reader.fatal().empty()) {
    if (options.why) *options.why = reader.fatal();
    return BatchEnd::kReadError;
  }
  return in.bad() ? BatchEnd::kReadError : BatchEnd::kDone;
}

}  // namespace

BatchEnd ForEachCase(std::istream& in, const BatchOptions& options,
                     const std::function<void(RawCase, std::size_t, unsigned)>& work,
                     const std::function<void(std::size_t)>& deliver) {
  if (options.format == InputFormat::kJsonLines || options.format == InputFormat::kCsv) {
    return Stream(in, options, work, deliver);
  }
  // A JSON or YAML document is one value: read whole (up to a bound), then
  // case by case.
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxCaseDocumentBytes) {
      if (options.why) {
        *options.why = fmt::format(
            "the file is larger than {}, the most a JSON or YAML case file may be (as JSON "
            "Lines or CSV, read a case at a time, it may be of any size)",
            BytesText(kMaxCaseDocumentBytes));
      }
      return BatchEnd::kReadError;
    }
  }
  if (in.bad()) return BatchEnd::kReadError;
  if (std::string problem = TextProblem(text); !problem.empty()) {
    if (options.why) *options.why = problem;
    return BatchEnd::kReadError;
  }
  std::uint64_t cases = 0;
  ReadCases(text, options.format, [&](RawCase raw) {
    if (Stopped(options)) return;
    work(std::move(raw), 0, 0);
    deliver(0);
    ++cases;
  });
  if (Stopped(options)) return BatchEnd::kStopped;
  if (options.on_batch) options.on_batch(cases, text.size());
  return BatchEnd::kDone;
}

}  // namespace triage
