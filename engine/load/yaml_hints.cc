#include "load/yaml_hints.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "triage/model.h"

namespace triage::yaml {
namespace {

struct Line {
  int number = 0;  // 1-based
  std::string_view text;
  int indent = 0;

  bool Blank() const {
    std::size_t first = text.find_first_not_of(' ');
    return first == std::string_view::npos || text[first] == '#';
  }
  // The key the line starts with ("route" of "    route: x", "id" of "- id:").
  std::string_view Key() const {
    std::string_view rest = text.substr(static_cast<std::size_t>(indent));
    if (rest.starts_with("- ")) rest.remove_prefix(2);
    std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    std::string_view key = rest.substr(0, colon);
    return key.find(' ') == std::string_view::npos ? key : std::string_view{};
  }
  // Where the key starts: after the indentation, and after a "- ".
  int KeyColumn() const {
    std::string_view rest = text.substr(static_cast<std::size_t>(indent));
    return indent + (rest.starts_with("- ") ? 2 : 0);
  }
};

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  int number = 1;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    Line line{number++, text.substr(begin, end - begin), 0};
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    while (line.indent < static_cast<int>(line.text.size()) &&
           line.text[static_cast<std::size_t>(line.indent)] == ' ') {
      ++line.indent;
    }
    lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

// The content line before line `number`, if any.
std::optional<Line> Before(const std::vector<Line>& lines, int number) {
  for (int n = number - 1; n >= 1; --n) {
    const Line& line = lines[static_cast<std::size_t>(n - 1)];
    if (!line.Blank()) return line;
  }
  return std::nullopt;
}

std::string Spaces(int n) { return n == 1 ? "1 space" : fmt::format("{} spaces", n); }

// `key: text: more`: a text holding ": " that is not in quotes. The fix
// shows the text quoted, when `show` (not for a case file, whose values
// may be personal); a text that goes on over the next lines is quoted to
// the end of its last line.
std::optional<std::string> ColonInText(const std::vector<Line>& lines, const Line& line,
                                       bool show) {
  std::string_view key = line.Key();
  if (key.empty()) return std::nullopt;
  std::string_view rest =
      line.text.substr(static_cast<std::size_t>(line.KeyColumn()) + key.size() + 1);
  std::size_t start = rest.find_first_not_of(' ');
  if (start == std::string_view::npos) return std::nullopt;
  std::string_view value = rest.substr(start);
  if (value.front() == '"' || value.front() == '\'' || value.find(": ") == std::string_view::npos) {
    return std::nullopt;
  }
  int last = line.number;  // the text's last line: the lines below it indented more
  while (last < static_cast<int>(lines.size()) &&
         lines[static_cast<std::size_t>(last)].indent > line.KeyColumn() &&
         !lines[static_cast<std::size_t>(last)].Blank()) {
    ++last;
  }
  std::string what = fmt::format(
      "the text after '{}:' holds ': ', which YAML reads as the start of another key; put the "
      "whole text in double quotes",
      Printable(key));
  if (last > line.number) {
    what += fmt::format(", from its start on line {} to the end of line {}", line.number, last);
  }
  if (!show) return what;
  std::string quoted;
  for (char c : value) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
  bool cut = quoted.size() > 60;
  if (cut) {
    std::size_t space = quoted.rfind(' ', 60);
    quoted.resize(space == std::string::npos || space < 20 ? 60 : space);
  }
  // A text shown in part ends in "...", before the quote that closes it.
  return fmt::format("{}: {}: \"{}{}", what, Printable(key), Printable(quoted),
                     cut || last > line.number ? " ...\"" : "\"");
}

// A line indented more than the line above, which has its value already.
std::optional<std::string> IndentedTooFar(const Line& line, const std::optional<Line>& above) {
  if (!above || above->Key().empty() || line.indent <= above->KeyColumn()) return std::nullopt;
  std::string_view after =
      above->text.substr(static_cast<std::size_t>(above->KeyColumn()) + above->Key().size() + 1);
  if (after.find_first_not_of(' ') == std::string_view::npos) return std::nullopt;  // no value
  return fmt::format(
      "line {} is indented {}, more than '{}:' on line {} ({}), which has its value already; "
      "line it up with '{}:'",
      line.number, Spaces(line.indent), Printable(above->Key()), above->number,
      Spaces(above->KeyColumn()), Printable(above->Key()));
}

// "-id: r": a dash without the space that makes it a list item.
std::optional<std::string> DashWithoutSpace(const std::vector<Line>& lines, int number) {
  for (int n = number; n >= 1 && n >= number - 1; --n) {
    const Line& line = lines[static_cast<std::size_t>(n - 1)];
    std::string_view rest = line.text.substr(static_cast<std::size_t>(line.indent));
    if (rest.size() > 1 && rest[0] == '-' && rest[1] != ' ' && rest[1] != '-' &&
        !(rest[1] >= '0' && rest[1] <= '9')) {
      return fmt::format(
          "line {} starts with '-' but no space after it; a list item is '- ' "
          "and then the text: - {}",
          line.number, Printable(Shortened(rest.substr(1), 40)));
    }
  }
  return std::nullopt;
}

// A line indented less than the lines it goes with, more than their parent.
std::optional<std::string> IndentedTooLittle(const Line& line, const std::optional<Line>& above) {
  if (!above || line.indent >= above->KeyColumn() || line.Key().empty()) return std::nullopt;
  return fmt::format(
      "line {} is indented {}: less than '{}:' on line {} ({}) and the keys with it; line it up "
      "with them, or with the key it belongs under",
      line.number, Spaces(line.indent), Printable(above->Key()), above->number,
      Spaces(above->KeyColumn()));
}

}  // namespace

std::string YamlSyntaxMessage(std::string_view yaml_message, std::string_view text, SourcePos at,
                              bool show_values) {
  std::vector<Line> lines = Lines(text);
  std::string yaml = fmt::format("(YAML: {})", yaml_message);
  if (at.line < 1 || at.line > static_cast<int>(lines.size())) return "YAML syntax " + yaml;
  const Line& line = lines[static_cast<std::size_t>(at.line - 1)];
  std::optional<Line> above = Before(lines, at.line);
  std::optional<std::string> hint;
  if (yaml_message == "illegal map value") {
    hint = ColonInText(lines, line, show_values);
    if (!hint) hint = DashWithoutSpace(lines, at.line);
    if (!hint) hint = IndentedTooFar(line, above);
  } else if (yaml_message == "end of sequence not found" ||
             yaml_message == "end of map not found") {
    hint = IndentedTooLittle(line, above);
    if (!hint) hint = IndentedTooFar(line, above);
  } else if (yaml_message == "unknown token") {
    hint =
        "a '?' (or another of YAML's signs) inside { } is read as YAML's own; write each text on "
        "a line of its own, or in double quotes";
  } else if (yaml_message == "end of sequence flow not found" ||
             yaml_message == "end of map flow not found") {
    hint = fmt::format(
        "a '{}' is opened and not closed; close it, or put a text that starts with it in double "
        "quotes",
        yaml_message == "end of map flow not found" ? '{' : '[');
  }
  return hint ? *hint + " " + yaml : "YAML syntax " + yaml;
}

}  // namespace triage::yaml
