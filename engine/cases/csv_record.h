// Lines and CSV records (RFC 4180) as the case reader splits them. Internal.
//
// A line is at most kMaxCaseLineBytes: a longer one is reported, not kept
// (its rest is skipped), so that a file without line ends (/dev/zero, a
// binary file) cannot grow memory without end. A CSV record may span lines
// inside quotes; a quote that is never closed makes its first line an
// invalid record and the lines after it are read again as records of their
// own, so that one stray quote never swallows the rest of a file.
#pragma once

#include "cases/said.h"

#include <cstdint>
#include <deque>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

/// The lines of a stream, numbered, with lines handed back to be read again.
class LineSource {
 public:
  enum class Got { kLine, kTooLong, kEnd };

  explicit LineSource(std::istream& in) : in_(in) {}
  /// The next line, without its line end (and without a carriage return
  /// before it when `strip_cr`). kTooLong: the line was longer than
  /// kMaxCaseLineBytes; `line` is empty. kEnd: no more lines, or the input
  /// cannot be read on (see fatal()).
  Got Next(std::string& line, bool strip_cr);
  /// The number of the line Next() returned last (1-based).
  int line() const { return line_; }
  /// Bytes read so far (a line end counted as one byte).
  std::uint64_t bytes() const { return bytes_; }
  /// Hands lines back: Next() returns them (in this order, with their
  /// numbers) before reading on.
  struct Held {
    std::string text;
    int line = 0;
    bool too_long = false;
  };
  void HandBack(std::vector<Held> lines);
  /// Why the input cannot be read on (a line without end past
  /// kMaxCaseDocumentBytes), or "".
  const std::string& fatal() const { return fatal_; }

 private:
  // Reads up to the next '\n' into `line`, keeping at most `max` bytes.
  // False at the end of the input; `too_long` when more than `max` came.
  bool ReadLine(std::string& line, std::size_t max, bool& too_long);

  std::istream& in_;
  std::deque<Held> held_;
  int line_ = 0;
  std::uint64_t bytes_ = 0;
  std::string fatal_;
};

/// One CSV record as read: its text (line ends inside quotes kept as '\n'),
/// where it starts, and why it is invalid as a whole ("" when it is not;
/// then `error_column` is the 1-based column, 0 when none).
struct CsvRecord {
  std::string text;
  int line = 0;
  std::string error;
  int error_column = 0;
  std::string error_nl;  ///< `error` in Dutch
};

/// Reads one record from `lines`. `separator` is the one between cells, or
/// kDetectCsvSeparator for the header row (any of ',', ';' and tab then
/// starts a cell). False at the end of the input.
bool ReadCsvRecord(LineSource& lines, char separator, CsvRecord& record);

/// Splits `record` into `cells` at `separator`. Returns what is wrong, in
/// English and Dutch (empty when the record is well formed), with `column`
/// the 1-based column of the cell at fault.
said::Said CsvCells(std::string_view record, char separator, std::vector<std::string>& cells,
                    int& column);

/// The separator a header row uses: of ',', ';' and tab, the one that
/// occurs outside quotes (the most frequent when several do, ',' first on a
/// tie); ',' when none does.
char DetectCsvSeparator(std::string_view header);

}  // namespace triage
