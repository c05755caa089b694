// Writing HTML text: every text from a rule file or a case goes through
// HtmlEscape before it reaches a page.
#pragma once

#include <string>
#include <string_view>

namespace triage {

/// `s` with & < > " and ' as entities, safe inside elements and quoted
/// attributes.
std::string HtmlEscape(std::string_view s);

}  // namespace triage
