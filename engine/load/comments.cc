#include "load/comments.h"

namespace triage::yaml {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

int Indent(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

// Whether a quote at `i` opens a quoted scalar: at the start of a value
// (after indentation, ": ", "- ", or a flow indicator), not inside a plain
// scalar such as `municipality == 'Zuidhaven'`.
bool OpensScalar(std::string_view line, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && line[j - 1] == ' ') --j;
  if (j == 0) return true;
  char before = line[j - 1];
  return before == ':' || before == '-' || before == '[' || before == '{' || before == ',' ||
         before == '?';
}

// Whether `line` ends (before any comment) in a block scalar's indicator,
// `|` or `>` with optional chomping and indentation indicators.
bool StartsBlockScalar(std::string_view content) {
  while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
  std::size_t i = content.size();
  while (i > 0 && (content[i - 1] == '-' || content[i - 1] == '+' ||
                   (content[i - 1] >= '1' && content[i - 1] <= '9'))) {
    --i;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) return false;
  std::size_t before = i - 1;
  while (before > 0 && content[before - 1] == ' ') --before;
  return before == 0 || content[before - 1] == ':' || content[before - 1] == '-';
}

}  // namespace

std::vector<Comment> FindComments(std::string_view text) {
  std::vector<Comment> out;
  char quote = 0;         // the quote of a scalar that runs on to the next line
  int block_indent = -1;  // inside a block scalar: lines indented more than this
  std::vector<std::string_view> lines = Lines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (block_indent >= 0) {
      bool blank = line.find_first_not_of(' ') == std::string_view::npos;
      if (blank || Indent(line) > block_indent) continue;
      block_indent = -1;
    }
    std::size_t comment = std::string_view::npos;
    for (std::size_t i = 0; i < line.size() && comment == std::string_view::npos; ++i) {
      char c = line[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (quote == '\'') {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;
        } else if (c == '\'') {
          quote = 0;
        }
      } else if ((c == '"' || c == '\'') && OpensScalar(line, i)) {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        comment = i;
      }
    }
    std::string_view content = line.substr(0, std::min(comment, line.size()));
    if (quote == 0 && StartsBlockScalar(content)) block_indent = Indent(line);
    if (comment == std::string_view::npos) continue;
    std::string_view body = line.substr(comment);
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
    bool own = content.find_first_not_of(" \t") == std::string_view::npos;
    out.push_back({static_cast<int>(n) + 1, own, std::string(body)});
  }
  return out;
}

}  // namespace triage::yaml
