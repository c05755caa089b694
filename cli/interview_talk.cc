#include "cli/interview_talk.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "triage/cases.h"
#include "triage/words.h"

namespace triage::cli {
namespace {

const Talk kEnglish = {
    "en",
    "Question",
    "don't know",
    "Answer with a number or a value; ? = don't know, < = back to the previous question.",
    "still possible",
    "{} is not one of the choices: answer with a number from 1 to {}, a value, or ?",
    "{} fits more than one choice ({}): type more of it",
    "no answer: type a number or a value, ? if you do not know",
    "there is no previous question to go back to",
    "the answers ended before the route was decided; nothing was recorded",
    "nothing left to ask can settle the route: the decision waits for what is not known",
    "{} of {} facts asked",
    "question",
    "questions",
    "a whole number",
    "a number",
    "a date, as 19-4-2025 or 2025-04-19",
    "a text",
    "{} is not {}",
    "{} is below the lowest possible, {}",
    "{} is above the highest possible, {}",
    "this answer",
    "; did you mean '{}'?",
};

const Talk kDutch = {
    "nl",
    "Vraag",
    "weet ik niet",
    "Antwoord met een nummer of een waarde; ? = weet ik niet, < = terug naar de vorige vraag.",
    "nog mogelijk",
    "{} is geen van de keuzes: antwoord met een nummer van 1 tot en met {}, een waarde, of ?",
    "{} past bij meer dan een keuze ({}): typ er meer van",
    "geen antwoord: typ een nummer of een waarde, ? als u het niet weet",
    "er is geen vorige vraag om naar terug te gaan",
    "de antwoorden hielden op voordat de route vaststond; er is niets vastgelegd",
    "niets wat nog te vragen is kan de route vaststellen: het besluit wacht op wat niet bekend is",
    "{} van {} feiten gevraagd",
    "vraag",
    "vragen",
    "geheel getal",
    "getal",
    "datum, als 19-4-2025 of 2025-04-19",
    "tekst",
    "{} is geen {}",
    "{} is lager dan het laagst mogelijke, {}",
    "{} is hoger dan het hoogst mogelijke, {}",
    "dit antwoord",
    "; bedoelt u '{}'?",
};

// Understood in every language, whatever the interview speaks.
const std::vector<std::string_view> kDontKnow = {
    "?", "weet ik niet", "weetniet", "onbekend", "don't know", "dont know", "unknown"};
const std::vector<std::string_view> kBack = {"<", "terug", "vorige", "back"};
// Beside the words of kYesNoWords (model.h), which case files take too: the
// first letters, quick to type on the phone.
const std::vector<std::string_view> kYes = {"j", "y"};
const std::vector<std::string_view> kNo = {"n"};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool OneOf(const std::vector<std::string_view>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The choices of a bool or enum fact as case files write them; empty for
// other types.
std::vector<std::string> Choices(const Fact& f) {
  if (f.type == FactType::kBool) return {"true", "false"};
  if (f.type == FactType::kEnum) return f.values;
  return {};
}

std::string_view KindText(const Fact& f, const Talk& talk) {
  switch (f.type) {
    case FactType::kInt:
      return talk.kind_int;
    case FactType::kNumber:
      return talk.kind_number;
    case FactType::kDate:
      return talk.kind_date;
    case FactType::kString:
    case FactType::kBool:
    case FactType::kEnum:
      return talk.kind_text;
  }
  return talk.kind_text;
}

// What an answer to a bool or enum fact names: the text a case file would
// hold for it, or nothing, with the values it could be when it is the start
// of more than one.
struct Meant {
  std::string value;
  std::vector<std::string> candidates;
};

Meant ChoiceMeant(const Fact& f, const std::string& answer) {
  std::vector<std::string> choices = Choices(f);
  if (std::optional<std::int64_t> n = ParseInteger(answer)) {
    if (*n >= 1 && *n <= static_cast<std::int64_t>(choices.size())) {
      return {choices[static_cast<std::size_t>(*n - 1)], {}};
    }
    return {};
  }
  if (f.type == FactType::kBool) {
    std::vector<std::string> langs;
    for (const Words& w : AllWords()) langs.emplace_back(w.lang);
    if (std::optional<bool> b = ParseCaseBool(answer, langs)) return {*b ? "true" : "false", {}};
    if (OneOf(kYes, answer)) return {"true", {}};
    if (OneOf(kNo, answer)) return {"false", {}};
    return {};
  }
  Meant meant;
  for (const std::string& value : choices) {
    if (Lower(value).rfind(answer, 0) == 0) meant.candidates.push_back(value);
  }
  if (meant.candidates.size() == 1) return {meant.candidates[0], {}};
  return meant;
}

// The enum value `answer` is, as written (any case); "" when none.
std::string ExactValue(const Fact& f, const std::string& answer) {
  if (f.type != FactType::kEnum) return "";
  for (const std::string& value : f.values) {
    if (Lower(value) == answer) return value;
  }
  return "";
}

// Why `text`, which the case reader refused for `f` (with `refused`), is not
// an answer, in the interview's language; a personal fact's answer is not
// repeated.
std::string WhyNot(const Fact& f, const std::string& text, const std::string& refused,
                   const Talk& talk) {
  std::string shown = f.personal ? std::string(talk.this_answer) : "'" + Printable(text) + "'";
  switch (f.type) {
    case FactType::kBool:
    case FactType::kEnum: {
      std::string out = fmt::format(fmt::runtime(talk.not_a_choice), shown, Choices(f).size());
      // A value misspelt ('burgmeester'), as a case file's would be.
      std::string best = f.personal ? "" : DidYouMean(Lower(text), Choices(f));
      if (!best.empty()) out += fmt::format(fmt::runtime(talk.did_you_mean), best);
      return out;
    }
    case FactType::kInt:
    case FactType::kNumber: {
      std::optional<std::int64_t> i = ParseInteger(text);
      std::optional<double> d = ParseNumber(text);
      bool whole = f.type == FactType::kInt;
      if (whole ? !i : !d)
        return fmt::format(fmt::runtime(talk.not_kind), shown, KindText(f, talk));
      double v = i ? static_cast<double>(*i) : *d;
      auto bound = [&](const Value& b) { return whole ? static_cast<double>(b.i) : b.d; };
      if (f.min && v < bound(*f.min)) {
        return fmt::format(fmt::runtime(talk.at_least), shown, ValueText(f, *f.min));
      }
      if (f.max && v > bound(*f.max)) {
        return fmt::format(fmt::runtime(talk.at_most), shown, ValueText(f, *f.max));
      }
      return refused;
    }
    case FactType::kDate:
      return fmt::format(fmt::runtime(talk.not_kind), shown, KindText(f, talk));
    case FactType::kString:
      return refused;
  }
  return refused;
}

}  // namespace

const Talk& TalkIn(std::string_view lang) { return lang == "nl" ? kDutch : kEnglish; }

std::string QuestionText(const RuleSet& rs, int fact, int number, const Talk& talk) {
  const Fact& f = rs.facts[static_cast<std::size_t>(fact)];
  // The question in the interview's language, else the label in it, else
  // either in the file's own language, else the fact's name.
  auto in_lang = [&](const Text& t) -> std::string {
    for (const auto& [code, text] : t.by_lang) {
      if (code == talk.lang) return text;
    }
    return "";
  };
  std::string text = in_lang(f.question);
  if (text.empty()) text = in_lang(f.label);
  if (text.empty()) text = f.question.Get(talk.lang);
  if (text.empty()) text = f.label.Get(talk.lang);
  if (text.empty()) text = f.name;
  text = Printable(text);
  std::string out = fmt::format("{} {}: {} ({})\n", talk.question, number, text, f.name);
  std::vector<std::string> choices = Choices(f);
  if (choices.empty()) {
    out += fmt::format("  ({}; ? = {})\n", KindText(f, talk), talk.dont_know);
    return out;
  }
  for (std::size_t i = 0; i < choices.size(); ++i) {
    std::string_view shown = choices[i];
    if (f.type == FactType::kBool) {
      const Words& w = WordsIn(talk.lang);
      shown = i == 0 ? w.yes : w.no;
    }
    out += fmt::format("  {}. {}\n", i + 1, shown);
  }
  out += fmt::format("  ?. {}\n", talk.dont_know);
  return out;
}

std::optional<Reply> ReadAnswer(const RuleSet& rs, int fact, std::string_view answer,
                                const Talk& talk, std::string& problem) {
  const Fact& f = rs.facts[static_cast<std::size_t>(fact)];
  std::string_view trimmed = TrimSpaces(answer);
  // "1." as the list shows the choice's number.
  if (trimmed.size() > 1 && trimmed.back() == '.' &&
      std::all_of(trimmed.begin(), trimmed.end() - 1,
                  [](char c) { return c >= '0' && c <= '9'; })) {
    trimmed.remove_suffix(1);
  }
  std::string lower = Lower(trimmed);
  if (lower.empty()) {
    problem = std::string(talk.empty_answer);
    return std::nullopt;
  }
  std::string text = ExactValue(f, lower);
  if (text.empty()) {
    if (OneOf(kDontKnow, lower)) return Reply{Reply::Kind::kDontKnow, {}};
    if (OneOf(kBack, lower)) return Reply{Reply::Kind::kBack, {}};
  }
  if (text.empty() && !Choices(f).empty()) {
    Meant meant = ChoiceMeant(f, lower);
    if (meant.value.empty()) {
      std::string shown =
          f.personal ? std::string(talk.this_answer) : "'" + Printable(trimmed) + "'";
      std::string list;
      for (const std::string& v : meant.candidates) list += (list.empty() ? "" : ", ") + v;
      problem = meant.candidates.empty() ? WhyNot(f, std::string(trimmed), "", talk)
                                         : fmt::format(fmt::runtime(talk.two_choices), shown, list);
      return std::nullopt;
    }
    text = meant.value;
  }
  if (text.empty()) text = std::string(trimmed);
  // A decimal comma, as Dutch writes numbers: 2,5.
  if (f.type == FactType::kNumber && text.find(',') != std::string::npos &&
      text.find('.') == std::string::npos) {
    std::replace(text.begin(), text.end(), ',', '.');
  }
  // Checked as a case file's cell would be: the same types, bounds and
  // messages (which never repeat a personal fact's value).
  RawCase raw;
  raw.index = 1;
  RawValue cell;
  cell.kind = RawValue::Kind::kText;
  cell.s = text;
  raw.fields.emplace_back(f.name, std::move(cell));
  std::vector<CaseProblem> problems;
  Case c = ValidateCase(rs, raw, {}, problems);
  if (!problems.empty()) {
    problem = WhyNot(f, text, problems.front().In(talk.lang), talk);
    return std::nullopt;
  }
  return Reply{Reply::Kind::kValue, *c.values[static_cast<std::size_t>(fact)]};
}

std::string RoutesText(const RuleSet& rs, const std::vector<int>& routes, std::string_view lang) {
  std::string out;
  for (int r : routes) {
    const Route& route = rs.routes[static_cast<std::size_t>(r)];
    const std::string& label = route.label.Get(lang);
    out += fmt::format("{}{}", out.empty() ? "" : ", ",
                       label.empty() ? route.name : fmt::format("{} [{}]", label, route.name));
  }
  return out;
}

}  // namespace triage::cli
