// CSV records (RFC 4180) as the case reader splits them: a record may span
// lines inside quotes; its cells are split at the separator the header row
// uses. Internal.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

/// Reads one record: a line, and the next ones while a quote is open (line
/// ends inside quotes kept as '\n', a carriage return before each line end
/// dropped). `line` counts the lines read; `start_line` is where the
/// record begins. False at the end of the input.
bool ReadCsvRecord(std::istream& in, std::string& record, int& line, int& start_line);

/// Splits `record` into `cells` at `separator`. Returns an error message,
/// or "" when the record is well formed.
std::string CsvCells(std::string_view record, char separator, std::vector<std::string>& cells);

/// The separator a header row uses: of ',', ';' and tab, the one that
/// occurs outside quotes (the most frequent when several do, ',' first on a
/// tie); ',' when none does.
char DetectCsvSeparator(std::string_view header);

}  // namespace triage
