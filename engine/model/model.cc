#include "triage/model.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {

bool IsOperatorWord(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kWords = {"and", "or",      "not",
                                                             "in",  "between", "implies"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool IsReservedName(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kWords = {"true", "false", "route", "rule",
                                                             "case_id"};
  return IsOperatorWord(word) || std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

namespace {

void CollectFacts(const RuleSet& rs, const Expr& e, std::vector<int>& out, int depth) {
  if (e.target == Expr::Target::kFact && e.index >= 0) out.push_back(e.index);
  // The checker refuses condition cycles; the depth bound is a guard only.
  if (e.target == Expr::Target::kCondition && e.index >= 0 && depth < 256) {
    const Expr* c = rs.conditions[static_cast<size_t>(e.index)].expr.get();
    if (c) CollectFacts(rs, *c, out, depth + 1);
  }
  for (const auto& child : e.children) CollectFacts(rs, *child, out, depth);
}

}  // namespace

std::vector<int> FactsRead(const RuleSet& rs, const Expr& e) {
  std::vector<int> facts;
  CollectFacts(rs, e, facts, 0);
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  return facts;
}

const std::string& Text::Get(std::string_view lang) const {
  static const std::string kEmpty;
  if (by_lang.empty()) return kEmpty;
  for (const auto& [code, text] : by_lang) {
    if (code == lang) return text;
  }
  return by_lang.front().second;
}

int RuleSet::FindFact(std::string_view name) const {
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int RuleSet::FindRoute(std::string_view name) const {
  for (size_t i = 0; i < routes.size(); ++i) {
    if (routes[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int RuleSet::FindCondition(std::string_view name) const {
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (conditions[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> RuleSet::FactNames() const {
  std::vector<std::string> names;
  for (const Fact& f : facts) names.push_back(f.name);
  return names;
}

std::vector<std::string> RuleSet::Languages() const {
  std::vector<std::string> langs;
  if (std::string first = DefaultLanguage(); !first.empty()) langs.push_back(first);
  ForEachText([&](const Text& t, const TextPlace&) {
    for (const auto& [code, text] : t.by_lang) {
      if (!code.empty() && std::find(langs.begin(), langs.end(), code) == langs.end()) {
        langs.push_back(code);
      }
    }
  });
  return langs;
}

std::string RuleSet::TextPlace::Describe() const {
  if (kind.empty()) return fmt::format("the {}", part);
  return fmt::format("the {} of {} '{}'", part, kind, name);
}

void RuleSet::ForEachText(const std::function<void(const Text&, const TextPlace&)>& visit) const {
  auto seen = [&](const Text& t, std::string_view part, std::string_view kind,
                  std::string_view name, const SourcePos& pos) {
    if (!t.empty()) visit(t, TextPlace{part, kind, name, pos});
  };
  seen(title, "title", "", "", title_pos);
  for (const Fact& f : facts) {
    seen(f.label, "label", "fact", f.name, f.pos);
    seen(f.question, "question", "fact", f.name, f.pos);
    seen(f.description, "description", "fact", f.name, f.pos);
  }
  for (const Route& r : routes) {
    seen(r.label, "label", "route", r.name, r.pos);
    seen(r.description, "description", "route", r.name, r.pos);
  }
  for (const Rule& r : rules) {
    seen(r.reason, "reason", "rule", r.id, r.pos);
    seen(r.description, "description", "rule", r.id, r.pos);
  }
  for (const Guarantee& g : guarantees) {
    seen(g.description, "description", "guarantee", g.id, g.pos);
  }
}

std::vector<std::string> RuleSet::RouteNames() const {
  std::vector<std::string> names;
  for (const Route& r : routes) names.push_back(r.name);
  return names;
}

std::string RuleSet::DefaultLanguage() const {
  auto first_lang = [](const Text& t) -> std::string {
    for (const auto& [code, text] : t.by_lang) {
      if (!code.empty()) return code;
    }
    return "";
  };
  if (std::string l = first_lang(title); !l.empty()) return l;
  for (const Rule& r : rules) {
    if (std::string l = first_lang(r.reason); !l.empty()) return l;
  }
  for (const Route& r : routes) {
    if (std::string l = first_lang(r.label); !l.empty()) return l;
  }
  return "";
}

}  // namespace triage
