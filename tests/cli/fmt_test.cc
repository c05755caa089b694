// `triage fmt` as a user runs it: in place, --check, stdin to stdout, and a
// file it cannot lay out left as it was.
#include <catch2/catch.hpp>

#include "sandbox.h"

using namespace triage::testing;

namespace {

const char* kMessy =
    "version: \"1\"\nruleset: r\nfacts: {a: {type: bool}}\nroutes: {x: {}}\n"
    "rules: [{id: r, when: a, route: x}]   # de regel\ndefault: x\n";
const char* kLaidOut =
    "ruleset: r\nversion: \"1\"\n\nfacts:\n  a:\n    type: bool\n\nroutes:\n  x: {}\n\n"
    "rules:\n  - id: r\n    when: a\n    route: x  # de regel\n\ndefault: x\n";

}  // namespace

TEST_CASE("cli: fmt rewrites in place, --check says what is not laid out, - is stdin to stdout") {
  Sandbox box;
  fs::path messy = box.Write("r.yaml", kMessy);
  Run check = box.Triage("fmt --check " + messy.string());
  CHECK(check.status == 1);
  CHECK(check.out == messy.string() + ": not in the canonical layout (triage fmt " +
                         messy.string() + " rewrites it)\n");
  CHECK(Slurp(messy) == kMessy);  // --check changes nothing

  Run piped = box.Triage("fmt -", kMessy);
  CHECK(piped.status == 0);
  CHECK(piped.out == kLaidOut);

  Run in_place = box.Triage("fmt " + messy.string());
  INFO(in_place.err);
  CHECK(in_place.status == 0);
  CHECK(in_place.out.empty());
  CHECK(Slurp(messy) == kLaidOut);
  CHECK(box.Triage("fmt --check " + messy.string()).status == 0);
  CHECK(box.Triage("check " + messy.string()).status == 0);

  // The shipped files are in the layout already.
  CHECK(
      box.Triage("fmt --check rules/lokale-driehoek.yaml rules/lokale-driehoek.test.yaml").status ==
      0);
}

TEST_CASE("cli: fmt leaves a file it cannot read as YAML as it was, and says why") {
  Sandbox box;
  std::string broken = "ruleset: r\nfacts:\n\ta: {type: bool}\n";
  fs::path file = box.Write("kapot.yaml", broken);
  Run r = box.Triage("fmt " + file.string());
  CHECK(r.status == 2);
  CHECK(r.err.find(file.string() + ":3:1: error: tab character") != std::string::npos);
  CHECK(r.err.find("not laid out: fix the problems above first") != std::string::npos);
  CHECK(Slurp(file) == broken);
  CHECK(box.Triage("fmt nope.yaml").status == 2);
}
