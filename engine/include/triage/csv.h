// Writing CSV cells that are safe to open in a spreadsheet.
#pragma once

#include <string>
#include <string_view>

namespace triage {

/// One CSV cell (RFC 4180 quoting when needed). A cell a spreadsheet would
/// take for a formula (one beginning with = + - @, a tab or a carriage
/// return) is neutralised with a leading apostrophe. Control characters
/// (line ends included) and bytes that are not UTF-8 are written as \xNN
/// (see Printable): a cell never spans lines.
std::string CsvCell(std::string_view text);

}  // namespace triage
