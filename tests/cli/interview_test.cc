// `triage interview` from a pipe, as a script runs it: the conversation, each
// kind of answer (good and bad), --case, --json, --record, and every shipped
// example case routed by interview alone to the route `triage route` gives.
// (tests/cli/interview_tmux.sh runs it on a terminal.)
#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "support/support.h"
#include "triage/cases.h"
#include "triage/interview.h"
#include "triage/report.h"
#include "triage/words.h"

using namespace triage;
using namespace triage::testing;

namespace {

const std::string kRules = "rules/lokale-driehoek.yaml";

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

// The answers an officer who knows `c` gives, in the order the interview asks.
std::string AnswersFor(const CompiledRules& rules, const Case& c) {
  Interview interview(*rules.graph,
                      Case{std::nullopt, std::vector<std::optional<Value>>(c.values.size())});
  std::string answers;
  while (interview.Next() >= 0) {
    int f = interview.Next();
    const std::optional<Value>& v = c.values[static_cast<std::size_t>(f)];
    answers += v ? ValueTextIn(rules.rules->facts[static_cast<std::size_t>(f)], *v, "nl") : "?";
    answers += "\n";
    interview.Answer(f, v);
  }
  return answers;
}

}  // namespace

TEST_CASE("cli: interview: a Dutch conversation on a pipe, one question at a time") {
  Sandbox box;
  // No threat, no doxing, a Woo request, 12 procedures, enough legal
  // capacity, against an alderman: the OWB, whatever else is so.
  Run r = box.Triage("interview " + kRules, "nee\n2\nwoo\nnee\n12\n1\n2\n");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("Vraag 1: Is er een expliciete bedreiging geuit? (explicit_threat)\n"
                   "  1. ja\n  2. nee\n  ?. weet ik niet\n> nee\n") != std::string::npos);
  CHECK(r.out.find("Vraag 2: ") != std::string::npos);
  CHECK(r.out.find("  3. woo_verzoek\n") != std::string::npos);
  CHECK(r.out.find("\nzaak 1: Ondersteuningsteam Weerbaar Bestuur [owb]\n") != std::string::npos);
  CHECK(r.out.find("Doxing (doxing) = nee") != std::string::npos);
  CHECK(r.out.find("= true") == std::string::npos);
  CHECK(r.out.find(" van 14 feiten gevraagd\n") != std::string::npos);
  // Asked once each, and never what no longer matters.
  CHECK(Count(r.out, "(explicit_threat)\n") == 1);
  CHECK(r.out.find("(initiator_name)") == std::string::npos);
  CHECK(r.out.find("(municipality)") == std::string::npos);
}

TEST_CASE("cli: interview: answers that are not valid are explained and asked again") {
  Sandbox box;
  struct Row {
    std::string answers;  // to the first questions: explicit_threat, doxing, instrument, ...
    std::string said;
  };
  for (const Row& row : std::vector<Row>{
           {"7\n1\n", "'7' is geen van de keuzes: antwoord met een nummer van 1 tot en met 2"},
           {"misschien\n1\n", "'misschien' is geen van de keuzes"},
           {"\n1\n", "geen antwoord: typ een nummer of een waarde"},
           {"<\n1\n", "er is geen vorige vraag om naar terug te gaan"},
           {"nee\nnee\nk\nkort\n1\n", "'k' past bij meer dan een keuze (klacht, kort_geding)"},
           {"\x1b[2Jnee\n2\n", "> \\x1b[2Jnee\n  '\\x1b[2Jnee' is geen van de keuzes"},
           {"nee\nnee\nwoo\nnee\nveel\n-3\n2\n", "'veel' is geen geheel getal\n"},
           {"nee\nnee\nwoo\nnee\n-3\n2\n", "'-3' is lager dan het laagst mogelijke, 0\n"},
           {"nee\nnee\nwoo\nnee\n99999\n2\n", "'99999' is hoger dan het hoogst mogelijke, 10000\n"},
           // A misspelt value gets a suggestion; a choice's number as listed.
           {"nee\nnee\nwoo_verzok\n3\n",
            "is geen van de keuzes: antwoord met een nummer van 1 tot en "
            "met 8, een waarde, of ?; bedoelt u 'woo_verzoek'?"},
           {"1.\n", "besloten door regel om-bedreiging"},
       }) {
    INFO(row.answers);
    Run r = box.Triage("interview " + kRules, row.answers);
    INFO(r.out << r.err);
    CHECK(r.out.find(row.said) != std::string::npos);
  }
}

TEST_CASE("cli: interview: don't know, back, and answers that end too soon") {
  Sandbox box;
  SECTION("don't know says what is still possible, and is not asked again") {
    Run r = box.Triage("interview " + kRules, "weet ik niet\n?\n?\n?\n?\n?\n?\n?\n?\n?\n?\n?\n");
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("nog mogelijk: Openbaar Ministerie") != std::string::npos);
    CHECK(r.out.find("niets wat nog te vragen is kan de route vaststellen") != std::string::npos);
    CHECK(r.out.find("nog niet te bepalen; mogelijk: ") != std::string::npos);
    CHECK(Count(r.out, "(explicit_threat)\n  1.") == 1);
  }
  SECTION("back asks the previous question again and forgets its answer") {
    Run r = box.Triage("interview " + kRules, "nee\nterug\nja\n");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(Count(r.out, "Vraag 1: Is er een expliciete bedreiging") == 2);
    CHECK(r.out.find("besloten door regel om-bedreiging") != std::string::npos);
    CHECK(r.out.find("1 van 14 feiten gevraagd") != std::string::npos);
  }
  SECTION("the answers end first: exit 2, said so, nothing decided") {
    Run r = box.Triage("interview " + kRules, "nee\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("de antwoorden hielden op voordat de route vaststond") != std::string::npos);
    CHECK(r.out.find("besloten") == std::string::npos);
  }
}

TEST_CASE("cli: interview: a value as written comes first, numbers with a decimal comma") {
  Sandbox box;
  box.Write("r.yaml", R"(ruleset: r
version: "1"
facts:
  kleur: {type: enum, values: [rood, onbekend, "12"]}
  maat: {type: number, min: 0, max: 10}
routes: {a: {}, b: {}, c: {}, d: {}}
default: d
rules:
  - {id: r1, when: kleur == onbekend, route: a}
  - {id: r2, when: kleur == "12" and maat > 2.4, route: b}
  - {id: r3, when: kleur == rood and maat < 1, route: c}
)");
  std::string rules = (box.dir() / "r.yaml").string();
  Run r = box.Triage("interview " + rules + " --lang en", "onbekend\n");
  CHECK(r.out.find("\ncase 1: a\n") != std::string::npos);
  r = box.Triage("interview " + rules + " --lang en", "12\n2,5\n");
  INFO(r.out);
  CHECK(r.out.find("\ncase 1: b\n") != std::string::npos);
  r = box.Triage("interview " + rules + " --lang en", "rood\nveel\n0,5\n");
  INFO(r.out);
  CHECK(r.out.find("'veel' is not a number") != std::string::npos);
  CHECK(r.out.find("\ncase 1: c\n") != std::string::npos);
}

TEST_CASE("cli: interview: --case, --json, --lang and --record") {
  Sandbox box;
  SECTION("--case starts from what is known and asks only the rest") {
    Run r = box.Triage("interview " + kRules + " --case examples/cases/05-onbekend.yaml", "geen\n");
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("Vraag 1: Hoeveel eigen juridische capaciteit") != std::string::npos);
    CHECK(r.out.find("Vraag 2") == std::string::npos);
    CHECK(r.out.find("2026-0230: RIEC/LIEC") != std::string::npos);
    CHECK(r.out.find("1 van 14 feiten gevraagd") != std::string::npos);
  }
  SECTION("--case that decides already asks nothing") {
    Run r = box.Triage("interview " + kRules + " --case examples/cases/01-bedreiging.yaml");
    CHECK(r.status == 0);
    CHECK(r.out.find("Vraag") == std::string::npos);
    CHECK(r.out.find("0 van 14 feiten gevraagd") != std::string::npos);
  }
  SECTION("--case of several cases, or of an invalid one, is refused") {
    Run r = box.Triage("interview " + kRules + " --case examples/cases/06-register.jsonl");
    CHECK(r.status == 2);
    CHECK(r.err.find("--case takes a file of one case") != std::string::npos);
    box.Write("bad.yaml", "role: koning\n");
    r = box.Triage("interview " + kRules + " --case " + (box.dir() / "bad.yaml").string());
    CHECK(r.status == 2);
    CHECK(r.err.find("'koning' is geen waarde van feit 'role'") != std::string::npos);
  }
  SECTION("--json: standard output holds the record, the conversation goes to stderr") {
    Run r = box.Triage("interview " + kRules + " --json --lang en", "yes\n");
    CHECK(r.status == 0);
    CHECK(r.out.rfind("{\"case_id\": null, \"status\": \"decided\", \"route\": \"om\"", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(r.err.find("Question 1: Was an explicit threat made? (explicit_threat)\n  1. true\n"
                     "  2. false\n  ?. don't know\n") != std::string::npos);
    CHECK(r.err.find("1 of 14 facts asked") != std::string::npos);
  }
  SECTION("--lang the file does not have") {
    Run r = box.Triage("interview " + kRules + " --lang de", "1\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("has texts in these languages only: nl, en") != std::string::npos);
  }
  SECTION("--record hands the decision to the register") {
    std::string reg = (box.dir() / "register.db").string();
    Run r = box.Triage("interview " + kRules +
                       " --case examples/cases/01-bedreiging.yaml --record --officer tester "
                       "--register " +
                       reg);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("recorded the decision in") != std::string::npos);
    Run shown = box.Triage("log show 2026-0142 --register " + reg);
    INFO(shown.out << shown.err);
    CHECK(shown.status == 0);
    CHECK(shown.out.find("om") != std::string::npos);
    CHECK(box.Triage("interview " + kRules + " --register " + reg, "1\n").status == 2);
    // Without a case id the decision could not be found again.
    r = box.Triage("interview " + kRules + " --record --register " + reg, "1\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("--record needs the case's id") != std::string::npos);
    r = box.Triage("interview " + kRules + " --record --officer t --case-id Z-9 --register " + reg,
                   "1\n");
    CHECK(r.status == 0);
    CHECK(box.Triage("log show Z-9 --register " + reg).status == 0);
  }
  SECTION("--case - is refused: the answers come from standard input") {
    Run r = box.Triage("interview " + kRules + " --case -", "explicit_threat: true\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("--case takes a file") != std::string::npos);
  }
}

TEST_CASE("cli: interview: every shipped example case, by interview alone, routes as route does") {
  Sandbox box;
  CompiledRules rules = Compile(ReadSourceFile(kRules));
  REQUIRE(rules.graph);
  int routed = 0;
  for (const char* file : {"01-bedreiging.yaml", "02-aansprakelijkstelling.yaml",
                           "03-woo-stroom.json", "04-bezwaar-ambtenaar.json", "05-onbekend.yaml"}) {
    INFO(file);
    std::string path = std::string("examples/cases/") + file;
    Case known;
    std::vector<CaseProblem> problems;
    ReadCases(ReadSourceFile(path), FormatFromPath(path),
              [&](RawCase raw) { known = ValidateCase(*rules.rules, raw, {}, problems); });
    REQUIRE(problems.empty());
    Run routed_by_route = box.Triage("route " + kRules + " " + path + " --format jsonl");
    std::string expected = routed_by_route.out.substr(routed_by_route.out.find("\"status\""));
    expected = expected.substr(0, expected.find(", \"rule\""));
    Run r = box.Triage("interview " + kRules + " --json", AnswersFor(rules, known));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find(expected) != std::string::npos);
    ++routed;
  }
  CHECK(routed == 5);
}
