// What `triage interview` says and how it understands answers: the
// questions in the rule file's language with numbered choices, and an
// answer (a choice's number, a value, "don't know", "back") read into a
// value of the fact, checked as a case file's value would be.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/evaluate.h"
#include "triage/model.h"

namespace triage::cli {

/// The interview's own words in one language.
struct Talk {
  std::string_view lang;
  std::string_view question;      ///< "Vraag"
  std::string_view dont_know;     ///< the choice "weet ik niet"
  std::string_view hint;          ///< how to answer, shown once
  std::string_view still_open;    ///< "nog mogelijk"
  std::string_view not_a_choice;  ///< "{} is not a choice: ..." ({} answer, {} count)
  std::string_view two_choices;   ///< "{} fits more than one: {}" (answer, the values)
  std::string_view empty_answer;  ///< nothing was typed
  std::string_view nothing_back;  ///< "back" at the first question
  std::string_view ran_out;       ///< the input ended before the route was decided
  std::string_view stuck;         ///< nothing left to ask that could settle it
  std::string_view asked_of;      ///< "{} of {} facts asked" ({} asked, {} facts)
  std::string_view one_question, many_questions;
  std::string_view kind_int, kind_number, kind_date, kind_text;
  std::string_view not_kind;           ///< "{} is not {}" (the answer, a kind)
  std::string_view at_least, at_most;  ///< "{} is below the minimum {}" (answer, bound)
  std::string_view this_answer;        ///< instead of a personal fact's answer
  std::string_view did_you_mean;       ///< "; did you mean {}?" (a choice)
};

/// The words in `lang` (English when the tool does not speak it).
const Talk& TalkIn(std::string_view lang);

/// What an answer says.
struct Reply {
  enum class Kind { kValue, kDontKnow, kBack };
  Kind kind = Kind::kValue;
  Value value;
};

/// The question about `fact`, numbered, with its choices, as shown.
std::string QuestionText(const RuleSet& rs, int fact, int number, const Talk& talk);

/// Reads `answer` for `fact`: an enum value as written (first, so that a
/// value named "onbekend" or "12" can be given), "?" and "weet ik niet" for
/// don't know, "<" and "terug" for back, a choice's number, the start of
/// only one enum value, yes/no in any language the tool speaks, a number (a
/// decimal comma too), a date, a text. nullopt with `problem` set (in
/// `talk`'s language, never repeating a personal fact's answer) when it is
/// not a valid answer.
std::optional<Reply> ReadAnswer(const RuleSet& rs, int fact, std::string_view answer,
                                const Talk& talk, std::string& problem);

/// "De-escalatie [de_escalatie], OM [om]": routes by their labels.
std::string RoutesText(const RuleSet& rs, const std::vector<int>& routes, std::string_view lang);

}  // namespace triage::cli
