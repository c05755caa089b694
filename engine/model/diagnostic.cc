#include "triage/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

#include "triage/limits.h"
#include "triage/model.h"

namespace triage {

void Diagnostics::Error(SourcePos pos, std::string code, std::string message) {
  items_.push_back({Severity::kError, std::move(code), std::move(message), pos, {}, {}});
}

void Diagnostics::Warning(SourcePos pos, std::string code, std::string message) {
  items_.push_back({Severity::kWarning, std::move(code), std::move(message), pos, {}, {}});
}

bool Diagnostics::HasErrors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void Diagnostics::SortByPosition() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
}

static std::string_view LineOf(std::string_view source, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

namespace {

// The start of the UTF-8 character that holds text[i].
std::size_t CharStart(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

// A source line as a diagnostic shows it, with the caret line under it:
// printable (tabs kept, so that the caret lines up), and cut to a window of
// kMaxEchoBytes around `column` (0-based, in bytes) when it is longer.
std::string EchoedLine(std::string_view line, std::size_t column) {
  std::size_t from = 0, to = line.size();
  if (line.size() > kMaxEchoBytes) {
    if (column > kMaxEchoBytes / 3) from = CharStart(line, column - kMaxEchoBytes / 3);
    to = CharStart(line, std::min(line.size(), from + kMaxEchoBytes));
  }
  auto shown = [](std::string_view part) {
    std::string text;
    for (std::size_t start = 0; start <= part.size();) {
      std::size_t tab = std::min(part.find('\t', start), part.size());
      text += Printable(part.substr(start, tab - start));
      if (tab < part.size()) text += '\t';
      start = tab + 1;
    }
    return text;
  };
  std::string before = from > 0 ? "..." : "";
  std::string prefix = before + shown(line.substr(from, std::max(column, from) - from));
  std::string text = before + shown(line.substr(from, to - from)) + (to < line.size() ? "..." : "");
  std::string caret = "\n  ";
  // Tabs kept in the caret line so the caret lines up under the token.
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    caret += prefix[i] == '\t' ? '\t' : ' ';
  }
  return text + caret + "^";
}

}  // namespace

std::string RenderDiagnostic(const Diagnostic& d, std::string_view file, std::string_view source) {
  std::string out;
  if (d.pos.line > 0) {
    out = fmt::format("{}:{}:{}: {}: {} [{}]\n", Printable(file), d.pos.line, d.pos.column,
                      NameOf(d.severity), Printable(d.message), d.code);
  } else {
    out = fmt::format("{}: {}: {} [{}]\n", Printable(file), NameOf(d.severity),
                      Printable(d.message), d.code);
  }
  if (d.pos.line <= 0 || source.empty()) return out;
  std::string_view line = LineOf(source, d.pos.line);
  if (line.empty()) return out;
  out += "  " + EchoedLine(line, static_cast<std::size_t>(std::max(1, d.pos.column) - 1)) + "\n";
  return out;
}

static size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::string::npos;
  // A typo changes a few characters; allow about one edit in three.
  size_t limit = std::max<size_t>(1, (word.size() + 2) / 3);
  for (const std::string& c : candidates) {
    size_t dist = EditDistance(word, c);
    if (dist <= limit && dist < best_distance) {
      best = c;
      best_distance = dist;
    }
  }
  return best;
}

std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates) {
  return MeantSuffix(DidYouMean(word, candidates));
}

std::string MeantSuffix(std::string_view best) {
  return best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best);
}

}  // namespace triage
