// The limits of limits.h as the rule loader meets them: each a diagnostic
// (E031) at its position, never a crash, a hang or megabytes echoed.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/support.h"
#include "triage/limits.h"

using namespace triage;

namespace {

std::string RuleFile(const std::string& facts, const std::string& rules) {
  return "ruleset: t\nversion: \"1\"\nfacts:\n" + facts + "routes: {x: {}}\nrules:\n" + rules +
         "default: x\n";
}

const std::string kFact = "  a: {type: bool}\n";
const std::string kRule = "  - {id: r, when: a, route: x}\n";

}  // namespace

TEST_CASE("limits: a rule file over a limit gets E031 at its position") {
  struct Row {
    std::string name, yaml, diagnostic;
  };
  std::string many_facts, many_rules;
  for (std::size_t i = 0; i <= kMaxFacts; ++i)
    many_facts += fmt::format("  f{}: {{type: bool}}\n", i);
  for (std::size_t i = 0; i <= kMaxRules; ++i) {
    many_rules += fmt::format("  - {{id: r{}, when: a, route: x}}\n", i);
  }
  const std::vector<Row> rows = {
      {"a label",
       RuleFile("  a: {type: bool, label: \"" + std::string(kMaxTextBytes + 1, 'x') + "\"}\n",
                kRule),
       "t.yaml:4:26: error: a text of 65537 bytes; the most a text may be is 64 KiB [E031]"},
      {"a key",
       RuleFile("  ? \"" + std::string(kMaxKeyBytes + 1, 'k') + "\"\n  : {type: bool}\n" + kFact,
                kRule),
       "t.yaml:4:5: error: a key of 1025 bytes ('kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk... (985 "
       "bytes more)'); the most a key may be is 1 KiB [E031]"},
      {"an expression",
       RuleFile(kFact, "  - {id: r, route: x, when: \"a" + std::string(kMaxExpressionBytes, ' ') +
                           "\"}\n"),
       "t.yaml:7:30: error: an expression of 16385 bytes; the most an expression may be is 16 "
       "KiB [E031]"},
      {"facts", RuleFile(many_facts, kRule),
       "t.yaml:4:3: error: 10001 facts; the most a rule set may have is 10000 [E031]"},
      {"rules", RuleFile(kFact, many_rules),
       "t.yaml:7:3: error: 100001 rules; the most a rule set may have is 100000 [E031]"},
      {"a line",
       RuleFile("  a: {type: bool, label: " + std::string(kMaxYamlLineBytes, 'x') + "}\n", kRule),
       "t.yaml:4:1: error: line 4 is longer than 1 MiB, the most a line may be [E031]"},
      {"the file", "# " + std::string(kMaxRuleFileBytes, '-') + "\n" + RuleFile(kFact, kRule),
       "bytes; the most a rule file may be is 16 MiB [E031]"},
      {"nesting",
       RuleFile(kFact, kRule) + "guarantees: " + std::string(70, '[') + std::string(70, ']') + "\n",
       "nesting deeper than 64 levels [E030]"},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    std::string text = testing::DiagnosticsText(row.yaml);
    INFO(text.substr(0, 2000));
    CHECK(text.find(row.diagnostic) != std::string::npos);
    // What is echoed of the line is cut: a few hundred bytes a diagnostic.
    CHECK(text.size() < 3000);
  }
}

TEST_CASE("limits: a diagnostic echoes a window of a long line, printable, with the caret under") {
  std::string yaml = RuleFile(
      kFact, "  - {id: r, route: x, when: \"" + std::string(500, 'a') + " \x1b[2J and\"}\n");
  std::string text = testing::DiagnosticsText(yaml);
  INFO(text);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\x1b[2J") != std::string::npos);
  CHECK(text.find("...") != std::string::npos);
  for (std::size_t from = 0, to; (to = text.find('\n', from)) != std::string::npos; from = to + 1) {
    CHECK(to - from < kMaxEchoBytes + 20);
  }
}
