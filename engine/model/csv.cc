#include "triage/csv.h"

#include "triage/model.h"

namespace triage {

std::string CsvCell(std::string_view raw) {
  // Control characters (a line end, ESC, BEL) and bytes that are not UTF-8
  // written as \xNN: no input can break a row or reach a terminal raw.
  std::string text = Printable(raw);
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) {
    cell += '\'';
  }
  cell += text;
  bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
               (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!quote) return cell;
  std::string quoted = "\"";
  for (char ch : cell) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

}  // namespace triage
