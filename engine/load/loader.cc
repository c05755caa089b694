// This file's external interface is LoadRuleSet and Sha256Hex (load.h).
#include "triage/load.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "load/expr_parser.h"
#include "load/strict_yaml.h"
#include "load/yaml_fields.h"
#include "triage/limits.h"

namespace triage {
namespace {

using yaml::Node;

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0])) && s[0] != '_') {
    return false;
  }
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

bool IsRuleId(std::string_view s) {
  if (s.empty() || !std::isalnum(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool IsRuleSetId(std::string_view s) {
  if (s.empty()) return false;
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(s[0])) return false;
  for (char c : s) {
    if (!ok_first(c) && c != '-') return false;
  }
  return true;
}

bool IsLanguageCode(std::string_view lang) {
  bool ok = lang.size() >= 2 && lang.size() <= 8;
  for (char c : lang) ok = ok && (std::islower(static_cast<unsigned char>(c)) || c == '-');
  return ok;
}

class Loader {
 public:
  Loader(std::string_view bytes, Diagnostics& diags)
      : text_(bytes), diags_(diags), fields_(diags) {}

  RuleSet Load(const Node& root) {
    RuleSet rs;
    if (!root.IsMap()) {
      diags_.Error(root.pos, "E012",
                   fmt::format("a rule file is a map of keys such as "
                               "'ruleset' and 'rules', not {}",
                               root.KindName()));
      return rs;
    }
    fields_.CheckKeys(root,
                      {"ruleset", "version", "title", "hit_policy", "facts", "routes", "conditions",
                       "rules", "default", "guarantees"},
                      {"ruleset", "version", "facts", "routes", "rules"}, "rule file");
    ReadHeader(root, rs);
    if (const Node* n = root.Find("facts")) ReadFacts(*n, rs);
    if (const Node* n = root.Find("routes")) ReadRoutes(*n, rs);
    if (const Node* n = root.Find("conditions")) ReadConditions(*n, rs);
    if (const Node* n = root.Find("rules")) ReadRules(*n, rs);
    if (const Node* n = root.Find("default"); n && fields_.Scalar(*n, "default")) {
      rs.default_route = n->value;
      rs.default_pos = n->pos;
    }
    if (const Node* n = root.Find("guarantees")) ReadGuarantees(*n, rs);
    return rs;
  }

 private:
  // ruleset, version, title and hit_policy.
  void ReadHeader(const Node& root, RuleSet& rs) {
    if (const Node* n = root.Find("ruleset"); n && fields_.Scalar(*n, "ruleset")) {
      rs.id = n->value;
      if (!IsRuleSetId(rs.id)) {
        diags_.Error(n->pos, "E013",
                     fmt::format("ruleset id '{}' must match "
                                 "[a-z0-9][a-z0-9-]*",
                                 rs.id));
      }
    }
    if (const Node* n = root.Find("version"); n && fields_.Scalar(*n, "version")) {
      rs.version = n->value;
    }
    if (const Node* n = root.Find("title")) {
      rs.title = ReadText(*n, "title");
      rs.title_pos = n->pos;
    }
    if (const Node* n = root.Find("hit_policy"); n && fields_.Scalar(*n, "hit_policy")) {
      if (std::optional<HitPolicy> p = ValueNamed<HitPolicy>(n->value)) {
        rs.hit_policy = *p;
      } else {
        diags_.Error(n->pos, "E013",
                     fmt::format("unknown hit policy '{}'{}; use {}", n->value,
                                 DidYouMeanSuffix(n->value, AllNames<HitPolicy>()),
                                 NameChoices<HitPolicy>()));
      }
    }
  }

  // A fact, route or condition name (a map key).
  void CheckName(const yaml::Entry& e, std::string_view what) {
    if (IsIdentifier(e.key.value) && !IsReservedName(e.key.value)) return;
    diags_.Error(e.key.pos, "E013",
                 fmt::format("{} name '{}' must be a word of letters, digits and '_' that is not "
                             "a keyword",
                             what, e.key.value));
  }

  Text ReadText(const Node& n, std::string_view key) {
    Text t;
    if (n.IsScalar()) {
      t.by_lang.push_back({"", n.value});
      return t;
    }
    if (n.IsNull()) {
      diags_.Error(n.pos, "E012",
                   fmt::format("'{}' is empty: write its text after '{}:', or its languages "
                               "indented under it (nl: ..., en: ...)",
                               key, key));
      return t;
    }
    if (!n.IsMap()) {
      diags_.Error(n.pos, "E012",
                   fmt::format("'{}' must be a text or a map from language "
                               "code to text, not {}",
                               key, n.KindName()));
      return t;
    }
    for (const yaml::Entry& e : n.entries) {
      const std::string& lang = e.key.value;
      if (!IsLanguageCode(lang)) {
        diags_.Error(e.key.pos, "E013",
                     fmt::format("'{}' is not a language code (such as nl "
                                 "or en)",
                                 lang));
        continue;
      }
      if (!e.value.IsScalar()) {
        diags_.Error(e.value.pos, "E012",
                     fmt::format("the '{}' text of '{}' must be a single "
                                 "value, not {}",
                                 lang, key, e.value.KindName()));
        continue;
      }
      t.by_lang.push_back({lang, e.value.value});
    }
    return t;
  }

  std::optional<bool> ReadBool(const Node& n, std::string_view key) {
    if (n.IsScalar() && n.plain && (n.value == "true" || n.value == "false")) {
      return n.value == "true";
    }
    diags_.Error(n.pos, "E013", fmt::format("'{}' must be true or false", key));
    return std::nullopt;
  }

  std::optional<Value> ReadBound(const Node& n, const Fact& f, std::string_view key) {
    if (!fields_.Scalar(n, key)) return std::nullopt;
    const std::string& v = n.value;
    bool numeric = f.type == FactType::kInt || f.type == FactType::kNumber;
    if (std::string why = NumberProblem(v, f.type == FactType::kInt); numeric && !why.empty()) {
      diags_.Error(n.pos, "E013",
                   fmt::format("'{}' of {} fact '{}': {}", key, NameOf(f.type), f.name, why));
      return std::nullopt;
    }
    switch (f.type) {
      case FactType::kInt:
        if (std::optional<std::int64_t> x = ParseInteger(v)) return Value::Int(*x);
        break;
      case FactType::kNumber:
        if (std::optional<double> x = ParseNumber(v); x && std::isfinite(*x)) {
          return Value::Num(*x);
        }
        break;
      case FactType::kDate:
        if (auto d = ParseDate(v)) return Value::Int(*d);
        break;
      case FactType::kBool:
      case FactType::kEnum:
      case FactType::kString:
        diags_.Error(n.pos, "E013",
                     fmt::format("'{}' applies to int, number and date facts, "
                                 "not to {} fact '{}'",
                                 key, NameOf(f.type), f.name));
        return std::nullopt;
    }
    diags_.Error(
        n.pos, "E013",
        fmt::format("'{}' of {} fact '{}' cannot be '{}'", key, NameOf(f.type), f.name, v));
    return std::nullopt;
  }

  void ReadFacts(const Node& n, RuleSet& rs) {
    if (!fields_.Map(n, "facts", true)) return;
    if (n.entries.size() > kMaxFacts) {
      diags_.Error(
          n.pos, "E031",
          fmt::format("{} facts; the most a rule set may have is {}", n.entries.size(), kMaxFacts));
      return;
    }
    for (const yaml::Entry& e : n.entries) {
      if (std::optional<Fact> f = ReadFact(e)) rs.facts.push_back(std::move(*f));
    }
  }

  // One entry of `facts:`; nullopt when it has no usable type.
  std::optional<Fact> ReadFact(const yaml::Entry& e) {
    Fact f;
    f.name = e.key.value;
    f.pos = e.key.pos;
    CheckName(e, "fact");
    if (!fields_.Map(e.value, f.name)) return std::nullopt;
    const Node& spec = e.value;
    fields_.CheckKeys(
        spec, {"type", "values", "min", "max", "label", "question", "description", "personal"},
        {"type"}, fmt::format("fact '{}'", f.name));
    const Node* type = spec.Find("type");
    if (!type || !fields_.Scalar(*type, "type")) return std::nullopt;
    std::optional<FactType> t = ValueNamed<FactType>(type->value);
    if (!t) {
      diags_.Error(type->pos, "E013",
                   fmt::format("unknown type '{}'{}; use {}", type->value,
                               DidYouMeanSuffix(type->value, AllNames<FactType>()),
                               NameChoices<FactType>()));
      return std::nullopt;
    }
    f.type = *t;
    ReadValues(spec, f);
    ReadBounds(spec, f);
    if (const Node* t = spec.Find("label")) f.label = ReadText(*t, "label");
    if (const Node* t = spec.Find("question")) f.question = ReadText(*t, "question");
    if (const Node* t = spec.Find("description")) f.description = ReadText(*t, "description");
    if (const Node* p = spec.Find("personal")) {
      f.personal = ReadBool(*p, "personal").value_or(false);
    }
    return f;
  }

  // An enum's `values`; refused for the other types.
  void ReadValues(const Node& spec, Fact& f) {
    const Node* values = spec.Find("values");
    if (f.type != FactType::kEnum) {
      if (values) {
        diags_.Error(values->pos, "E013",
                     fmt::format("'values' applies to enum facts, not to {} "
                                 "fact '{}'",
                                 NameOf(f.type), f.name));
      }
      return;
    }
    if (!values) {
      diags_.Error(spec.pos, "E011", fmt::format("enum fact '{}' has no 'values'", f.name));
      return;
    }
    if (!fields_.Seq(*values, "values")) return;
    for (const Node& v : values->items) {
      if (!fields_.Scalar(v, "values")) continue;
      if (std::find(f.values.begin(), f.values.end(), v.value) != f.values.end()) {
        diags_.Error(v.pos, "E014", fmt::format("enum value '{}' is listed twice", v.value));
        continue;
      }
      f.values.push_back(v.value);
    }
    if (f.values.empty()) {
      diags_.Error(values->pos, "E013",
                   fmt::format("enum fact '{}' needs at least one value", f.name));
    }
  }

  void ReadBounds(const Node& spec, Fact& f) {
    if (const Node* m = spec.Find("min")) f.min = ReadBound(*m, f, "min");
    if (const Node* m = spec.Find("max")) f.max = ReadBound(*m, f, "max");
    if (!f.min || !f.max) return;
    bool empty = f.type == FactType::kNumber ? f.min->d > f.max->d : f.min->i > f.max->i;
    if (empty) {
      diags_.Error(spec.Find("max")->pos, "E013",
                   fmt::format("fact '{}' has max below min", f.name));
    }
  }

  void ReadRoutes(const Node& n, RuleSet& rs) {
    if (!fields_.Map(n, "routes")) return;
    for (const yaml::Entry& e : n.entries) {
      Route r;
      r.name = e.key.value;
      r.pos = e.key.pos;
      CheckName(e, "route");
      if (fields_.Map(e.value, r.name, true)) {
        fields_.CheckKeys(e.value, {"label", "description"}, {}, fmt::format("route '{}'", r.name));
        if (const Node* t = e.value.Find("label")) r.label = ReadText(*t, "label");
        if (const Node* t = e.value.Find("description")) {
          r.description = ReadText(*t, "description");
        }
      }
      rs.routes.push_back(std::move(r));
    }
    if (rs.routes.empty()) {
      diags_.Error(n.pos, "E013", "a rule file needs at least one route");
    }
  }

  std::unique_ptr<Expr> ReadExpr(const Node& n, std::string_view key, bool allow_implies) {
    if (!n.IsScalar()) {
      diags_.Error(n.pos, "E012",
                   fmt::format("'{}' must be an expression, not {}", key, n.KindName()));
      return nullptr;
    }
    return ParseExpr(n.value, yaml::ScalarPositions(n, text_), allow_implies, diags_);
  }

  void ReadConditions(const Node& n, RuleSet& rs) {
    if (!fields_.Map(n, "conditions", true)) return;
    for (const yaml::Entry& e : n.entries) {
      Condition c;
      c.name = e.key.value;
      c.pos = e.key.pos;
      CheckName(e, "condition");
      c.expr = ReadExpr(e.value, c.name, false);
      rs.conditions.push_back(std::move(c));
    }
  }

  void ReadRules(const Node& n, RuleSet& rs) {
    if (!fields_.Seq(n, "rules")) return;
    if (n.items.size() > kMaxRules) {
      diags_.Error(
          n.pos, "E031",
          fmt::format("{} rules; the most a rule set may have is {}", n.items.size(), kMaxRules));
      return;
    }
    for (const Node& item : n.items) {
      if (!fields_.Map(item, "rules")) continue;
      Rule r;
      r.pos = item.pos;
      fields_.CheckKeys(item, {"id", "when", "route", "reason", "source", "description"},
                        {"id", "when", "route"}, "rule");
      if (const Node* id = item.Find("id"); id && fields_.Scalar(*id, "id")) {
        r.id = id->value;
        r.pos = id->pos;
        if (!IsRuleId(r.id)) {
          diags_.Error(id->pos, "E013",
                       fmt::format("rule id '{}' must be letters, digits, "
                                   "'-', '_' and '.'",
                                   r.id));
        }
      }
      if (const Node* w = item.Find("when")) r.when = ReadExpr(*w, "when", false);
      if (const Node* route = item.Find("route"); route && fields_.Scalar(*route, "route")) {
        r.route = route->value;
        r.route_pos = route->pos;
      }
      if (const Node* t = item.Find("reason")) r.reason = ReadText(*t, "reason");
      if (const Node* t = item.Find("description")) r.description = ReadText(*t, "description");
      if (std::optional<std::string> source = fields_.ScalarText(item.Find("source"), "source")) {
        r.source = *source;
      }
      rs.rules.push_back(std::move(r));
    }
  }

  void ReadGuarantees(const Node& n, RuleSet& rs) {
    if (!fields_.Seq(n, "guarantees")) return;
    for (const Node& item : n.items) {
      if (!fields_.Map(item, "guarantees")) continue;
      Guarantee g;
      g.pos = item.pos;
      fields_.CheckKeys(item, {"id", "that", "description"}, {"id", "that"}, "guarantee");
      if (const Node* id = item.Find("id"); id && fields_.Scalar(*id, "id")) {
        g.id = id->value;
        g.pos = id->pos;
      }
      if (const Node* t = item.Find("that")) g.that = ReadExpr(*t, "that", true);
      if (const Node* t = item.Find("description")) g.description = ReadText(*t, "description");
      rs.guarantees.push_back(std::move(g));
    }
  }

  std::string_view text_;
  Diagnostics& diags_;
  yaml::Fields fields_;
};

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::optional<RuleSet> LoadRuleSet(std::string_view file_name, std::string_view bytes,
                                   Diagnostics& diags) {
  if (bytes.size() > kMaxRuleFileBytes) {
    diags.Error({}, "E031",
                fmt::format("the file is {} bytes; the most a rule file may be is {}", bytes.size(),
                            BytesText(kMaxRuleFileBytes)));
    return std::nullopt;
  }
  std::optional<yaml::Node> root = yaml::ParseStrictYaml(bytes, diags);
  if (!root) return std::nullopt;
  RuleSet rs = Loader(bytes, diags).Load(*root);
  rs.file = std::string(file_name);
  rs.sha256 = Sha256Hex(bytes);
  return rs;
}

}  // namespace triage
