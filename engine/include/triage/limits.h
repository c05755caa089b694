// The limits on what triage reads, in one place. Each is far above what a
// real rule set or case file needs, so that only a runaway or hostile input
// meets one; each is a clear error naming the file and the position, never
// a crash, a hang or memory without end. docs/limits.md lists them with
// what the tool does at each, and the tests that show it.
#pragma once

#include <cstddef>
#include <string>

namespace triage {

/// A rule file (and a test file), in bytes.
inline constexpr std::size_t kMaxRuleFileBytes = std::size_t{16} << 20;
/// One text in a rule file or a case: a label, a question, a reason, a
/// string value, a case id.
inline constexpr std::size_t kMaxTextBytes = std::size_t{64} << 10;
/// One key of a map: a fact's, route's or condition's name, a rule's id, a
/// key or column name in a case file.
inline constexpr std::size_t kMaxKeyBytes = 1024;
/// One line of a YAML file, rule file or case file, in bytes.
inline constexpr std::size_t kMaxYamlLineBytes = std::size_t{1} << 20;
/// Maps and lists inside each other in a YAML file.
inline constexpr int kMaxYamlNesting = 64;
/// Parentheses and operators inside each other in one expression.
inline constexpr int kMaxExpressionNesting = 64;
/// One expression (a `when:` or a condition), in bytes.
inline constexpr std::size_t kMaxExpressionBytes = std::size_t{16} << 10;
/// Rules in one rule set.
inline constexpr std::size_t kMaxRules = 100000;
/// Facts in one rule set.
inline constexpr std::size_t kMaxFacts = 10000;
/// One case as JSON Lines reads it (a line), or as CSV reads it (a row,
/// which may span lines inside quotes), in bytes.
inline constexpr std::size_t kMaxCaseLineBytes = std::size_t{1} << 20;
/// A JSON or YAML case file, which is read whole, in bytes.
inline constexpr std::size_t kMaxCaseDocumentBytes = std::size_t{256} << 20;
/// Distinct case ids `route` keeps to find one given again (some 40 MB);
/// ids after these are not checked, with a warning, unless --unique-ids
/// asks for every one to be.
inline constexpr std::size_t kMaxCheckedIds = 1000000;
/// The most of an offending line a diagnostic shows (a window around the
/// column); the rest is cut, with "..." where it was.
inline constexpr std::size_t kMaxEchoBytes = 240;

/// "16 MiB", "64 KiB", "100 bytes": a size for people, in messages about
/// these limits.
std::string BytesText(std::size_t bytes);

}  // namespace triage
