#include "load/strict_yaml.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "load/yaml_bytes.h"
#include "load/yaml_hints.h"
#include "triage/limits.h"
#include "triage/model.h"

namespace triage::yaml {
namespace {

SourcePos ToPos(const YAML::Mark& m) { return {m.line + 1, m.column + 1}; }

}  // namespace

std::optional<bool> Yaml11Bool(std::string_view v) {
  // The words YAML 1.1 readers (PyYAML among them) turn into booleans, other
  // than YAML 1.2's own lower-case true and false. Single letters y and n
  // are left alone: no common reader treats them as booleans.
  struct Word {
    std::string_view word;
    bool value;
  };
  static constexpr std::array<Word, 16> kWords = {{{"yes", true},
                                                   {"Yes", true},
                                                   {"YES", true},
                                                   {"no", false},
                                                   {"No", false},
                                                   {"NO", false},
                                                   {"on", true},
                                                   {"On", true},
                                                   {"ON", true},
                                                   {"off", false},
                                                   {"Off", false},
                                                   {"OFF", false},
                                                   {"True", true},
                                                   {"TRUE", true},
                                                   {"False", false},
                                                   {"FALSE", false}}};
  for (const Word& w : kWords) {
    if (w.word == v) return w.value;
  }
  return std::nullopt;
}

namespace {

// Whether the quoted scalar that starts at `at` (with ' or ") is closed:
// yaml-cpp reads a quote never closed to the end of the file, as a text
// that swallows every line after it.
bool QuoteClosed(std::string_view text, std::size_t at) {
  char quote = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

// Builds the node tree from yaml-cpp's events, refusing what rule files must
// not contain.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, Diagnostics& diags, const StrictOptions& options)
      : text_(text), diags_(diags), options_(options) {}

  std::optional<Node> TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    Node n;
    n.kind = Node::Kind::kNull;
    Place(mark, std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    diags_.Error(ToPos(mark), "E005",
                 "aliases are not allowed in a rule file; write the value out");
    Node n;
    Place(mark, std::move(n));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckAnchor(mark, anchor);
    if (tag != "?" && tag != "!") {
      diags_.Error(ToPos(mark), "E007", fmt::format("tags are not allowed ('{}')", tag));
    }
    if (options_.limit_sizes && value.size() > kMaxTextBytes) {
      diags_.Error(ToPos(mark), "E031",
                   fmt::format("a text of {} bytes; the most a text may be is {}", value.size(),
                               BytesText(kMaxTextBytes)));
    }
    std::size_t at = static_cast<std::size_t>(mark.pos);
    if (tag == "!" && at < text_.size() && (text_[at] == '"' || text_[at] == '\'') &&
        !QuoteClosed(text_, at)) {
      diags_.Error(ToPos(mark), "E001",
                   fmt::format("the quote ({}) that opens this text is never closed, so "
                               "everything after it to the end of the file is read as the text; "
                               "close it",
                               text_[at]));
    }
    Node n;
    n.kind = Node::Kind::kScalar;
    n.value = value;
    n.plain = tag == "?";
    if (n.plain && !options_.yaml11_booleans && Yaml11Bool(value)) {
      diags_.Error(ToPos(mark), "E009",
                   fmt::format("'{}' is ambiguous (a YAML 1.1 boolean); write "
                               "true or false, or quote it as a string",
                               value));
    }
    Place(mark, std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    CheckCollection(mark, tag, anchor);
    Node n;
    n.kind = Node::Kind::kSeq;
    Open(mark, std::move(n));
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    CheckCollection(mark, tag, anchor);
    Node n;
    n.kind = Node::Kind::kMap;
    Open(mark, std::move(n));
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    Node node;
    std::optional<Node> pending_key;  // maps: a key waiting for its value
  };

  void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      diags_.Error(ToPos(mark), "E005",
                   "anchors are not allowed in a rule file; write the value out");
    }
  }

  void CheckCollection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    CheckAnchor(mark, anchor);
    if (!tag.empty() && tag != "?") {
      diags_.Error(ToPos(mark), "E007", fmt::format("tags are not allowed ('{}')", tag));
    }
  }

  void Open(const YAML::Mark& mark, Node n) {
    n.pos = ToPos(mark);
    n.offset = mark.pos;
    if (static_cast<int>(stack_.size()) >= kMaxYamlNesting) {
      if (!too_deep_reported_) {
        diags_.Error(n.pos, "E030", fmt::format("nesting deeper than {} levels", kMaxYamlNesting));
        too_deep_reported_ = true;
      }
      ++ignored_depth_;
      return;
    }
    stack_.push_back({std::move(n), std::nullopt});
  }

  void Close() {
    if (ignored_depth_ > 0) {
      --ignored_depth_;
      return;
    }
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    Attach(std::move(f.node));
  }

  void Place(const YAML::Mark& mark, Node n) {
    if (ignored_depth_ > 0) return;
    n.pos = ToPos(mark);
    n.offset = mark.pos;
    Attach(std::move(n));
  }

  void Attach(Node n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == Node::Kind::kSeq && stack_.size() == 1 && options_.item) {
      options_.item(std::move(n));
      return;
    }
    if (top.node.kind == Node::Kind::kSeq) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (!top.pending_key) {
      AcceptKey(top, std::move(n));
      return;
    }
    Node key = std::move(*top.pending_key);
    top.pending_key.reset();
    if (key.kind != Node::Kind::kScalar) return;  // already reported
    top.node.entries.push_back({std::move(key), std::move(n)});
  }

  void AcceptKey(Frame& top, Node key) {
    if (key.kind != Node::Kind::kScalar) {
      diags_.Error(key.pos, "E012", "a key must be a plain string");
      key.kind = Node::Kind::kNull;  // keep the slot; drop the entry
      top.pending_key = std::move(key);
      return;
    }
    if (options_.limit_sizes && key.value.size() > kMaxKeyBytes) {
      diags_.Error(
          key.pos, "E031",
          fmt::format("a key of {} bytes ('{}'); the most a key may be is {}", key.value.size(),
                      Printable(Shortened(key.value, 40)), BytesText(kMaxKeyBytes)));
      key.kind = Node::Kind::kNull;  // drop the entry
      top.pending_key = std::move(key);
      return;
    }
    if (key.plain && key.value == "<<") {
      diags_.Error(key.pos, "E006", "merge keys ('<<') are not allowed; write the keys out");
    }
    for (const Entry& e : top.node.entries) {
      if (e.key.value == key.value) {
        diags_.Error(
            key.pos, "E004",
            fmt::format("duplicate key '{}' (first at line {})", key.value, e.key.pos.line));
        key.kind = Node::Kind::kNull;  // drop the duplicate entry
        break;
      }
    }
    top.pending_key = std::move(key);
  }

  std::string_view text_;
  Diagnostics& diags_;
  const StrictOptions& options_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  int ignored_depth_ = 0;
  bool too_deep_reported_ = false;
};

}  // namespace

const Node* Node::Find(std::string_view key) const {
  for (const Entry& e : entries) {
    if (e.key.value == key) return &e.value;
  }
  return nullptr;
}

const char* Node::KindName() const {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kScalar:
      return "a single value";
    case Kind::kMap:
      return "a map";
    case Kind::kSeq:
      return "a list";
  }
  TRIAGE_UNREACHABLE();
}

std::optional<Node> ParseStrictYaml(std::string_view text, Diagnostics& diags,
                                    const StrictOptions& options) {
  int tab_line = 0;  // the line of a tab found (E003), 0 when none
  if (!CheckBytes(text, diags)) {
    if (diags.items().back().code != "E003") return std::nullopt;
    tab_line = diags.items().back().pos.line;
  }
  // (A rule file's keys are bounded after parsing, E031 at the key.)
  if (!options.limit_sizes && !CheckKeyLengths(text, diags)) return std::nullopt;
  // Read in place: a case file may be hundreds of MB, not to be copied.
  struct View : std::streambuf {
    explicit View(std::string_view t) {
      char* begin = const_cast<char*>(t.data());  // only ever read
      setg(begin, begin, begin + t.size());
    }
  } view(text);
  std::istream in(&view);
  TreeBuilder builder(text, diags, options);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.Error({1, 1}, "E001", "the file holds no YAML document");
      return std::nullopt;
    }
    // A second document would be silently ignored by most readers.
    class Ignore : public YAML::EventHandler {
     public:
      void OnDocumentStart(const YAML::Mark& m) override { start = m; }
      void OnDocumentEnd() override {}
      void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
      void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
      void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    const std::string&) override {}
      void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                           YAML::EmitterStyle::value) override {}
      void OnSequenceEnd() override {}
      void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                      YAML::EmitterStyle::value) override {}
      void OnMapEnd() override {}
      YAML::Mark start;
    } rest;
    if (parser.HandleNextDocument(rest)) {
      diags.Error(ToPos(rest.start), "E008",
                  "more than one YAML document; a file holds exactly one");
    }
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
    // A tab says what is wrong already (E003): one error for one mistake,
    // when the syntax breaks where the tab is (or just after it).
    SourcePos at = ToPos(e.mark);
    if (tab_line == 0 || at.line < tab_line || at.line > tab_line + 2) {
      diags.Error(at, "E001", YamlSyntaxMessage(msg, text, at, options.show_values));
    }
    return std::nullopt;
  }
  std::optional<Node> root = builder.TakeRoot();
  if (!root) diags.Error({1, 1}, "E001", "the file holds no YAML document");
  return root;
}

std::vector<SourcePos> ScalarPositions(const Node& scalar, std::string_view text) {
  std::vector<SourcePos> out(scalar.value.size(), scalar.pos);
  size_t p = std::min(scalar.offset, text.size());
  int line = scalar.pos.line, column = scalar.pos.column;
  auto advance = [&] {
    if (text[p] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++p;
  };
  if (p < text.size() && (text[p] == '\'' || text[p] == '"')) {
    advance();
  } else if (p < text.size() && (text[p] == '|' || text[p] == '>')) {
    while (p < text.size() && text[p] != '\n') advance();
  }
  for (size_t i = 0; i < scalar.value.size(); ++i) {
    char want = scalar.value[i];
    size_t save = p;
    int save_line = line, save_column = column;
    while (p < text.size() && text[p] != want &&
           (text[p] == ' ' || text[p] == '\n' || text[p] == '\r')) {
      advance();
    }
    if (p < text.size() && text[p] == want) {
      out[i] = {line, column};
      advance();
    } else {
      p = save;
      line = save_line;
      column = save_column;
      out[i] = {line, column};
    }
  }
  return out;
}

}  // namespace triage::yaml
