#include "cases/csv_record.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "triage/cases.h"
#include "triage/limits.h"

namespace triage {
namespace {

bool IsSeparator(char c, char separator) {
  if (separator != kDetectCsvSeparator) return c == separator;
  return std::any_of(kCsvSeparators.begin(), kCsvSeparators.end(),
                     [&](const CsvSeparatorName& s) { return s.separator == c; });
}

// Where a record's quotes stand, fed a line at a time: only a quote that
// starts a cell opens quotes (RFC 4180); one inside a cell is text, which
// CsvCells then refuses.
struct QuoteScan {
  bool in_quotes = false, cell_start = true;
  int cell = 1, open_cell = 0;

  void Feed(std::string_view text, char separator) {
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (in_quotes) {
        if (c != '"') continue;
        if (i + 1 < text.size() && text[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
        continue;
      }
      if (IsSeparator(c, separator)) {
        cell_start = true;
        ++cell;
        continue;
      }
      if (c == '"' && cell_start) {
        in_quotes = true;
        open_cell = cell;
      }
      cell_start = false;
    }
  }
};

said::Said TooLong() {
  return {fmt::format("the row is longer than {}, the most a case may be",
                      BytesText(kMaxCaseLineBytes)),
          fmt::format("de rij is langer dan {}, het meeste dat een zaak mag zijn",
                      BytesText(kMaxCaseLineBytes))};
}

}  // namespace

bool LineSource::ReadLine(std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  std::uint64_t skipped = 0;
  char chunk[1 << 16];
  while (true) {
    in_.getline(chunk, sizeof chunk);
    auto got = static_cast<std::size_t>(in_.gcount());
    bool eof = in_.eof();
    bool full = in_.fail() && !eof && !in_.bad() && got == sizeof chunk - 1;
    // The line end is counted in `got` but not stored.
    std::size_t stored = eof || full ? got : got - (got > 0 ? 1 : 0);
    if (got > 0) any = true;
    bytes_ += got;
    if (!too_long && line.size() + stored > max) {
      too_long = true;
      std::string().swap(line);
    }
    if (too_long) {
      skipped += stored;
    } else {
      line.append(chunk, stored);
    }
    if (!full) return any;
    in_.clear(in_.rdstate() & ~std::ios::failbit);
    if (skipped > kMaxCaseDocumentBytes) {
      // No line end in sight: not a file of lines; reading stops here.
      fatal_ = fmt::format("line {} runs on for more than {} without a line end: not a case file",
                           line_ + 1, BytesText(kMaxCaseDocumentBytes));
      return true;
    }
  }
}

LineSource::Got LineSource::Next(std::string& line, bool strip_cr) {
  if (!held_.empty()) {
    Held held = std::move(held_.front());
    held_.pop_front();
    line_ = held.line;
    line = std::move(held.text);
    return held.too_long ? Got::kTooLong : Got::kLine;
  }
  if (!fatal_.empty()) return Got::kEnd;
  bool too_long = false;
  if (!ReadLine(line, kMaxCaseLineBytes, too_long)) return Got::kEnd;
  ++line_;
  if (too_long) return Got::kTooLong;
  if (strip_cr && !line.empty() && line.back() == '\r') line.pop_back();
  return Got::kLine;
}

void LineSource::HandBack(std::vector<Held> lines) {
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) held_.push_front(std::move(*it));
}

bool ReadCsvRecord(LineSource& lines, char separator, CsvRecord& record) {
  record = CsvRecord();
  std::string text;
  LineSource::Got got = lines.Next(text, true);
  if (got == LineSource::Got::kEnd) return false;
  record.line = lines.line();
  if (got == LineSource::Got::kTooLong) {
    said::Said too_long = TooLong();
    record.error = std::move(too_long.en);
    record.error_nl = std::move(too_long.nl);
    return true;
  }
  QuoteScan scan;
  scan.Feed(text, separator);
  record.text = std::move(text);
  if (!scan.in_quotes) return true;
  // A quoted cell goes on over the next lines, until its quote closes.
  std::string first = record.text;
  std::vector<LineSource::Held> read;
  while (true) {
    std::string more;
    got = lines.Next(more, true);
    bool fits = record.text.size() + more.size() + 1 <= kMaxCaseLineBytes;
    if (got == LineSource::Got::kLine && fits) {
      scan.Feed(more, separator);
      record.text += '\n';
      record.text += more;
      read.push_back({std::move(more), lines.line(), false});
      if (!scan.in_quotes) return true;
      continue;
    }
    // Never closed: the first line is the invalid record, and the lines
    // after it are read again as rows of their own.
    if (got != LineSource::Got::kEnd) {
      read.push_back({std::move(more), lines.line(), got == LineSource::Got::kTooLong});
    }
    lines.HandBack(std::move(read));
    record.text = std::move(first);
    bool end = got == LineSource::Got::kEnd;
    record.error = fmt::format(
        "not valid CSV: the quote that opens the cell in column {} is not closed {}; a quote "
        "inside a cell is "
        "written twice (\"a \"\"b\"\" c\")",
        scan.open_cell,
        end ? "before the end of the file"
            : fmt::format("within {}", BytesText(kMaxCaseLineBytes)));
    record.error_nl = fmt::format(
        "geen geldige CSV: het aanhalingsteken dat de cel in kolom {} opent, wordt niet gesloten "
        "{}; een aanhalingsteken in een cel schrijft u dubbel (\"a \"\"b\"\" c\")",
        scan.open_cell,
        end ? "voor het einde van het bestand"
            : fmt::format("binnen {}", BytesText(kMaxCaseLineBytes)));
    record.error_column = scan.open_cell;
    return true;
  }
}

said::Said CsvCells(std::string_view record, char separator, std::vector<std::string>& cells,
                    int& column) {
  cells.clear();
  column = 0;
  std::string cell;
  said::Said error;
  bool quoted = false, was_quoted = false;
  auto fail = [&](std::string_view why, std::string_view waarom) {
    if (!error.en.empty()) return;
    error = {std::string(why), std::string(waarom)};
    column = static_cast<int>(cells.size()) + 1;
  };
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
      if (was_quoted) {
        fail("text after the quote that closes the cell",
             "tekst na het aanhalingsteken dat de cel sluit");
      } else if (c == '"') {
        fail(
            "a quote inside a cell that does not start with one; put the whole cell in quotes "
            "and write the quote twice (\"a \"\"b\"\" c\")",
            "een aanhalingsteken in een cel die er niet mee begint; zet de hele cel tussen "
            "aanhalingstekens en schrijf het aanhalingsteken dubbel (\"a \"\"b\"\" c\")");
      }
      cell += c;
    }
  }
  if (quoted)
    fail("a quoted cell is not closed", "een cel tussen aanhalingstekens wordt niet gesloten");
  cells.push_back(std::move(cell));
  return error;
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
