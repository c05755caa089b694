// `triage audit` as a user runs it, its HTML report in a real browser too.
#include <algorithm>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"

using namespace triage::testing;

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
    Run r = box.Triage("audit " + lowered.string() + " " + corpus.string() + " --baseline " +
                       rules + " --lang en");
    CHECK(r.status == 1);  // the corpus has an invalid row
    CHECK(r.out.find("Dry run: nothing was written but this report.") != std::string::npos);
    CHECK(r.out.find("De-escalation and conversation with the citizen -> Resilient Governance "
                     "Support Team (OWB): 28 cases") != std::string::npos);
    CHECK(r.out.find("rule default -> owb-volume; Procedures in the last 12 months "
                     "(procedures_12m) = 9") != std::string::npos);
    CHECK(r.out.find("when procedures_12m between 8 and 9") != std::string::npos);
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
    CHECK(r.out.find("de route die in veld 'decided_route' van elke zaak is vastgelegd") !=
          std::string::npos);
    CHECK(r.out.find("Ondersteuningsteam Weerbaar Bestuur -> Openbaar Ministerie (via de lokale "
                     "driehoek): 1 zaak") != std::string::npos);
    // The HTML report names the field as code, in either language.
    const std::pair<const char*, const char*> pages[] = {
        {"nl", "de route die in veld <code>decided_route</code> van elke zaak is vastgelegd"},
        {"en", "the route recorded in field <code>decided_route</code> of each case"},
    };
    for (const auto& [lang, words] : pages) {
      Run html = box.Triage("audit " + rules + " " + csv.string() +
                            " --recorded decided_route --format html --lang " + lang);
      CHECK(html.status == 0);
      CHECK(html.out.find(words) != std::string::npos);
    }
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
  CHECK(table.find(">De-escalatie en gesprek met de burger</th>") != std::string::npos);
  CHECK(table.find(">28</td>") != std::string::npos);
  CHECK(table.find("rgba(215,110,40") != std::string::npos);  // a shaded change
  // And the screenshot is a real picture, not an empty page.
  std::string shot = Slurp(png);
  REQUIRE(shot.size() > 20000);
  CHECK(shot.substr(1, 3) == "PNG");
}

TEST_CASE("cli: audit: the report's format follows the --output file's name") {
  Sandbox box;
  const std::string args =
      "audit examples/audit/lokale-driehoek-2026.2.yaml tests/golden/cli/corpus.jsonl "
      "--baseline rules/lokale-driehoek.yaml -o ";
  struct Case {
    const char* name;
    const char* starts;
  };
  const Case cases[] = {
      {"a.html", "<!DOCTYPE html>"},
      {"a.htm", "<!DOCTYPE html>"},
      {"a.json", "{\"dry_run\": true"},
      {"a.txt", "Proefdraai: er is niets geschreven behalve dit rapport."},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    fs::path out = box.dir() / c.name;
    Run r = box.Triage(args + out.string());
    CHECK(r.status == 0);
    CHECK(Slurp(out).rfind(c.starts, 0) == 0);
  }
}

TEST_CASE("cli: audit --lang: the rule file's first language, or one it has") {
  Sandbox box;
  const std::string args =
      "audit examples/audit/lokale-driehoek-2026.2.yaml tests/golden/cli/corpus.jsonl "
      "--baseline rules/lokale-driehoek.yaml";
  struct Case {
    std::string flags;
    int status;
    std::string out, err;
  };
  const Case cases[] = {
      {"", 0, "Proefdraai: er is niets geschreven behalve dit rapport.", ""},
      {" --lang nl", 0, "De-escalatie en gesprek met de burger -> Ondersteuningsteam", ""},
      {" --lang en", 0, "De-escalation and conversation with the citizen -> Resilient", ""},
      {" --lang nl --format html", 0, "<html lang=\"nl\">", ""},
      {" --lang en --format html", 0, "<h1>Dry-run audit</h1>", ""},
      {" --lang fr", 2, "",
       "--lang 'fr': 'examples/audit/lokale-driehoek-2026.2.yaml' has texts in these languages "
       "only: nl, en"},
  };
  for (const Case& c : cases) {
    INFO(c.flags);
    Run r = box.Triage(args + c.flags);
    CHECK(r.status == c.status);
    CHECK(r.out.find(c.out) != std::string::npos);
    CHECK(r.err.find(c.err) != std::string::npos);
  }
}

TEST_CASE("cli: audit: the same version on both sides is warned of on stderr too") {
  Sandbox box;
  fs::path corpus = box.Write("corpus.jsonl", AuditCorpus());
  fs::path lowered = box.Write("lowered.yaml", LoweredThreshold());  // still "2026.1"
  Run r = box.Triage("audit " + lowered.string() + " " + corpus.string() +
                     " --baseline rules/lokale-driehoek.yaml --lang en");
  const std::string warning = "warning: candidate and baseline carry the same version '2026.1'";
  CHECK(r.err.find(warning) != std::string::npos);
  CHECK(r.out.find(warning) != std::string::npos);
}

TEST_CASE("cli: audit: the JSON report lists every changed case, --examples the text only") {
  Sandbox box;
  fs::path corpus = box.Write("corpus.jsonl", AuditCorpus());
  fs::path lowered = box.Write("lowered.yaml", LoweredThreshold());
  auto count = [](const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  };
  const std::string args = "audit " + lowered.string() + " " + corpus.string() +
                           " --baseline rules/lokale-driehoek.yaml --examples 2";
  Run json = box.Triage(args + " --format json");
  // 28 changed cases in "cases", and the first 2 again in "examples".
  CHECK(count(json.out, "\"to_rule\": \"owb-volume\", \"facts\"") == 28 + 2);
  Run text = box.Triage(args + " --lang en");
  CHECK(count(text.out, "): rule default -> owb-volume;") == 2);
  CHECK(text.out.find("... and 26 more") != std::string::npos);
}

TEST_CASE("cli: audit: why a case is invalid in the report's language, and every rule that moved") {
  Sandbox box;
  fs::path candidate = box.Write("candidate.yaml", LoweredThreshold());
  fs::path corpus = box.Write("corpus.jsonl", AuditCorpus());
  std::string command = "audit " + candidate.string() + " " + corpus.string() +
                        " --baseline rules/lokale-driehoek.yaml";
  Run dutch = box.Triage(command);
  INFO(dutch.out << dutch.err);
  CHECK(dutch.out.find("'koning' is geen waarde van feit 'role'") != std::string::npos);
  CHECK(dutch.out.find("is not a value") == std::string::npos);
  Run english = box.Triage(command + " --lang en");
  CHECK(english.out.find("'koning' is not a value of fact 'role'") != std::string::npos);
  Run html = box.Triage(command + " --format html");
  CHECK(html.out.find("&#39;koning&#39; is geen waarde") != std::string::npos);
  // The rules section adds up: each rule whose count moved is listed.
  std::string rules = dutch.out.substr(dutch.out.find("\nRegels\n"));
  rules = rules.substr(0, rules.find("\n\n"));
  CHECK(rules.find("owb-volume beslist vaker") != std::string::npos);
  CHECK(rules.find("beslist minder vaak") != std::string::npos);
}
