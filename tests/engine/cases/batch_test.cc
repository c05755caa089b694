// ForEachCase: every case once, delivered in input order, whatever the
// number of threads or the batch size; a stop request ends it cleanly.
#include "triage/batch.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace {

std::string Lines(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    text += i % 5 == 0 ? "not json\n" : "{\"n\": " + std::to_string(i) + "}\n";
    if (i % 9 == 0) text += "\n";  // blank lines are not cases
  }
  return text;
}

}  // namespace

TEST_CASE("batch: input order for any thread count and batch size") {
  const int n = 1000;
  for (unsigned threads : {1u, 2u, 5u}) {
    for (std::size_t size : {std::size_t{1}, std::size_t{7}, std::size_t{8192}}) {
      std::istringstream in(Lines(n));
      triage::BatchOptions options;
      options.format = triage::InputFormat::kJsonLines;
      options.threads = threads;
      options.batch_size = size;
      std::vector<int> slots(size), seen;
      std::uint64_t last_cases = 0;
      options.on_batch = [&](std::uint64_t cases, std::uint64_t) { last_cases = cases; };
      triage::BatchEnd end = triage::ForEachCase(
          in, options,
          [&](triage::RawCase raw, std::size_t slot, unsigned worker) {
            CHECK(worker < threads);
            slots[slot] = raw.index;
          },
          [&](std::size_t slot) { seen.push_back(slots[slot]); });
      INFO("threads " << threads << ", batch " << size);
      CHECK(end == triage::BatchEnd::kDone);
      REQUIRE(seen.size() == static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) CHECK(seen[static_cast<size_t>(i)] == i + 1);
      CHECK(last_cases == static_cast<std::uint64_t>(n));
    }
  }
}

TEST_CASE("batch: a stop request ends between batches") {
  std::istringstream in(Lines(100));
  std::atomic<bool> stop{false};
  triage::BatchOptions options;
  options.format = triage::InputFormat::kJsonLines;
  options.batch_size = 10;
  options.stop = &stop;
  int delivered = 0;
  triage::BatchEnd end = triage::ForEachCase(
      in, options, [](triage::RawCase, std::size_t, unsigned) {},
      [&](std::size_t) {
        if (++delivered == 25) stop = true;
      });
  CHECK(end == triage::BatchEnd::kStopped);
  CHECK(delivered == 30);
}

TEST_CASE("batch: a whole JSON document is read and delivered case by case") {
  std::istringstream in("[{\"a\": 1}, {\"a\": 2}, 3]");
  triage::BatchOptions options;
  options.format = triage::InputFormat::kJson;
  std::vector<std::string> errors;
  triage::ForEachCase(
      in, options, [&](triage::RawCase raw, std::size_t, unsigned) { errors.push_back(raw.error); },
      [](std::size_t) {});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].empty());
  CHECK(!errors[2].empty());
}
