// The rule set and helpers the case reader's and validator's tests share.
#pragma once

#include <map>
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

// A rule set whose texts are Dutch and English, for the words case files
// may use: ja/nee and yes/no for booleans.
inline const char* kBilingualRules = R"(ruleset: t
version: "1"
title: {nl: Proef, en: Trial}
facts:
  flag: {type: bool}
  town: {type: string}
  role: {type: enum, values: [burgemeester, wethouder]}
  seen: {type: date, max: 2030-12-31}
  born: {type: date, personal: true}
  secret: {type: bool, personal: true}
routes: {x: {}}
rules:
  - {id: r, when: flag, route: x}
default: x
)";

// The same facts with Dutch texts only.
inline const char* kDutchRules = R"(ruleset: t
version: "1"
title: {nl: Proef}
facts:
  flag: {type: bool}
  town: {type: string}
  role: {type: enum, values: [burgemeester, wethouder]}
  seen: {type: date, max: 2030-12-31}
  born: {type: date, personal: true}
  secret: {type: bool, personal: true}
routes: {x: {label: {nl: X}}}
rules:
  - {id: r, when: flag, route: x}
default: x
)";

inline const CompiledRules& Compiled(const std::string& rules) {
  static std::map<std::string, CompiledRules> compiled;
  auto it = compiled.find(rules);
  if (it == compiled.end()) it = compiled.emplace(rules, Compile(rules)).first;
  REQUIRE(it->second.rules);
  return it->second;
}

// One case of `text` read as `format` and validated against `rules`: the
// values it gives as "fact=value" and its problems as "fact: message", in
// order; kept values as "kept name=value" (or "=null").
inline std::vector<std::string> Outcome(const std::string& rules, const std::string& text,
                                        InputFormat format, const CaseOptions& options = {}) {
  const RuleSet& rs = *Compiled(rules).rules;
  Read r = ReadAll(text, format);
  REQUIRE(r.cases.size() == 1);
  std::vector<CaseProblem> problems;
  Case c = ValidateCase(rs, r.cases[0], options, problems);
  std::vector<std::string> out;
  for (size_t f = 0; f < rs.facts.size(); ++f) {
    if (c.values[f]) out.push_back(rs.facts[f].name + "=" + ValueText(rs.facts[f], *c.values[f]));
  }
  REQUIRE(c.kept.size() == options.keep.size());
  for (size_t k = 0; k < c.kept.size(); ++k) {
    out.push_back("kept " + options.keep[k] + "=" + c.kept[k].value_or("null"));
  }
  for (const CaseProblem& p : problems) out.push_back(p.fact + ": " + p.message);
  return out;
}

}  // namespace triage::testing
