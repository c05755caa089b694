// Cases in: reading case files (JSON, JSON Lines, YAML, CSV) and checking
// each case against a rule set's fact schema.
//
// Reading and checking are separate steps: ReadCases only turns text into
// raw key/value cases (simdjson for JSON, the strict YAML reader for YAML);
// ValidateCase types them against the schema. A case that cannot be read or
// is invalid is still delivered, with its problems, so that a batch never
// loses a case.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "triage/evaluate.h"
#include "triage/model.h"

namespace triage {

/// A value as written in a case file, before typing.
struct RawValue {
  /// kText: a CSV cell, typed by the fact's schema when validated.
  enum class Kind { kNull, kBool, kInt, kNumber, kString, kText, kOther };
  Kind kind = Kind::kNull;
  bool b = false;
  std::int64_t i = 0;
  double d = 0;
  std::string s;  ///< kString; kOther: what it was ("a list", "a map")
  /// kString: a plain YAML scalar that YAML 1.1 reads as a boolean (yes,
  /// Off ...): a boolean for a bool fact, refused as ambiguous for others.
  bool yaml11_bool = false;
  /// kNumber: an integer with more digits than 64 bits hold (2^63 and
  /// above, or below -2^63), as written in `s`; `d` is near it. An int fact
  /// refuses it as out of range rather than take a rounded value.
  bool out_of_range = false;
};

/// One case as read.
struct RawCase {
  int index = 0;  ///< 1-based position in its input
  int line = 0;   ///< 1-based line where it starts, 0 when not known
  std::vector<std::pair<std::string, RawValue>> fields;
  std::vector<int> columns;  ///< CSV: the 1-based column of each field
  std::string error;         ///< non-empty when the case could not be read
  int error_column = 0;      ///< CSV: the column `error` is about, 0 when none
  std::string error_nl;      ///< `error` in Dutch (see CaseProblem), "" when not put so
};

enum class InputFormat { kAuto, kJson, kJsonLines, kYaml, kCsv };

/// The formats a case file can be in: the name users give (--input-format)
/// and the endings of file names that imply it.
struct InputFormatName {
  InputFormat format;
  std::string_view name;
  std::array<std::string_view, 2> extensions;  ///< "" = none
};
inline constexpr std::array<InputFormatName, 4> kInputFormats = {{
    {InputFormat::kJson, "json", {".json", ""}},
    {InputFormat::kJsonLines, "jsonl", {".jsonl", ".ndjson"}},
    {InputFormat::kYaml, "yaml", {".yaml", ".yml"}},
    {InputFormat::kCsv, "csv", {".csv", ""}},
}};

/// The separators a CSV file may use between cells, and the names users
/// give them (--csv-separator).
struct CsvSeparatorName {
  char separator;
  std::string_view name;
};
inline constexpr std::array<CsvSeparatorName, 3> kCsvSeparators = {{
    {',', ","},
    {';', ";"},
    {'\t', "tab"},
}};
/// The separator read from the CSV header row (see ReadCases).
inline constexpr char kDetectCsvSeparator = '\0';

/// The separator named `name` (",", ";", "tab", or a tab itself), or nullopt.
std::optional<char> CsvSeparatorNamed(std::string_view name);

/// The format named `name` ("json", ...), or nullopt (kAuto included).
std::optional<InputFormat> InputFormatNamed(std::string_view name);

/// The format a file name implies (.json, .jsonl/.ndjson, .yaml/.yml, .csv),
/// or kAuto.
InputFormat FormatFromPath(std::string_view path);

/// Why `text` (a case file, or its start) is not UTF-8 text: it is UTF-16
/// (a byte order mark, or NUL bytes between the characters) or holds NUL
/// bytes; "" when it is neither. The message says how to fix it.
std::string TextProblem(std::string_view text);

/// Reads every case in `text` and hands each to `sink`, in input order. A
/// JSON or YAML document holds one case (a map) or a list of cases. CSV
/// (RFC 4180): a header row of fact names, then a case a row; an empty cell
/// is unknown; cells are separated by `csv_separator`, by default the one
/// the header row uses (',', ';' or tab, see kCsvSeparators: spreadsheets
/// set to Dutch write ';'). kAuto looks at the text: a JSON document, else
/// JSON Lines when lines start with '{', else YAML (CSV is never guessed).
void ReadCases(std::string_view text, InputFormat format, const std::function<void(RawCase)>& sink,
               char csv_separator = kDetectCsvSeparator);

/// Reads JSON Lines or CSV (`format`) one case at a time from `in`, so that
/// memory stays flat whatever the input's size. When the input cannot be
/// read on (RecordReader::fatal()), a last case holds why.
void ReadCaseStream(std::istream& in, InputFormat format, const std::function<void(RawCase)>& sink,
                    char csv_separator = kDetectCsvSeparator);

/// The same in two steps, so that parsing can be spread over threads:
/// Next() splits the input into records (a line, or a CSV row that may span
/// lines) in order; Parse() turns one into a case and may run on any thread.
class LineSource;
class RecordReader {
 public:
  struct Record {
    std::string text;
    int line = 0;   ///< where it starts
    int index = 0;  ///< 1-based position among the cases
    /// Why the record is invalid whatever it holds (too long, a quote not
    /// closed, a NUL byte), or "".
    std::string error;
    int error_column = 0;  ///< CSV: the column `error` is about, 0 when none
    std::string error_nl;  ///< `error` in Dutch
  };

  /// `format` is kJsonLines or kCsv; for CSV the header row is read here
  /// (and the separator found in it, unless `csv_separator` names one).
  RecordReader(std::istream& in, InputFormat format, char csv_separator = kDetectCsvSeparator);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;
  /// The next record, or false at the end of the input (or when it cannot
  /// be read on: see fatal()).
  bool Next(Record& out);
  /// The case a record holds (thread-safe).
  RawCase Parse(const Record& record) const;
  /// Bytes of input read so far (line ends counted as one byte).
  std::uint64_t bytes() const;
  /// Why the input is not read (on): it is UTF-16, or binary (NUL bytes or
  /// no UTF-8 in its first line), or a line runs on without end; "" when it
  /// is read to its end.
  const std::string& fatal() const;

 private:
  // A check of the first record: the input is refused whole when it fails.
  void CheckFirst(const Record& record);

  std::unique_ptr<LineSource> lines_;
  InputFormat format_;
  char separator_;
  std::vector<std::string> header_;
  int index_ = 0;
  bool first_ = true;
  std::string fatal_;
};

/// A problem with one case, naming the fact ("" for the case as a whole).
/// `message` is English, as records carry it as data (JSON, CSV); `nl`
/// says the same in Dutch, for text in Dutch (triage's own words are in
/// these two languages: words.h). A problem not yet put in Dutch has an
/// empty `nl` and is shown in English.
struct CaseProblem {
  std::string fact;
  std::string message;
  int column = 0;  ///< CSV: the cell's 1-based column
  std::string nl;

  /// The message in `lang` ("nl" or "en").
  const std::string& In(std::string_view lang) const {
    return lang == "nl" && !nl.empty() ? nl : message;
  }
};

/// The problem for people: "fact: message (column N)", in `lang`.
std::string CaseProblemText(const CaseProblem& p, std::string_view lang = "en");

struct CaseOptions {
  bool ignore_unknown_facts = false;  ///< keys the schema does not declare
  /// Keys that are not facts (a case number, an officer, a note) whose
  /// values are carried, as text, into Case::kept in this order. A name
  /// that is a fact is read as the fact (the CLI refuses such a name).
  std::vector<std::string> keep;
};

/// Types `raw` against `rs`'s facts. Problems (wrong types, values out of
/// bounds, unknown enum values and keys, with did-you-mean and the list of
/// facts) go to `problems`; the case is valid when there are none. Messages
/// never show the value of a personal fact. What a case file may write for
/// a value is broader than a rule file's literals: a bool fact also takes
/// TRUE, False, and the yes/no words of the rule set's languages
/// (ParseCaseBool; in YAML also yes/no/on/off), a date fact day-first dates
/// (ParseCaseDate). `Case::kept` gets one entry per `options.keep`, null
/// when the case does not give it.
Case ValidateCase(const RuleSet& rs, const RawCase& raw, const CaseOptions& options,
                  std::vector<CaseProblem>& problems);

/// The fast path for JSON Lines: one line straight to a typed case for one
/// rule set, without the key/value strings of RawCase. It accepts only what
/// ReadCases + ValidateCase accept (with the same values) and declines
/// anything else, a problem or something rare (booleans written as words,
/// day-first dates: then take the full path, which says what is wrong or
/// reads them). Parse is thread-safe.
class JsonCaseParser {
 public:
  /// `rs` must outlive the parser; `keep` is CaseOptions::keep.
  explicit JsonCaseParser(const RuleSet& rs, std::vector<std::string> keep = {});
  /// Types `line` (one JSON object) into `out`; false: take the full path.
  /// Unknown keys are declined (the full path reports or ignores them).
  bool Parse(std::string_view line, Case& out) const;

 private:
  const RuleSet& rs_;
  std::vector<std::string> keep_;
  std::unordered_map<std::string_view, int> facts_;
  std::vector<std::unordered_map<std::string_view, int>> enum_values_;
};

}  // namespace triage
