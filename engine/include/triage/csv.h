// Writing CSV cells that are safe to open in a spreadsheet.
#pragma once

#include <string>
#include <string_view>

namespace triage {

/// One CSV cell (RFC 4180 quoting when needed). A cell a spreadsheet would
/// take for a formula (one beginning with = + - @, a tab or a carriage
/// return) is neutralised with a leading apostrophe.
std::string CsvCell(std::string_view text);

}  // namespace triage
