#include "check/languages.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {

void FindMissingLanguages(const RuleSet& rs, Diagnostics& diags) {
  std::vector<std::string> langs = rs.Languages();
  if (langs.size() < 2) return;
  rs.ForEachText([&](const Text& t, const RuleSet::TextPlace& place) {
    std::string what = place.Describe();
    const SourcePos& pos = place.pos;
    std::vector<std::string> missing;
    for (const std::string& lang : langs) {
      bool has = std::any_of(t.by_lang.begin(), t.by_lang.end(),
                             [&](const auto& entry) { return entry.first == lang; });
      if (!has) missing.push_back(lang);
    }
    if (missing.empty()) return;
    auto quoted = [](const std::vector<std::string>& codes, std::string_view sep) {
      std::string list;
      for (size_t i = 0; i < codes.size(); ++i) {
        list += fmt::format("{}'{}'", i == 0 ? "" : i + 1 == codes.size() ? sep : ", ", codes[i]);
      }
      return list;
    };
    const std::string& first = t.by_lang.front().first;
    if (first.empty()) {
      std::string each;
      for (const std::string& lang : langs) each += (each.empty() ? "" : ", ") + lang + ": ...";
      diags.Warning(pos, "W003",
                    fmt::format("{} is a plain text, while other texts of the file are in {}: "
                                "give it in each, as {{{}}}",
                                what, quoted(langs, " and "), each));
      return;
    }
    diags.Warning(pos, "W003",
                  fmt::format("{} has no {} text, as other texts of the file have: there it "
                              "shows its '{}' text",
                              what, quoted(missing, " or "), first));
  });
}

}  // namespace triage
