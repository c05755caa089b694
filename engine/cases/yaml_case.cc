// Reading YAML case files: a case from a YAML map, and a list of cases a
// case at a time. yaml-cpp stays behind the strict reader (load/strict_yaml.h).
#include "cases/yaml_case.h"

#include "cases/said.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace triage {
namespace {

// [-+]?[0-9]+
bool IsYamlInt(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?
bool IsYamlFloat(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t i = 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exponent = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == exponent) return false;
  }
  return i == s.size();
}

RawValue FromYaml(const yaml::Node& n) {
  RawValue v;
  switch (n.kind) {
    case yaml::Node::Kind::kNull:
      v.kind = RawValue::Kind::kNull;
      return v;
    case yaml::Node::Kind::kMap:
      v.kind = RawValue::Kind::kOther;
      v.s = "a map";
      return v;
    case yaml::Node::Kind::kSeq:
      v.kind = RawValue::Kind::kOther;
      v.s = "a list";
      return v;
    case yaml::Node::Kind::kScalar:
      break;
  }
  const std::string& s = n.value;
  if (n.plain) {
    if (s == "true" || s == "false") {
      v.kind = RawValue::Kind::kBool;
      v.b = s == "true";
      return v;
    }
    if (yaml::Yaml11Bool(s)) {
      // Left to the fact's type: a boolean for a bool fact, else ambiguous.
      v.kind = RawValue::Kind::kString;
      v.s = s;
      v.yaml11_bool = true;
      return v;
    }
    if (IsYamlInt(s)) {
      v.s = s;  // as written, for case_id (a leading zero matters there)
      try {
        v.i = std::stoll(s);
        v.kind = RawValue::Kind::kInt;
      } catch (const std::out_of_range&) {
        v.kind = RawValue::Kind::kNumber;
        v.d = std::strtod(s.c_str(), nullptr);
        v.out_of_range = true;
      }
      return v;
    }
    if (IsYamlFloat(s)) {
      // strtod, not stod: a number too small or too large for a double is
      // 0 or infinite (which validation refuses), never an exception.
      v.kind = RawValue::Kind::kNumber;
      v.d = std::strtod(s.c_str(), nullptr);
      return v;
    }
    if (s == ".nan" || s == ".NaN" || s == ".inf" || s == "-.inf" || s == "+.inf" || s == ".Inf" ||
        s == "-.Inf") {
      v.kind = RawValue::Kind::kNumber;
      v.d = s.find("nan") != std::string::npos || s.find("NaN") != std::string::npos
                ? std::nan("")
                : (s[0] == '-' ? -INFINITY : INFINITY);
      return v;
    }
  }
  v.kind = RawValue::Kind::kString;
  v.s = s;
  return v;
}

}  // namespace

RawCase CaseFromYamlNode(const yaml::Node& n, int index) {
  RawCase c;
  c.index = index;
  c.line = n.pos.line;
  if (!n.IsMap()) {
    c.error = fmt::format("a case must be a map of facts, not {}", n.KindName());
    c.error_nl = fmt::format("een zaak moet een map met feiten zijn, niet {}",
                             said::KindName(n.KindName()).nl);
    return c;
  }
  for (const yaml::Entry& e : n.entries) {
    c.fields.emplace_back(e.key.value, FromYaml(e.value));
  }
  return c;
}

namespace {

// The last line a node (and what it holds) is on. Depth is bounded by the
// strict reader's nesting limit.
int LastLine(const yaml::Node& n) {
  int last = n.pos.line;
  for (const yaml::Entry& e : n.entries) last = std::max({last, e.key.pos.line, LastLine(e.value)});
  for (const yaml::Node& item : n.items) last = std::max(last, LastLine(item));
  return last;
}

// Gives each case of a YAML list its problems: those the reader found
// while it read the case (before handing it over, whatever their line: a
// duplicate key on a case's last line is dropped from the tree, so lines
// alone would give it to the next case), and a tab on its lines, which the
// byte check found before reading began.
class YamlProblems {
 public:
  explicit YamlProblems(const Diagnostics& diags) : diags_(diags) {}

  // The first error not given yet of those found so far (a tab: up to
  // `last_line`, or anywhere when it is 0), as a case's error (empty when
  // none); every problem taken is given.
  said::Said Take(int last_line, int& line) {
    said::Said error;
    used_.resize(diags_.items().size(), 0);
    for (std::size_t i = low_; i < used_.size(); ++i) {
      const Diagnostic& d = diags_.items()[i];
      bool tab = d.code == "E003";
      if (used_[i] || (tab && last_line > 0 && d.pos.line > last_line)) continue;
      used_[i] = 1;
      if (!error.en.empty() || d.severity != Severity::kError) continue;
      line = d.pos.line;
      error = {fmt::format("not valid YAML: {} (column {})", d.message, d.pos.column),
               fmt::format("geen geldige YAML: {} (kolom {})", d.message, d.pos.column)};
    }
    while (low_ < used_.size() && used_[low_]) ++low_;
    return error;
  }

 private:
  const Diagnostics& diags_;
  std::vector<char> used_;  // per diagnostic: given to a case
  std::size_t low_ = 0;     // those before it are all given
};

// A list of cases is read a case at a time (the tree never holds more than
// one), each with the problems on its lines; a problem after every case
// (the YAML syntax breaks off, say) is one more invalid case.
}  // namespace

void ReadYamlCases(std::string_view text, const std::function<void(RawCase)>& sink) {
  Diagnostics diags;
  yaml::StrictOptions strict;
  strict.yaml11_booleans = true;
  strict.limit_sizes = false;
  strict.show_values = false;
  YamlProblems problems(diags);
  int index = 0;
  strict.item = [&](yaml::Node item) {
    RawCase c = CaseFromYamlNode(item, ++index);
    int line = c.line;
    if (said::Said error = problems.Take(LastLine(item), line); !error.en.empty()) {
      c = RawCase();
      c.index = index;
      c.line = line;
      c.error = std::move(error.en);
      c.error_nl = std::move(error.nl);
    }
    sink(std::move(c));
  };
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(text, diags, strict);
  // A file of nothing but comments holds no cases, as an empty one does
  // (a tab in a comment harms no case).
  auto no_document = [](const Diagnostic& d) {
    return d.code == "E001" && d.message == "the file holds no YAML document";
  };
  const std::vector<Diagnostic>& found = diags.items();
  if (!root && std::any_of(found.begin(), found.end(), no_document) &&
      std::all_of(found.begin(), found.end(),
                  [&](const Diagnostic& d) { return no_document(d) || d.code == "E003"; })) {
    return;
  }
  RawCase rest;
  rest.index = index + 1;
  said::Said error = problems.Take(0, rest.line);
  rest.error = std::move(error.en);
  rest.error_nl = std::move(error.nl);
  if (!rest.error.empty() || !root) {
    if (rest.error.empty()) {
      rest.error = "not valid YAML";
      rest.error_nl = "geen geldige YAML";
    }
    sink(std::move(rest));
    return;
  }
  if (!root->IsSeq()) sink(CaseFromYamlNode(*root, 1));
}

}  // namespace triage
