// Kept columns (CaseOptions::keep, `route --keep`) in each rendering of a
// decision record, byte for byte.
#include <catch2/catch.hpp>

#include "support/support.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: demo
version: "1"
title: {nl: Proef}
facts:
  explicit_threat: {type: bool}
routes: {om: {label: {nl: Openbaar Ministerie}}}
rules:
  - {id: om-bedreiging, when: explicit_threat, route: om}
)";

const std::vector<std::string> kKeep = {"dossier", "notitie"};

Record Kept(const CompiledRules& c, const std::string& json) {
  Record r;
  CaseOptions options;
  options.keep = kKeep;
  ReadCases(json, InputFormat::kJson, [&](RawCase raw) {
    r.values = ValidateCase(*c.rules, raw, options, r.problems);
    r.index = raw.index;
  });
  r.case_id = r.values.id;
  r.kept_names = kKeep;
  if (!r.invalid()) r.decision = Evaluate(*c.graph, r.values);
  return r;
}

}  // namespace

TEST_CASE("records carry kept columns: JSON object, CSV columns, a text line") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.Usable());
  Record r = Kept(c, R"({"case_id": "7", "explicit_threat": "ja", "notitie": "bel\nterug"})");
  std::string json = RecordJson(*c.rules, r, "");
  INFO(json);
  CHECK(json.find(R"("path": [{"fact": "explicit_threat", "value": true}], )"
                  R"("kept": {"dossier": null, "notitie": "bel\nterug"}, "ruleset": {)") !=
        std::string::npos);
  CHECK(RecordCsvHeader(kKeep).find(",sha256,dossier,notitie\n") != std::string::npos);
  std::string csv = RecordCsv(*c.rules, r, "");
  CHECK(csv.substr(csv.size() - 15) == ",,bel\\x0aterug\n");
  CHECK(RecordText(*c.rules, r, "nl") ==
        "7: Openbaar Ministerie [om]\n"
        "  besloten door regel om-bedreiging\n"
        "  omdat: explicit_threat = ja\n"
        "  notitie = bel\\x0aterug\n");

  // An invalid case keeps its columns too, so that its row can be found.
  Record bad = Kept(c, R"({"dossier": "Z-12", "explicit_threat": "misschien"})");
  REQUIRE(bad.invalid());
  CHECK(RecordJson(*c.rules, bad, "").find(R"("kept": {"dossier": "Z-12", "notitie": null})") !=
        std::string::npos);
  CHECK(RecordText(*c.rules, bad, "nl").find("\n  dossier = Z-12\n") != std::string::npos);

  // Without kept names the records are as they always were.
  Record plain;
  plain.values.values.resize(1);
  plain.values.values[0] = Value::Int(1);
  plain.decision = Evaluate(*c.graph, plain.values);
  CHECK(RecordJson(*c.rules, plain, "").find("kept") == std::string::npos);
  CHECK(RecordCsvHeader().find("sha256\n") != std::string::npos);
}
