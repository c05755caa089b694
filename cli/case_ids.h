// The case ids of a run, to find one that is given twice: two records with
// one id may tell different things about one case, which `route` warns of
// (and with --unique-ids refuses).
//
// The ids are kept back to back in one string, found through an open
// hash table of indices: some 40 bytes an id, where a map of strings takes
// twice that and an allocation each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage::cli {

class CaseIds {
 public:
  /// Keeps at most `most` distinct ids; past that, ids not seen before are
  /// no longer kept (so that memory stays bounded), see full().
  explicit CaseIds(std::size_t most) : most_(most) {}

  /// Notes that the case at `index` (line `line`, 0 when not known) of
  /// `input` has `id`. When the id was given before: where it was first
  /// ("cases.csv:4", "cases.json, case 2"), else nullopt.
  std::optional<std::string> Note(std::string_view id, const std::string& input, int line,
                                  int index);
  /// Whether an id was left unkept because `most` were kept already.
  bool full() const { return full_; }

  /// Where a case is, as Note() says it.
  static std::string Place(const std::string& input, int line, int index);

 private:
  struct First {
    std::uint32_t input;
    int line, index;
  };
  std::string_view Id(std::size_t k) const;
  void Grow();

  std::size_t most_;
  bool full_ = false;
  std::vector<std::uint64_t> table_;  // see Entry() in case_ids.cc
  std::vector<std::uint64_t> starts_;
  std::string text_;  // the ids, back to back
  std::vector<First> first_;
  std::vector<std::string> inputs_;
};

}  // namespace triage::cli
