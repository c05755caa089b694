// `triage route` as a user runs it.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "triage/cases.h"

using namespace triage::testing;

TEST_CASE("cli: route: the examples: records out = cases in; an invalid case gives exit 1") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  Run r = box.Triage("route " + rules + " examples/cases/* --format jsonl --lang en");
  CHECK(r.status == 1);
  size_t lines = static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
  CHECK(lines == 8);
  CHECK(r.out.find("\"status\": \"invalid\"") != std::string::npos);
  CHECK(r.out.find("\"line\": 2") != std::string::npos);
  CHECK(r.err.find("8 cases: 6 decided, 1 undetermined, 0 unrouted, 1 invalid") !=
        std::string::npos);
}

TEST_CASE("cli: route: one good case from stdin: exit 0, deterministic bytes") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  std::string input = R"({"case_id": "a", "explicit_threat": true})";
  Run first = box.Triage("route " + rules + " --format jsonl", input);
  Run second = box.Triage("route " + rules + " - --format jsonl", input);
  CHECK(first.status == 0);
  CHECK(first.out == second.out);
  CHECK(first.out.find("\"route\": \"om\"") != std::string::npos);
}

TEST_CASE("cli: route: text output in the chosen language") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  Run r = box.Triage("route " + rules + " --lang en", R"({"explicit_threat": true})");
  CHECK(r.status == 0);
  CHECK(r.out.find("Public Prosecution Service (through the local triangle) [om]") !=
        std::string::npos);
  CHECK(r.out.find("decided by rule om-bedreiging") != std::string::npos);
}

TEST_CASE("cli: route: --format json is one array") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  Run r = box.Triage("route " + rules + " --format json",
                     "{\"doxing\": true}\n{\"explicit_threat\": true}\n");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("[\n{", 0) == 0);
  CHECK(r.out.find("},\n{") != std::string::npos);
  CHECK(r.out.substr(r.out.size() - 4) == "}\n]\n");
}

TEST_CASE("cli: route: --output writes the file whole; nothing on stdout") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path out = box.dir() / "records.jsonl";
  Run r = box.Triage("route " + rules + " --format jsonl -o " + out.string(),
                     R"({"explicit_threat": true})");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(Slurp(out).find("\"route\": \"om\"") != std::string::npos);
  size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(box.dir())) {
    if (e.path().string().find(".tmp-") != std::string::npos) ++leftovers;
  }
  CHECK(leftovers == 0);
}

TEST_CASE(
    "cli: route: JSON Lines and CSV stream, bad rows among good ones, records out = cases in") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    jsonl += i % 7 == 3 ? "{\"role\": \"koning\"}\n"
                        : "{\"explicit_threat\": " + std::string(i % 2 ? "true" : "false") +
                              ", \"doxing\": true}\n";
  }
  fs::path in = box.Write("many.jsonl", jsonl);
  fs::path out = box.dir() / "many.out.jsonl";
  Run r = box.Triage("route " + rules + " " + in.string() + " --format jsonl -o " + out.string());
  CHECK(r.status == 1);
  std::string written = Slurp(out);
  CHECK(std::count(written.begin(), written.end(), '\n') == 3000);
  CHECK(r.err.find(
            "3000 zaken: 2571 besloten, 0 nog niet te bepalen, 0 zonder route, 429 ongeldig") !=
        std::string::npos);
  fs::path csv = box.Write("r.csv", "explicit_threat,role\ntrue,wethouder\nfalse,koning\n");
  Run c = box.Triage("route " + rules + " " + csv.string() + " --format jsonl");
  CHECK(std::count(c.out.begin(), c.out.end(), '\n') == 2);
  CHECK(c.out.find("\"line\": 3, \"column\": 2") != std::string::npos);
}

namespace {

// 20,000 cases over three batches, one in eleven not JSON.
std::string ManyCases() {
  std::string jsonl;
  for (int i = 0; i < 20000; ++i) {
    jsonl += i % 11 == 5 ? "not json\n"
                         : "{\"case_id\": \"c" + std::to_string(i) +
                               "\", \"procedures_12m\": " + std::to_string(i % 13) +
                               ", \"explicit_threat\": false}\n";
  }
  return jsonl;
}

}  // namespace

TEST_CASE("cli: route: --threads 1 and --threads 3 give the same bytes") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path in = box.Write("t.jsonl", ManyCases());
  Run one = box.Triage("route " + rules + " " + in.string() + " --format jsonl --threads 1");
  Run three = box.Triage("route " + rules + " " + in.string() + " --format jsonl --threads 3");
  CHECK(one.status == 1);
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 20000);
  CHECK(one.out == three.out);
}

TEST_CASE("cli: route: --threads 2 and --threads 1 give the same text") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path in = box.Write("t.jsonl", ManyCases());
  Run text = box.Triage("route " + rules + " " + in.string() + " --threads 2");
  Run text1 = box.Triage("route " + rules + " " + in.string() + " --threads 1");
  CHECK(text.out == text1.out);
}

TEST_CASE("cli: route: Ctrl-C: exit 130 and no output file, not even half of one") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path out = box.dir() / "never.jsonl";
  std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && (sleep 5 | '" +
                    std::string(TRIAGE_BINARY) + "' route " + rules + " --input-format jsonl -o '" +
                    out.string() +
                    "' 2>/dev/null & pid=$!; sleep 0.5; kill -INT $pid; wait $pid; echo $? > '" +
                    (box.dir() / "status").string() + "')";
  std::system(cmd.c_str());
  CHECK(Slurp(box.dir() / "status") == "130\n");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(box.dir())) {
    if (e.path().filename().string().rfind("never.jsonl", 0) == 0) ++files;
  }
  CHECK(files == 0);
}

TEST_CASE("cli: route: a rule file with errors cannot route: exit 2") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path bad = box.Write("bad.yaml", "ruleset: t\n");
  Run r = box.Triage("route " + bad.string(), "{}");
  CHECK(r.status == 2);
  CHECK(r.err.find("has errors") != std::string::npos);
}

TEST_CASE("cli: route: a draft with gaps still routes, with a warning; unrouted gives exit 1") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path draft = box.Write("draft.yaml", kGapRules);
  Run r =
      box.Triage("route " + draft.string() + " --format jsonl", "{\"a\": true}\n{\"a\": false}\n");
  CHECK(r.status == 1);
  CHECK(r.err.find("warning: the rule set has gaps") != std::string::npos);
  CHECK(r.out.find("\"status\": \"unrouted\"") != std::string::npos);
  CHECK(box.Triage("check " + draft.string()).status == 1);
}

TEST_CASE("cli: route: a missing case file: exit 2") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  CHECK(box.Triage("route " + rules + " nope.jsonl").status == 2);
}

TEST_CASE(
    "cli: route: no progress line when stderr is not a terminal; the summary counts each status") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  Run r = box.Triage("route " + rules + " --format jsonl",
                     "{\"explicit_threat\": true}\n{\"doxing\": true}\n{}\n{\"x\": 1}\n");
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.err ==
        "triage: 4 zaken: 2 besloten, 1 nog niet te bepalen, 0 zonder route, 1 ongeldig\n");
}

TEST_CASE("cli: route writes CSV that reads back, and that a spreadsheet cannot run") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  // CSV in: an injected formula as a case id, a bad cell, a cell with a comma.
  fs::path in = box.Write("in.csv",
                          "case_id,explicit_threat,procedures_12m,role\n"
                          "\"=HYPERLINK(\"\"http://x\"\")\",false,12,raadslid\n"
                          "\"a, b\",true,,\n"
                          "c3,maybe,1,ambtenaar\n"
                          "@c4,false,,\n");
  fs::path out = box.dir() / "out.csv";
  Run r = box.Triage("route " + rules + " " + in.string() + " -o " + out.string());
  CHECK(r.status == 1);
  std::string csv = Slurp(out);
  INFO(csv);
  CHECK(csv.find("=HYPERLINK") != std::string::npos);
  CHECK(csv.find("\n=") == std::string::npos);
  CHECK(csv.find("\n@") == std::string::npos);
  CHECK(csv.find("\n\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);

  // Read it back with the engine's own CSV reader: one row a case, fields intact.
  std::vector<triage::RawCase> rows;
  triage::ReadCases(csv, triage::InputFormat::kCsv,
                    [&](triage::RawCase c) { rows.push_back(std::move(c)); });
  REQUIRE(rows.size() == 4);
  auto field = [&](size_t row, const std::string& name) {
    for (const auto& [key, value] : rows[row].fields) {
      if (key == name) return value.s;
    }
    return std::string("<missing>");
  };
  for (const auto& row : rows) CHECK(row.error.empty());
  CHECK(field(0, "status") == "undetermined");
  CHECK(field(1, "case_id") == "a, b");
  CHECK(field(1, "route") == "om");
  CHECK(field(1, "path") == "explicit_threat=true");
  CHECK(field(2, "status") == "invalid");
  CHECK(field(2, "errors").find("explicit_threat") != std::string::npos);
  CHECK(field(2, "errors").find("(column 2)") != std::string::npos);
  CHECK(field(3, "case_id") == "'@c4");
  CHECK(field(0, "sha256").size() == 64);

  // The same cases as JSON Lines give the same statuses and routes.
  Run jsonl = box.Triage("route " + rules + " " + in.string() + " --format jsonl");
  std::istringstream lines(jsonl.out);
  std::string line;
  for (size_t k = 0; std::getline(lines, line); ++k) {
    REQUIRE(k < rows.size());
    CHECK(line.find("\"status\": \"" + field(k, "status") + "\"") != std::string::npos);
  }
}

TEST_CASE("cli: route: the format follows the --output file's name") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  struct Case {
    const char* name;
    const char* starts;  // how the file starts
  };
  const Case cases[] = {
      {"r.jsonl", "{\"case_id\""},
      {"r.ndjson", "{\"case_id\""},
      {"r.json", "[\n{\"case_id\""},
      {"r.csv", "case_id,input,index"},
      {"r.txt", "2026-0301 (examples/cases/06-register.jsonl:1): "},  // no format of its own: text
  };
  for (const Case& c : cases) {
    INFO(c.name);
    fs::path out = box.dir() / c.name;
    Run r = box.Triage("route " + rules + " examples/cases/06-register.jsonl -o " + out.string());
    CHECK(r.status == 1);  // the register has an invalid case
    CHECK(Slurp(out).rfind(c.starts, 0) == 0);
  }
}

TEST_CASE("cli: route: -o onto a link, a device or a pipe never replaces it with a file") {
  Sandbox box;
  std::string rules = "rules/lokale-driehoek.yaml";
  std::string one = "examples/cases/01-bedreiging.yaml";
  fs::path target = box.Write("target.jsonl", "old\n");
  fs::path link = box.dir() / "link.jsonl";
  fs::create_symlink(target, link);
  Run r = box.Triage("route " + rules + " " + one + " -o " + link.string());
  CHECK(r.status == 0);
  CHECK(fs::is_symlink(link));
  CHECK(Slurp(target).rfind("{\"case_id\": \"2026-0142\"", 0) == 0);

  // As root, replacing /dev/null would break it for the whole machine.
  r = box.Triage("route " + rules + " " + one + " -o /dev/null");
  CHECK(r.status == 0);
  CHECK(fs::is_character_file("/dev/null"));

  fs::path fifo = box.dir() / "pipe";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  fs::path got = box.dir() / "got";
  std::string reader = "cat '" + fifo.string() + "' > '" + got.string() + "' &";
  REQUIRE(std::system(reader.c_str()) == 0);
  r = box.Triage("route " + rules + " " + one + " -o " + fifo.string());
  CHECK(r.status == 0);
  CHECK(fs::is_fifo(fifo));
  for (int i = 0; i < 100 && Slurp(got).empty(); ++i) usleep(10000);
  CHECK(Slurp(got).find("2026-0142") != std::string::npos);

  r = box.Triage("route " + rules + " " + one + " -o " + box.dir().string());
  CHECK(r.status == 2);
  CHECK(r.err.find("it is a directory") != std::string::npos);
}

TEST_CASE("cli: -o naming an input (a case file, the rules, the register) is refused") {
  Sandbox box;
  std::string rules_text = Slurp(fs::path(TRIAGE_SOURCE_DIR) / "rules/lokale-driehoek.yaml");
  fs::path rules = box.Write("rules.yaml", rules_text);
  std::string cases_text = Slurp(fs::path(TRIAGE_SOURCE_DIR) / "examples/cases/06-register.jsonl");
  fs::path cases = box.Write("cases.jsonl", cases_text);
  fs::path register_file = box.dir() / "r.db";
  for (const fs::path& target : {cases, rules}) {
    Run r = box.Triage("route " + rules.string() + " " + cases.string() + " -o " + target.string());
    CHECK(r.status == 2);
    CHECK(r.err.find("would overwrite the input") != std::string::npos);
  }
  CHECK(Slurp(cases) == cases_text);
  CHECK(Slurp(rules) == rules_text);
  REQUIRE(box.Triage("route " + rules.string() + " " + cases.string() + " --record --register " +
                     register_file.string())
              .status == 1);  // the example register holds an invalid case
  std::string bytes = Slurp(register_file);
  for (std::string verb : {"log export", "monitor"}) {
    Run r = box.Triage(verb + " --register " + register_file.string() + " -o " +
                       register_file.string());
    CHECK(r.status == 2);
    CHECK(Slurp(register_file) == bytes);
  }
  Run r = box.Triage("route " + rules.string() + " " + cases.string() + " --record --register " +
                     register_file.string() + " -o " + register_file.string());
  CHECK(r.status == 2);
}

TEST_CASE("cli: route: the text output is in one language, and --lang must be one the file has") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  const std::string a_case = "{\"explicit_threat\": false, \"doxing\": true}\n";
  struct Row {
    std::string lang, said, summary, unsaid;
  };
  for (const Row& row : std::vector<Row>{
           {"", "Doxing (doxing) = ja", "1 zaak: 1 besloten", "true"},
           {"nl", "omdat: Expliciete bedreiging (explicit_threat) = nee", "1 zaak: 1 besloten",
            "because"},
           {"en", "because: Explicit threat (explicit_threat) = false", "1 case: 1 decided",
            "omdat"},
       }) {
    INFO(row.lang);
    Run r = box.Triage("route " + rules + (row.lang.empty() ? "" : " --lang " + row.lang), a_case);
    CHECK(r.status == 0);
    CHECK(r.out.find(row.said) != std::string::npos);
    CHECK(r.out.find(row.unsaid) == std::string::npos);
    CHECK(r.err.find(row.summary) != std::string::npos);
  }
  Run r = box.Triage("route " + rules + " --lang fr", a_case);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "triage: --lang 'fr': 'rules/lokale-driehoek.yaml' has texts in these languages "
        "only: nl, en\n");
}

TEST_CASE("cli: route --as-test writes test entries that pass as tests, personal facts left out") {
  Sandbox box;
  Run r = box.Triage(
      "route rules/lokale-driehoek.yaml examples/cases/01-bedreiging.yaml "
      "examples/cases/03-woo-stroom.json examples/cases/05-onbekend.yaml "
      "examples/cases/06-register.jsonl --as-test");
  INFO(r.out << r.err);
  CHECK(r.status == 1);  // 06-register.jsonl holds an invalid case
  CHECK(r.out.find("  - name: '2026-0142'\n    # left out, personal: initiator_name\n") !=
        std::string::npos);
  CHECK(r.out.find("Jansen") == std::string::npos);
  CHECK(r.out.find("    expect: {route: om, rule: om-bedreiging}\n") != std::string::npos);
  CHECK(r.out.find("  # '2026-0302' is invalid, so it is not written as a test (its wrong values "
                   "are not kept):\n  #   role: 'burgmeester' is not a value of fact 'role'") !=
        std::string::npos);
  CHECK(r.out.find("expect: {status: undetermined, routes: [") != std::string::npos);
  CHECK(r.out == box.Triage("route rules/lokale-driehoek.yaml examples/cases/01-bedreiging.yaml "
                            "examples/cases/03-woo-stroom.json examples/cases/05-onbekend.yaml "
                            "examples/cases/06-register.jsonl --format test")
                     .out);
  // Pasted under `cases:`, every entry passes against the rules that made it.
  fs::path tests =
      box.Write("geplakt.test.yaml", "rules: " + std::string(TRIAGE_SOURCE_DIR) +
                                         "/rules/lokale-driehoek.yaml\ncases:\n" + r.out);
  Run t = box.Triage("test " + tests.string());
  INFO(t.out << t.err);
  CHECK(t.status == 0);
  CHECK(t.out.find("5 passed, 0 failed") != std::string::npos);
}

TEST_CASE("cli: route --as-test quotes what YAML would read as something else") {
  Sandbox box;
  fs::path rules = box.Write("r.yaml", R"(ruleset: r
version: "1"
facts:
  antwoord: {type: enum, values: ["yes", "no", "12", "gewoon"]}
  tekst: {type: string}
routes: {x: {}}
rules:
  - {id: r.1, when: antwoord == 'yes', route: x}
default: x
)");
  fs::path cases = box.Write("c.jsonl", R"({"case_id": "7", "antwoord": "yes", "tekst": "a: 'b'"}
{"case_id": "a b", "antwoord": "12", "tekst": "Gewoon"}
{"case_id": "c", "antwoord": "gewoon", "tekst": "No"}
)");
  Run r = box.Triage("route " + rules.string() + " " + cases.string() + " --as-test");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("  - name: '7'\n    facts: {antwoord: 'yes', tekst: 'a: ''b'''}\n"
                   "    expect: {route: x, rule: r.1}\n") != std::string::npos);
  CHECK(r.out.find("  - name: 'a b'\n    facts: {antwoord: '12', tekst: Gewoon}\n") !=
        std::string::npos);
  CHECK(r.out.find("  - name: c\n    facts: {antwoord: gewoon, tekst: 'No'}\n") !=
        std::string::npos);
  fs::path tests = box.Write("r.test.yaml", "rules: r.yaml\ncases:\n" + r.out);
  Run t = box.Triage("test " + tests.string());
  INFO(t.out << t.err);
  CHECK(t.out.find("3 passed, 0 failed") != std::string::npos);
}
