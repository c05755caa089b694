#include "load/yaml_tree.h"

#include <fmt/format.h>

#include "triage/limits.h"
#include "triage/model.h"

namespace triage::yaml {
namespace {

SourcePos ToPos(const Mark& m) { return {m.line, m.column}; }

}  // namespace

bool IsNullWord(std::string_view plain) {
  return plain.empty() || plain == "~" || plain == "null" || plain == "Null" || plain == "NULL";
}

void TreeBuilder::Null(const Mark& mark, bool anchored) {
  CheckAnchor(mark, anchored);
  Node n;
  n.kind = Node::Kind::kNull;
  Place(mark, std::move(n));
}

void TreeBuilder::Alias(const Mark& mark) {
  diags_.Error(ToPos(mark), "E005", "aliases are not allowed in a rule file; write the value out");
  Place(mark, Node());
}

void TreeBuilder::Scalar(const Mark& mark, const Tag& tag, bool anchored, bool plain,
                         std::string value) {
  CheckAnchor(mark, anchored);
  if (tag.kind == Tag::Kind::kWritten) {
    diags_.Error(ToPos(mark), "E007", fmt::format("tags are not allowed ('{}')", tag.text));
  }
  if (options_.limit_sizes && value.size() > kMaxTextBytes) {
    diags_.Error(ToPos(mark), "E031",
                 fmt::format("a text of {} bytes; the most a text may be is {}", value.size(),
                             BytesText(kMaxTextBytes)));
  }
  Node n;
  n.kind = Node::Kind::kScalar;
  n.value = std::move(value);
  n.plain = plain;
  if (n.plain && !options_.yaml11_booleans && Yaml11Bool(n.value)) {
    diags_.Error(ToPos(mark), "E009",
                 fmt::format("'{}' is ambiguous (a YAML 1.1 boolean); write "
                             "true or false, or quote it as a string",
                             n.value));
  }
  Place(mark, std::move(n));
}

void TreeBuilder::SequenceStart(const Mark& mark, const Tag& tag, bool anchored) {
  CheckCollection(mark, tag, anchored);
  Node n;
  n.kind = Node::Kind::kSeq;
  Open(mark, std::move(n));
}

void TreeBuilder::MapStart(const Mark& mark, const Tag& tag, bool anchored) {
  CheckCollection(mark, tag, anchored);
  Node n;
  n.kind = Node::Kind::kMap;
  Open(mark, std::move(n));
}

void TreeBuilder::End() {
  if (ignored_depth_ > 0) {
    --ignored_depth_;
    return;
  }
  if (stack_.empty()) return;  // an end without its start: the parser's to report
  Frame f = std::move(stack_.back());
  stack_.pop_back();
  Attach(std::move(f.node));
}

void TreeBuilder::CheckAnchor(const Mark& mark, bool anchored) {
  if (anchored) {
    diags_.Error(ToPos(mark), "E005",
                 "anchors are not allowed in a rule file; write the value out");
  }
}

void TreeBuilder::CheckCollection(const Mark& mark, const Tag& tag, bool anchored) {
  CheckAnchor(mark, anchored);
  if (tag.kind == Tag::Kind::kWritten) {
    diags_.Error(ToPos(mark), "E007", fmt::format("tags are not allowed ('{}')", tag.text));
  }
}

void TreeBuilder::Open(const Mark& mark, Node n) {
  n.pos = ToPos(mark);
  n.offset = mark.offset;
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

void TreeBuilder::Place(const Mark& mark, Node n) {
  if (ignored_depth_ > 0) return;
  n.pos = ToPos(mark);
  n.offset = mark.offset;
  Attach(std::move(n));
}

void TreeBuilder::Attach(Node n) {
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

void TreeBuilder::AcceptKey(Frame& top, Node key) {
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
      diags_.Error(key.pos, "E004",
                   fmt::format("duplicate key '{}' (first at line {})", key.value, e.key.pos.line));
      key.kind = Node::Kind::kNull;  // drop the duplicate entry
      break;
    }
  }
  top.pending_key = std::move(key);
}

}  // namespace triage::yaml
