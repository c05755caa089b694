// Decision records, byte for byte.
#include <catch2/catch.hpp>

#include "support/support.h"
#include "triage/json.h"
#include "triage/words.h"

using namespace triage;

namespace {

const char* kRules = R"(ruleset: demo
version: "2026.1"
facts:
  explicit_threat: {type: bool, label: {nl: Bedreiging, en: Threat}}
  count: {type: int}
  note: {type: string}
  name: {type: string, personal: true}
routes:
  om: {label: {nl: Openbaar Ministerie, en: Public Prosecution Service}}
  rest: {label: Rest}
rules:
  - id: om-bedreiging
    when: explicit_threat
    route: om
    reason: {nl: Bedreiging is een strafbaar feit., en: A threat is a criminal offence.}
    source: Beleidsreactie WODC, aanbeveling 4
  - {id: veel, when: count > 5, route: rest}
)";

std::string Sha() { return Sha256Hex(kRules); }

}  // namespace

TEST_CASE("decision records are exactly the spec's JSON") {
  CompiledRules c = testing::Compile(kRules);
  REQUIRE(c.Usable());
  std::string tail =
      ", \"ruleset\": {\"id\": \"demo\", \"version\": \"2026.1\", "
      "\"sha256\": \"" +
      Sha() + "\"}}";
  SECTION("decided") {
    CHECK(testing::RouteJson(
              c, R"({"case_id": "2026-0142", "explicit_threat": true, "name": "J. Jansen"})") ==
          "{\"case_id\": \"2026-0142\", \"status\": \"decided\", \"route\": \"om\", "
          "\"routes\": [\"om\"], \"rule\": \"om-bedreiging\", \"reason\": "
          "\"Bedreiging is een strafbaar feit.\", \"path\": [{\"fact\": "
          "\"explicit_threat\", \"value\": true}]" +
              tail);
  }
  SECTION("reason in another language") {
    std::string json = testing::RouteJson(c, R"({"explicit_threat": true})", "en");
    CHECK(json.find("\"reason\": \"A threat is a criminal offence.\"") != std::string::npos);
    CHECK(json.rfind("{\"case_id\": null,", 0) == 0);
  }
  SECTION("unrouted") {
    CHECK(testing::RouteJson(c, R"({"explicit_threat": false, "count": 5})") ==
          "{\"case_id\": null, \"status\": \"unrouted\", \"route\": null, "
          "\"routes\": [], \"rule\": null, \"reason\": null, \"path\": [{\"fact\": "
          "\"explicit_threat\", \"value\": false}, {\"fact\": \"count\", "
          "\"value\": 5}]" +
              tail);
  }
  SECTION("undetermined") {
    CHECK(testing::RouteJson(c, R"({"count": 9})") ==
          "{\"case_id\": null, \"status\": \"undetermined\", \"route\": null, "
          "\"routes\": [\"om\", \"rest\"], \"rule\": null, \"reason\": null, "
          "\"path\": [{\"fact\": \"count\", \"value\": 9}], \"ask\": "
          "[\"explicit_threat\"]" +
              tail);
  }
  SECTION("invalid, never echoing personal data") {
    std::string json = testing::RouteJson(
        c, "{\"case_id\": 12, \"count\": \"veel\", \"name\": 7, \"note\": \"a\\\"b\"}");
    CHECK(json ==
          "{\"case_id\": \"12\", \"status\": \"invalid\", \"route\": null, "
          "\"routes\": [], \"rule\": null, \"reason\": null, \"path\": [], "
          "\"errors\": [{\"fact\": \"count\", \"message\": \"fact 'count' is int; "
          "it must be an integer, not 'veel'\", \"line\": 1}, {\"fact\": \"name\", "
          "\"message\": \"fact 'name' is string; it must be a string, not an "
          "integer\", \"line\": 1}]" +
              tail);
  }
  SECTION("the same case gives the same bytes") {
    std::string a = testing::RouteJson(c, R"({"count": 9, "explicit_threat": true})");
    std::string b = testing::RouteJson(c, R"({"explicit_threat": true, "count": 9})");
    CHECK(a == b);
  }
}

TEST_CASE("records for people name the route, rule, reason, source and facts") {
  CompiledRules c = testing::Compile(kRules);
  Record r;
  ReadCases(R"({"case_id": "7", "explicit_threat": true, "name": "J. Jansen"})", InputFormat::kJson,
            [&](RawCase raw) {
              r.values = ValidateCase(*c.rules, raw, {}, r.problems);
              r.index = raw.index;
            });
  r.case_id = r.values.id;
  r.decision = Evaluate(*c.graph, r.values);
  CHECK(RecordText(*c.rules, r, "nl") ==
        "7: Openbaar Ministerie [om]\n"
        "  besloten door regel om-bedreiging: Bedreiging is een strafbaar feit.\n"
        "  bron: Beleidsreactie WODC, aanbeveling 4\n"
        "  omdat: Bedreiging (explicit_threat) = ja\n");
  CHECK(RecordText(*c.rules, r, "en") ==
        "7: Public Prosecution Service [om]\n"
        "  decided by rule om-bedreiging: A threat is a criminal offence.\n"
        "  source: Beleidsreactie WODC, aanbeveling 4\n"
        "  because: Threat (explicit_threat) = true\n");
}

TEST_CASE("a record and a summary for people are in one language") {
  CompiledRules c = testing::Compile(kRules);
  Record r;
  ReadCases(R"({"explicit_threat": false})", InputFormat::kJson, [&](RawCase raw) {
    r.values = ValidateCase(*c.rules, raw, {}, r.problems);
    r.index = raw.index;
  });
  r.input = "zaken.json";
  r.decision = Evaluate(*c.graph, r.values);
  std::string nl = RecordText(*c.rules, r, "nl");
  std::string en = RecordText(*c.rules, r, "en");
  CHECK(nl.rfind("zaak 1 (zaken.json, zaak 1):", 0) == 0);
  CHECK(nl.find("= nee") != std::string::npos);
  CHECK(en.rfind("case 1 (zaken.json, case 1):", 0) == 0);
  CHECK(en.find("= false") != std::string::npos);

  struct Row {
    std::string_view lang;
    std::uint64_t total;
    std::array<std::uint64_t, 4> counts;
    std::string_view text;
  };
  for (const Row& row : std::vector<Row>{
           {"nl",
            1,
            {1, 0, 0, 0},
            "1 zaak: 1 besloten, 0 nog niet te bepalen, 0 zonder route, 0 ongeldig"},
           {"nl",
            3,
            {0, 1, 1, 1},
            "3 zaken: 0 besloten, 1 nog niet te bepalen, 1 zonder route, 1 ongeldig"},
           {"en", 1, {0, 1, 0, 0}, "1 case: 0 decided, 1 undetermined, 0 unrouted, 0 invalid"},
           {"fr", 2, {2, 0, 0, 0}, "2 cases: 2 decided, 0 undetermined, 0 unrouted, 0 invalid"},
       }) {
    CHECK(CountsText(row.total, row.counts, row.lang) == row.text);
  }
}

TEST_CASE("JSON strings are escaped") {
  CHECK(JsonString("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(JsonString("privéleven") == "\"privéleven\"");
}
