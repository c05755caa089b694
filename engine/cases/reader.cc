// Reading case files: JSON documents and lines (simdjson stays inside this
// file and the fast path), and which reader a format takes.
#include "triage/cases.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <sstream>

#include <simdjson.h>
#include <fmt/format.h>

#include "cases/csv_record.h"
#include "cases/json_line.h"
#include "cases/yaml_case.h"
#include "load/strict_yaml.h"
#include "triage/limits.h"

namespace triage {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Marks an integer too large for 64 bits that Requoted() turned into a
// string, so that it is read as what it is (U+E000, a private-use code).
constexpr std::string_view kBigMark = "\xEE\x80\x80";

// `text` with every integer of 19 digits or more outside strings written as
// a marked string, for simdjson to read what it refuses (beyond 2^64): the
// case and its id are kept, and the fact says that its number is out of
// range. "" when there is none.
std::string Requoted(std::string_view text) {
  std::string out;
  bool in_string = false, changed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    bool starts = (c == '-' || (c >= '0' && c <= '9'));
    std::size_t end = i + (c == '-' ? 1 : 0);
    while (starts && end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    bool integer = end < text.size()
                       ? std::string_view(".eE").find(text[end]) == std::string_view::npos
                       : true;
    if (starts && integer && end - i >= 19 &&
        (i == 0 || std::string_view(":[, \t\n\r").find(text[i - 1]) != std::string_view::npos)) {
      out += '"';
      out += kBigMark;
      out.append(text.substr(i, end - i));
      out += '"';
      i = end - 1;
      changed = true;
      continue;
    }
    out += c;
  }
  return changed ? out : "";
}

RawValue FromJson(simdjson::dom::element e, bool big) {
  RawValue v;
  switch (e.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      v.kind = RawValue::Kind::kNull;
      break;
    case simdjson::dom::element_type::BOOL:
      v.kind = RawValue::Kind::kBool;
      v.b = bool(e);
      break;
    case simdjson::dom::element_type::INT64:
      v.kind = RawValue::Kind::kInt;
      v.i = int64_t(e);
      break;
    case simdjson::dom::element_type::UINT64:
      v.kind = RawValue::Kind::kNumber;
      v.d = static_cast<double>(uint64_t(e));
      v.s = fmt::format("{}", uint64_t(e));
      v.out_of_range = true;
      break;
    case simdjson::dom::element_type::DOUBLE:
      v.kind = RawValue::Kind::kNumber;
      v.d = double(e);
      break;
    case simdjson::dom::element_type::STRING:
      v.kind = RawValue::Kind::kString;
      v.s = std::string(std::string_view(e));
      if (v.s.starts_with(kBigMark) && big) {
        v.s.erase(0, kBigMark.size());
        // Among them, those of 19 digits that 64 bits do hold.
        if (std::optional<std::int64_t> i = ParseInteger(v.s)) {
          v.kind = RawValue::Kind::kInt;
          v.i = *i;
          break;
        }
        v.kind = RawValue::Kind::kNumber;
        v.d = std::strtod(v.s.c_str(), nullptr);
        v.out_of_range = true;
      }
      break;
    case simdjson::dom::element_type::ARRAY:
      v.kind = RawValue::Kind::kOther;
      v.s = "a list";
      break;
    case simdjson::dom::element_type::OBJECT:
      v.kind = RawValue::Kind::kOther;
      v.s = "a map";
      break;
  }
  return v;
}

// `big`: the text was Requoted(), and marked strings are big integers.
RawCase CaseFromJson(simdjson::dom::element e, int index, int line, bool big = false) {
  RawCase c;
  c.index = index;
  c.line = line;
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) {
    c.error = "a case must be a JSON object of facts";
    c.error_nl = "een zaak moet een JSON-object met feiten zijn";
    return c;
  }
  c.fields.reserve(obj.size());
  for (auto field : obj) {
    c.fields.emplace_back(std::string(field.key), FromJson(field.value, big));
  }
  return c;
}

// simdjson's words, after what they are about in English and in Dutch.
void SetJsonError(simdjson::error_code err, RawCase& c) {
  std::string msg = simdjson::error_message(err);
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
  while (!msg.empty() && msg.back() == '.') msg.pop_back();
  c.error = fmt::format("not valid JSON: {}", msg);
  c.error_nl = fmt::format("geen geldige JSON ({})", msg);
}

// One line of JSON Lines as a case.
RawCase JsonLine(std::string_view content, int index, int line) {
  simdjson::dom::element e;
  auto err = ParseJsonLine(content, e);
  if (err == simdjson::NUMBER_ERROR) {
    std::string requoted = Requoted(content);
    if (!requoted.empty() && ParseJsonLine(requoted, e) == simdjson::SUCCESS) {
      return CaseFromJson(e, index, line, true);
    }
  }
  if (err != simdjson::SUCCESS) {
    RawCase c;
    c.index = index;
    c.line = line;
    SetJsonError(err, c);
    return c;
  }
  return CaseFromJson(e, index, line);
}

bool ReadJsonDocument(std::string_view text, const std::function<void(RawCase)>& sink,
                      bool report_errors) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  auto err = parser.parse(padded).get(doc);
  bool big = false;
  if (err == simdjson::NUMBER_ERROR) {
    std::string requoted = Requoted(text);
    if (!requoted.empty()) {
      padded = simdjson::padded_string(requoted);
      err = parser.parse(padded).get(doc);
      big = err == simdjson::SUCCESS;
    }
  }
  if (err != simdjson::SUCCESS) {
    if (!report_errors) return false;
    RawCase c;
    c.index = 1;
    c.line = 1;
    SetJsonError(err, c);
    sink(std::move(c));
    return true;
  }
  simdjson::dom::array list;
  if (doc.get(list) == simdjson::SUCCESS) {
    int index = 0;
    for (simdjson::dom::element e : list) sink(CaseFromJson(e, ++index, 0, big));
    return true;
  }
  sink(CaseFromJson(doc, 1, 1, big));
  return true;
}

}  // namespace

std::string_view TrimWhite(std::string_view text) { return Trim(text); }

RawCase JsonLineCase(std::string_view line, int index, int number) {
  return JsonLine(line, index, number);
}

simdjson::error_code ParseJsonLine(std::string_view line, simdjson::dom::element& out) {
  thread_local simdjson::dom::parser parser;
  thread_local std::string padded;
  padded.assign(line);
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  return parser.parse(padded.data(), line.size(), false).get(out);
}

std::optional<char> CsvSeparatorNamed(std::string_view name) {
  if (name == "\t") return '\t';
  for (const CsvSeparatorName& s : kCsvSeparators) {
    if (s.name == name) return s.separator;
  }
  return std::nullopt;
}

std::optional<InputFormat> InputFormatNamed(std::string_view name) {
  for (const InputFormatName& f : kInputFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

InputFormat FormatFromPath(std::string_view path) {
  for (const InputFormatName& f : kInputFormats) {
    for (std::string_view ext : f.extensions) {
      if (!ext.empty() && path.size() >= ext.size() &&
          path.substr(path.size() - ext.size()) == ext) {
        return f.format;
      }
    }
  }
  return InputFormat::kAuto;
}

void ReadCases(std::string_view text, InputFormat format, const std::function<void(RawCase)>& sink,
               char csv_separator) {
  if (format != InputFormat::kJsonLines && format != InputFormat::kCsv) {
    if (std::string problem = TextProblem(text); !problem.empty()) {
      RawCase c;
      c.index = 1;
      c.error = problem;
      sink(std::move(c));
      return;
    }
    // Editors on Windows may start a UTF-8 file with a byte order mark.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // Empty, or only white space: no cases (as an empty JSON Lines file).
    if (Trim(text).empty()) return;
  }
  switch (format) {
    case InputFormat::kJson:
      ReadJsonDocument(text, sink, true);
      return;
    case InputFormat::kJsonLines:
    case InputFormat::kCsv: {
      std::istringstream in{std::string(text)};
      ReadCaseStream(in, format, sink, csv_separator);
      return;
    }
    case InputFormat::kYaml:
      ReadYamlCases(text, sink);
      return;
    case InputFormat::kAuto:
      break;
  }
  std::string_view body = Trim(text);
  if (body.empty()) return;
  if (body.front() == '[') {
    ReadJsonDocument(text, sink, true);
  } else if (body.front() == '{') {
    // One JSON document (possibly over several lines), else JSON Lines.
    if (!ReadJsonDocument(text, sink, false)) ReadCases(text, InputFormat::kJsonLines, sink);
  } else {
    ReadYamlCases(text, sink);
  }
}

}  // namespace triage
