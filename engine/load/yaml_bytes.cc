// The bytes of a YAML text, checked before yaml-cpp sees them.
#include "load/yaml_bytes.h"

#include <algorithm>

#include <fmt/format.h>

#include "triage/limits.h"
#include "triage/model.h"

namespace triage::yaml {
namespace {

// UTF-16 text: a byte order mark, or NUL bytes between the characters.
bool LooksUtf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  std::size_t n = std::min<std::size_t>(text.size(), 512), even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (text[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  return n > 0 && (even + odd) * 4 >= n && (even == 0 || odd == 0);
}

}  // namespace

bool CheckBytes(std::string_view text, Diagnostics& diags) {
  if (LooksUtf16(text)) {
    diags.Error({1, 1}, "E002",
                "the file is UTF-16, not UTF-8; save it as UTF-8 (an editor's 'UTF-8' encoding) "
                "and run again");
    return false;
  }
  bool ok = true;
  int line = 1, column = 1;
  bool tab_reported = false;
  std::size_t line_start = 0;
  for (size_t i = 0; i < text.size();) {
    if (i - line_start > kMaxYamlLineBytes) {
      diags.Error({line, 1}, "E031",
                  fmt::format("line {} is longer than {}, the most a line may be", line,
                              BytesText(kMaxYamlLineBytes)));
      return false;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = 1;
    if (c >= 0x80) {
      if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
        len = 2;
      } else if ((c & 0xF0) == 0xE0) {
        len = 3;
      } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
        len = 4;
      } else {
        len = 0;
      }
      bool valid = len > 0 && i + len <= text.size();
      for (size_t k = 1; valid && k < len; ++k) {
        valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      }
      if (valid && len == 3) {
        unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
      }
      if (valid && len == 4) {
        unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
      }
      if (!valid) {
        diags.Error({line, column}, "E002", fmt::format("invalid UTF-8 (byte 0x{:02x})", c));
        return false;  // positions after this are unreliable
      }
    } else if (c == '\t' && !tab_reported) {
      diags.Error({line, column}, "E003", "tab character; indent and separate with spaces");
      tab_reported = true;
      ok = false;
    } else if (c == 0) {
      diags.Error({line, column}, "E002", "NUL byte in a text file");
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
      line_start = i + 1;
    } else {
      ++column;
    }
    i += len;
  }
  return ok;
}

// A plain key longer than YAML's 1,024 characters for an implicit key: in
// braces yaml-cpp then reads the rest of the file into that key, silently
// (the cases after it would get no record). Found before parsing: the run
// of characters before a ':' that ends a key, with no space, quote or
// bracket in it.
bool CheckKeyLengths(std::string_view text, Diagnostics& diags) {
  int line = 1;
  std::size_t run = 0, line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool ends_key = c == ':' && (i + 1 == text.size() || text[i + 1] == ' ' ||
                                 text[i + 1] == '\n' || text[i + 1] == ',' || text[i + 1] == '}');
    if (ends_key && run > kMaxKeyBytes) {
      int column = static_cast<int>(i - run - line_start) + 1;
      diags.Error({line, column}, "E031",
                  fmt::format("a key of {} bytes ('{}'); the most a key may be is {}, and past "
                              "it YAML cannot tell where the key ends, so the file is not read",
                              run, Printable(Shortened(text.substr(i - run, run), 40)),
                              BytesText(kMaxKeyBytes)));
      return false;
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    bool part = c != ' ' && c != '\n' && c != '\r' && c != '{' && c != '[' && c != ',' &&
                c != '"' && c != '\'' && c != ':';
    run = part ? run + 1 : 0;
  }
  return true;
}

}  // namespace triage::yaml
