#include "load/yaml_fields.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage::yaml {

void Fields::CheckKeys(const Node& map, const std::vector<std::string>& allowed,
                       const std::vector<std::string>& required, std::string_view what) {
  for (const Entry& e : map.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key.value) == allowed.end()) {
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
