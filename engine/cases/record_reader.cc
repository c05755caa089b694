// Reading JSON Lines and CSV a record at a time (RecordReader), and what
// makes a case file unreadable as text (UTF-16, NUL bytes).
#include "triage/cases.h"

#include <algorithm>
#include <istream>

#include <fmt/format.h>

#include "cases/csv_record.h"
#include "cases/json_line.h"
#include "triage/limits.h"

namespace triage {

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

said::Said TooLongLine() {
  return {fmt::format("the line is longer than {}, the most a case may be",
                      BytesText(kMaxCaseLineBytes)),
          fmt::format("de regel is langer dan {}, het meeste dat een zaak mag zijn",
                      BytesText(kMaxCaseLineBytes))};
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
    out.error_nl.clear();
    out.error_column = 0;
    if (format_ == InputFormat::kCsv) {
      CsvRecord record;
      if (!ReadCsvRecord(*lines_, separator_, record)) return false;
      out.text = std::move(record.text);
      out.line = record.line;
      out.error = std::move(record.error);
      out.error_nl = std::move(record.error_nl);
      out.error_column = record.error_column;
      if (out.text.empty() && out.error.empty()) continue;  // a blank line
    } else {
      LineSource::Got got = lines_->Next(out.text, false);
      if (got == LineSource::Got::kEnd) return false;
      out.line = lines_->line();
      if (got == LineSource::Got::kTooLong) {
        said::Said too_long = TooLongLine();
        out.error = std::move(too_long.en);
        out.error_nl = std::move(too_long.nl);
      } else if (TrimWhite(out.text).empty()) {
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
      out.error_nl = "de regel bevat een NUL-teken, dat geen tekst in een zaak mag bevatten";
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
    c.error_nl = record.error_nl;
    c.error_column = record.error_column;
    return c;
  }
  if (format_ != InputFormat::kCsv) {
    return JsonLineCase(TrimWhite(record.text), record.index, record.line);
  }
  std::vector<std::string> cells;
  int column = 0;
  said::Said error = CsvCells(record.text, separator_, cells, column);
  if (!error.en.empty()) {
    c.error = fmt::format("not valid CSV: {}", error.en);
    c.error_nl = fmt::format("geen geldige CSV: {}", error.nl);
    c.error_column = column;
    return c;
  }
  if (cells.size() != header_.size()) {
    c.error = fmt::format("the row has {} cells and the header {}", cells.size(), header_.size());
    c.error_nl =
        fmt::format("de rij heeft {} cellen en de kopregel {}", cells.size(), header_.size());
    return c;
  }
  for (size_t k = 0; k < cells.size(); ++k) {
    if (std::size_t bad = FindInvalidUtf8(cells[k]); bad != std::string::npos) {
      // Latin-1 or Windows-1252 bytes would go out as they are, and make
      // the JSON written of them invalid.
      auto byte = static_cast<unsigned char>(cells[k][bad]);
      c.error = fmt::format(
          "the cell is not UTF-8 (byte 0x{:02x}); save the file as UTF-8 (a spreadsheet's "
          "'CSV UTF-8')",
          byte);
      c.error_nl = fmt::format(
          "de cel is geen UTF-8 (byte 0x{:02x}); sla het bestand op als UTF-8 (in een "
          "spreadsheet: 'CSV UTF-8')",
          byte);
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

}  // namespace triage
