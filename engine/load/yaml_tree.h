// The node tree of a YAML document, built from a parser's events and
// refusing what a rule file must not contain (duplicate keys, anchors and
// aliases, merge keys, tags, YAML 1.1 booleans, nesting too deep). Both
// event sources feed it: yaml-cpp (rule files) and libyaml (case files);
// see strict_yaml.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/strict_yaml.h"

namespace triage::yaml {

/// Where an event's token starts: 1-based line and column, byte offset.
struct Mark {
  int line = 1;
  int column = 1;
  std::size_t offset = 0;
};

/// A node's tag as the event gives it: none, YAML's non-specific `!`
/// (a quoted or block scalar without a tag), or a tag written out.
struct Tag {
  enum class Kind { kNone, kNonSpecific, kWritten };
  Kind kind = Kind::kNone;
  std::string text;  ///< kWritten
};

class TreeBuilder {
 public:
  TreeBuilder(Diagnostics& diags, const StrictOptions& options)
      : diags_(diags), options_(options) {}

  std::optional<Node> TakeRoot() { return std::move(root_); }

  void Null(const Mark& mark, bool anchored);
  void Alias(const Mark& mark);
  /// A scalar; `plain` when written without quotes or block indicator and
  /// without a tag.
  void Scalar(const Mark& mark, const Tag& tag, bool anchored, bool plain, std::string value);
  void SequenceStart(const Mark& mark, const Tag& tag, bool anchored);
  void MapStart(const Mark& mark, const Tag& tag, bool anchored);
  void End();  ///< of the innermost list or map

 private:
  struct Frame {
    Node node;
    std::optional<Node> pending_key;  // maps: a key waiting for its value
  };

  void CheckAnchor(const Mark& mark, bool anchored);
  void CheckCollection(const Mark& mark, const Tag& tag, bool anchored);
  void Open(const Mark& mark, Node n);
  void Place(const Mark& mark, Node n);
  void Attach(Node n);
  void AcceptKey(Frame& top, Node key);

  Diagnostics& diags_;
  const StrictOptions& options_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  int ignored_depth_ = 0;
  bool too_deep_reported_ = false;
};

/// Whether a plain scalar is YAML's null (empty, ~, null, Null, NULL), as
/// yaml-cpp reads it.
bool IsNullWord(std::string_view plain);

/// Parses `text` with libyaml into `builder` (libyaml_reader.cc): some seven
/// times faster than yaml-cpp. A second document is E008 in `diags`. False
/// when libyaml cannot read the text to its end: a syntax error, but also
/// what yaml-cpp reads and libyaml refuses (a control character, a key of
/// more than 1,024 characters); the caller reads it again with yaml-cpp.
bool ParseWithLibyaml(std::string_view text, TreeBuilder& builder, Diagnostics& diags);

}  // namespace triage::yaml
