// Case files as they come from people and other programs, run through
// `triage route` as a user runs it: CSV read exactly (RFC 4180), text
// that cannot forge or break the output, encodings named, NUL refused.
#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli/sandbox.h"
#include "triage/model.h"

using namespace triage::testing;
using triage::FindInvalidUtf8;

namespace {

const std::string kRules = "rules/lokale-driehoek.yaml";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// No byte that a terminal obeys or that breaks a line, other than the line
// ends between records.
bool NoControls(const std::string& text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7f;
  });
}

std::string Utf16Le(const std::string& ascii, bool bom) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string Utf16Be(const std::string& ascii) {
  std::string out = "\xFE\xFF";
  for (char c : ascii) {
    out += '\0';
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("cli: bad input: a stray quote in a CSV cell is that row's error, the rest is read") {
  Sandbox box;
  struct Row {
    std::string csv;
    int invalid_line, invalid_column;
  };
  auto row = GENERATE(values<Row>({
      // A quote inside a cell that does not start with one (RFC 4180).
      {"case_id,role,explicit_threat\n1,wet\"houder,true\n2,wethouder,true\n3,raadslid,false\n", 2,
       2},
      // A quote that opens a cell and is never closed: its line is the
      // error, and the lines after it are rows again.
      {"case_id,role,explicit_threat\n1,\"wethouder,true\n2,wethouder,true\n3,raadslid,false\n", 2,
       2},
      {"case_id,role,explicit_threat\n1,wethouder,true\n2,wethouder,\"true\n3,raadslid,false\n", 3,
       3},
      // Text after the quote that closes a cell.
      {"case_id,role,explicit_threat\n1,\"wet\"houder,true\n2,wethouder,true\n3,raadslid,false\n",
       2, 2},
  }));
  INFO(row.csv);
  fs::path in = box.Write("in.csv", row.csv);
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == 3);  // records out = cases in
  CHECK(Has(r.err, "3 zaken"));
  std::string where =
      fmt::format("\"line\": {}, \"column\": {}", row.invalid_line, row.invalid_column);
  CHECK(Has(r.out, where));
  CHECK(Has(r.out, "not valid CSV"));
  std::size_t invalid = 0;
  for (std::size_t at = 0; (at = r.out.find("\"status\": \"invalid\"", at)) != std::string::npos;
       ++at) {
    ++invalid;
  }
  CHECK(invalid == 1);
}

TEST_CASE("cli: bad input: control characters never reach the terminal or a CSV row raw") {
  Sandbox box;
  // A label with ESC and BEL (YAML double quotes), case ids with a newline,
  // ESC, CR and a C1 control, a kept value with a line end.
  fs::path rules = box.Write("r.yaml",
                             "ruleset: t\nversion: \"1\"\n"
                             "facts: {a: {type: bool, label: \"A\\e[2J\\a\"}}\n"
                             "routes: {x: {label: \"X\\e]0;owned\\a\"}}\n"
                             "rules:\n  - {id: r, when: a, route: x, reason: \"because\\r\\n\"}\n"
                             "default: x\n");
  std::string cases =
      "{\"case_id\": \"1\\nforged: x\", \"a\": true}\n"
      "{\"case_id\": \"2\\u001b[31m\\r\\u0007\", \"a\": true, \"note\": \"bel\\nterug\"}\n"
      "{\"case_id\": \"3\\u009b31m\", \"a\": \"\\u001b\"}\n";
  fs::path in = box.Write("c.jsonl", cases);
  for (const char* format : {"text", "csv"}) {
    Run r = box.Triage("route " + rules.string() + " " + in.string() + " --keep note --format " +
                       format);
    INFO(format << "\n" << r.out << r.err);
    CHECK(r.status == 1);
    CHECK(NoControls(r.out));
    CHECK(NoControls(r.err));
    CHECK_FALSE(Has(r.out, "\xC2\x9B"));
    CHECK_FALSE(Has(r.out, "\nforged"));
    CHECK(Has(r.out, "1\\x0aforged"));
    CHECK(FindInvalidUtf8(r.out) == std::string::npos);
  }
  // CSV: one line a record, after the header.
  Run csv = box.Triage("route " + rules.string() + " " + in.string() + " --format csv");
  CHECK(Lines(csv.out) == 4);
  // A file name in a message: printable too.
  Run missing = box.Triage("route " + rules.string() + " \"$(printf 'no\\033[2Jfile.jsonl')\"");
  CHECK(missing.status == 2);
  CHECK(NoControls(missing.err));
  CHECK(Has(missing.err, "no\\x1b[2Jfile.jsonl"));
  // A diagnostic echoes a rule file's line printable too.
  fs::path bad = box.Write("bad.yaml", "ruleset: t\x1b[2J\nversion: 1\n");
  Run check = box.Triage("check " + bad.string());
  CHECK(check.status == 1);
  CHECK(NoControls(check.err));
}

TEST_CASE("cli: bad input: bytes that are not UTF-8 in a CSV row: that row refused, with where") {
  Sandbox box;
  fs::path in = box.Write("latin1.csv",
                          "case_id,role,explicit_threat\n"
                          "1,wethouder,true\n"
                          "2,caf\xE9,true\n"
                          "3,wethouder,false\n");
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == 3);
  CHECK(Has(r.out, "not UTF-8 (byte 0xe9); save the file as UTF-8"));
  CHECK(Has(r.out, "\"line\": 3, \"column\": 2"));
  CHECK(FindInvalidUtf8(r.out) == std::string::npos);
  // A header that is not UTF-8: the file is refused whole, with the fix.
  fs::path header = box.Write("h.csv", "case_id,r\xF4le\n1,x\n");
  Run h = box.Triage("route " + kRules + " " + header.string());
  CHECK(h.status == 2);
  CHECK(Has(h.err, "the header row is not UTF-8 (byte 0xf4 at column 10)"));
  CHECK(h.out.empty());
}

TEST_CASE("cli: bad input: NUL is refused in case values and ids, escaped or raw") {
  Sandbox box;
  struct Row {
    std::string name, text;
  };
  auto row = GENERATE(values<Row>({
      {"a.jsonl", "{\"case_id\": \"a\", \"initiator_name\": \"x\\u0000y\"}\n"},
      {"a.jsonl", "{\"case_id\": \"a\\u0000b\", \"explicit_threat\": true}\n"},
      {"a.json", "[{\"case_id\": \"a\", \"initiator_name\": \"x\\u0000y\"}]"},
      {"a.yaml", "case_id: a\ninitiator_name: \"x\\0y\"\n"},
      {"a.csv", std::string("case_id,initiator_name\na,x") + '\0' + "y\n"},
      {"a.jsonl", std::string("{\"explicit_threat\": true}\n{\"case_id\": \"a") + '\0' + "\"}\n"},
  }));
  INFO(row.name << ": " << row.text);
  fs::path in = box.Write(row.name, row.text);
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Has(r.out, "NUL"));
  CHECK_FALSE(Has(r.out, "\\u0000"));
  CHECK(r.out.find('\0') == std::string::npos);
}

TEST_CASE("cli: bad input: UTF-8 with a byte order mark is read; UTF-16 is named, with the fix") {
  Sandbox box;
  const std::string bom = "\xEF\xBB\xBF";
  const std::string jsonl = "{\"case_id\": \"a\", \"explicit_threat\": true}\n";
  const std::string json = "[{\"case_id\": \"a\", \"explicit_threat\": true}]\n";
  const std::string yaml = "case_id: a\nexplicit_threat: true\n";
  const std::string csv = "case_id,explicit_threat\na,true\n";
  struct Row {
    std::string name, text;
  };
  for (const Row& ok : std::vector<Row>{{"a.jsonl", bom + jsonl},
                                        {"a.json", bom + json},
                                        {"a.yaml", bom + yaml},
                                        {"a.csv", bom + csv}}) {
    INFO(ok.name);
    fs::path in = box.Write(ok.name, ok.text);
    Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
    CHECK(r.status == 0);
    CHECK(Has(r.out, "\"case_id\": \"a\", \"status\": \"decided\""));
  }
  for (const Row& utf16 : std::vector<Row>{{"a.jsonl", Utf16Le(jsonl, true)},
                                           {"b.jsonl", Utf16Le(jsonl, false)},
                                           {"a.json", Utf16Be(json)},
                                           {"a.yaml", Utf16Le(yaml, true)},
                                           {"b.yaml", Utf16Le(yaml, false)},
                                           {"a.csv", Utf16Le(csv, true)},
                                           {"b.csv", Utf16Le(csv, false)}}) {
    INFO(utf16.name);
    fs::path in = box.Write(utf16.name, utf16.text);
    Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
    CHECK(r.status == 2);
    CHECK(Has(r.err, "is UTF-16, not UTF-8; save it as UTF-8"));
    CHECK(r.out.empty());
  }
  // A rule file in UTF-16: named too.
  fs::path rules = box.Write("r.yaml", Utf16Le(kGapRules, true));
  Run check = box.Triage("check " + rules.string());
  CHECK(check.status == 1);
  CHECK(Has(check.err, "the file is UTF-16, not UTF-8; save it as UTF-8"));
}

TEST_CASE("cli: bad input: random bytes as JSON Lines: one early error, not a record a line") {
  Sandbox box;
  std::string noise;
  std::uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 2000000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    noise += static_cast<char>(x >> 56);
  }
  fs::path in = box.Write("noise.jsonl", noise);
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 2);
  CHECK(Lines(r.out) == 0);
  CHECK(Lines(r.err) == 1);
  CHECK((Has(r.err, "is not UTF-8") || Has(r.err, "NUL bytes")));
}

TEST_CASE("cli: bad input: an integer beyond 64 bits: out of range, the case id kept") {
  Sandbox box;
  fs::path in = box.Write("big.jsonl",
                          "{\"case_id\": \"a\", \"procedures_12m\": 18446744073709551616}\n"
                          "{\"case_id\": \"b\", \"explicit_threat\": true}\n");
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Has(r.out, "{\"case_id\": \"a\", \"status\": \"invalid\""));
  CHECK(Has(r.out, "18446744073709551616 is out of range"));
  CHECK_FALSE(Has(r.out, "not valid JSON"));
  CHECK(Has(r.out, "{\"case_id\": \"b\", \"status\": \"decided\""));
}

TEST_CASE("cli: bad input: an empty case file in any format: no cases, a warning, exit 0") {
  Sandbox box;
  for (const char* name : {"e.jsonl", "e.json", "e.yaml", "e.csv", "comments.yaml", "tab.yaml"}) {
    // (a tab in a comment harms no case)
    std::string text = std::string(name) == "comments.yaml" ? "# none yet\n"
                       : std::string(name) == "tab.yaml"    ? "# none\tyet\n"
                                                            : "";
    fs::path in = box.Write(name, text);
    Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
    INFO(name << "\n" << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(Has(r.err, "warning: '" + in.string() + "' holds no cases"));
  }
}

TEST_CASE("cli: bad input: a YAML list is read a case at a time; a problem in one is its own") {
  Sandbox box;
  struct Row {
    std::string yaml;
    std::size_t records;
    std::string invalid;  ///< the invalid record's start and message
  };
  auto row = GENERATE(values<Row>({
      // A duplicate key in the second case: only it is invalid.
      {"- {case_id: a, explicit_threat: true}\n"
       "- {case_id: b, explicit_threat: true, explicit_threat: false}\n"
       "- {case_id: c, explicit_threat: true}\n",
       3, "not valid YAML: duplicate key 'explicit_threat' (first at line 2)"},
      // A tab, found before the YAML is parsed, is the case's on its line.
      {"- case_id: a\n  explicit_threat: true\n- case_id: b\n  explicit_threat:\ttrue\n"
       "- case_id: c\n  explicit_threat: true\n",
       3,
       "{\"case_id\": null, \"status\": \"invalid\", \"route\": null, \"routes\": [], "
       "\"rule\": null, \"reason\": null, \"path\": [], \"errors\": [{\"fact\": null, "
       "\"message\": \"not valid YAML: tab character; indent and separate with spaces (column "
       "19)\", \"line\": 4}]"},
      // A control character in a case after a problem in an earlier one:
      // every case once, the earlier duplicate key said once.
      {"- {case_id: a, explicit_threat: true}\n"
       "- {case_id: b, explicit_threat: true, explicit_threat: false}\n"
       "- {case_id: c, explicit_threat: true}\n"
       "- {case_id: \"d\x07\", explicit_threat: true}\n"
       "- {case_id: e, explicit_threat: true}\n",
       5, "not valid YAML: duplicate key 'explicit_threat' (first at line 2)"},
      // A duplicate key on the last line of a case: that case's problem, not
      // the next one's (the entry is dropped, so the case's lines end before
      // it).
      {"- {case_id: a, explicit_threat: true}\n"
       "- case_id: b\n  explicit_threat: true\n  explicit_threat: false\n"
       "- case_id: c\n  explicit_threat: true\n",
       3, "not valid YAML: duplicate key 'explicit_threat' (first at line 3)"},
      // A quote never closed: the case it opens in is invalid, saying so (the
      // rest of the file is its text); before, it was a case id of every
      // line after it.
      {"- {case_id: a, explicit_threat: true}\n"
       "- case_id: \"b\n  explicit_threat: true\n- case_id: c\n  explicit_threat: true\n",
       2, "is never closed"},
      // The syntax breaks off in the third: the first two are routed, the
      // rest is one invalid record.
      {"- {case_id: a, explicit_threat: true}\n"
       "- {case_id: b, explicit_threat: true}\n"
       "- {case_id: c, explicit_threat: [true}\n",
       3, "not valid YAML: YAML syntax"},
  }));
  INFO(row.yaml);
  fs::path in = box.Write("list.yaml", row.yaml);
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == row.records);
  CHECK(Has(r.out, "{\"case_id\": \"a\", \"status\": \"decided\""));
  CHECK(Has(r.out, row.invalid));
  std::size_t invalid = 0;
  for (std::size_t at = 0; (at = r.out.find("\"status\": \"invalid\"", at)) != std::string::npos;
       ++at) {
    ++invalid;
  }
  CHECK(invalid == 1);
}

TEST_CASE(
    "cli: bad input: a YAML case file's syntax error never shows a value, and a tab hides "
    "no later error") {
  Sandbox box;
  // The fix for a colon in a text quotes the text in a rule file; in a case
  // file the text may be personal (initiator_name is).
  fs::path colon =
      box.Write("colon.yaml", "- case_id: a\n  initiator_name: Jan Geheim: zoon van\n");
  Run r = box.Triage("route " + kRules + " " + colon.string());
  CHECK(r.status == 1);
  CHECK(Has(r.out, "put the whole text in double quotes"));
  CHECK_FALSE(Has(r.out + r.err, "Geheim"));
  // A harmless tab in the first case, and a '[' never closed three cases on:
  // both said, each at its case.
  fs::path tab = box.Write("tab.yaml",
                           "- case_id: a\n  explicit_threat: true\t\n"
                           "- case_id: b\n  explicit_threat: true\n"
                           "- case_id: c\n  explicit_threat: true\n"
                           "- case_id: d\n  explicit_threat: [true\n");
  r = box.Triage("route " + kRules + " " + tab.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Has(r.out, "tab character"));
  CHECK(Has(r.out, "\"case_id\": \"b\", \"status\": \"decided\""));
  CHECK(Has(r.out, "not valid YAML: a '[' is opened and not closed"));
}
