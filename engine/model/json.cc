#include "triage/json.h"

#include <fmt/format.h>

namespace triage {

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = c < 0x80 ? 1 : Utf8Length(s, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    out.append(s.substr(i, length));
    i += length - 1;
  }
  return out;
}

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the characters not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // JSON is UTF-8: a byte that is not (Latin-1 text, a UTF-16 file)
      // becomes U+FFFD, so that what is written can always be read back.
      std::size_t length = Utf8Length(s, i);
      if (length > 0) {
        i += length - 1;
        continue;
      }
      out.append(s.data() + run, i - run);
      run = i + 1;
      out += "\xEF\xBF\xBD";
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(out, s);
  return out;
}

std::string ValueJson(const Fact& fact, const Value& v) {
  if (fact.personal) return JsonString(kNotShown);
  return UnguardedValueJson(fact, v);
}

std::string UnguardedValueJson(const Fact& fact, const Value& v) {
  switch (fact.type) {
    case FactType::kBool:
    case FactType::kInt:
    case FactType::kNumber:
      return ValueText(fact, v);
    case FactType::kEnum:
    case FactType::kDate:
      return JsonString(ValueText(fact, v));
    case FactType::kString:
      return JsonString(v.s);
  }
  TRIAGE_UNREACHABLE();
}

std::string CaseJson(const std::vector<std::pair<const Fact*, Value>>& facts) {
  std::string out = "{";
  for (const auto& [fact, value] : facts) {
    if (out.size() > 1) out += ", ";
    AppendJsonString(out, fact->name);
    out += ": ";
    out += ValueJson(*fact, value);
  }
  return out + "}";
}

}  // namespace triage
