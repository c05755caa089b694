// Diagnostics: what every stage reports about bad input.
//
// A diagnostic has a severity, a stable code, a message and a source
// position. Stages append to a Diagnostics list and keep going, so that one
// run reports every problem. Rendering is the CLI's job, but the text form is
// defined here so that tests and tools agree on it.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "triage/names.h"

namespace triage {

/// A position in a source file: 1-based line and column (in bytes).
/// line == 0 means "no position" (a problem with the file as a whole).
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning, kNote };

template <>
struct NameTable<Severity> {
  static constexpr std::array<Named<Severity>, 3> kNames = {{
      {Severity::kError, "error"},
      {Severity::kWarning, "warning"},
      {Severity::kNote, "note"},
  }};
};

/// One finding about the input.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;     ///< stable code, e.g. "E012"
  std::string message;  ///< lower-case, no trailing period
  SourcePos pos;
  /// Analyses: the rules the finding is about (ids), and an example case
  /// (a JSON object) that `triage route` routes as the finding says.
  std::vector<std::string> rules;
  std::string example;
};

/// An ordered list of findings about one file.
class Diagnostics {
 public:
  void Error(SourcePos pos, std::string code, std::string message);
  void Warning(SourcePos pos, std::string code, std::string message);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  /// The last diagnostic added, to attach rules or an example to it.
  Diagnostic& back() { return items_.back(); }

  bool HasErrors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Sorts by position (stable), so output order does not depend on the
  /// order the stages ran in.
  void SortByPosition();

 private:
  std::vector<Diagnostic> items_;
};

/// Renders `d` the way compilers do:
///   file:line:col: error: message [E012]
///     <source line>
///     <caret>
/// `source` is the file's text (may be empty: then no excerpt is shown).
std::string RenderDiagnostic(const Diagnostic& d, std::string_view file, std::string_view source);

/// The closest of `candidates` to `word` by edit distance, or "" when none
/// is close enough to be a plausible typo.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — for appending to messages.
std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);
/// The same for a suggestion found already (`best`, "" for none).
std::string MeantSuffix(std::string_view best);

}  // namespace triage
