// `triage schema` writes the rule-file schema of schema/ exactly, to stdout
// or to a file (tests/schema/validate.py checks the schema itself against
// triage check, with an independent validator).
#include <catch2/catch.hpp>

#include "sandbox.h"

using triage::testing::Sandbox;
namespace fs = std::filesystem;

TEST_CASE("cli: schema prints the rule-file schema of schema/, to stdout or -o FILE") {
  std::string expected = triage::testing::ReadSourceFile("schema/triage-rules.schema.json");
  REQUIRE(expected.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") !=
          std::string::npos);
  Sandbox box;
  triage::testing::Run out = box.Triage("schema");
  CHECK(out.status == 0);
  CHECK(out.out == expected);
  fs::path file = box.dir() / "s.json";
  triage::testing::Run written = box.Triage("schema -o '" + file.string() + "'");
  CHECK(written.status == 0);
  CHECK(written.out.empty());
  CHECK(triage::testing::Slurp(file) == expected);
  CHECK(box.Triage("schema -o /nonexistent-folder/s.json").status == 2);
}
