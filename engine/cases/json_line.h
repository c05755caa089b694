// One line of JSON Lines through simdjson, shared by the reader and the
// fast path (JsonCaseParser). Internal.
#pragma once

#include <simdjson.h>

#include <string_view>

#include "triage/cases.h"

namespace triage {

/// Parses `line` with this thread's parser. simdjson reads a little past
/// the end, so the line is copied into a padded buffer kept per thread (not
/// a fresh allocation per line). `out` is valid until the thread's next call.
simdjson::error_code ParseJsonLine(std::string_view line, simdjson::dom::element& out);

/// The case one line of JSON Lines holds (an invalid case saying why when
/// it is not a JSON object), at position `index` and line `number`.
RawCase JsonLineCase(std::string_view line, int index, int number);

/// `text` without the spaces, tabs and line ends around it.
std::string_view TrimWhite(std::string_view text);

}  // namespace triage
