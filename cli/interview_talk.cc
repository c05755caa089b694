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
    "yes",
    "no",
    "still possible",
    "{} is not one of the choices: answer with a number from 1 to {}, a value, or ?",
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
};

const Talk kDutch = {
    "nl",
    "Vraag",
    "weet ik niet",
    "Antwoord met een nummer of een waarde; ? = weet ik niet, < = terug naar de vorige vraag.",
    "ja",
    "nee",
    "nog mogelijk",
    "{} is geen van de keuzes: antwoord met een nummer van 1 tot en met {}, een waarde, of ?",
    "geen antwoord: typ een nummer of een waarde, ? als u het niet weet",
    "er is geen vorige vraag om naar terug te gaan",
    "de antwoorden hielden op voordat de route vaststond; er is niets vastgelegd",
    "niets wat nog te vragen is kan de route vaststellen: het besluit wacht op wat niet bekend is",
    "{} van {} feiten gevraagd",
    "vraag",
    "vragen",
    "een geheel getal",
    "een getal",
    "een datum, als 19-4-2025 of 2025-04-19",
    "een tekst",
    "{} is niet {}",
    "{} is lager dan het laagst mogelijke, {}",
    "{} is hoger dan het hoogst mogelijke, {}",
    "dit antwoord",
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

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
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

// The text a case file would hold for `answer`, or "" when it names no
// choice (then it is read as written).
std::string ChoiceMeant(const Fact& f, const std::string& answer) {
  std::vector<std::string> choices = Choices(f);
  if (choices.empty()) return "";
  if (std::optional<std::int64_t> n = ParseInteger(answer)) {
    if (*n >= 1 && *n <= static_cast<std::int64_t>(choices.size())) {
      return choices[static_cast<std::size_t>(*n - 1)];
    }
    return "";
  }
  if (f.type == FactType::kBool) {
    std::vector<std::string> langs;
    for (const Words& w : AllWords()) langs.emplace_back(w.lang);
    if (std::optional<bool> b = ParseCaseBool(answer, langs)) return *b ? "true" : "false";
    if (OneOf(kYes, answer)) return "true";
    if (OneOf(kNo, answer)) return "false";
    return "";
  }
  std::string only;
  for (const std::string& value : choices) {
    std::string lower = Lower(value);
    if (lower == answer) return value;
    if (lower.rfind(answer, 0) == 0) only = only.empty() ? value : "\x01";
  }
  return only == "\x01" ? "" : only;
}

// Why `text`, which the case reader refused for `f` (with `refused`), is not
// an answer, in the interview's language; a personal fact's answer is not
// repeated.
std::string WhyNot(const Fact& f, const std::string& text, const std::string& refused,
                   const Talk& talk) {
  std::string shown = f.personal ? std::string(talk.this_answer) : "'" + text + "'";
  switch (f.type) {
    case FactType::kBool:
    case FactType::kEnum:
      return fmt::format(fmt::runtime(talk.not_a_choice), shown, Choices(f).size());
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
  std::string text = f.question.Get(talk.lang);
  if (text.empty()) text = f.label.Get(talk.lang);
  if (text.empty()) text = f.name;
  std::string out = fmt::format("{} {}: {} ({})\n", talk.question, number, text, f.name);
  std::vector<std::string> choices = Choices(f);
  if (choices.empty()) {
    out += fmt::format("  ({}; ? = {})\n", KindText(f, talk), talk.dont_know);
    return out;
  }
  for (std::size_t i = 0; i < choices.size(); ++i) {
    std::string_view shown = choices[i];
    if (f.type == FactType::kBool) shown = i == 0 ? talk.yes : talk.no;
    out += fmt::format("  {}. {}\n", i + 1, shown);
  }
  out += fmt::format("  ?. {}\n", talk.dont_know);
  return out;
}

std::optional<Reply> ReadAnswer(const RuleSet& rs, int fact, std::string_view answer,
                                const Talk& talk, std::string& problem) {
  const Fact& f = rs.facts[static_cast<std::size_t>(fact)];
  std::string_view trimmed = Trim(answer);
  std::string lower = Lower(trimmed);
  if (lower.empty()) {
    problem = std::string(talk.empty_answer);
    return std::nullopt;
  }
  if (OneOf(kDontKnow, lower)) return Reply{Reply::Kind::kDontKnow, {}};
  if (OneOf(kBack, lower)) return Reply{Reply::Kind::kBack, {}};
  std::string text = ChoiceMeant(f, lower);
  if (text.empty() && !Choices(f).empty()) {
    problem = WhyNot(f, std::string(trimmed), "", talk);
    return std::nullopt;
  }
  if (text.empty()) text = std::string(trimmed);
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
    problem = WhyNot(f, text, problems.front().message, talk);
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
