// The rule set and helpers the case reader's and validator's tests share.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/support.h"

namespace triage::testing {

inline const char* kRules = R"(ruleset: t
version: "1"
facts:
  flag: {type: bool}
  count: {type: int, min: 0, max: 10}
  ratio: {type: number, min: 0}
  role: {type: enum, values: [burgemeester, wethouder]}
  town: {type: string}
  seen: {type: date, min: 2020-01-01}
  name: {type: string, personal: true}
  kind: {type: enum, values: [p, q], personal: true}
routes: {x: {}}
rules:
  - {id: r, when: flag, route: x}
default: x
)";

struct Read {
  std::vector<RawCase> cases;
};

inline Read ReadAll(const std::string& text, InputFormat format = InputFormat::kAuto) {
  Read r;
  ReadCases(text, format, [&](RawCase c) { r.cases.push_back(std::move(c)); });
  return r;
}

// The problems of a one-case input, as "fact: message" lines.
inline std::vector<std::string> Problems(const std::string& text) {
  static const CompiledRules c = Compile(kRules);
  Read r = ReadAll(text);
  REQUIRE(r.cases.size() == 1);
  std::vector<CaseProblem> problems;
  ValidateCase(*c.rules, r.cases[0], {}, problems);
  std::vector<std::string> out;
  for (const CaseProblem& p : problems) out.push_back(p.fact + ": " + p.message);
  return out;
}

}  // namespace triage::testing
