// The tool's own words, in the languages it speaks (English and Dutch): what
// the text output says around the rule file's labels and reasons, so that a
// record, a summary or an interview is in one language throughout. The
// words a case file may use for yes and no are kYesNoWords (model.h); these
// are the words shown. The interview's own phrases are in
// cli/interview_talk.cc.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "triage/model.h"

namespace triage {

struct Words {
  std::string_view lang;
  // A decision record for people.
  std::string_view decided_by, by_default, source, because, undetermined, or_unrouted, known, ask,
      unrouted, invalid, also, a_case, column;
  // Booleans, as shown and as answered (case-insensitive): the words of the
  // language beside true and false.
  std::string_view yes, no;
  // The statuses of a record, as a summary counts them (decided,
  // undetermined, unrouted, invalid), and "case" / "cases".
  std::array<std::string_view, 4> statuses;
  std::string_view one_case, many_cases;
};

/// The languages the tool speaks, the first the default.
const std::vector<Words>& AllWords();

/// The words in `lang`; English for a language the tool does not speak.
const Words& WordsIn(std::string_view lang);

/// Whether the tool speaks `lang`.
bool Speaks(std::string_view lang);

/// A value for people in `lang`: booleans as the language's yes and no (in
/// English true and false, as cases write them), anything else as
/// ValueText.
std::string ValueTextIn(const Fact& fact, const Value& v, std::string_view lang);

/// "3 zaken: 2 besloten, 1 nog niet te bepalen, ...": `counts` per status
/// in the order of Words::statuses.
std::string CountsText(std::uint64_t total, const std::array<std::uint64_t, 4>& counts,
                       std::string_view lang);

}  // namespace triage
