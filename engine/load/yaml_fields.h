// Checking the shape of a YAML tree against what a file format expects:
// known and required keys, and the kind of each value. Shared by the rule
// file loader and the rule-test reader, so that both say the same thing in
// the same words. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/strict_yaml.h"
#include "triage/diagnostic.h"

namespace triage::yaml {

/// Each check reports at the node it looks at: E010 an unknown key (with
/// did-you-mean), E011 a missing key, E012 a value of the wrong kind.
class Fields {
 public:
  explicit Fields(Diagnostics& diags) : diags_(diags) {}

  /// Reports keys of `map` not in `allowed`, and keys of `required` it
  /// lacks ("WHAT has no 'KEY'").
  void CheckKeys(const Node& map, const std::vector<std::string>& allowed,
                 const std::vector<std::string>& required = {}, std::string_view what = "");
  /// Whether `n`, the value of `key`, is a single value / a map / a list.
  bool Scalar(const Node& n, std::string_view key);
  bool Map(const Node& n, std::string_view key, bool allow_null = false);
  bool Seq(const Node& n, std::string_view key);
  /// The text of `n` (the value of `key`): nullopt when absent (null
  /// pointer) or not a single value (reported).
  std::optional<std::string> ScalarText(const Node* n, std::string_view key);

  Diagnostics& diags() { return diags_; }

 private:
  Diagnostics& diags_;
};

}  // namespace triage::yaml
