// Reading case files. simdjson stays inside this file.
#include <simdjson.h>

#include <cmath>
#include <fmt/format.h>
#include <algorithm>

#include "cases/yaml_case.h"
#include "load/strict_yaml.h"
#include "triage/cases.h"

namespace triage {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

RawValue FromJson(simdjson::dom::element e) {
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
      break;
    case simdjson::dom::element_type::DOUBLE:
      v.kind = RawValue::Kind::kNumber;
      v.d = double(e);
      break;
    case simdjson::dom::element_type::STRING:
      v.kind = RawValue::Kind::kString;
      v.s = std::string(std::string_view(e));
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

RawCase CaseFromJson(simdjson::dom::element e, int index, int line) {
  RawCase c;
  c.index = index;
  c.line = line;
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) {
    c.error = "a case must be a JSON object of facts";
    return c;
  }
  for (auto field : obj) {
    c.fields.emplace_back(std::string(field.key), FromJson(field.value));
  }
  return c;
}

std::string JsonError(simdjson::error_code err) {
  std::string msg = simdjson::error_message(err);
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
  while (!msg.empty() && msg.back() == '.') msg.pop_back();
  return fmt::format("not valid JSON: {}", msg);
}

void ReadJsonLines(std::string_view text,
                   const std::function<void(RawCase)>& sink) {
  simdjson::dom::parser parser;
  int line = 0, index = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = Trim(text.substr(start, end - start));
    ++line;
    start = end + 1;
    if (content.empty()) continue;
    ++index;
    simdjson::dom::element e;
    simdjson::padded_string padded(content);
    if (auto err = parser.parse(padded).get(e); err != simdjson::SUCCESS) {
      RawCase c;
      c.index = index;
      c.line = line;
      c.error = JsonError(err);
      sink(std::move(c));
      continue;
    }
    sink(CaseFromJson(e, index, line));
  }
}

bool ReadJsonDocument(std::string_view text,
                      const std::function<void(RawCase)>& sink,
                      bool report_errors) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  if (auto err = parser.parse(padded).get(doc); err != simdjson::SUCCESS) {
    if (!report_errors) return false;
    RawCase c;
    c.index = 1;
    c.line = 1;
    c.error = JsonError(err);
    sink(std::move(c));
    return true;
  }
  simdjson::dom::array list;
  if (doc.get(list) == simdjson::SUCCESS) {
    int index = 0;
    for (simdjson::dom::element e : list) sink(CaseFromJson(e, ++index, 0));
    return true;
  }
  sink(CaseFromJson(doc, 1, 1));
  return true;
}

// [-+]?[0-9]+
bool IsYamlInt(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// [-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?
bool IsYamlFloat(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t i = 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exponent = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == exponent) return false;
  }
  return i == s.size();
}

RawValue FromYaml(const yaml::Node& n) {
  RawValue v;
  switch (n.kind) {
    case yaml::Node::Kind::kNull:
      v.kind = RawValue::Kind::kNull;
      return v;
    case yaml::Node::Kind::kMap:
      v.kind = RawValue::Kind::kOther;
      v.s = "a map";
      return v;
    case yaml::Node::Kind::kSeq:
      v.kind = RawValue::Kind::kOther;
      v.s = "a list";
      return v;
    case yaml::Node::Kind::kScalar:
      break;
  }
  const std::string& s = n.value;
  if (n.plain) {
    if (s == "true" || s == "false") {
      v.kind = RawValue::Kind::kBool;
      v.b = s == "true";
      return v;
    }
    if (IsYamlInt(s)) {
      v.s = s;  // as written, for case_id (a leading zero matters there)
      try {
        v.i = std::stoll(s);
        v.kind = RawValue::Kind::kInt;
      } catch (const std::out_of_range&) {
        v.kind = RawValue::Kind::kNumber;
        v.d = std::stod(s);
      }
      return v;
    }
    if (IsYamlFloat(s)) {
      v.kind = RawValue::Kind::kNumber;
      v.d = std::stod(s);
      return v;
    }
    if (s == ".nan" || s == ".NaN" || s == ".inf" || s == "-.inf" ||
        s == "+.inf" || s == ".Inf" || s == "-.Inf") {
      v.kind = RawValue::Kind::kNumber;
      v.d = s.find("nan") != std::string::npos || s.find("NaN") != std::string::npos
                ? std::nan("")
                : (s[0] == '-' ? -INFINITY : INFINITY);
      return v;
    }
  }
  v.kind = RawValue::Kind::kString;
  v.s = s;
  return v;
}

}  // namespace

RawCase CaseFromYamlNode(const yaml::Node& n, int index) {
  RawCase c;
  c.index = index;
  c.line = n.pos.line;
  if (!n.IsMap()) {
    c.error = fmt::format("a case must be a map of facts, not {}", n.KindName());
    return c;
  }
  for (const yaml::Entry& e : n.entries) {
    c.fields.emplace_back(e.key.value, FromYaml(e.value));
  }
  return c;
}

namespace {

void ReadYaml(std::string_view text, const std::function<void(RawCase)>& sink) {
  Diagnostics diags;
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(text, diags);
  if (diags.HasErrors() || !root) {
    RawCase c;
    c.index = 1;
    for (const Diagnostic& d : diags.items()) {
      if (d.severity != Severity::kError) continue;
      c.line = d.pos.line;
      c.error = fmt::format("not valid YAML: {} (column {})", d.message,
                            d.pos.column);
      break;
    }
    sink(std::move(c));
    return;
  }
  if (root->IsSeq()) {
    int index = 0;
    for (const yaml::Node& item : root->items) sink(CaseFromYamlNode(item, ++index));
    return;
  }
  sink(CaseFromYamlNode(*root, 1));
}

// RFC 4180: comma-separated, fields in double quotes may hold commas,
// newlines and doubled quotes; lines end in CRLF or LF.
void ReadCsv(std::string_view text, const std::function<void(RawCase)>& sink) {
  size_t i = 0;
  int line = 1;
  // One row: its cells and the line it starts on; false at the end.
  auto read_row = [&](std::vector<std::string>& cells, int& start_line,
                      std::string& error) {
    cells.clear();
    error.clear();
    if (i >= text.size()) return false;
    start_line = line;
    std::string cell;
    bool quoted = false, was_quoted = false;
    while (i < text.size()) {
      char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          ++i;
          continue;
        }
        if (c == '\n') ++line;
        cell += c;
        ++i;
        continue;
      }
      if (c == '"' && cell.empty() && !was_quoted) {
        quoted = was_quoted = true;
        ++i;
        continue;
      }
      if (c == ',') {
        cells.push_back(std::move(cell));
        cell.clear();
        was_quoted = false;
        ++i;
        continue;
      }
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (c == '\n' || c == '\r') {
        ++i;
        ++line;
        break;
      }
      if (was_quoted && error.empty()) {
        error = fmt::format("text after a closing quote in column {}", cells.size() + 1);
      }
      cell += c;
      ++i;
    }
    if (quoted) error = "a quoted cell is not closed";
    cells.push_back(std::move(cell));
    return true;
  };
  std::vector<std::string> header, cells;
  std::string error;
  int start = 0;
  if (!read_row(header, start, error)) return;
  int index = 0;
  while (read_row(cells, start, error)) {
    if (cells.size() == 1 && cells[0].empty() && error.empty()) continue;  // blank line
    RawCase c;
    c.index = ++index;
    c.line = start;
    if (!error.empty()) {
      c.error = fmt::format("not valid CSV: {}", error);
    } else if (cells.size() != header.size()) {
      c.error = fmt::format("the row has {} cells and the header {}", cells.size(),
                            header.size());
    } else {
      for (size_t k = 0; k < cells.size(); ++k) {
        RawValue v;
        if (!cells[k].empty()) {
          v.kind = RawValue::Kind::kText;
          v.s = std::move(cells[k]);
        }
        c.fields.emplace_back(header[k], std::move(v));
        c.columns.push_back(static_cast<int>(k) + 1);
      }
    }
    sink(std::move(c));
  }
}

}  // namespace

InputFormat FormatFromPath(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".jsonl") || ends_with(".ndjson")) return InputFormat::kJsonLines;
  if (ends_with(".json")) return InputFormat::kJson;
  if (ends_with(".yaml") || ends_with(".yml")) return InputFormat::kYaml;
  if (ends_with(".csv")) return InputFormat::kCsv;
  return InputFormat::kAuto;
}

void ReadCases(std::string_view text, InputFormat format,
               const std::function<void(RawCase)>& sink) {
  switch (format) {
    case InputFormat::kJson:
      ReadJsonDocument(text, sink, true);
      return;
    case InputFormat::kJsonLines:
      ReadJsonLines(text, sink);
      return;
    case InputFormat::kYaml:
      ReadYaml(text, sink);
      return;
    case InputFormat::kCsv:
      ReadCsv(text, sink);
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
    if (!ReadJsonDocument(text, sink, false)) ReadJsonLines(text, sink);
  } else {
    ReadYaml(text, sink);
  }
}

}  // namespace triage
