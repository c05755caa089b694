// FormatYamlFile (triage fmt): on every YAML file of the repository and on
// generated rule sets, the layout reads as the same YAML (the same tree,
// keys in any order), keeps every comment, and laid out again does not
// change; and a messy file comes out as the golden layout says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>

#include "load/comments.h"
#include "load/strict_yaml.h"
#include "support/generate.h"
#include "support/support.h"
#include "triage/load.h"

namespace {

namespace fs = std::filesystem;
using triage::yaml::Node;

// The tree as text, the keys of each map sorted, plain-ness kept where it
// can mean something.
std::string Canonical(const Node& n) {
  switch (n.kind) {
    case Node::Kind::kNull:
      return "~";
    case Node::Kind::kScalar: {
      // Plain or quoted matters only where a plain value is read as
      // something other than a text (true is a boolean, "true" a text; so
      // for numbers, null and YAML 1.1's yes/no): elsewhere it is a text
      // either way (a value of several lines, with a control character,
      // starting with ---).
      static const std::vector<std::string> kWords = {"true", "false", "null", "~", "yes",
                                                      "no",   "on",    "off",  "y", "n"};
      std::string lower;
      for (char c : n.value)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool word = std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
      bool number = !n.value.empty() &&
                    (std::isdigit(static_cast<unsigned char>(n.value[0])) || n.value[0] == '-' ||
                     n.value[0] == '+' || n.value[0] == '.') &&
                    n.value.find_first_of(" \n") == std::string::npos && !n.value.starts_with("--");
      return (n.plain && (word || number) ? "p:" : "q:") + n.value;
    }
    case Node::Kind::kSeq: {
      std::string out = "[";
      for (const Node& item : n.items) out += Canonical(item) + ",";
      return out + "]";
    }
    case Node::Kind::kMap: {
      std::vector<std::string> entries;
      for (const triage::yaml::Entry& e : n.entries) {
        entries.push_back(e.key.value + "=" + Canonical(e.value));
      }
      std::sort(entries.begin(), entries.end());
      std::string out = "{";
      for (const std::string& e : entries) out += e + ",";
      return out + "}";
    }
  }
  return "";
}

std::vector<std::string> CommentTexts(const std::string& text) {
  std::vector<std::string> out;
  for (const triage::yaml::Comment& c : triage::yaml::FindComments(text)) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// `may_refuse`: fmt may say the file cannot be laid out so that it reads
// back (what the fuzzers made: a key full of control characters); never
// for a file people wrote.
void CheckLayout(const std::string& name, const std::string& text, bool may_refuse = false) {
  INFO(name << "\n" << text);
  triage::Diagnostics diags;
  std::optional<Node> before = triage::yaml::ParseStrictYaml(text, diags);
  if (!before || diags.HasErrors()) return;  // not a file fmt takes
  std::optional<std::string> once = triage::FormatYamlFile(text, diags);
  if (!once && may_refuse) {
    REQUIRE(diags.HasErrors());
    CHECK(diags.items().back().message.starts_with("this file cannot be laid out"));
    return;
  }
  REQUIRE(once);
  INFO("laid out:\n" << *once);
  std::optional<Node> after = triage::yaml::ParseStrictYaml(*once, diags);
  REQUIRE(after);
  CHECK_FALSE(diags.HasErrors());
  CHECK(Canonical(*after) == Canonical(*before));
  CHECK(CommentTexts(*once) == CommentTexts(text));
  std::optional<std::string> twice = triage::FormatYamlFile(*once, diags);
  REQUIRE(twice);
  CHECK(*twice == *once);
}

}  // namespace

TEST_CASE("fmt: every YAML file of the repository keeps its meaning and comments, and is stable") {
  int files = 0;
  // tests/fuzz/regressions: what the fuzzers found (scripts/fuzz.sh).
  for (const char* folder : {"rules", "examples", "tests/golden/diagnostics", "tests/schema",
                             "tests/fuzz/regressions"}) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(TRIAGE_SOURCE_DIR) / folder)) {
      bool regression = entry.path().filename().string().starts_with("rule_file-");
      if (entry.path().extension() != ".yaml" && !regression) continue;
      CheckLayout(entry.path().string(), triage::testing::Slurp(entry.path()), regression);
      ++files;
    }
  }
  CHECK(files > 40);
}

TEST_CASE("fmt: generated rule sets keep their meaning, and are stable") {
  std::mt19937_64 rng(11);
  triage::testing::GenerateOptions options;
  for (int n = 0; n < 200; ++n) {
    CheckLayout("generated " + std::to_string(n), triage::testing::GenerateRuleSet(rng, options));
  }
}

TEST_CASE("fmt: a messy rule file comes out in the canonical layout, comments in their places") {
  std::string messy = R"(# Kop van het bestand.
version: "1"
rules:
- route: om   # waarheen
  when: explicit_threat
  id: om-bedreiging
  reason: {en: A threat., nl: "Let op: een bedreiging."}
# De routes.
routes: {om: {label: OM}, gesprek: {}}
ruleset: voorbeeld
facts:
    explicit_threat: {type: bool, label: Bedreiging}
    role: {values: [burgemeester, wethouder, raadslid, ambtenaar, griffier, secretaris, medewerker], type: enum}
default: gesprek
# Einde.
)";
  std::string expected = R"(# Kop van het bestand.
ruleset: voorbeeld
version: "1"

facts:
  explicit_threat:
    type: bool
    label: Bedreiging
  role:
    type: enum
    values: [burgemeester, wethouder, raadslid, ambtenaar, griffier, secretaris, medewerker]

# De routes.
routes:
  om: {label: OM}
  gesprek: {}

rules:
  - id: om-bedreiging
    when: explicit_threat
    route: om  # waarheen
    reason: {en: A threat., nl: "Let op: een bedreiging."}

default: gesprek
# Einde.
)";
  triage::Diagnostics diags;
  std::optional<std::string> laid_out = triage::FormatYamlFile(messy, diags);
  REQUIRE(laid_out);
  CHECK(*laid_out == expected);
}

TEST_CASE("fmt: a comment next to a missing or single value is kept, once, and stays put") {
  const std::string head = "ruleset: t\nversion: \"1\"\nfacts: {a: {type: bool}}\n";
  struct Row {
    std::string text;
    std::string comment;
  };
  const std::vector<Row> rows = {
      // After a key with nothing after it, at the end (with and without a line end).
      {head + "rules:\n  # c", "# c"},
      {head + "rules:\n  # c\n", "# c"},
      // Before a key, after a missing value (the parser marks it at that key).
      {head + "routes:\n# c\ndefault: x\n", "# c"},
      {head + "routes:  # c\ndefault: x\n", "# c"},
      // Before a value on the line below its key.
      {head + "default:\n  # c\n  x\n", "# c"},
      // Before the first key of a list item's map, in flow and in block.
      {head + "rules:\n  - {\n    # c\n    id: r1, when: a, route: x}\n", "# c"},
      {head + "rules:\n  -\n    # c\n    id: r1\n    when: a\n", "# c"},
      // Before a file's first key, a section laid out first.
      {"routes: {x: {}}\n# c\ndefault: x\n", "# c"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CheckLayout("table", row.text);
    triage::Diagnostics diags;
    std::optional<std::string> once = triage::FormatYamlFile(row.text, diags);
    REQUIRE(once);
    CHECK(CommentTexts(*once) == std::vector<std::string>{row.comment});
  }
}

TEST_CASE("fmt: comments are found outside quotes and block texts only") {
  std::string text =
      "a: 'x # niet'  # wel 1\n"
      "b: \"y # niet\"\n"
      "c: z#niet\n"
      "d: |\n"
      "  # niet, tekst\n"
      "e: \"municipality == 'Den # Haag'\"\n"
      "  # wel 2\n";
  std::vector<triage::yaml::Comment> found = triage::yaml::FindComments(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "# wel 1");
  CHECK_FALSE(found[0].own_line);
  CHECK(found[1].text == "# wel 2");
  CHECK(found[1].own_line);
}
