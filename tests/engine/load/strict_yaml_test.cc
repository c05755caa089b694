// The strict YAML reader: a tree of plain nodes with positions, and every
// construct a rule file must not contain refused at its position.
#include "load/strict_yaml.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace triage;

namespace {

// A tree for reading: plain scalars bare, quoted ones in quotes, maps in
// braces, lists in brackets, null as ~, each with its line:column.
std::string Show(const yaml::Node& n) {
  std::string at = fmt::format("@{}:{}", n.pos.line, n.pos.column);
  switch (n.kind) {
    case yaml::Node::Kind::kNull:
      return "~" + at;
    case yaml::Node::Kind::kScalar:
      return (n.plain ? n.value : "'" + n.value + "'") + at;
    case yaml::Node::Kind::kMap: {
      std::string out = "{";
      for (const yaml::Entry& e : n.entries) {
        out += (out.size() > 1 ? ", " : "") + Show(e.key) + ": " + Show(e.value);
      }
      return out + "}" + at;
    }
    case yaml::Node::Kind::kSeq: {
      std::string out = "[";
      for (const yaml::Node& item : n.items) out += (out.size() > 1 ? ", " : "") + Show(item);
      return out + "]" + at;
    }
  }
  return "?";
}

std::string Codes(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += fmt::format("{}{}@{}:{}", out.empty() ? "" : " ", d.code, d.pos.line, d.pos.column);
  }
  return out;
}

}  // namespace

TEST_CASE("strict YAML: the tree, with the position of every token") {
  struct Case {
    const char* yaml;
    const char* tree;
  };
  const Case cases[] = {
      {"a: 1\n", "{a@1:1: 1@1:4}@1:1"},
      {"a: 'x'\nb: \"y\"\n", "{a@1:1: 'x'@1:4, b@2:1: 'y'@2:4}@1:1"},
      {"a:\n  - 1\n  - [2, 3]\n", "{a@1:1: [1@2:5, [2@3:6, 3@3:9]@3:5]@2:3}@1:1"},
      {"a:\nb: {c: d}\n", "{a@1:1: ~@2:1, b@2:1: {c@2:5: d@2:8}@2:4}@1:1"},
      {"when: >\n  a and\n  b\n", "{when@1:1: 'a and b\n'@1:7}@1:1"},
      {"- true\n- 'no'\n", "[true@1:3, 'no'@2:3]@1:1"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Diagnostics diags;
    std::optional<yaml::Node> root = yaml::ParseStrictYaml(c.yaml, diags);
    REQUIRE(root);
    CHECK(Codes(diags).empty());
    CHECK(Show(*root) == c.tree);
  }
}

TEST_CASE("strict YAML: what a rule file must not contain, refused where it is") {
  struct Case {
    const char* yaml;
    const char* codes;
    bool tree;  // whether a tree still comes back
  };
  const Case cases[] = {
      {"a: 1\na: 2\n", "E004@2:1", true},               // duplicate key
      {"a: &x 1\nb: *x\n", "E005@1:4 E005@2:4", true},  // anchor, alias
      {"a: {<<: {b: 1}}\n", "E006@1:5", true},          // merge key
      {"a: !!str 1\n", "E007@1:4", true},               // tag
      {"a: yes\nb: Off\n", "E009@1:4 E009@2:4", true},  // YAML 1.1 booleans
      {"a: 1\n---\nb: 2\n", "E008@2:1", true},          // a second document
      {"a:\n\t- 1\n", "E003@2:1", false},               // a tab (and the syntax error it causes)
      {"a: \"\xff\"\n", "E002@1:5", false},             // invalid UTF-8
      {"a: [\n", "E001@2:1", false},                    // syntax
      {"", "E001@1:1", false},                          // no document
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    Diagnostics diags;
    std::optional<yaml::Node> root = yaml::ParseStrictYaml(c.yaml, diags);
    CHECK(Codes(diags).rfind(c.codes, 0) == 0);
    CHECK(root.has_value() == c.tree);
  }
}

TEST_CASE("strict YAML: nesting is bounded") {
  std::string deep = std::string(100, '[') + std::string(100, ']');
  Diagnostics diags;
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(deep, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "E030");
  CHECK(diags.items()[0].message == "nesting deeper than 64 levels");
}

TEST_CASE("strict YAML: positions inside a scalar, for expressions") {
  const std::string text = "when: a and  'b c'\n";
  Diagnostics diags;
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(text, diags);
  REQUIRE(root);
  const yaml::Node& when = *root->Find("when");
  std::vector<SourcePos> at = yaml::ScalarPositions(when, text);
  REQUIRE(at.size() == when.value.size());
  // "a" at column 7, the quote of 'b c' at column 14.
  CHECK(at[0].column == 7);
  CHECK(at[when.value.find('\'')].column == 14);
  for (const SourcePos& p : at) CHECK(p.line == 1);
}
