// The limits of limits.h as a user meets them through `triage`: each a
// clear message with the file and the position, the other cases still
// routed; and case ids given twice.
#include <algorithm>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "support/backends.h"
#include "triage/limits.h"

using namespace triage::testing;

namespace {

const std::string kRules = "rules/lokale-driehoek.yaml";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("cli: limits: a rule file over 16 MiB, or endless, is refused early") {
  Sandbox box;
  fs::path big = box.Write("big.yaml", "# " + std::string(triage::kMaxRuleFileBytes, '-') + "\n");
  for (const std::string& rules : {big.string(), std::string("/dev/zero")}) {
    Run r = box.Triage("check " + rules);
    INFO(rules << "\n" << r.err);
    CHECK(r.status == 2);
    CHECK(Has(r.err, "cannot read '" + rules + "': it is larger than 16 MiB"));
    CHECK(r.err.size() < 300);
  }
}

TEST_CASE("cli: limits: a case line over 1 MiB is that case's error; the others are routed") {
  Sandbox box;
  std::string jsonl = "{\"case_id\": \"a\", \"explicit_threat\": true}\n{\"case_id\": \"" +
                      std::string(triage::kMaxCaseLineBytes, 'x') +
                      "\"}\n{\"case_id\": \"c\", \"explicit_threat\": true}\n";
  std::string csv = "case_id,explicit_threat\na,true\nb," +
                    std::string(triage::kMaxCaseLineBytes, 'x') + "\nc,true\n";
  for (const auto& [name, text] : {std::pair{"c.jsonl", jsonl}, std::pair{"c.csv", csv}}) {
    fs::path in = box.Write(name, text);
    Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
    INFO(name);
    CHECK(r.status == 1);
    CHECK(Lines(r.out) == 3);
    std::string line = std::string(name) == "c.csv" ? "3" : "2";
    CHECK(Has(r.out, "longer than 1 MiB, the most a case may be\", \"line\": " + line));
    CHECK(r.out.size() < 5000);  // nothing of the long line is echoed
  }
}

TEST_CASE("cli: limits: a case file without line ends, or too large to read whole, is refused") {
  Sandbox box;
  Run zero = box.Triage("route " + kRules + " /dev/zero --input-format jsonl --format jsonl");
  CHECK(zero.status == 2);
  CHECK(Has(zero.err,
            "cannot read '/dev/zero': line 1 runs on for more than 256 MiB without a line end"));
  Run csv = box.Triage("route " + kRules + " /dev/zero --input-format csv --format jsonl");
  CHECK(csv.status == 2);
  Run json = box.Triage("route " + kRules + " /dev/zero --input-format json --format jsonl");
  CHECK(json.status == 2);
  CHECK(Has(json.err, "the file is larger than 256 MiB, the most a JSON or YAML case file may be"));
}

TEST_CASE("cli: limits: a key or a text too long in a case: that case's error, not echoed") {
  Sandbox box;
  std::string key(triage::kMaxKeyBytes + 1, 'k'), text(triage::kMaxTextBytes + 1, 't');
  fs::path in = box.Write("c.jsonl", "{\"case_id\": \"a\", \"" + key + "\": true}\n" +
                                         "{\"case_id\": \"b\", \"initiator_name\": \"" + text +
                                         "\"}\n{\"case_id\": \"" + text + "\"}\n");
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == 3);
  CHECK(Has(r.out, "a key of 1025 bytes ('kkkk"));
  CHECK(Has(r.out, "the most a key may be is 1 KiB"));
  CHECK(Has(r.out, "the value is 65537 bytes long; the most a text may be is 64 KiB"));
  CHECK(r.out.size() < 5000);
}

TEST_CASE("cli: limits: a YAML case key over 1,024 characters: the file refused, none lost") {
  Sandbox box;
  // yaml-cpp read the cases after such a key into it, and they were lost
  // without a word: now the file is one invalid record that says why.
  std::string key(2000, 'k');
  fs::path in = box.Write("c.yaml", "- {case_id: a, explicit_threat: true}\n- {case_id: b, " + key +
                                        ": true}\n- {case_id: c, explicit_threat: true}\n");
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(r.status == 1);
  CHECK(Lines(r.out) == 1);
  CHECK(Has(r.out, "a key of 2000 bytes ('kkkk"));
  CHECK(Has(r.out, "so the file is not read"));
  CHECK(Has(r.out, "\"line\": 2"));
  CHECK(r.out.size() < 5000);
}

TEST_CASE("cli: limits: a case id given twice: a warning, or with --unique-ids an error") {
  Sandbox box;
  fs::path in = box.Write("c.jsonl",
                          "{\"case_id\": \"a\", \"explicit_threat\": true}\n"
                          "{\"case_id\": \"b\", \"explicit_threat\": true}\n"
                          "{\"case_id\": \"a\", \"explicit_threat\": false}\n");
  Run warned = box.Triage("route " + kRules + " " + in.string() + " --format jsonl");
  CHECK(warned.status == 0);
  CHECK(Lines(warned.out) == 3);
  CHECK(Has(warned.err, in.string() + ":3: warning: case id 'a' is given again (first at " +
                            in.string() + ":1)"));
  Run refused = box.Triage("route " + kRules + " " + in.string() + " --format jsonl --unique-ids");
  CHECK(refused.status == 1);
  CHECK(Lines(refused.out) == 3);
  CHECK(Has(refused.err, in.string() + ":3: error: case id 'a' is given again"));
  CHECK(Has(refused.out, "{\"case_id\": \"a\", \"status\": \"invalid\""));
  CHECK(Has(refused.out, "\"message\": \"case id 'a' is given again (first at " + in.string() +
                             ":1)\", \"line\": 3}"));
  // Across inputs too, and in a JSON document (by case number).
  fs::path json = box.Write("d.json", "[{\"case_id\": \"b\"}]");
  Run across = box.Triage("route " + kRules + " " + in.string() + " " + json.string());
  CHECK(Has(across.err, json.string() + ", case 1: warning: case id 'b' is given again (first at " +
                            in.string() + ":2)"));
}

TEST_CASE("cli: limits: past a million case ids, later ids are not checked, with a warning") {
  Sandbox box;
  std::string jsonl;
  for (std::size_t i = 0; i <= triage::kMaxCheckedIds; ++i) {
    jsonl += "{\"case_id\": \"" + std::to_string(i) + "\", \"explicit_threat\": true}\n";
  }
  jsonl += "{\"case_id\": \"0\"}\n";  // a kept id is still found again
  fs::path in = box.Write("many.jsonl", jsonl);
  Run r = box.Triage("route " + kRules + " " + in.string() + " --format csv -o " +
                     (box.dir() / "out.csv").string());
  INFO(r.err);
  CHECK(Has(r.err, "warning: more than 1000000 case ids: the ids of later cases are not checked"));
  CHECK(Has(r.err, in.string() + ":1000002: warning: case id '0' is given again (first at " +
                       in.string() + ":1)"));
}
