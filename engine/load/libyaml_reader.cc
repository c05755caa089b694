// libyaml's event parser into the tree builder: the reader for case files,
// some seven times faster than yaml-cpp on a long list of cases. libyaml
// stays inside this file.
#include <new>

#include <yaml.h>

#include "load/yaml_tree.h"

namespace triage::yaml {
namespace {

// libyaml counts characters; positions here are in bytes, as yaml-cpp's
// (a column too: after 'é' one more than libyaml says). Marks come in
// order, so the count carries on from the last one (and starts over when
// one comes before it).
class Offsets {
 public:
  explicit Offsets(std::string_view text) : text_(text) {
    if (text.starts_with("\xEF\xBB\xBF")) start_ = 3;  // a byte order mark, skipped
    Restart();
  }

  Mark At(const yaml_mark_t& m) {
    if (m.index < character_) Restart();
    while (character_ < m.index && byte_ < text_.size()) {
      if (text_[byte_] == '\n') line_start_ = byte_ + 1;
      ++byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) {
        ++byte_;
      }
      ++character_;
    }
    return {static_cast<int>(m.line) + 1, static_cast<int>(byte_ - line_start_) + 1, byte_};
  }

 private:
  void Restart() {
    character_ = 0;
    byte_ = line_start_ = start_;
  }

  std::string_view text_;
  std::size_t start_ = 0, character_ = 0, byte_ = 0, line_start_ = 0;
};

Tag TagOf(const yaml_char_t* tag) {
  if (tag == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(tag));
  if (text == "!") return {Tag::Kind::kNonSpecific, {}};
  return {Tag::Kind::kWritten, std::move(text)};
}

// The parser and its current event, released however the reading ends (a
// case handed over from inside may throw).
struct Parser {
  yaml_parser_t parser;
  yaml_event_t event;
  bool has_event = false;

  Parser() {
    if (yaml_parser_initialize(&parser) == 0) throw std::bad_alloc();
  }
  ~Parser() {
    Release();
    yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool Next() {
    Release();
    has_event = yaml_parser_parse(&parser, &event) != 0;
    return has_event;
  }
  void Release() {
    if (has_event) yaml_event_delete(&event);
    has_event = false;
  }
};

}  // namespace

bool ParseWithLibyaml(std::string_view text, TreeBuilder& builder, Diagnostics& diags) {
  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Offsets offsets(text);
  auto mark = [&](const yaml_mark_t& m) { return offsets.At(m); };
  bool document = false;
  while (p.Next()) {
    const yaml_event_t& e = p.event;
    switch (e.type) {
      case YAML_STREAM_END_EVENT:
        return true;
      case YAML_DOCUMENT_START_EVENT:
        if (document) {
          // A second document would be silently ignored by most readers.
          Mark at = mark(e.start_mark);
          diags.Error({at.line, at.column}, "E008",
                      "more than one YAML document; a file holds exactly one");
          return true;
        }
        document = true;
        break;
      case YAML_ALIAS_EVENT:
        builder.Alias(mark(e.start_mark));
        break;
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        std::string value(reinterpret_cast<const char*>(s.value), s.length);
        bool plain = s.tag == nullptr && s.style == YAML_PLAIN_SCALAR_STYLE;
        if (plain && IsNullWord(value)) {
          builder.Null(mark(e.start_mark), s.anchor != nullptr);
        } else {
          builder.Scalar(mark(e.start_mark), TagOf(s.tag), s.anchor != nullptr, plain,
                         std::move(value));
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        builder.SequenceStart(mark(e.start_mark), TagOf(e.data.sequence_start.tag),
                              e.data.sequence_start.anchor != nullptr);
        break;
      case YAML_MAPPING_START_EVENT:
        builder.MapStart(mark(e.start_mark), TagOf(e.data.mapping_start.tag),
                         e.data.mapping_start.anchor != nullptr);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.End();
        break;
      default:  // the stream's start, a document's end
        break;
    }
  }
  if (p.parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  return false;
}

}  // namespace triage::yaml
