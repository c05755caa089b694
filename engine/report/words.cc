#include "triage/words.h"

#include <fmt/format.h>

namespace triage {

const std::vector<Words>& AllWords() {
  static const std::vector<Words> kWords = {
      {"en",
       "decided by rule",
       "no rule applies; default route",
       "source",
       "because",
       "undetermined; still possible",
       "or no route",
       "known",
       "ask",
       "unrouted: no rule applies and there is no default",
       "invalid case",
       "also",
       "case",
       "column",
       "true",
       "false",
       {"decided", "undetermined", "unrouted", "invalid"},
       "case",
       "cases"},
      {"nl",
       "besloten door regel",
       "geen regel van toepassing; standaardroute",
       "bron",
       "omdat",
       "nog niet te bepalen; mogelijk",
       "of geen route",
       "bekend",
       "vraag",
       "geen route: geen regel van toepassing en geen standaardroute",
       "ongeldige zaak",
       "ook",
       "zaak",
       "kolom",
       "ja",
       "nee",
       {"besloten", "nog niet te bepalen", "zonder route", "ongeldig"},
       "zaak",
       "zaken"},
  };
  return kWords;
}

const Words& WordsIn(std::string_view lang) {
  for (const Words& w : AllWords()) {
    if (w.lang == lang) return w;
  }
  return AllWords()[0];
}

bool Speaks(std::string_view lang) {
  for (const Words& w : AllWords()) {
    if (w.lang == lang) return true;
  }
  return false;
}

std::string ValueTextIn(const Fact& fact, const Value& v, std::string_view lang) {
  if (fact.type == FactType::kBool) {
    const Words& w = WordsIn(lang);
    return std::string(v.i ? w.yes : w.no);
  }
  return ValueText(fact, v);
}

std::string CountsText(std::uint64_t total, const std::array<std::uint64_t, 4>& counts,
                       std::string_view lang) {
  const Words& w = WordsIn(lang);
  std::string text = fmt::format("{} {}:", total, total == 1 ? w.one_case : w.many_cases);
  for (std::size_t s = 0; s < counts.size(); ++s) {
    text += fmt::format("{} {} {}", s ? "," : "", counts[s], w.statuses[s]);
  }
  return text;
}

}  // namespace triage
