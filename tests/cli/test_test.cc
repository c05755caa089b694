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
