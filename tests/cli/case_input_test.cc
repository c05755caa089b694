// Case input as people write it, as a user runs it: CSV saved by a Dutch
// spreadsheet (';'), tabs, --csv-separator, ja/nee, day-first dates, on
// files and on stdin, for route and audit.
#include <algorithm>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"

using namespace triage::testing;

namespace {

const std::string kRules = "rules/lokale-driehoek.yaml";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

// As Dutch Excel saves it: ';', CRLF, a byte order mark, ja/nee, day first.
const std::string kExcelCsv =
    "\xEF\xBB\xBF"
    "case_id;role;instrument;explicit_threat;doxing;reported_on\r\n"
    "Z-1;wethouder;aangifte;ja;nee;19-4-2025\r\n"
    "Z-2;raadslid;woo_verzoek;Nee;JA;2025-04-19\r\n";

}  // namespace

TEST_CASE(
    "cli: a CSV with semicolons is read as Dutch spreadsheets write it, from a file or stdin") {
  Sandbox box;
  fs::path csv = box.Write("zaken.csv", kExcelCsv);
  struct Way {
    std::string args, input;
  };
  auto way = GENERATE(values<Way>({
      {"FILE", ""},
      {"--input-format csv", kExcelCsv},
      {"- --input-format csv", kExcelCsv},
      {"FILE --csv-separator ';'", ""},
  }));
  std::string args = way.args;
  if (args.rfind("FILE", 0) == 0) args.replace(0, 4, csv.string());
  INFO(args);
  Run r = box.Triage("route " + kRules + " " + args + " --format jsonl", way.input);
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(Count(r.out, "\"status\": \"decided\"") == 2);
  CHECK(Has(r.out, R"({"case_id": "Z-1", "status": "decided", "route": "om")"));
  CHECK(Has(r.out, R"("case_id": "Z-2", "status": "decided", "route": "om")"));
  CHECK(Has(r.out, R"("rule": "om-doxing")"));
  CHECK(Has(r.out, R"({"fact": "explicit_threat", "value": false})"));
  CHECK(Has(r.out, R"({"fact": "doxing", "value": true})"));
  CHECK(Has(r.err, "2 zaken: 2 besloten"));
}

TEST_CASE("cli: spaces around CSV cells and column names are not part of them, but of a text") {
  Sandbox box;
  fs::path csv = box.Write("zaken.csv",
                           "case_id; explicit_threat ;doxing;procedures_12m;municipality\n"
                           "Z-1; nee ; Ja ; 3 ; Den Haag \n");
  Run r = box.Triage("route " + kRules + " " + csv.string() + " --format jsonl");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(Has(r.out, R"({"case_id": "Z-1", "status": "decided", "route": "om")"));
  CHECK(Has(r.out, R"({"fact": "explicit_threat", "value": false})"));
  CHECK(Has(r.out, R"({"fact": "doxing", "value": true})"));
}

TEST_CASE("cli: --csv-separator forces the separator: comma, semicolon, tab or a tab itself") {
  Sandbox box;
  struct Row {
    std::string file, option;
    int status;
    std::string out;  ///< part of stdout (or of stderr for exit 2)
  };
  auto row = GENERATE(values<Row>({
      {"case_id\texplicit_threat\nt1\tja\n", "", 0, R"("case_id": "t1", "status": "decided")"},
      {"case_id\texplicit_threat\nt1\tja\n", "--csv-separator tab", 0, R"("case_id": "t1")"},
      {"case_id\texplicit_threat\nt1\tja\n", "--csv-separator '\t'", 0, R"("case_id": "t1")"},
      // The header says ',' (a note with ';' in quotes does not count) ...
      {"case_id,\"a;b\"\nc1,x\n", "", 1, "unknown fact 'a;b'"},
      // ... and forced, ';' is what splits it.
      {"case_id;explicit_threat,doxing\nc1;ja,nee\n", "--csv-separator ';'", 1,
       "unknown fact 'explicit_threat,doxing'"},
      {"case_id;explicit_threat\nc1;ja\n", "--csv-separator ,", 1,
       "unknown fact 'case_id;explicit_threat'"},
      {"case_id\nc1\n", "--csv-separator '|'", 2,
       "--csv-separator: '|' is not a separator; use ',', ';' or 'tab'"},
  }));
  INFO(row.file << " " << row.option);
  fs::path csv = box.Write("in.csv", row.file);
  Run r = box.Triage("route " + kRules + " " + csv.string() + " " + row.option + " --format jsonl");
  INFO(r.out << r.err);
  CHECK(r.status == row.status);
  CHECK(Has(row.status == 2 ? r.err : r.out, row.out));
}

TEST_CASE("cli: audit reads a CSV with semicolons too, and takes --csv-separator") {
  Sandbox box;
  fs::path csv = box.Write("zaken.csv",
                           "case_id;explicit_threat;doxing;recorded\n"
                           "a;ja;nee;om\n"
                           "b;nee;JA;om\n");
  Run detected = box.Triage("audit " + kRules + " " + csv.string() + " --recorded recorded");
  INFO(detected.out << detected.err);
  CHECK(detected.status == 0);
  CHECK(Has(detected.err, "proefdraai: 0 van 2 beslissingen veranderen"));
  Run forced = box.Triage("audit " + kRules + " " + csv.string() +
                          " --recorded recorded --csv-separator ';'");
  CHECK(forced.status == 0);
  Run wrong =
      box.Triage("audit " + kRules + " " + csv.string() + " --recorded recorded --csv-separator ,");
  CHECK(wrong.status == 1);
  Run bad = box.Triage("audit " + kRules + " " + csv.string() +
                       " --recorded recorded --csv-separator semicolon");
  CHECK(bad.status == 2);
  CHECK(Has(bad.err, "--csv-separator: 'semicolon' is not a separator"));
}

TEST_CASE("cli: booleans, dates and unknown facts in YAML and JSON cases, good and bad") {
  Sandbox box;
  struct Row {
    std::string name, text;
    int status;
    std::vector<std::string> out;  ///< parts of the text output
  };
  auto row = GENERATE(values<Row>({
      {"a.yaml",
       "explicit_threat: nee\ndoxing: yes\nreported_on: 19-4-2025\n",
       0,
       {"[om]", "Doxing (doxing) = ja"}},
      {"b.yaml",
       "explicit_threat: No\nrole: no\n",
       1,
       {"feit 'role' (keuze): 'no' is dubbelzinnig (YAML 1.1 leest het als ja of nee); zet het "
        "tussen aanhalingstekens"}},
      {"c.json",
       R"({"explicit_threat": "misschien", "reported_on": "31-2-2025"})",
       1,
       {"feit 'explicit_threat' (ja/nee) moet true of false (of ja/nee, yes/no) zijn, niet "
        "'misschien'",
        "feit 'reported_on' is '31-2-2025', geen datum: februari 2025 heeft 28 dagen"}},
      {"d.jsonl",
       "{\"explicit_threat\": \"JA\"}\n{\"rol\": \"wethouder\"}\n",
       1,
       {"om-bedreiging",
        "onbekend feit 'rol'; bedoelt u 'role'? (feiten: role, instrument, procedures_12m, "}},
  }));
  INFO(row.text);
  fs::path file = box.Write(row.name, row.text);
  Run r = box.Triage("route " + kRules + " " + file.string());
  INFO(r.out << r.err);
  CHECK(r.status == row.status);
  for (const std::string& part : row.out) CHECK(Has(r.out, part));
}

TEST_CASE("cli: why a case is invalid is said in Dutch in Dutch text, and in English as data") {
  Sandbox box;
  struct Row {
    std::string file;  ///< name (its ending gives the format) and text
    std::string text;
    std::string dutch;    ///< in the Dutch text output
    std::string english;  ///< in the JSON record, and in text with --lang en
  };
  const std::vector<Row> rows = {
      {"a.yaml", "case_id: a\nrole: burgmeester\n",
       "'burgmeester' is geen waarde van feit 'role' (bedoelt u 'burgemeester'?)",
       "'burgmeester' is not a value of fact 'role' (did you mean 'burgemeester'?)"},
      {"b.yaml", "case_id: b\nprocedures_12m: veel\n",
       "feit 'procedures_12m' (geheel getal) moet een geheel getal zijn, niet 'veel'",
       "fact 'procedures_12m' is int; it must be an integer, not 'veel'"},
      {"c.yaml", "case_id: c\nreported_on: 29-2-2025\n",
       "feit 'reported_on' is '29-2-2025', geen datum: februari 2025 heeft 28 dagen",
       "fact 'reported_on' is '29-2-2025', not a date: February 2025 has 28 days"},
      {"d.yaml", "case_id: d\nreported_on: 4/5/2025\n", "een datum schrijft u met '-'",
       "dates are written with '-'"},
      {"e.yaml", "case_id: e\ninitiators: 0\n", "feit 'initiators' is 0, minder dan het minimum 1",
       "fact 'initiators' is 0, below its minimum 1"},
      {"f.yaml", "case_id: f\nexplicit_threat: misschien\n",
       "feit 'explicit_threat' (ja/nee) moet true of false (of ja/nee",
       "fact 'explicit_threat' is bool; it must be true or false (or ja/nee"},
      {"g.yaml", "case_id: g\nrol: wethouder\n", "onbekend feit 'rol'; bedoelt u 'role'? (feiten: ",
       "unknown fact 'rol'; did you mean 'role'? (facts: "},
      {"h.yaml", "case_id: h\nrole: wethouder\nrole: raadslid\n",
       "geen geldige YAML: duplicate key", "not valid YAML: duplicate key"},
      {"i.jsonl", "{\"case_id\": \"i\", \"doxing\": true, \"doxing\": false}\n",
       "feit 'doxing' staat er twee keer in", "fact 'doxing' is given twice"},
      {"j.jsonl", "[1, 2]\n", "een zaak moet een JSON-object met feiten zijn",
       "a case must be a JSON object of facts"},
      {"k.csv", "case_id;role\nk;wethouder;extra\n", "de rij heeft 3 cellen en de kopregel 2",
       "the row has 3 cells and the header 2"},
      {"l.csv", "case_id;role\nl;weth\"ouder\n",
       "geen geldige CSV: een aanhalingsteken in een cel die er niet mee begint",
       "not valid CSV: a quote inside a cell that does not start with one"},
      {"m.yaml", "case_id: m\nmunicipality: no\n",
       "feit 'municipality' (tekst): 'no' is dubbelzinnig",
       "fact 'municipality' is string; 'no' is ambiguous"},
      {"n.yaml", "case_id: n\ninitiator_name: [a, b]\n",
       "feit 'initiator_name' (tekst) moet een tekst zijn, niet een lijst",
       "fact 'initiator_name' is string; it must be a string, not a list"},
  };
  for (const Row& row : rows) {
    INFO(row.file << ":\n" << row.text);
    fs::path in = box.Write(row.file, row.text);
    Run dutch = box.Triage("route " + kRules + " " + in.string());
    CHECK(dutch.status == 1);
    CHECK(Has(dutch.out, "ongeldige zaak"));
    CHECK(Has(dutch.out, row.dutch));
    CHECK_FALSE(Has(dutch.out, row.english));
    Run english = box.Triage("route " + kRules + " " + in.string() + " --lang en");
    CHECK(Has(english.out, row.english));
    Run json = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
    CHECK(Has(json.out, row.english));
  }
}
