// `triage test` as a user runs it.
#include <catch2/catch.hpp>

#include "cli/sandbox.h"

using namespace triage::testing;

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

namespace {

const char* kRenamed = R"(ruleset: hernoemd
version: "2"
facts: {bedreiging: {type: bool}, aantal: {type: int, min: 0, max: 100}}
routes: {om: {}, gesprek: {}}
rules:
  - {id: om-bedreiging, when: bedreiging, route: om}
default: gesprek
)";

const char* kOld = R"(ruleset: oud
version: "1"
facts: {threat: {type: bool}, aantal: {type: int, min: 0, max: 100}}
routes: {om: {}, gesprek: {}}
rules:
  - {id: om-bedreiging, when: threat, route: om}
default: gesprek
)";

const char* kTests = R"(rules: oud.yaml
cases:
  - {name: dreiging, facts: {threat: true}, expect: om}
  - {name: geen, facts: {threat: false, aantal: 3}, expect: gesprek}
  - {name: te veel, facts: {aantal: 500}, expect: {status: invalid}}
)";

}  // namespace

TEST_CASE("cli: test --rules runs a test file against another rule file (a candidate)") {
  Sandbox box;
  box.Write("oud.yaml", kOld);
  fs::path candidate = box.Write("nieuw.yaml", kRenamed);
  fs::path tests = box.Write("oud.test.yaml", kTests);
  Run own = box.Triage("test " + tests.string());
  CHECK(own.status == 0);
  CHECK(own.out.find("3 passed, 0 failed") != std::string::npos);
  Run against = box.Triage("test --rules " + candidate.string() + " " + tests.string());
  INFO(against.out << against.err);
  CHECK(against.status == 1);
  CHECK(against.out.find(tests.string() + ": against " + candidate.string() + " (not oud.yaml)") !=
        std::string::npos);
  // The renamed fact: the cases are invalid under the candidate, and say why.
  CHECK(against.out.find("FAIL " + tests.string() + ":3: dreiging") != std::string::npos);
  CHECK(against.out.find("unknown fact 'threat'") != std::string::npos);
  CHECK(against.out.find("1 passed, 2 failed") != std::string::npos);
  CHECK(box.Triage("test --rules nope.yaml " + tests.string()).status == 2);
}

TEST_CASE("cli: check on a test file checks its cases against the rule set's facts (E028)") {
  Sandbox box;
  box.Write("oud.yaml", kRenamed);  // the rule file renamed the fact in place
  fs::path tests = box.Write("oud.test.yaml", kTests);
  Run r = box.Triage("check " + tests.string());
  CHECK(r.status == 1);
  CHECK(r.out == tests.string() + ": test file has errors\n");
  CHECK(r.err.find(tests.string() +
                   ":3:5: error: test 'dreiging' is not a valid case: threat: unknown fact "
                   "'threat' (facts: bedreiging, aantal) [E028]") != std::string::npos);
  CHECK(r.err.find(":4:5: error: test 'geen' is not a valid case: threat: unknown fact") !=
        std::string::npos);
  // A test that expects an invalid case is not an error: its case is invalid on purpose.
  CHECK(r.err.find("te veel") == std::string::npos);
  box.Write("oud.yaml", kOld);
  Run ok = box.Triage("check " + tests.string());
  CHECK(ok.status == 0);
  CHECK(ok.out == tests.string() + ": ok: 3 tests of oud.yaml\n");
}

TEST_CASE("cli: check --rules checks a test file's cases against a candidate rule file") {
  Sandbox box;
  box.Write("oud.yaml", kOld);
  fs::path candidate = box.Write("nieuw.yaml", kRenamed);
  fs::path tests = box.Write("oud.test.yaml", kTests);
  Run own = box.Triage("check " + tests.string());
  CHECK(own.status == 0);
  Run against = box.Triage("check --rules " + candidate.string() + " " + tests.string());
  INFO(against.out << against.err);
  CHECK(against.status == 1);
  CHECK(against.err.find("test 'dreiging' is not a valid case: threat: unknown fact 'threat'") !=
        std::string::npos);
  box.Write("nieuw.yaml", kOld);
  Run same = box.Triage("check --rules " + candidate.string() + " " + tests.string());
  CHECK(same.status == 0);
  CHECK(same.out == tests.string() + ": ok: 3 tests of " + candidate.string() + "\n");
  CHECK(box.Triage("check --rules nope.yaml " + tests.string()).status == 2);
}

TEST_CASE(
    "cli: test --coverage says what a leaf is and which ones no test reaches, in conditions") {
  Sandbox box;
  box.Write("r.yaml", R"(ruleset: r
version: "1"
facts: {bedreiging: {type: bool}, aantal: {type: int, min: 0, max: 100}}
routes: {om: {}, owb: {}, gesprek: {}}
rules:
  - {id: om-bedreiging, when: bedreiging, route: om}
  - {id: owb-veel, when: aantal >= 10, route: owb}
default: gesprek
)");
  fs::path tests = box.Write("r.test.yaml",
                             "rules: r.yaml\ncases:\n"
                             "  - {name: dreiging, facts: {bedreiging: true}, "
                             "expect: om}\n");
  Run r = box.Triage("test " + tests.string() + " --coverage");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("  graph leaves reached: 1 of 3 (a leaf is one outcome of the decision graph") !=
        std::string::npos);
  CHECK(r.out.find("  leaves no test reaches:\n") != std::string::npos);
  CHECK(r.out.find("    owb by rule 'owb-veel': for example when bedreiging is false and aantal "
                   "is 10..100\n") != std::string::npos);
  CHECK(r.out.find("    gesprek by default: for example when bedreiging is false and aantal is "
                   "0..9\n") != std::string::npos);
}
