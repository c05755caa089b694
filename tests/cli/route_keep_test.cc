// `triage route --keep COL,...` as a user runs it: columns that are not
// facts carried into every record, in each output format.
#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "triage/cases.h"

using namespace triage::testing;

namespace {

const std::string kRules = "rules/lokale-driehoek.yaml";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kCases =
    "case_id;dossier;explicit_threat;behandelaar;reported_on\n"
    "Z-1;D-12;ja;J. de Vries;19-4-2025\n"
    "Z-2;D-13;misschien;;\n"
    "Z-3;;nee;\"bel\x07terug\";\n";

}  // namespace

TEST_CASE("cli: route --keep: JSON records get the kept columns in order, null when absent") {
  Sandbox box;
  fs::path csv = box.Write("zaken.csv", kCases);
  Run r = box.Triage("route " + kRules + " " + csv.string() +
                     " --keep behandelaar,dossier,notitie --format jsonl");
  INFO(r.out << r.err);
  CHECK(r.status == 1);  // Z-2 is invalid, and still carries its dossier
  CHECK(Has(r.out, R"("path": [{"fact": "explicit_threat", "value": true}], )"
                   R"("kept": {"behandelaar": "J. de Vries", "dossier": "D-12", "notitie": null}, )"
                   R"("ruleset": {)"));
  CHECK(Has(r.out, R"("status": "invalid")"));
  CHECK(Has(r.out, R"("kept": {"behandelaar": null, "dossier": "D-13", "notitie": null})"));
  // Control characters are escaped, as in every JSON string.
  CHECK(Has(r.out, R"("kept": {"behandelaar": "bel\u0007terug", "dossier": null, )"));
  CHECK(Has(r.err, "3 zaken: 1 besloten, 1 nog niet te bepalen, 0 zonder route, 1 ongeldig"));
}

TEST_CASE("cli: route --keep: CSV gets extra columns after the standard ones, text a line") {
  Sandbox box;
  fs::path csv = box.Write("zaken.csv", kCases);
  Run c = box.Triage("route " + kRules + " " + csv.string() + " --keep dossier,behandelaar " +
                     "--format csv");
  INFO(c.out << c.err);
  CHECK(c.out.rfind("case_id,input,index,line,status,route,routes,rule,rules,reason,path,ask,"
                    "errors,ruleset,version,sha256,dossier,behandelaar\n",
                    0) == 0);
  std::vector<triage::RawCase> rows;
  triage::ReadCases(c.out, triage::InputFormat::kCsv,
                    [&](triage::RawCase row) { rows.push_back(std::move(row)); });
  REQUIRE(rows.size() == 3);
  auto cell = [&](std::size_t row, const std::string& name) {
    for (const auto& [key, value] : rows[row].fields) {
      if (key == name) return value.s;
    }
    return std::string("<missing>");
  };
  CHECK(cell(0, "dossier") == "D-12");
  CHECK(cell(0, "behandelaar") == "J. de Vries");
  CHECK(cell(1, "dossier") == "D-13");
  CHECK(cell(1, "behandelaar").empty());
  CHECK(cell(1, "status") == "invalid");

  Run t = box.Triage("route " + kRules + " " + csv.string() + " --keep dossier,behandelaar");
  INFO(t.out);
  CHECK(Has(t.out, "  dossier = D-12; behandelaar = J. de Vries\n"));
  CHECK(Has(t.out, "  dossier = D-13\n"));
  CHECK(Has(t.out, "  behandelaar = bel\\x07terug\n"));
}

TEST_CASE("cli: route --keep: JSON Lines and YAML cases too, without --keep refused") {
  Sandbox box;
  fs::path jsonl = box.Write("zaken.jsonl",
                             "{\"case_id\": \"a\", \"dossier\": \"D-1\", \"doxing\": true}\n"
                             "{\"case_id\": \"b\", \"dossier\": 17, \"doxing\": \"nee\"}\n");
  Run r = box.Triage("route " + kRules + " " + jsonl.string() + " --keep dossier --format jsonl");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(Has(r.out, R"("kept": {"dossier": "D-1"})"));
  CHECK(Has(r.out, R"("kept": {"dossier": "17"})"));
  fs::path yaml = box.Write("zaak.yaml", "case_id: c\ndossier: D-9\nexplicit_threat: ja\n");
  Run y = box.Triage("route " + kRules + " " + yaml.string() + " --keep dossier --format jsonl");
  CHECK(y.status == 0);
  CHECK(Has(y.out, R"("kept": {"dossier": "D-9"})"));
  Run refused = box.Triage("route " + kRules + " " + jsonl.string() + " --format jsonl");
  CHECK(refused.status == 1);
  CHECK(Has(refused.out, "unknown fact 'dossier'"));
  CHECK_FALSE(Has(refused.out, "\"kept\""));
}

TEST_CASE("cli: route --keep: a name that is a fact, case_id, twice or empty is an error") {
  Sandbox box;
  struct Row {
    std::string keep, error;
  };
  auto row = GENERATE(values<Row>({
      {"dossier,role",
       "triage: --keep: 'role' is a fact of the rule set, not a column to carry "
       "along\n"},
      {"initiator_name",
       "triage: --keep: 'initiator_name' is a fact of the rule set, not a "
       "column to carry along\n"},
      {"case_id", "triage: --keep: 'case_id' is a column of every record already\n"},
      {"status", "triage: --keep: 'status' is a column of every record already\n"},
      {"dossier,route", "triage: --keep: 'route' is a column of every record already\n"},
      {"dossier,dossier", "triage: --keep: 'dossier' is given twice\n"},
      {"dossier,", "triage: --keep: an empty name\n"},
  }));
  Run r = box.Triage("route " + kRules + " --keep " + row.keep, "{}\n");
  CHECK(r.status == 2);
  CHECK(r.err == row.error);
  CHECK(r.out.empty());
}

TEST_CASE("cli: route --keep with --record is refused: the register keeps nothing in clear") {
  Sandbox box;
  Run r = box.Triage(
      "route " + kRules + " --keep dossier --record --register " + (box.dir() / "r.db").string(),
      "{\"explicit_threat\": true, \"dossier\": \"D-1\"}\n");
  CHECK(r.status == 2);
  CHECK(r.err.find("--keep and --record") != std::string::npos);
  CHECK(r.out.empty());
  CHECK(!fs::exists(box.dir() / "r.db"));
}
