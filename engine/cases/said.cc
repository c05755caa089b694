#include "cases/said.h"

#include <fmt/format.h>

#include "triage/diagnostic.h"
#include "triage/limits.h"
#include "triage/names.h"

namespace triage::said {
namespace {

constexpr std::string_view kForms = "2025-04-19 or day first 19-4-2025";
constexpr std::string_view kVormen = "2025-04-19 of dag eerst 19-4-2025";
constexpr std::string_view kNietGetoond = "(persoonsgegeven, niet getoond)";

// A shown value in Dutch: the same, but for the words that hide a personal one.
std::string Nl(std::string_view shown) {
  return shown == kNotShown ? std::string(kNietGetoond) : std::string(shown);
}

}  // namespace

Said TypeName(FactType type) {
  // In English the rule language's own name of the type (`type: int`).
  auto named = [&](std::string_view nl) {
    return Said{std::string(NameOf(type)), std::string(nl)};
  };
  switch (type) {
    case FactType::kBool:
      return named("ja/nee");
    case FactType::kInt:
      return named("geheel getal");
    case FactType::kNumber:
      return named("getal");
    case FactType::kEnum:
      return named("keuze");
    case FactType::kString:
      return named("tekst");
    case FactType::kDate:
      return named("datum");
  }
  TRIAGE_UNREACHABLE();
}

Said KindName(std::string_view kind) {
  struct Row {
    std::string_view en, nl;
  };
  static constexpr Row kRows[] = {{"null", "leeg"},
                                  {"a boolean", "ja of nee"},
                                  {"an integer", "een geheel getal"},
                                  {"a number", "een getal"},
                                  {"a string", "een tekst"},
                                  {"a map", "een map"},
                                  {"a list", "een lijst"},
                                  {"a single value", "één waarde"}};
  for (const Row& r : kRows) {
    if (r.en == kind) return {std::string(r.en), std::string(r.nl)};
  }
  return {std::string(kind), std::string(kind)};
}

Said IntOutOfRange(std::string_view fact, std::string_view digits) {
  return {fmt::format("fact '{}' is int: {}", fact, OutOfRangeText(digits)),
          fmt::format("feit '{}' (geheel getal): {} valt buiten het bereik: een geheel getal ligt "
                      "tussen -9223372036854775808 en 9223372036854775807 (64 bits)",
                      fact, Nl(digits))};
}

Said NotFinite(std::string_view fact, std::string_view shown) {
  return {fmt::format("fact '{}' must be a finite number, not {}", fact, shown),
          fmt::format("feit '{}' moet een eindig getal zijn, niet {}", fact, Nl(shown))};
}

Said NotAValue(std::string_view fact, std::string_view text,
               const std::vector<std::string>& values) {
  std::string best = DidYouMean(text, values);
  return {fmt::format("'{}' is not a value of fact '{}'{}", text, fact, MeantSuffix(best)),
          fmt::format("'{}' is geen waarde van feit '{}'{}", text, fact,
                      best.empty() ? "" : fmt::format(" (bedoelt u '{}'?)", best))};
}

Said NotAValuePersonal(std::string_view fact) {
  return {fmt::format("fact '{}' has a value that is not one of its values {}", fact, kNotShown),
          fmt::format("feit '{}' heeft een waarde die niet een van zijn waarden is {}", fact,
                      kNietGetoond)};
}

Said NotADatePersonal(std::string_view fact) {
  return {
      fmt::format("fact '{}' is not a date that exists, written {} {}", fact, kForms, kNotShown),
      fmt::format("feit '{}' is geen datum die bestaat, geschreven als {} {}", fact, kVormen,
                  kNietGetoond)};
}

Said NotADate(std::string_view fact, std::string_view described) {
  return {fmt::format("fact '{}' must be a date, written {}, not {}", fact, kForms, described),
          fmt::format("feit '{}' moet een datum zijn, geschreven als {}, niet {}", fact, kVormen,
                      described)};
}

Said DateThatIsNot(std::string_view fact, std::string_view described, const Said& why) {
  return {fmt::format("fact '{}' is {}, not a date: {}", fact, described, why.en),
          fmt::format("feit '{}' is {}, geen datum: {}", fact, described, why.nl)};
}

Said Ambiguous(std::string_view fact, FactType type, std::string_view shown) {
  return {fmt::format("fact '{}' is {}; {} is ambiguous (a YAML 1.1 boolean), quote it as a "
                      "string",
                      fact, TypeName(type).en, shown),
          fmt::format("feit '{}' ({}): {} is dubbelzinnig (YAML 1.1 leest het als ja of nee); "
                      "zet het tussen aanhalingstekens",
                      fact, TypeName(type).nl, Nl(shown))};
}

Said WrongType(std::string_view fact, FactType type, const Said& want, const Said& got) {
  return {fmt::format("fact '{}' is {}; it must be {}, not {}", fact, TypeName(type).en, want.en,
                      got.en),
          fmt::format("feit '{}' ({}) moet {} zijn, niet {}", fact, TypeName(type).nl, want.nl,
                      got.nl)};
}

Said BelowMinimum(std::string_view fact, std::string_view shown, std::string_view minimum) {
  return {fmt::format("fact '{}' is {}, below its minimum {}", fact, shown, minimum),
          fmt::format("feit '{}' is {}, minder dan het minimum {}", fact, Nl(shown), minimum)};
}

Said AboveMaximum(std::string_view fact, std::string_view shown, std::string_view maximum) {
  return {fmt::format("fact '{}' is {}, above its maximum {}", fact, shown, maximum),
          fmt::format("feit '{}' is {}, meer dan het maximum {}", fact, Nl(shown), maximum)};
}

Said UnknownFact(std::string_view key, std::string_view best, std::string_view listed,
                 std::size_t more) {
  std::string en(listed), nl(listed);
  if (more > 0) {
    en += fmt::format(" and {} more", more);
    nl += fmt::format(" en nog {}", more);
  }
  if (best.empty()) {
    return {fmt::format("unknown fact '{}' (facts: {})", key, en),
            fmt::format("onbekend feit '{}' (feiten: {})", key, nl)};
  }
  return {fmt::format("unknown fact '{}'; did you mean '{}'? (facts: {})", key, best, en),
          fmt::format("onbekend feit '{}'; bedoelt u '{}'? (feiten: {})", key, best, nl)};
}

Said KeptNotSingle(std::string_view key, std::string_view kind) {
  return {fmt::format("'{}' is kept as it is, so it must be a single value, not {}", key, kind),
          fmt::format("'{}' wordt bewaard zoals het is en moet dus één waarde zijn, niet {}", key,
                      KindName(kind).nl)};
}

Said CaseIdKind() {
  return {"'case_id' must be a string or an integer",
          "'case_id' moet een tekst of een geheel getal zijn"};
}

Said GivenTwice(std::string_view key, bool fact) {
  if (fact) {
    return {fmt::format("fact '{}' is given twice", key),
            fmt::format("feit '{}' staat er twee keer in", key)};
  }
  return {fmt::format("'{}' is given twice", key), fmt::format("'{}' staat er twee keer in", key)};
}

Said KeyTooLong(std::size_t bytes, std::string_view shown) {
  return {fmt::format("a key of {} bytes ('{}'); the most a key may be is {}", bytes, shown,
                      BytesText(kMaxKeyBytes)),
          fmt::format("een naam van {} bytes ('{}'); een naam mag hoogstens {} zijn", bytes, shown,
                      BytesText(kMaxKeyBytes))};
}

Said KeyHoldsNul() {
  return {"a key holds a NUL character (code 0), which no text in a case may hold",
          "een naam bevat een NUL-teken (code 0), dat geen tekst in een zaak mag bevatten"};
}

Said ValueTooLong(std::size_t bytes) {
  return {fmt::format("the value is {} bytes long; the most a text may be is {}", bytes,
                      BytesText(kMaxTextBytes)),
          fmt::format("de waarde is {} bytes lang; een tekst mag hoogstens {} zijn", bytes,
                      BytesText(kMaxTextBytes))};
}

Said ValueHoldsNul() {
  return {"the value holds a NUL character (code 0), which no text in a case may hold",
          "de waarde bevat een NUL-teken (code 0), dat geen tekst in een zaak mag bevatten"};
}

Said BoolWanted(const std::vector<std::string>& languages) {
  return {CaseBoolChoices(languages), CaseBoolChoices(languages, "nl")};
}

Said DateWanted() {
  return {fmt::format("a date ({})", kForms), fmt::format("een datum ({})", kVormen)};
}

Said Wanted(std::string_view en, std::string_view nl) { return {std::string(en), std::string(nl)}; }

}  // namespace triage::said
