// The CLI as a user runs it: the real binary, real files, exit codes and
// output.
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "triage/cases.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Sandbox {
 public:
  Sandbox() {
    dir_ = fs::temp_directory_path() /
           ("triage-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(dir_);
  }
  ~Sandbox() { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  // Runs `triage ARGS` from the source tree, with `input` on stdin.
  Run Triage(const std::string& args, const std::string& input = "") {
    fs::path in = Write("stdin", input);
    std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && NO_COLOR=1 '" +
                      std::string(TRIAGE_BINARY) + "' " + args + " < '" + in.string() + "' > '" +
                      (dir_ / "out").string() + "' 2> '" + (dir_ / "err").string() + "'";
    int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = Slurp(dir_ / "out");
    r.err = Slurp(dir_ / "err");
    return r;
  }

  const fs::path& dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

const char* kGapRules = R"(ruleset: gaps
version: "1"
facts: {a: {type: bool}}
routes: {x: {}}
rules:
  - {id: r, when: a, route: x}
)";

}  // namespace

TEST_CASE("cli: check") {
  Sandbox box;
  SECTION("every shipped rule file passes") {
    for (const auto& entry : fs::directory_iterator(fs::path(TRIAGE_SOURCE_DIR) / "rules")) {
      std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".yaml") continue;
      Run r = box.Triage("check rules/" + name);
      INFO(r.err);
      CHECK(r.status == 0);
      CHECK(r.out.find(": ok: ") != std::string::npos);
    }
  }
  SECTION("a rule file with errors: every diagnostic, exit 1") {
    fs::path bad = box.Write("bad.yaml",
                             "ruleset: t\nversion: \"1\"\nfacts: {a: {type: bool}}\n"
                             "routes: {x: {}}\nrules:\n  - {id: r, when: b, route: y}\n");
    Run r = box.Triage("check " + bad.string());
    CHECK(r.status == 1);
    CHECK(r.err.find(
              "bad.yaml:6:19: error: unknown fact or condition 'b' (did you mean 'a'?) [E021]") !=
          std::string::npos);
    CHECK(r.err.find("bad.yaml:6:29: error: unknown route 'y' (did you mean 'x'?) [E024]") !=
          std::string::npos);
    CHECK(r.out.find("2 errors") != std::string::npos);
  }
  SECTION("a YAML syntax error is a finding too") {
    fs::path bad = box.Write("syntax.yaml", "rules: [\n");
    CHECK(box.Triage("check " + bad.string()).status == 1);
  }
  SECTION("a missing file: exit 2") {
    Run r = box.Triage("check does-not-exist.yaml");
    CHECK(r.status == 2);
    CHECK(r.err.find("cannot read 'does-not-exist.yaml'") != std::string::npos);
  }
  SECTION("bad usage: exit 2; --help: exit 0") {
    CHECK(box.Triage("check").status == 2);
    CHECK(box.Triage("frobnicate").status == 2);
    Run help = box.Triage("route --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Example") != std::string::npos);
  }
}

TEST_CASE("cli: check --format json gives the findings as data") {
  Sandbox box;
  fs::path draft = box.Write("draft.yaml", kGapRules);
  Run r = box.Triage("check rules/lokale-driehoek.yaml " + draft.string() + " --format json");
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("[{\"file\": \"rules/lokale-driehoek.yaml\", \"ok\": true", 0) == 0);
  CHECK(r.out.find("\"findings\": [{\"code\": \"E040\", \"severity\": \"error\"") !=
        std::string::npos);
  CHECK(r.out.find("\"example\": {\"a\": false}") != std::string::npos);
}

TEST_CASE("cli: --strict turns warnings into failures") {
  Sandbox box;
  fs::path dead = box.Write("dead.yaml",
                            "ruleset: t\nversion: \"1\"\nfacts: {n: {type: int}}\n"
                            "routes: {x: {}, y: {}}\ndefault: y\nrules:\n"
                            "  - {id: a, when: n > 3, route: x}\n"
                            "  - {id: b, when: n > 5, route: x}\n");
  CHECK(box.Triage("check " + dead.string()).status == 0);
  Run strict = box.Triage("check --strict " + dead.string());
  CHECK(strict.status == 1);
  CHECK(strict.err.find("[W001]") != std::string::npos);
}

TEST_CASE("cli: test") {
  Sandbox box;
  Run shipped = box.Triage("test rules/lokale-driehoek.yaml --coverage --threshold 100");
  CHECK(shipped.status == 0);
  CHECK(shipped.out.find("100% of rules decide some test (10 of 10)") != std::string::npos);
  CHECK(shipped.out.substr(shipped.out.rfind("passed") - 3) == "15 passed, 0 failed\n");

  box.Write("r.yaml", kGapRules);
  fs::path failing = box.Write("r.test.yaml",
                               "rules: r.yaml\ncases:\n"
                               "  - {name: goed, facts: {a: true}, expect: x}\n"
                               "  - {name: fout, facts: {a: false}, expect: x}\n");
  Run r = box.Triage("test " + (box.dir() / "r.yaml").string());
  CHECK(r.status == 1);
  CHECK(r.out.find("FAIL " + failing.string() + ":4: fout\n  expected: route x\n") !=
        std::string::npos);
  CHECK(r.out.find("1 passed, 1 failed") != std::string::npos);

  fs::path partial = box.Write("p.test.yaml",
                               "rules: r.yaml\ncases:\n  - {name: goed, facts: {a: false}, "
                               "expect: {status: unrouted}}\n");
  Run low = box.Triage("test " + partial.string() + " --threshold 100");
  CHECK(low.status == 1);
  CHECK(low.out.find("no test reaches rule 'r'") != std::string::npos);
  CHECK(box.Triage("test nope.yaml").status == 2);
}

TEST_CASE("cli: graph") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  Run dot = box.Triage("graph " + rules);
  CHECK(dot.status == 0);
  CHECK(dot.out.rfind("digraph G {", 0) == 0);
  Run json = box.Triage("graph " + rules + " --format json");
  CHECK(json.status == 0);
  CHECK(json.out.find("\"fact_order\": [\"explicit_threat\"") != std::string::npos);
  fs::path svg = box.dir() / "graph.svg";
  Run to_file = box.Triage("graph " + rules + " --format svg -o " + svg.string());
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    CHECK(to_file.status == 0);
    CHECK(Slurp(svg).find("<svg") != std::string::npos);
  } else {
    CHECK(to_file.status == 2);
    CHECK(to_file.err.find("install the Debian package 'graphviz'") != std::string::npos);
    CHECK_FALSE(fs::exists(svg));
  }
  fs::path bad = box.Write("bad.yaml", "ruleset: t\n");
  CHECK(box.Triage("graph " + bad.string()).status == 2);
}

TEST_CASE("cli: route") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  SECTION("the examples: records out = cases in; an invalid case gives exit 1") {
    Run r = box.Triage("route " + rules + " examples/cases/* --format jsonl");
    CHECK(r.status == 1);
    size_t lines = static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
    CHECK(lines == 8);
    CHECK(r.out.find("\"status\": \"invalid\"") != std::string::npos);
    CHECK(r.out.find("\"line\": 2") != std::string::npos);
    CHECK(r.err.find("8 cases: 6 decided, 1 undetermined, 0 unrouted, 1 invalid") !=
          std::string::npos);
  }
  SECTION("one good case from stdin: exit 0, deterministic bytes") {
    std::string input = R"({"case_id": "a", "explicit_threat": true})";
    Run first = box.Triage("route " + rules + " --format jsonl", input);
    Run second = box.Triage("route " + rules + " - --format jsonl", input);
    CHECK(first.status == 0);
    CHECK(first.out == second.out);
    CHECK(first.out.find("\"route\": \"om\"") != std::string::npos);
  }
  SECTION("text output in the chosen language") {
    Run r = box.Triage("route " + rules + " --lang en", R"({"explicit_threat": true})");
    CHECK(r.status == 0);
    CHECK(r.out.find("Public Prosecution Service (through the local triangle) [om]") !=
          std::string::npos);
    CHECK(r.out.find("decided by rule om-bedreiging") != std::string::npos);
  }
  SECTION("--format json is one array") {
    Run r = box.Triage("route " + rules + " --format json",
                       "{\"doxing\": true}\n{\"explicit_threat\": true}\n");
    CHECK(r.status == 0);
    CHECK(r.out.rfind("[\n{", 0) == 0);
    CHECK(r.out.find("},\n{") != std::string::npos);
    CHECK(r.out.substr(r.out.size() - 4) == "}\n]\n");
  }
  SECTION("--output writes the file whole; nothing on stdout") {
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
  SECTION("JSON Lines and CSV stream, bad rows among good ones, records out = cases in") {
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
    CHECK(r.err.find("3000 cases: 2571 decided, 0 undetermined, 0 unrouted, 429 invalid") !=
          std::string::npos);
    fs::path csv = box.Write("r.csv", "explicit_threat,role\ntrue,wethouder\nfalse,koning\n");
    Run c = box.Triage("route " + rules + " " + csv.string() + " --format jsonl");
    CHECK(std::count(c.out.begin(), c.out.end(), '\n') == 2);
    CHECK(c.out.find("\"line\": 3, \"column\": 2") != std::string::npos);
  }
  SECTION("--threads 1 and --threads 3 give the same bytes") {
    std::string jsonl;
    for (int i = 0; i < 20000; ++i) {
      jsonl += i % 11 == 5 ? "not json\n"
                           : "{\"case_id\": \"c" + std::to_string(i) +
                                 "\", \"procedures_12m\": " + std::to_string(i % 13) +
                                 ", \"explicit_threat\": false}\n";
    }
    fs::path in = box.Write("t.jsonl", jsonl);
    Run one = box.Triage("route " + rules + " " + in.string() + " --format jsonl --threads 1");
    Run three = box.Triage("route " + rules + " " + in.string() + " --format jsonl --threads 3");
    CHECK(one.status == 1);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 20000);
    CHECK(one.out == three.out);
    Run text = box.Triage("route " + rules + " " + in.string() + " --threads 2");
    Run text1 = box.Triage("route " + rules + " " + in.string() + " --threads 1");
    CHECK(text.out == text1.out);
  }
  SECTION("Ctrl-C: exit 130 and no output file, not even half of one") {
    fs::path out = box.dir() / "never.jsonl";
    std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && (sleep 5 | '" +
                      std::string(TRIAGE_BINARY) + "' route " + rules +
                      " --input-format jsonl -o '" + out.string() +
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
  SECTION("a rule file with errors cannot route: exit 2") {
    fs::path bad = box.Write("bad.yaml", "ruleset: t\n");
    Run r = box.Triage("route " + bad.string(), "{}");
    CHECK(r.status == 2);
    CHECK(r.err.find("has errors") != std::string::npos);
  }
  SECTION("a draft with gaps still routes, with a warning; unrouted gives exit 1") {
    fs::path draft = box.Write("draft.yaml", kGapRules);
    Run r = box.Triage("route " + draft.string() + " --format jsonl",
                       "{\"a\": true}\n{\"a\": false}\n");
    CHECK(r.status == 1);
    CHECK(r.err.find("warning: the rule set has gaps") != std::string::npos);
    CHECK(r.out.find("\"status\": \"unrouted\"") != std::string::npos);
    CHECK(box.Triage("check " + draft.string()).status == 1);
  }
  SECTION("a missing case file: exit 2") {
    CHECK(box.Triage("route " + rules + " nope.jsonl").status == 2);
  }
  SECTION("no progress line when stderr is not a terminal; the summary counts each status") {
    Run r = box.Triage("route " + rules + " --format jsonl",
                       "{\"explicit_threat\": true}\n{\"doxing\": true}\n{}\n{\"x\": 1}\n");
    CHECK(r.err.find('\r') == std::string::npos);
    CHECK(r.err == "triage: 4 cases: 2 decided, 1 undetermined, 0 unrouted, 1 invalid\n");
  }
}

TEST_CASE("cli: route writes CSV that reads back, and that a spreadsheet cannot run") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  // CSV in: an injected formula as a case id, a bad cell, a cell with a comma.
  fs::path in = box.Write("in.csv",
                          "case_id,explicit_threat,procedures_12m,role\n"
                          "=HYPERLINK(\"http://x\"),false,12,raadslid\n"
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

namespace {

// The shipped rule set with the owb-volume threshold lowered from 10 to 8.
std::string LoweredThreshold() {
  std::string text = Slurp(fs::path(TRIAGE_SOURCE_DIR) / "rules/lokale-driehoek.yaml");
  auto at = text.find("procedures_12m >= 10");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 20, "procedures_12m >= 8");
}

std::string AuditCorpus() {
  std::string out;
  for (int i = 0; i < 400; ++i) {
    out += "{\"case_id\": \"c" + std::to_string(i) + "\", \"role\": \"" +
           (i % 2 ? "wethouder" : "ambtenaar") +
           "\", \"procedures_12m\": " + std::to_string(i % 14) +
           ", \"explicit_threat\": false, \"instrument\": \"woo_verzoek\", \"doxing\": false, "
           "\"subversion_link\": false, \"legal_capacity\": \"voldoende\", "
           "\"personal_life_affected\": false, \"initiators\": 1, "
           "\"prior_dialogue_failed\": false, \"false_report_suspected\": false}\n";
  }
  return out + "{\"role\": \"koning\"}\n";
}

}  // namespace

TEST_CASE("cli: audit") {
  Sandbox box;
  const std::string rules = "rules/lokale-driehoek.yaml";
  fs::path corpus = box.Write("corpus.jsonl", AuditCorpus());
  fs::path lowered = box.Write("lowered.yaml", LoweredThreshold());
  SECTION("a threshold change: matrix, changed cases, regions; nothing else written") {
    Run r =
        box.Triage("audit " + lowered.string() + " " + corpus.string() + " --baseline " + rules);
    CHECK(r.status == 1);  // the corpus has an invalid row
    CHECK(r.out.find("Dry run: nothing was written but this report.") != std::string::npos);
    CHECK(r.out.find("de_escalatie -> owb: 28 cases") != std::string::npos);
    CHECK(r.out.find("rule default -> owb-volume; procedures_12m = 9") != std::string::npos);
    CHECK(r.out.find("when procedures_12m is 8..9") != std::string::npos);
    CHECK(r.err.find("28 of 401 decisions change") != std::string::npos);
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(box.dir())) files += e.is_regular_file();
    CHECK(files == 5);  // corpus, lowered, stdin, out, err
  }
  SECTION("--fail-on-change: 1 on a change, 0 for identical versions") {
    fs::path good = box.Write(
        "good.jsonl", AuditCorpus().substr(0, AuditCorpus().rfind("{\"role\": \"koning\"}")));
    CHECK(box.Triage("audit " + rules + " " + good.string() + " --baseline " + rules +
                     " --fail-on-change")
              .status == 0);
    CHECK(box.Triage("audit " + lowered.string() + " " + good.string() + " --baseline " + rules +
                     " --fail-on-change")
              .status == 1);
    CHECK(box.Triage("audit " + lowered.string() + " " + good.string() + " --baseline " + rules)
              .status == 0);
  }
  SECTION("JSON report, and threads do not change it") {
    Run one = box.Triage("audit " + lowered.string() + " " + corpus.string() + " --baseline " +
                         rules + " --format json --threads 1");
    Run three = box.Triage("audit " + lowered.string() + " " + corpus.string() + " --baseline " +
                           rules + " --format json --threads 3");
    CHECK(one.out == three.out);
    CHECK(one.out.rfind("{\"dry_run\": true", 0) == 0);
    CHECK(one.out.find("\"changed\": 28") != std::string::npos);
  }
  SECTION("recorded routes from a CSV column") {
    fs::path csv = box.Write("register.csv",
                             "case_id,explicit_threat,doxing,decided_route\n"
                             "a,true,false,om\nb,false,true,owb\n");
    Run r = box.Triage("audit " + rules + " " + csv.string() + " --recorded decided_route");
    CHECK(r.out.find("the route recorded in field 'decided_route'") != std::string::npos);
    CHECK(r.out.find("owb -> om: 1 case") != std::string::npos);
  }
  SECTION("bad usage: no baseline, or two; a rule file with errors") {
    CHECK(box.Triage("audit " + rules + " " + corpus.string()).status == 2);
    CHECK(box.Triage("audit " + rules + " " + corpus.string() + " --baseline " + rules +
                     " --recorded route")
              .status == 2);
    fs::path bad = box.Write("bad.yaml", "ruleset: t\n");
    CHECK(box.Triage("audit " + bad.string() + " " + corpus.string() + " --baseline " + rules)
              .status == 2);
  }
}

TEST_CASE("cli: the audit's HTML report in a real headless browser") {
  const char* chromium = std::getenv("TRIAGE_CHROMIUM");
  std::string browser = chromium ? chromium : "chromium";
  if (std::system(("command -v " + browser + " > /dev/null").c_str()) != 0) {
    if (std::getenv("TRIAGE_NO_BROWSER")) {
      WARN("no browser; skipped because TRIAGE_NO_BROWSER is set");
      return;
    }
    FAIL(
        "the HTML test needs Debian's chromium (scripts/setup.sh installs it); "
        "set TRIAGE_NO_BROWSER=1 to skip it");
  }
  Sandbox box;
  fs::path corpus = box.Write("corpus.jsonl", AuditCorpus());
  fs::path lowered = box.Write("lowered.yaml", LoweredThreshold());
  fs::path html = box.dir() / "audit.html";
  Run r = box.Triage("audit " + lowered.string() + " " + corpus.string() +
                     " --baseline rules/lokale-driehoek.yaml -o " + html.string());
  REQUIRE(fs::exists(html));
  std::string page = Slurp(html);
  // Self-contained: no scripts, nothing fetched.
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);

  std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--disable-background-networking --no-first-run --hide-scrollbars "
      "--user-data-dir=" +
      (box.dir() / "profile").string() + " ";
  fs::path dom = box.dir() / "dom.html", png = box.dir() / "audit.png";
  std::system((browser + flags + "--dump-dom file://" + html.string() + " > " + dom.string() +
               " 2> /dev/null")
                  .c_str());
  std::system((browser + flags + "--window-size=1200,1400 --screenshot=" + png.string() +
               " file://" + html.string() + " > /dev/null 2>&1")
                  .c_str());
  // The browser's own rendering of the page holds the matrix, with its counts.
  std::string rendered = Slurp(dom);
  INFO(rendered.substr(0, 400));
  auto matrix = rendered.find("id=\"transition-matrix\"");
  REQUIRE(matrix != std::string::npos);
  std::string table = rendered.substr(matrix, rendered.find("</table>", matrix) - matrix);
  CHECK(table.find(">de_escalatie</th>") != std::string::npos);
  CHECK(table.find(">28</td>") != std::string::npos);
  CHECK(table.find("rgba(215,110,40") != std::string::npos);  // a shaded change
  // And the screenshot is a real picture, not an empty page.
  std::string shot = Slurp(png);
  REQUIRE(shot.size() > 20000);
  CHECK(shot.substr(1, 3) == "PNG");
}
