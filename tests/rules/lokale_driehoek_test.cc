// The shipped rule set: every rule's boundaries, the guarantees, and the
// policy's principle that procedure volume alone never routes to `om`.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/support.h"

using namespace triage;
using testing::RouteName;

namespace {

const CompiledRules& Shipped() {
  static const CompiledRules c = CompileRules(
      "rules/lokale-driehoek.yaml", testing::ReadSourceFile("rules/lokale-driehoek.yaml"));
  return c;
}

// A case where nothing special is going on: routes to de_escalatie.
std::string ShippedCase(const std::string& overrides) {
  std::string base =
      "\"role\": \"ambtenaar\", \"instrument\": \"klacht\", "
      "\"procedures_12m\": 1, \"initiators\": 1, \"explicit_threat\": false, "
      "\"false_report_suspected\": false, \"doxing\": false, "
      "\"subversion_link\": false, \"personal_life_affected\": false, "
      "\"prior_dialogue_failed\": false, \"legal_capacity\": \"voldoende\"";
  // Later keys would be duplicates; replace instead.
  std::string out = "{" + base + "}";
  size_t start = 0;
  while (start < overrides.size()) {
    size_t colon = overrides.find(':', start);
    size_t end = overrides.find(',', colon);
    if (end == std::string::npos) end = overrides.size();
    std::string key = overrides.substr(start, colon - start);
    std::string value = overrides.substr(colon + 1, end - colon - 1);
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
    size_t at = out.find("\"" + key + "\": ");
    REQUIRE(at != std::string::npos);
    size_t value_start = at + key.size() + 4;
    size_t value_end = out.find_first_of(",}", value_start);
    out.replace(value_start, value_end - value_start, value);
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped rule set checks clean and proves its guarantees") {
  const CompiledRules& c = Shipped();
  for (const Diagnostic& d : c.diags.items()) FAIL(d.message);
  REQUIRE(c.Usable());
  CHECK(c.rules->rules.size() == 10);
  CHECK(c.rules->guarantees.size() == 3);
}

TEST_CASE("shipped rules: each rule and its boundaries") {
  struct Row {
    const char* overrides;
    const char* route;
  };
  auto row = GENERATE(values<Row>({
      {"", "de_escalatie"},
      {"explicit_threat: true", "om"},
      {"instrument: \"aangifte\", false_report_suspected: true", "om"},
      {"instrument: \"klacht\", false_report_suspected: true", "de_escalatie"},
      {"doxing: true", "om"},
      {"subversion_link: true", "riec_liec"},
      // riec-capaciteit: procedures 4 and 5
      {"procedures_12m: 4, legal_capacity: \"beperkt\"", "de_escalatie"},
      {"procedures_12m: 5, legal_capacity: \"beperkt\"", "riec_liec"},
      {"procedures_12m: 5, legal_capacity: \"geen\"", "riec_liec"},
      {"procedures_12m: 5000, legal_capacity: \"voldoende\"", "de_escalatie"},
      // riec-aansprakelijkheid
      {"instrument: \"aansprakelijkstelling\", legal_capacity: \"geen\"", "riec_liec"},
      {"instrument: \"kort_geding\", legal_capacity: \"geen\"", "riec_liec"},
      {"instrument: \"kort_geding\", legal_capacity: \"beperkt\"", "de_escalatie"},
      // owb-prive
      {"role: \"raadslid\", personal_life_affected: true", "owb"},
      {"role: \"ambtenaar\", personal_life_affected: true", "de_escalatie"},
      // owb-volume: procedures 9 and 10
      {"role: \"wethouder\", procedures_12m: 9", "de_escalatie"},
      {"role: \"wethouder\", procedures_12m: 10", "owb"},
      {"role: \"ambtenaar\", procedures_12m: 10", "de_escalatie"},
      // owb-meerdere-initiatiefnemers: initiators 2 and 3
      {"role: \"burgemeester\", initiators: 2", "de_escalatie"},
      {"role: \"burgemeester\", initiators: 3", "owb"},
      {"role: \"ambtenaar\", initiators: 3", "de_escalatie"},
      // owb-gesprek-mislukt: procedures 2 and 3, and not for raadsleden
      {"role: \"wethouder\", prior_dialogue_failed: true, procedures_12m: 2", "de_escalatie"},
      {"role: \"wethouder\", prior_dialogue_failed: true, procedures_12m: 3", "owb"},
      {"role: \"burgemeester\", prior_dialogue_failed: true, procedures_12m: 3", "owb"},
      {"role: \"raadslid\", prior_dialogue_failed: true, procedures_12m: 3", "de_escalatie"},
      // order: a threat wins over everything else
      {"explicit_threat: true, subversion_link: true, role: \"wethouder\", procedures_12m: 50",
       "om"},
      {"subversion_link: true, role: \"wethouder\", procedures_12m: 50", "riec_liec"},
  }));
  std::string json = ShippedCase(row.overrides);
  INFO(json);
  CHECK(RouteName(Shipped(), json) == row.route);
}

TEST_CASE("shipped rules: procedure volume alone never routes to om") {
  const char* roles[] = {"burgemeester", "wethouder", "raadslid", "ambtenaar"};
  const char* instruments[] = {
      "aangifte", "aansprakelijkstelling", "woo_verzoek",         "bezwaar_beroep",
      "klacht",   "tuchtklacht",           "integriteitsmelding", "kort_geding"};
  for (const char* role : roles) {
    for (const char* instrument : instruments) {
      for (int procedures : {0, 1, 4, 5, 9, 10, 100, 10000}) {
        for (int initiators : {1, 3, 1000}) {
          std::string json = ShippedCase(
              fmt::format("role: \"{}\", instrument: \"{}\", procedures_12m: {}, "
                          "initiators: {}, legal_capacity: \"geen\", prior_dialogue_failed: true",
                          role, instrument, procedures, initiators));
          INFO(json);
          CHECK(RouteName(Shipped(), json) != "om");
        }
      }
    }
  }
}

TEST_CASE("shipped rules: a rule that lets volume reach om is refuted") {
  std::string yaml = testing::ReadSourceFile("rules/lokale-driehoek.yaml");
  std::string from = "    when: doxing\n";
  size_t at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  yaml.replace(at, from.size(), "    when: doxing or procedures_12m >= 50\n");
  CompiledRules c = CompileRules("changed.yaml", yaml);
  REQUIRE(c.diags.items().size() == 1);
  const Diagnostic& d = c.diags.items()[0];
  CHECK(d.code == "E042");
  CHECK(d.message ==
        "guarantee 'recht-om-te-procederen' does not hold: the case "
        "{\"instrument\": \"aangifte\", \"procedures_12m\": 50, "
        "\"explicit_threat\": false, \"false_report_suspected\": false, "
        "\"doxing\": false} routes to 'om' by rule 'om-doxing'");
  // The counterexample routes as the finding says.
  REQUIRE(c.graph);
  CHECK(testing::RouteName(c,
                           "{\"instrument\": \"aangifte\", \"procedures_12m\": 50, "
                           "\"explicit_threat\": false, \"false_report_suspected\": "
                           "false, \"doxing\": false}") == "om");
}

TEST_CASE("shipped rules: unknown facts") {
  const CompiledRules& c = Shipped();
  SECTION("a threat decides whatever else is unknown") {
    Decision d = testing::Route(c, "{\"explicit_threat\": true}");
    CHECK(d.status == Decision::Status::kDecided);
    CHECK(c.rules->rules[d.rule].id == "om-bedreiging");
  }
  SECTION("an empty case asks the first question first") {
    Decision d = testing::Route(c, "{}");
    CHECK(d.status == Decision::Status::kUndetermined);
    CHECK(d.routes.size() == 4);
    REQUIRE(!d.ask.empty());
    CHECK(d.ask.size() == 11);
  }
  SECTION("only the missing fact that matters is asked") {
    std::string json = ShippedCase("procedures_12m: 6");
    size_t at = json.find(", \"legal_capacity\": \"voldoende\"");
    json.erase(at, std::string(", \"legal_capacity\": \"voldoende\"").size());
    Decision d = testing::Route(c, json);
    CHECK(d.status == Decision::Status::kUndetermined);
    REQUIRE(d.ask.size() == 1);
    CHECK(c.rules->facts[d.ask[0]].name == "legal_capacity");
  }
  SECTION("a missing fact that cannot change the route leaves it decided") {
    // An ambtenaar never goes to owb, so initiators does not matter.
    std::string json = ShippedCase("");
    size_t at = json.find(", \"initiators\": 1");
    json.erase(at, std::string(", \"initiators\": 1").size());
    Decision d = testing::Route(c, json);
    CHECK(d.status == Decision::Status::kDecided);
    CHECK(c.rules->routes[d.routes[0]].name == "de_escalatie");
  }
}
