// `triage check` as a user runs it.
#include <catch2/catch.hpp>

#include "cli/sandbox.h"

using namespace triage::testing;

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

TEST_CASE("cli: check: on a terminal the severities are in colour, unless NO_COLOR") {
  // As main() sets it up: colour when stderr is a terminal and NO_COLOR is
  // unset (the golden tests show the plain text).
  const std::string args =
      "check tests/golden/diagnostics/E012.yaml tests/golden/diagnostics/W001.yaml";
  Run colour = TriageInProcess(args, "", true);
  CHECK(colour.err.find("E012.yaml:11:3: \033[1;31merror\033[0m: 'rules' must be a list, not a "
                        "map [E012]\n") != std::string::npos);
  CHECK(colour.err.find(": \033[1;35mwarning\033[0m: rule ") != std::string::npos);
  Run plain = TriageInProcess(args);
  CHECK(plain.err.find('\033') == std::string::npos);
  CHECK(plain.err.find("E012.yaml:11:3: error: 'rules' must be a list") != std::string::npos);
  CHECK(colour.out == plain.out);
}

TEST_CASE("cli: a verb whose output cannot be written exits 2, not 0") {
  for (const char* verb :
       {"check rules/lokale-driehoek.yaml", "test rules/lokale-driehoek.test.yaml",
        "route rules/lokale-driehoek.yaml examples/cases/01-bedreiging.yaml",
        "graph rules/lokale-driehoek.yaml"}) {
    INFO(verb);
    std::string cmd = "cd '" + std::string(TRIAGE_SOURCE_DIR) + "' && '" +
                      std::string(TRIAGE_BINARY) + "' " + verb + " > /dev/full 2>/dev/null";
    int raw = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
  }
}
