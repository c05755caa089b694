#include "load/yaml_fields.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage::yaml {

namespace {

// A two-letter key, as a language code is (nl, en).
bool LanguageLike(const std::string& key) {
  return key.size() == 2 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The text key with no value above `key` and the language-like keys
// between (`reason:` and then `nl:` and `en:` at its indentation): the
// languages of a text indented too little.
const Entry* EmptyTextAbove(const Node& map, const Entry& key) {
  if (!LanguageLike(key.key.value)) return nullptr;
  const Entry* above = nullptr;
  for (const Entry& e : map.entries) {
    if (&e == &key) break;
    if (!LanguageLike(e.key.value)) above = &e;
  }
  if (above == nullptr || !above->value.IsNull()) return nullptr;
  const std::string& k = above->key.value;
  bool text =
      k == "title" || k == "label" || k == "question" || k == "reason" || k == "description";
  return text ? above : nullptr;
}

}  // namespace

void Fields::CheckKeys(const Node& map, const std::vector<std::string>& allowed,
                       const std::vector<std::string>& required, std::string_view what) {
  for (const Entry& e : map.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key.value) == allowed.end()) {
      if (const Entry* text = EmptyTextAbove(map, e)) {
        diags_.Error(e.key.pos, "E010",
                     fmt::format("unknown key '{}': it looks like a language of '{}' above it, "
                                 "which is empty; indent '{}:' under '{}:' (2 spaces further)",
                                 e.key.value, text->key.value, e.key.value, text->key.value));
        continue;
      }
      diags_.Error(
          e.key.pos, "E010",
          fmt::format("unknown key '{}'{}", e.key.value, DidYouMeanSuffix(e.key.value, allowed)));
    }
  }
  for (const std::string& key : required) {
    if (!map.Find(key)) diags_.Error(map.pos, "E011", fmt::format("{} has no '{}'", what, key));
  }
}

bool Fields::Scalar(const Node& n, std::string_view key) {
  if (n.IsScalar()) return true;
  diags_.Error(n.pos, "E012",
               fmt::format("'{}' must be a single value, not {}", key, n.KindName()));
  return false;
}

bool Fields::Map(const Node& n, std::string_view key, bool allow_null) {
  if (n.IsMap() || (allow_null && n.IsNull())) return true;
  diags_.Error(n.pos, "E012", fmt::format("'{}' must be a map, not {}", key, n.KindName()));
  return false;
}

bool Fields::Seq(const Node& n, std::string_view key) {
  if (n.IsSeq()) return true;
  diags_.Error(n.pos, "E012", fmt::format("'{}' must be a list, not {}", key, n.KindName()));
  return false;
}

std::optional<std::string> Fields::ScalarText(const Node* n, std::string_view key) {
  if (!n || !Scalar(*n, key)) return std::nullopt;
  return n->value;
}

}  // namespace triage::yaml
