// The case ids of a run, to find one that is given twice: two records with
// one id may tell different things about one case, which `route` warns of
// (and with --unique-ids refuses).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace triage::cli {

class CaseIds {
 public:
  /// Notes that the case at `index` (line `line`, 0 when not known) of
  /// `input` has `id`. When the id was given before: where it was first
  /// ("cases.csv:4", "cases.json, case 2"), else nullopt.
  std::optional<std::string> Note(const std::string& id, const std::string& input, int line,
                                  int index);
  /// Where a case is, as Note() says it.
  static std::string Place(const std::string& input, int line, int index);

 private:
  struct First {
    int input, line, index;
  };
  std::unordered_map<std::string, First> first_;
  std::vector<std::string> inputs_;
};

}  // namespace triage::cli
