// The bytes of a YAML text, checked before yaml-cpp sees them: it accepts
// invalid UTF-8 and tabs in places where they change the meaning of a rule
// file, and reads on past a key longer than YAML allows.
#pragma once

#include <string_view>

#include "triage/diagnostic.h"

namespace triage::yaml {

/// UTF-8 (UTF-16 named as such), no NUL, no line past kMaxYamlLineBytes, no
/// tab (one E003, for the first). False when the text is refused; after a
/// tab it is false too, with E003 the last diagnostic, and may be read on.
bool CheckBytes(std::string_view text, Diagnostics& diags);

/// No plain key longer than YAML's 1,024 characters for an implicit key:
/// in braces yaml-cpp reads the rest of the file into such a key, silently.
/// False (E031 at the key) when there is one.
bool CheckKeyLengths(std::string_view text, Diagnostics& diags);

}  // namespace triage::yaml
