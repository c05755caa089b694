#include "cases/csv_record.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "triage/cases.h"

namespace triage {

std::string CsvCells(std::string_view record, char separator, std::vector<std::string>& cells) {
  cells.clear();
  std::string cell, error;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < record.size(); ++i) {
    char c = record[i];
    if (quoted) {
      if (c == '"' && i + 1 < record.size() && record[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == separator) {
      cells.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else {
      if (was_quoted && error.empty()) {
        error = fmt::format("text after a closing quote in column {}", cells.size() + 1);
      }
      cell += c;
    }
  }
  if (quoted) error = "a quoted cell is not closed";
  cells.push_back(std::move(cell));
  return error;
}

bool ReadCsvRecord(std::istream& in, std::string& record, int& line, int& start_line) {
  record.clear();
  std::string text;
  if (!std::getline(in, text)) return false;
  start_line = ++line;
  auto strip = [](std::string& t) {
    if (!t.empty() && t.back() == '\r') t.pop_back();
  };
  strip(text);
  record = std::move(text);
  size_t quotes = static_cast<size_t>(std::count(record.begin(), record.end(), '"'));
  while (quotes % 2 == 1 && std::getline(in, text)) {
    ++line;
    strip(text);
    quotes += static_cast<size_t>(std::count(text.begin(), text.end(), '"'));
    record += '\n';
    record += text;
  }
  return true;
}

char DetectCsvSeparator(std::string_view header) {
  std::array<std::size_t, kCsvSeparators.size()> counts = {};
  bool quoted = false;
  for (char c : header) {
    // A doubled quote inside quotes toggles twice: no harm to the count.
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t s = 0; s < kCsvSeparators.size(); ++s) {
      if (c == kCsvSeparators[s].separator) ++counts[s];
    }
  }
  // max_element keeps the first of equals: the table's order breaks ties.
  std::size_t best =
      static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  return counts[best] > 0 ? kCsvSeparators[best].separator : ',';
}

}  // namespace triage
