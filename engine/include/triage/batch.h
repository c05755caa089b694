// Many cases at once: a stream of cases read in batches, each batch worked
// on by several threads, the results handed back in input order.
//
// The caller owns what a case turns into: `work` fills slot `slot` (0 ≤ slot
// < batch_size) of the caller's own storage, on some worker thread; then
// `deliver` is called for every slot of the batch, in input order, on the
// calling thread. So the output is the same whatever the number of threads,
// and memory stays flat whatever the size of the input.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "triage/cases.h"

namespace triage {

struct BatchOptions {
  /// kJsonLines and kCsv stream; the other formats are read whole first.
  InputFormat format = InputFormat::kAuto;
  /// CSV: the separator between cells; by default each input's header row
  /// says (see ReadCases).
  char csv_separator = kDetectCsvSeparator;
  unsigned threads = 1;
  std::size_t batch_size = 8192;
  /// When set and true, reading stops before the next batch (or case).
  const std::atomic<bool>* stop = nullptr;
  /// After each delivered batch: cases so far and bytes of input read so far.
  std::function<void(std::uint64_t cases, std::uint64_t bytes)> on_batch;
  /// Optional, for JSON Lines and CSV: tried first for each record, on a
  /// worker thread; when it returns true it has filled the slot itself and
  /// `work` is not called for that record (see JsonCaseParser).
  std::function<bool(const RecordReader::Record& record, std::size_t slot, unsigned worker)> fast;
  /// When set, told why an input ended in kReadError (UTF-16, not text, a
  /// line without end, larger than kMaxCaseDocumentBytes), when it is known.
  std::string* why = nullptr;
};

enum class BatchEnd { kDone, kStopped, kReadError };

/// Runs every case of `in` through `work(raw, slot, worker)` and then
/// `deliver(slot)` in input order. `worker` (0 ≤ worker < threads) lets the
/// caller keep scratch space per thread.
BatchEnd ForEachCase(
    std::istream& in, const BatchOptions& options,
    const std::function<void(RawCase raw, std::size_t slot, unsigned worker)>& work,
    const std::function<void(std::size_t slot)>& deliver);

}  // namespace triage
