// A strict YAML reader for rule files and case files.
//
// This file's external interface is just ParseStrictYaml: text in, a tree of
// plain nodes with positions out (and Yaml11Bool, the words it refuses as
// ambiguous booleans). It reads yaml-cpp's event stream (never its Node API)
// so that it can refuse what a rule file must not contain — duplicate keys,
// anchors and aliases, merge keys, tags, several documents, invalid UTF-8,
// tabs and YAML 1.1 booleans such as `yes` (which case files may let
// through) — each with a diagnostic at its position. yaml-cpp stays inside
// this file's .cc.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/assert.h"
#include "triage/diagnostic.h"

namespace triage::yaml {

struct Entry;

/// A YAML node with its position (1-based line and column of its token).
struct Node {
  enum class Kind { kNull, kScalar, kMap, kSeq };
  Kind kind = Kind::kNull;
  std::string value;   ///< kScalar
  bool plain = false;  ///< kScalar written without quotes or block indicator
  SourcePos pos;
  size_t offset = 0;           ///< byte offset of the token in the text
  std::vector<Entry> entries;  ///< kMap, in file order, keys unique
  std::vector<Node> items;     ///< kSeq

  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSeq() const { return kind == Kind::kSeq; }
  bool IsNull() const { return kind == Kind::kNull; }
  /// The value for `key`, or nullptr.
  const Node* Find(std::string_view key) const;
  /// "a map", "a list", "a string", "null": for messages.
  const char* KindName() const;
};

struct Entry {
  Node key;  ///< always a scalar
  Node value;
};

struct StrictOptions {
  /// Let plain YAML 1.1 booleans (yes, No, ON ...) through as plain scalars
  /// instead of refusing them: for case files, where the fact's type says
  /// what they mean (see Yaml11Bool).
  bool yaml11_booleans = false;
  /// Refuse (E031) a key longer than kMaxKeyBytes and a scalar longer than
  /// kMaxTextBytes: for rule files. A case file leaves that to each case's
  /// own check, so that one long value does not cost the file's other cases.
  bool limit_sizes = true;
  /// A syntax error's fix may quote the text at fault (yaml_hints.h): not
  /// for a case file, whose values may be personal.
  bool show_values = true;
  /// When set, and the document is a list: each item is handed over as soon
  /// as it is read, and not kept in the tree (whose root is then an empty
  /// list), so that a long list of cases takes the memory of one. Problems
  /// inside an item are in `diags` before it is handed over.
  std::function<void(Node item)> item;
};

/// Parses one YAML document. Every problem is added to `diags`; the tree is
/// returned when the text could be read at all (it may still have had
/// problems that were reported). Nesting deeper than kMaxYamlNesting levels
/// and a line longer than kMaxYamlLineBytes (checked before parsing, which
/// is slow on such lines) are refused (limits.h).
std::optional<Node> ParseStrictYaml(std::string_view text, Diagnostics& diags,
                                    const StrictOptions& options = {});

/// The boolean YAML 1.1 readers make of a plain scalar (yes/no, on/off and
/// True/FALSE ..., as lower-case, capitalised or upper-case words), or
/// nullopt. YAML 1.2's own true and false are not among them.
std::optional<bool> Yaml11Bool(std::string_view plain);

/// The source position of each byte of a scalar's value, found by walking the
/// text from the scalar's token: exact for plain and quoted single-line
/// scalars, close for folded ones. Used to point inside expression strings.
std::vector<SourcePos> ScalarPositions(const Node& scalar, std::string_view text);

}  // namespace triage::yaml
