// `triage graph` as a user runs it.
#include <catch2/catch.hpp>

#include "cli/sandbox.h"

using namespace triage::testing;

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
