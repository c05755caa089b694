// What is wrong with a case's value, in English and in Dutch side by side:
// the words of validation (validate.cc), one function a kind of problem.
// The English is what records carry as data; the Dutch is what a triage
// officer reads in Dutch text output (CaseProblem::nl). A personal fact's
// value is never given to these: the caller passes kNotShown instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "triage/model.h"

namespace triage::said {

struct Said {
  std::string en;
  std::string nl;
};

/// A type's name as the messages use it ("int" / "geheel getal").
Said TypeName(FactType type);
/// What a raw value is, for a personal fact whose value is not shown
/// ("a boolean" / "ja of nee"); `kind` is RawValue's KindName.
Said KindName(std::string_view kind);

Said IntOutOfRange(std::string_view fact, std::string_view digits);
Said NotFinite(std::string_view fact, std::string_view shown);
Said NotAValue(std::string_view fact, std::string_view text,
               const std::vector<std::string>& values);
Said NotAValuePersonal(std::string_view fact);
Said NotADatePersonal(std::string_view fact);
Said NotADate(std::string_view fact, std::string_view described);
Said DateThatIsNot(std::string_view fact, std::string_view described, const Said& why);
Said Ambiguous(std::string_view fact, FactType type, std::string_view shown);
/// "fact 'x' is int; it must be an integer, not 'abc'".
Said WrongType(std::string_view fact, FactType type, const Said& want, const Said& got);
Said BelowMinimum(std::string_view fact, std::string_view shown, std::string_view minimum);
Said AboveMaximum(std::string_view fact, std::string_view shown, std::string_view maximum);
/// `best` "" when no name is close; `listed` the names shown, `more` how
/// many are left out.
Said UnknownFact(std::string_view key, std::string_view best, std::string_view listed,
                 std::size_t more);
Said KeptNotSingle(std::string_view key, std::string_view kind);
Said CaseIdKind();
Said GivenTwice(std::string_view key, bool fact);
Said KeyTooLong(std::size_t bytes, std::string_view shown);
Said KeyHoldsNul();
Said ValueTooLong(std::size_t bytes);
Said ValueHoldsNul();

/// What a bool fact takes ("true or false (or ja/nee)" / "true of false
/// (of ja/nee)"), a date ("a date (2025-04-19 or day first 19-4-2025)").
Said BoolWanted(const std::vector<std::string>& languages);
Said DateWanted();
Said Wanted(std::string_view en, std::string_view nl);

}  // namespace triage::said
