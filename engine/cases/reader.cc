// Reading case files. simdjson stays inside this file.
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
    return c;
  }
  c.fields.reserve(obj.size());
  for (auto field : obj) {
    c.fields.emplace_back(std::string(field.key), FromJson(field.value, big));
  }
  return c;
}

std::string JsonError(simdjson::error_code err) {
  std::string msg = simdjson::error_message(err);
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
  while (!msg.empty() && msg.back() == '.') msg.pop_back();
  return fmt::format("not valid JSON: {}", msg);
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
    c.error = JsonError(err);
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
    c.error = JsonError(err);
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

// [-+]?[0-9]+
bool IsYamlInt(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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
    if (yaml::Yaml11Bool(s)) {
      // Left to the fact's type: a boolean for a bool fact, else ambiguous.
      v.kind = RawValue::Kind::kString;
      v.s = s;
      v.yaml11_bool = true;
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
        v.out_of_range = true;
      }
      return v;
    }
    if (IsYamlFloat(s)) {
      v.kind = RawValue::Kind::kNumber;
      v.d = std::stod(s);
      return v;
    }
    if (s == ".nan" || s == ".NaN" || s == ".inf" || s == "-.inf" || s == "+.inf" || s == ".Inf" ||
        s == "-.Inf") {
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

// The first error in `diags` from `from` on, as a case's error, or "".
std::string YamlError(const Diagnostics& diags, std::size_t from, int& line) {
  for (std::size_t i = from; i < diags.items().size(); ++i) {
    const Diagnostic& d = diags.items()[i];
    if (d.severity != Severity::kError) continue;
    line = d.pos.line;
    return fmt::format("not valid YAML: {} (column {})", d.message, d.pos.column);
  }
  return "";
}

// A list of cases is read a case at a time (the tree never holds more than
// one), each with the problems found inside it; a problem outside every
// case (the YAML syntax breaks off, say) is one more invalid case.
void ReadYaml(std::string_view text, const std::function<void(RawCase)>& sink) {
  Diagnostics diags;
  yaml::StrictOptions strict;
  strict.yaml11_booleans = true;
  strict.limit_sizes = false;
  int index = 0;
  std::size_t seen = 0;  // diagnostics already given to a case
  strict.item = [&](yaml::Node item) {
    RawCase c = CaseFromYamlNode(item, ++index);
    int line = c.line;
    if (std::string error = YamlError(diags, seen, line); !error.empty()) {
      c = RawCase();
      c.index = index;
      c.line = line;
      c.error = std::move(error);
    }
    seen = diags.items().size();
    sink(std::move(c));
  };
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(text, diags, strict);
  // A file of nothing but comments holds no cases, as an empty one does.
  if (!root && diags.items().size() == 1 && diags.items()[0].code == "E001" &&
      diags.items()[0].message == "the file holds no YAML document") {
    return;
  }
  RawCase rest;
  rest.index = index + 1;
  rest.error = YamlError(diags, seen, rest.line);
  if (!rest.error.empty() || !root) {
    if (rest.error.empty()) rest.error = "not valid YAML";
    sink(std::move(rest));
    return;
  }
  if (!root->IsSeq()) sink(CaseFromYamlNode(*root, 1));
}

}  // namespace

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

namespace {

// UTF-16 text: NUL bytes between the characters, all on one side.
bool LooksUtf16(std::string_view text) {
  std::size_t n = std::min<std::size_t>(text.size(), 512), even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (text[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  return (even + odd) * 4 >= n && (even == 0 || odd == 0);
}

const char* kUtf16 =
    "the file is UTF-16, not UTF-8; save it as UTF-8 (a spreadsheet's 'CSV UTF-8', an "
    "editor's 'UTF-8' encoding) and run again";

const char* kNotText =
    "the file holds NUL bytes: it is not a text file (cases are JSON Lines, CSV, JSON or YAML, "
    "in UTF-8)";

std::string TooLongLine() {
  return fmt::format("the line is longer than {}, the most a case may be",
                     BytesText(kMaxCaseLineBytes));
}

}  // namespace

RecordReader::RecordReader(std::istream& in, InputFormat format, char csv_separator)
    : lines_(std::make_unique<LineSource>(in)), format_(format), separator_(csv_separator) {
  TRIAGE_ASSERT(format == InputFormat::kJsonLines || format == InputFormat::kCsv,
                "records are read from JSON Lines or CSV");
  // Spreadsheets often start UTF-8 files with a byte order mark; UTF-16
  // files always do. (A first character other than the mark is put back by
  // seeking, which a pipe cannot: such a first line then reads wrong, and
  // says so.)
  int first = in.peek();
  if (first == 0xEF || first == 0xFF || first == 0xFE) {
    char bom[3] = {};
    in.read(bom, first == 0xEF ? 3 : 2);
    if ((bom[0] == '\xFF' && bom[1] == '\xFE') || (bom[0] == '\xFE' && bom[1] == '\xFF')) {
      fatal_ = kUtf16;
      return;
    }
    if (!(first == 0xEF && bom[1] == '\xBB' && bom[2] == '\xBF')) {
      in.clear();
      in.seekg(0);
    }
  }
  if (format_ != InputFormat::kCsv) return;
  CsvRecord header;
  if (!ReadCsvRecord(*lines_, separator_, header)) return;
  Record as_record;
  as_record.text = header.text;
  CheckFirst(as_record);
  if (!fatal_.empty()) return;
  if (separator_ == kDetectCsvSeparator) separator_ = DetectCsvSeparator(header.text);
  int column = 0;
  CsvCells(header.text, separator_, header_, column);
  // A column name is a fact's name: spaces around it are not part of it.
  for (std::string& name : header_) name = std::string(TrimSpaces(name));
}

RecordReader::~RecordReader() = default;

std::uint64_t RecordReader::bytes() const { return lines_->bytes(); }

const std::string& RecordReader::fatal() const { return fatal_.empty() ? lines_->fatal() : fatal_; }

void RecordReader::CheckFirst(const Record& record) {
  std::string_view text = record.text;
  if (text.find('\0') != std::string_view::npos) {
    fatal_ = LooksUtf16(text) ? kUtf16 : kNotText;
    return;
  }
  std::size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return;
  fatal_ = fmt::format(
      "{} is not UTF-8 (byte 0x{:02x} at column {}); if the file is text in another encoding "
      "(Latin-1, Windows-1252), save it as UTF-8",
      format_ == InputFormat::kCsv ? "the header row" : fmt::format("line {}", record.line),
      static_cast<unsigned char>(text[bad]), bad + 1);
}

bool RecordReader::Next(Record& out) {
  if (!fatal_.empty()) return false;
  while (true) {
    out.error.clear();
    out.error_column = 0;
    if (format_ == InputFormat::kCsv) {
      CsvRecord record;
      if (!ReadCsvRecord(*lines_, separator_, record)) return false;
      out.text = std::move(record.text);
      out.line = record.line;
      out.error = std::move(record.error);
      out.error_column = record.error_column;
      if (out.text.empty() && out.error.empty()) continue;  // a blank line
    } else {
      LineSource::Got got = lines_->Next(out.text, false);
      if (got == LineSource::Got::kEnd) return false;
      out.line = lines_->line();
      if (got == LineSource::Got::kTooLong) {
        out.error = TooLongLine();
      } else if (Trim(out.text).empty()) {
        continue;
      }
    }
    if (first_ && format_ == InputFormat::kJsonLines) {
      CheckFirst(out);
      if (!fatal_.empty()) return false;
    }
    first_ = false;
    if (out.error.empty() && out.text.find('\0') != std::string::npos) {
      out.error = "the line holds a NUL byte, which no text in a case may hold";
    }
    out.index = ++index_;
    return true;
  }
}

RawCase RecordReader::Parse(const Record& record) const {
  RawCase c;
  c.index = record.index;
  c.line = record.line;
  if (!record.error.empty()) {
    c.error = record.error;
    c.error_column = record.error_column;
    return c;
  }
  if (format_ != InputFormat::kCsv) {
    return JsonLine(Trim(record.text), record.index, record.line);
  }
  std::vector<std::string> cells;
  int column = 0;
  std::string error = CsvCells(record.text, separator_, cells, column);
  if (!error.empty()) {
    c.error = fmt::format("not valid CSV: {}", error);
    c.error_column = column;
    return c;
  }
  if (cells.size() != header_.size()) {
    c.error = fmt::format("the row has {} cells and the header {}", cells.size(), header_.size());
    return c;
  }
  for (size_t k = 0; k < cells.size(); ++k) {
    if (std::size_t bad = FindInvalidUtf8(cells[k]); bad != std::string::npos) {
      // Latin-1 or Windows-1252 bytes would go out as they are, and make
      // the JSON written of them invalid.
      c.error = fmt::format(
          "the cell is not UTF-8 (byte 0x{:02x}); save the file as UTF-8 (a spreadsheet's "
          "'CSV UTF-8')",
          static_cast<unsigned char>(cells[k][bad]));
      c.error_column = static_cast<int>(k) + 1;
      c.fields.clear();
      c.columns.clear();
      return c;
    }
    RawValue v;
    if (!cells[k].empty()) {
      v.kind = RawValue::Kind::kText;
      v.s = std::move(cells[k]);
    }
    c.fields.emplace_back(header_[k], std::move(v));
    c.columns.push_back(static_cast<int>(k) + 1);
  }
  return c;
}

void ReadCaseStream(std::istream& in, InputFormat format, const std::function<void(RawCase)>& sink,
                    char csv_separator) {
  RecordReader reader(in, format, csv_separator);
  RecordReader::Record record;
  int index = 0;
  while (reader.Next(record)) {
    index = record.index;
    sink(reader.Parse(record));
  }
  if (!reader.fatal().empty()) {
    RawCase c;
    c.index = index + 1;
    c.error = reader.fatal();
    sink(std::move(c));
  }
}

std::string TextProblem(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return kUtf16;
  std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return "";
  if (LooksUtf16(text)) return kUtf16;
  return kNotText;
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
      ReadYaml(text, sink);
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
    ReadYaml(text, sink);
  }
}

}  // namespace triage
