#include "triage/rule_tests.h"

#include <algorithm>

#include <fmt/format.h>

#include "cases/yaml_case.h"
#include "load/strict_yaml.h"
#include "load/yaml_fields.h"
#include "triage/evaluate.h"

namespace triage {
namespace {

void ReadExpect(const yaml::Node& n, RuleTest& t, yaml::Fields& fields) {
  Diagnostics& diags = fields.diags();
  if (n.IsScalar()) {
    t.route = n.value;
    return;
  }
  if (!n.IsMap()) {
    diags.Error(n.pos, "E012", "'expect' must be a route or a map");
    return;
  }
  fields.CheckKeys(n, {"status", "route", "rule", "routes"});
  std::optional<std::string> status = fields.ScalarText(n.Find("status"), "status");
  if (status) {
    t.status = ValueNamed<RecordStatus>(*status);
    if (!t.status) {
      diags.Error(n.Find("status")->pos, "E013",
                  fmt::format("unknown status '{}'; use {}", *status, NameChoices<RecordStatus>()));
    }
  }
  t.route = fields.ScalarText(n.Find("route"), "route");
  t.rule = fields.ScalarText(n.Find("rule"), "rule");
  if (const yaml::Node* routes = n.Find("routes")) {
    if (!routes->IsSeq()) {
      diags.Error(routes->pos, "E012", "'routes' must be a list");
    } else {
      t.routes.emplace();
      for (const yaml::Node& r : routes->items) {
        if (auto v = fields.ScalarText(&r, "routes")) t.routes->push_back(*v);
      }
    }
  }
  if (!status && !t.route && !t.rule && !t.routes) {
    diags.Error(n.pos, "E011", "'expect' says nothing to check");
  }
}

std::string Expected(const RuleTest& t) {
  std::vector<std::string> parts;
  if (t.status) parts.emplace_back(NameOf(*t.status));
  if (t.route) parts.push_back("route " + *t.route);
  if (t.rule) parts.push_back("rule " + *t.rule);
  if (t.routes) {
    std::string list;
    for (const std::string& r : *t.routes) list += (list.empty() ? "" : ", ") + r;
    parts.push_back("routes [" + list + "]");
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

bool Passes(const RuleSet& rs, const RuleTest& t, const Record& r) {
  std::optional<RecordStatus> want_status = t.status;
  if (!want_status && (t.route || t.rule)) want_status = RecordStatus::kDecided;
  if (want_status && *want_status != StatusOf(r)) return false;
  if (r.invalid()) return !t.route && !t.rule && !t.routes;
  const Decision& d = r.decision;
  if (t.route) {
    if (d.status != Decision::Status::kDecided) return false;
    if (rs.routes[static_cast<size_t>(d.routes[0])].name != *t.route) return false;
  }
  if (t.rule) {
    std::string actual =
        d.rule >= 0 ? rs.rules[static_cast<size_t>(d.rule)].id : (d.by_default ? "default" : "");
    if (actual != *t.rule) return false;
  }
  if (t.routes) {
    std::vector<std::string> actual;
    for (int route : d.routes) actual.push_back(rs.routes[static_cast<size_t>(route)].name);
    std::vector<std::string> want = *t.routes;
    std::sort(actual.begin(), actual.end());
    std::sort(want.begin(), want.end());
    if (actual != want) return false;
  }
  return true;
}

}  // namespace

namespace {

// One item of `cases:` (the `index`-th); nullopt when it cannot be run.
std::optional<RuleTest> ReadTest(const yaml::Node& item, int index, yaml::Fields& fields) {
  Diagnostics& diags = fields.diags();
  if (!item.IsMap()) {
    diags.Error(item.pos, "E012", "a test is a map with 'name', 'facts' and 'expect'");
    return std::nullopt;
  }
  fields.CheckKeys(item, {"name", "facts", "expect"});
  RuleTest t;
  t.pos = item.pos;
  t.name = fields.ScalarText(item.Find("name"), "name").value_or(fmt::format("test {}", index));
  const yaml::Node* facts = item.Find("facts");
  if (!facts || !(facts->IsMap() || facts->IsNull())) {
    diags.Error(facts ? facts->pos : item.pos, "E011",
                "a test needs 'facts', a map of fact values");
    return std::nullopt;
  }
  yaml::Node map = *facts;
  if (map.IsNull()) map.kind = yaml::Node::Kind::kMap;
  t.facts = CaseFromYamlNode(map, index);
  const yaml::Node* expect = item.Find("expect");
  if (!expect) {
    diags.Error(item.pos, "E011", "a test needs 'expect'");
    return std::nullopt;
  }
  t.expect_pos = expect->pos;
  ReadExpect(*expect, t, fields);
  return t;
}

}  // namespace

std::optional<TestFile> LoadTestFile(std::string_view bytes, Diagnostics& diags) {
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(bytes, diags);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    diags.Error(root->pos, "E012", "a test file is a map with 'rules' and 'cases'");
    return std::nullopt;
  }
  yaml::Fields fields(diags);
  TestFile file;
  fields.CheckKeys(*root, {"rules", "cases"});
  if (auto rules = fields.ScalarText(root->Find("rules"), "rules")) {
    file.rules = *rules;
  } else {
    diags.Error(root->pos, "E011", "test file has no 'rules'");
  }
  const yaml::Node* cases = root->Find("cases");
  if (!cases || !cases->IsSeq()) {
    diags.Error(cases ? cases->pos : root->pos, "E011", "test file needs 'cases', a list of tests");
    return file;
  }
  int index = 0;
  for (const yaml::Node& item : cases->items) {
    if (std::optional<RuleTest> t = ReadTest(item, ++index, fields)) {
      file.tests.push_back(std::move(*t));
    }
  }
  return file;
}

void CheckTestFile(const RuleSet& rs, const TestFile& file, Diagnostics& diags) {
  std::vector<std::string> routes = rs.RouteNames();
  std::vector<std::string> rules = {"default"};
  for (const Rule& r : rs.rules) rules.push_back(r.id);
  auto check = [&](const std::string& name, const std::vector<std::string>& known, const char* what,
                   const char* code, SourcePos pos) {
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    diags.Error(pos, code,
                fmt::format("unknown {} '{}'{}", what, name, DidYouMeanSuffix(name, known)));
  };
  for (const RuleTest& t : file.tests) {
    if (t.route) check(*t.route, routes, "route", "E024", t.expect_pos);
    if (t.rule) check(*t.rule, rules, "rule", "E021", t.expect_pos);
    if (t.routes) {
      for (const std::string& r : *t.routes) check(r, routes, "route", "E024", t.expect_pos);
    }
  }
}

void CheckTestCases(const RuleSet& rs, const TestFile& file, Diagnostics& diags) {
  for (const RuleTest& t : file.tests) {
    if (t.status == RecordStatus::kInvalid) continue;
    std::vector<CaseProblem> problems;
    ValidateCase(rs, t.facts, {}, problems);
    for (const CaseProblem& p : problems) {
      diags.Error(t.pos, "E028",
                  fmt::format("test '{}' is not a valid case: {}", t.name, CaseProblemText(p)));
    }
  }
}

std::vector<TestResult> RunRuleTests(const RuleSet& rs, const DecisionGraph& graph,
                                     const TestFile& file) {
  TRIAGE_ASSERT(&graph.rules() == &rs, "the graph is of this rule set");
  std::vector<TestResult> results;
  for (const RuleTest& t : file.tests) {
    TestResult result;
    result.test = &t;
    result.expected = Expected(t);
    Record& r = result.record;
    r.index = t.facts.index;
    r.line = t.pos.line;
    r.values = ValidateCase(rs, t.facts, {}, r.problems);
    r.case_id = t.name;
    if (!r.invalid()) {
      r.decision = Evaluate(graph, r.values);
    }
    result.passed = Passes(rs, t, r);
    results.push_back(std::move(result));
  }
  return results;
}

Coverage MeasureCoverage(const RuleSet& rs, const DecisionGraph& graph,
                         const std::vector<TestResult>& results) {
  std::vector<bool> rule_seen(rs.rules.size(), false);
  std::vector<bool> leaf_seen(graph.leaves().size(), false);
  for (const TestResult& r : results) {
    if (r.record.invalid()) continue;
    const Decision& d = r.record.decision;
    if (d.status == Decision::Status::kDecided) {
      if (d.rule >= 0) rule_seen[static_cast<size_t>(d.rule)] = true;
      for (int rule : d.rules) rule_seen[static_cast<size_t>(rule)] = true;
    }
    if (d.leaf >= 0) leaf_seen[static_cast<size_t>(d.leaf)] = true;
  }
  Coverage c;
  size_t seen = 0;
  for (size_t i = 0; i < rule_seen.size(); ++i) {
    if (rule_seen[i]) {
      ++seen;
    } else {
      c.rules_missed.push_back(static_cast<int>(i));
    }
  }
  for (size_t l = 0; l < leaf_seen.size(); ++l) {
    if (!leaf_seen[l]) c.leaves_missed.push_back(static_cast<int>(l));
  }
  c.percent = rs.rules.empty()
                  ? 100.0
                  : 100.0 * static_cast<double>(seen) / static_cast<double>(rs.rules.size());
  return c;
}

}  // namespace triage
