// `triage fmt`: a rule file (or test file) laid out again in one canonical
// layout, with its comments. Keys in the order the reference gives them,
// two spaces a level, texts by language on lines of their own, lists of
// values and short maps of values (routes, a test's facts and expectation)
// on one line, a blank line between sections and between rules. Values are
// written as they were read: a plain value stays plain, a quoted one is
// written in double quotes. Laid out twice, a file does not change.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "load/comments.h"
#include "load/strict_yaml.h"
#include "triage/json.h"
#include "triage/load.h"

namespace triage {
namespace {

using yaml::Node;

constexpr std::size_t kWidth = 100;  // a line's length, for what goes on one line

// The keys of each kind of map, in the order the reference gives them; other
// keys follow in the file's order.
const std::map<std::string, std::vector<std::string>, std::less<>> kOrders = {
    {"",
     {"ruleset", "version", "title", "hit_policy", "facts", "routes", "conditions", "rules",
      "cases", "default", "guarantees"}},
    {"facts/*", {"type", "values", "min", "max", "label", "question", "description", "personal"}},
    {"routes/*", {"label", "description"}},
    {"rules/*", {"id", "when", "route", "reason", "source", "description"}},
    {"guarantees/*", {"id", "that", "description"}},
    {"cases/*", {"name", "facts", "expect"}},
    {"cases/*/expect", {"status", "route", "rule", "routes"}},
};

// Maps laid out on one line when their values are all single values and
// they fit: routes, a test's facts and expectation, and texts by language
// (when no text needs quotes there); every other map is laid out a key a line.
bool MayFlowMap(std::string_view context) {
  if (context == "routes/*" || context == "cases/*/facts" || context == "cases/*/expect") {
    return true;
  }
  for (std::string_view text : {"/title", "/label", "/question", "/reason", "/description"}) {
    if (context.size() >= text.size() && context.substr(context.size() - text.size()) == text) {
      return true;
    }
  }
  return context == "title";
}

// The top-level keys that are sections: a blank line before and after each.
bool Section(std::string_view key) {
  for (std::string_view s :
       {"facts", "routes", "conditions", "rules", "cases", "default", "guarantees"}) {
    if (key == s) return true;
  }
  return false;
}

struct Notes {
  std::vector<std::string> leading;  ///< comment lines before the node
  std::string trailing;              ///< a comment after it on its line
};

// A quoted value: YAML's double quotes take JSON's escapes, so a JSON string
// is one.
std::string Quoted(std::string_view value) { return JsonString(value); }

// A plain value that may also stand inside [ ] or { }: none of YAML's
// signs in it (yaml-cpp reads a ':' or '?' anywhere in a flow as its own).
bool FlowSafe(std::string_view v) {
  return v.find_first_of(",[]{}:?#&*!|>'\"%@`") == std::string_view::npos;
}

// Whether `v` holds a control character (a line end, a CR, a tab ...),
// which YAML reads back otherwise when it stands plain.
bool HasControl(std::string_view v) {
  return std::any_of(v.begin(), v.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

std::string Scalar(const Node& n, bool in_flow) {
  if (n.IsNull()) return "null";
  // (A plain "--- x" read as a value would be a document's start at the
  // margin.)
  bool marker = n.value.starts_with("---") || n.value.starts_with("...");
  if (n.plain && !n.value.empty() && !HasControl(n.value) && !marker &&
      (!in_flow || FlowSafe(n.value))) {
    return n.value;
  }
  return Quoted(n.value);
}

class Formatter {
 public:
  Formatter(const Node& root, const std::vector<yaml::Comment>& comments) {
    std::vector<const Node*> order;
    Collect(root, order);
    for (const yaml::Comment& c : comments) Attach(c, order);
  }

  std::string Format(const Node& root) {
    EmitLeading(root, 0);
    if (root.IsMap() && !root.entries.empty()) {
      EmitMap(root, 0, "", "");
    } else if (root.IsSeq() && !root.items.empty()) {
      EmitSeq(root, 0, "");
    } else {
      EmitValueLine(root, 0, "", "", "");
    }
    for (const std::string& c : end_) out_ += c + "\n";
    return out_;
  }

 private:
  // Every node in document order: a map's keys and values, a list's items.
  void Collect(const Node& n, std::vector<const Node*>& order) {
    order.push_back(&n);
    for (const yaml::Entry& e : n.entries) {
      order.push_back(&e.key);
      Collect(e.value, order);
    }
    for (const Node& item : n.items) Collect(item, order);
  }

  // A comment line goes with the next node; a comment after a value goes
  // with the last node on its line. A missing value (`rules:` with nothing
  // after it) takes none: it has no place of its own (the parser marks it
  // at the next token, which may be past the comment, or the end).
  void Attach(const yaml::Comment& c, const std::vector<const Node*>& order) {
    if (!c.own_line) {
      const Node* last = nullptr;
      for (const Node* n : order) {
        if (n->pos.line == c.line && !n->IsNull()) last = n;
      }
      if (last != nullptr) {
        std::string& t = notes_[last].trailing;
        t += (t.empty() ? "" : " ") + c.text;
        return;
      }
    }
    for (const Node* n : order) {
      if (n->pos.line > c.line && !n->IsNull()) {
        notes_[n].leading.push_back(c.text);
        return;
      }
    }
    end_.push_back(c.text);
  }

  const Notes* NotesOf(const Node& n) const {
    auto it = notes_.find(&n);
    return it == notes_.end() ? nullptr : &it->second;
  }

  bool HasNotes(const Node& n) const {
    if (NotesOf(n) != nullptr) return true;
    for (const yaml::Entry& e : n.entries) {
      if (HasNotes(e.key) || HasNotes(e.value)) return true;
    }
    for (const Node& item : n.items) {
      if (HasNotes(item)) return true;
    }
    return false;
  }

  std::string Trailing(const Node& n) const {
    const Notes* notes = NotesOf(n);
    return notes == nullptr || notes->trailing.empty() ? "" : "  " + notes->trailing;
  }

  // A node's comment lines, once (a list item's are written before its
  // dash, and not again before its value).
  void EmitLeading(const Node& n, int indent) {
    const Notes* notes = NotesOf(n);
    if (notes == nullptr || !led_.insert(&n).second) return;
    for (const std::string& c : notes->leading) out_ += std::string(indent, ' ') + c + "\n";
  }

  // The node on one line, if it can be and fits: nullopt otherwise.
  std::optional<std::string> Flow(const Node& n, std::string_view context) const {
    if (HasNotes(n)) return std::nullopt;
    if (n.IsSeq()) {
      std::string out = "[";
      for (const Node& item : n.items) {
        if (!item.IsScalar()) return std::nullopt;
        out += (out.size() > 1 ? ", " : "") + Scalar(item, true);
      }
      return out + "]";
    }
    if (!n.IsMap()) return std::nullopt;
    if (n.entries.empty()) return "{}";
    if (!MayFlowMap(context)) return std::nullopt;
    std::string out = "{";
    for (const yaml::Entry* e : Ordered(n, context)) {
      std::optional<std::string> value;
      // A value written plain elsewhere that would need quotes here: a line
      // of its own instead (one with a control character is quoted anyway).
      if (e->value.IsScalar() && e->value.plain && !HasControl(e->value.value) &&
          !FlowSafe(e->value.value)) {
        return std::nullopt;
      }
      if (e->value.IsScalar() || e->value.IsNull()) {
        value = Scalar(e->value, true);
      } else if (e->value.IsSeq()) {
        value = Flow(e->value, "");
      }
      if (!value) return std::nullopt;
      out += (out.size() > 1 ? ", " : "") + Scalar(e->key, true) + ": " + *value;
    }
    return out + "}";
  }

  static std::vector<const yaml::Entry*> Ordered(const Node& map, std::string_view context) {
    std::vector<const yaml::Entry*> out;
    auto order = kOrders.find(context);
    if (order != kOrders.end()) {
      for (const std::string& key : order->second) {
        for (const yaml::Entry& e : map.entries) {
          if (e.key.value == key) out.push_back(&e);
        }
      }
    }
    for (const yaml::Entry& e : map.entries) {
      if (std::find(out.begin(), out.end(), &e) == out.end()) out.push_back(&e);
    }
    return out;
  }

  // The context of an entry's value: "facts" for the top-level key facts,
  // "facts/*" for each fact in it (so for routes and conditions), else the
  // path of keys ("cases/*/expect").
  static std::string ChildContext(std::string_view context, const Node& key) {
    if (context.empty()) return key.value;
    if (context == "facts" || context == "routes" || context == "conditions") {
      return std::string(context) + "/*";
    }
    return std::string(context) + "/" + key.value;
  }

  // Whether `v` takes lines of its own below its key (or dash).
  bool Block(const Node& v, const std::string& context) const {
    return !v.IsScalar() && !v.IsNull() && !Flow(v, context);
  }

  // A map's entries, a key a line; `first` replaces the indentation of the
  // first line (a list item's "- ").
  void EmitMap(const Node& map, int indent, std::string_view context, std::string first) {
    bool top = indent == 0 && context.empty();
    bool previous_section = false;
    for (const yaml::Entry* e : Ordered(map, context)) {
      std::string child = ChildContext(context, e->key);
      // At the top, a blank line around each section. The comment lines
      // before the file's first key come before it: laid out again, they go
      // with the file's top, and the blank line stays where it was.
      bool section = Section(e->key.value);
      if (top && out_.empty()) EmitLeading(e->key, indent);
      if (top && !out_.empty() && (section || previous_section)) out_ += "\n";
      previous_section = section;
      std::string lead = first.empty() ? std::string(static_cast<std::size_t>(indent), ' ') : first;
      // The first key of a list item's map: its comment lines before the dash.
      EmitLeading(e->key, first.empty() ? indent : indent - 2);
      first.clear();
      EmitValueLine(e->value, indent, lead + Scalar(e->key, false) + ":", Trailing(e->key), child);
    }
  }

  // `head` ("key:" or "-") and the value after it: on the same line when it
  // is a single value or fits on one line, else below it, indented.
  void EmitValueLine(const Node& v, int indent, const std::string& head, const std::string& notes,
                     const std::string& context) {
    std::string space = head.empty() ? "" : " ";
    if (v.IsScalar() || v.IsNull()) {
      // Comment lines before a single value (`key:` and the value below
      // it) go before its line, where a key's go.
      EmitLeading(v, static_cast<int>(std::min(head.find_first_not_of(' '), head.size())));
    }
    if (v.IsNull()) {
      out_ += (head.empty() ? "null" : head) + notes + Trailing(v) + "\n";
      return;
    }
    if (v.IsScalar()) {
      std::string after = notes + Trailing(v);
      std::string text = Scalar(v, false);
      // Only a value written plain is folded (a quoted one is left whole).
      bool plain = text == v.value;
      out_ += Wrap(head + space + text, v, indent, after.empty() && plain) + after + "\n";
      return;
    }
    std::optional<std::string> flow = Flow(v, context);
    if (flow && head.size() + 1 + flow->size() <= kWidth) {
      out_ += head + space + *flow + notes + "\n";
      return;
    }
    if (flow && v.IsSeq()) {  // a long list of values: over lines, after its [
      out_ += WrapList(head + space, v) + notes + "\n";
      return;
    }
    out_ += head + notes + "\n";
    EmitLeading(v, indent + 2);
    if (v.IsMap()) {
      EmitMap(v, indent + 2, context, "");
    } else {
      EmitSeq(v, indent + 2, context);
    }
  }

  void EmitSeq(const Node& seq, int indent, const std::string& context) {
    std::string item_context = context + "/*";
    for (std::size_t i = 0; i < seq.items.size(); ++i) {
      const Node& item = seq.items[i];
      bool block_map = item.IsMap() && Block(item, item_context);
      // A blank line between items that take several lines (rules, tests).
      if (i > 0 &&
          (block_map || (seq.items[i - 1].IsMap() && Block(seq.items[i - 1], item_context)))) {
        out_ += "\n";
      }
      EmitLeading(item, indent);
      std::string dash = std::string(static_cast<std::size_t>(indent), ' ') + "- ";
      if (block_map) {
        EmitMap(item, indent + 2, item_context, dash);
      } else {
        EmitValueLine(item, indent + 2, dash.substr(0, dash.size() - 1), "", item_context);
      }
    }
  }

  // A list of values over lines, each line starting below the first value.
  static std::string WrapList(const std::string& head, const Node& seq) {
    std::string out = head + "[", pad(head.size() + 1, ' ');
    std::size_t width = out.size();
    for (std::size_t i = 0; i < seq.items.size(); ++i) {
      std::string item = Scalar(seq.items[i], true) + (i + 1 < seq.items.size() ? "," : "]");
      if (i > 0 && width + 1 + item.size() > kWidth) {
        out += "\n" + pad;
        width = pad.size();
      } else if (i > 0) {
        out += " ";
        ++width;
      }
      out += item;
      width += item.size();
    }
    return seq.items.empty() ? head + "[]" : out;
  }

  // A long plain text folded over lines at spaces (YAML joins them again
  // with one space), unless a comment follows it.
  static std::string Wrap(const std::string& line, const Node& v, int indent, bool may) {
    if (!may || line.size() <= kWidth || !v.plain || v.value.find("  ") != std::string::npos) {
      return line;
    }
    std::size_t value_at = line.size() - v.value.size();
    std::string out = line.substr(0, value_at), current;
    std::size_t width = value_at;
    std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    std::size_t begin = 0;
    while (begin <= v.value.size()) {
      std::size_t end = v.value.find(' ', begin);
      if (end == std::string::npos) end = v.value.size();
      std::string word = v.value.substr(begin, end - begin);
      if (width + (current.empty() ? 0 : 1) + word.size() > kWidth && !current.empty()) {
        out += current + "\n" + pad;
        width = pad.size();
        current.clear();
      }
      current += (current.empty() ? "" : " ") + word;
      width += word.size() + 1;
      begin = end + 1;
    }
    return out + current;
  }

  std::map<const Node*, Notes> notes_;
  std::set<const Node*> led_;  // nodes whose comment lines are written
  std::vector<std::string> end_;
  std::string out_;
};

}  // namespace

namespace {

std::optional<std::string> LayOut(std::string_view bytes, Diagnostics& diags) {
  std::optional<Node> root = yaml::ParseStrictYaml(bytes, diags);
  if (!root || diags.HasErrors()) return std::nullopt;
  return Formatter(*root, yaml::FindComments(bytes)).Format(*root);
}

}  // namespace

std::optional<std::string> FormatYamlFile(std::string_view bytes, Diagnostics& diags) {
  std::optional<std::string> out = LayOut(bytes, diags);
  // Laid out again until nothing changes (a comment's place or a quote can
  // settle only on the second pass, on odd files), so that fmt on its own
  // output never changes it. The layout keeps the meaning (format_test.cc).
  for (int pass = 0; out; ++pass) {
    Diagnostics again;
    std::optional<std::string> next = LayOut(*out, again);
    if (!next || pass == 3) {
      // Never a layout that does not read back (a key full of control
      // characters, quoted, can pass YAML's 1,024 characters for a key),
      // or that does not settle.
      std::string why = again.items().empty() ? "" : " (" + again.items().front().message + ")";
      diags.Error({1, 1}, "E001",
                  next ? "this file cannot be laid out so that it stays the same when laid out "
                         "again"
                       : "this file cannot be laid out so that it reads back: written again, it "
                         "would not be valid YAML" +
                             why);
      return std::nullopt;
    }
    if (*next == *out) break;
    out = std::move(next);
  }
  return out;
}

}  // namespace triage
