// Literal values: parsing them as rule files and case files write them,
// and writing them for people.
#include "triage/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace triage {

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t x = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::optional<double> ParseNumber(std::string_view text) {
  double x = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

std::string OutOfRangeText(std::string_view digits) {
  return fmt::format(
      "{} is out of range: an integer is at least -9223372036854775808 and at most "
      "9223372036854775807 (64 bits)",
      digits);
}

std::string NumberProblem(std::string_view text, bool integer) {
  std::string_view digits = text;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (digits.size() >= 2 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') {
    std::size_t zeros = digits.find_first_not_of('0');
    std::string_view rest = zeros == std::string_view::npos ? "0" : digits.substr(zeros);
    if (!rest.empty() && !(rest[0] >= '0' && rest[0] <= '9')) rest = digits.substr(zeros - 1);
    return fmt::format(
        "'{}' starts with a zero: write {}{} (readers differ on what 042 means: YAML 1.1 reads "
        "it as octal 34)",
        text, text.size() > digits.size() ? text.substr(0, 1) : "", rest);
  }
  if (!integer || digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  std::int64_t x = 0;
  std::string_view signed_text = text[0] == '+' ? text.substr(1) : text;
  const char* last = signed_text.data() + signed_text.size();
  if (std::from_chars(signed_text.data(), last, x).ec == std::errc::result_out_of_range) {
    return OutOfRangeText(text);
  }
  return "";
}

std::string_view TrimSpaces(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::size_t Utf8Length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  unsigned lead = at(0);
  if (i < s.size() && lead < 0x80) return 1;
  std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0) return 0;
  unsigned lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  unsigned hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (at(1) < lo || at(1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (at(k) < 0x80 || at(k) > 0xBF) return 0;
  }
  return length;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = Utf8Length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
      continue;
    }
    if (u < 0x80) {
      out += text[i];
      continue;
    }
    std::size_t length = Utf8Length(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", u);
      continue;
    }
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (u == 0xC2 && second < 0xA0) {
      out += fmt::format("\\u{:04x}", second);
    } else {
      out.append(text.substr(i, length));
    }
    i += length - 1;
  }
  return out;
}

std::string Shortened(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  // Not inside a character: back to the start of the one at `cut`.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}... ({} bytes more)", text.substr(0, cut), text.size() - cut);
}

std::string ValueText(const Fact& fact, const Value& v) {
  switch (fact.type) {
    case FactType::kBool:
      return v.i ? "true" : "false";
    case FactType::kInt:
      return fmt::format("{}", v.i);
    case FactType::kNumber:
      return fmt::format("{}", v.d);
    case FactType::kEnum:
      TRIAGE_ASSERT(v.i >= 0 && v.i < static_cast<std::int64_t>(fact.values.size()),
                    "an enum value is an index into the fact's values");
      return fact.values[static_cast<size_t>(v.i)];
    case FactType::kString:
      return fmt::format("'{}'", v.s);
    case FactType::kDate:
      return FormatDate(v.i);
  }
  TRIAGE_UNREACHABLE();
}

namespace {

// Howard Hinnant's days_from_civil (and civil_from_days in FormatDate).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The day y-m-d, when it exists; else `why` (when given) says why not, in
// English and, in `why_nl`, in Dutch.
std::optional<std::int64_t> CivilDay(int y, int m, int d, std::string* why,
                                     std::string* why_nl = nullptr) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static constexpr std::array<std::string_view, 12> kMaanden = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  auto fail = [&](std::string reason, std::string reden) -> std::optional<std::int64_t> {
    if (why) *why = std::move(reason);
    if (why_nl) *why_nl = std::move(reden);
    return std::nullopt;
  };
  if (m < 1 || m > 12) {
    return fail(fmt::format("there is no month {}", m), fmt::format("er is geen maand {}", m));
  }
  if (d < 1) return fail("there is no day 0", "er is geen dag 0");
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max_day) {
    auto month = static_cast<size_t>(m - 1);
    return fail(fmt::format("{} {} has {} days", kMonths[month], y, max_day),
                fmt::format("{} {} heeft {} dagen", kMaanden[month], y, max_day));
  }
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// A date's text split at its separators: three runs of digits, each of
// 1 to 4 digits, between two equal separators.
struct DateParts {
  std::array<int, 3> value = {};
  std::array<size_t, 3> digits = {};
  char separator = 0;
};

std::optional<DateParts> SplitDate(std::string_view text) {
  DateParts parts;
  size_t part = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++parts.digits[part] > 4) return std::nullopt;
      parts.value[part] = parts.value[part] * 10 + (c - '0');
      continue;
    }
    bool separator = c == '-' || c == '/' || c == '.';
    if (!separator || parts.digits[part] == 0 || part == 2) return std::nullopt;
    if (parts.separator != 0 && parts.separator != c) return std::nullopt;
    parts.separator = c;
    ++part;
  }
  if (part != 2 || parts.digits[2] == 0) return std::nullopt;
  return parts;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

const YesNoWords* WordsOf(std::string_view lang) {
  for (const YesNoWords& w : kYesNoWords) {
    if (w.lang == lang) return &w;
  }
  return nullptr;
}

}  // namespace

std::optional<std::int64_t> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::optional<DateParts> parts = SplitDate(text);
  if (!parts) return std::nullopt;
  return CivilDay(parts->value[0], parts->value[1], parts->value[2], nullptr);
}

std::optional<std::int64_t> ParseCaseDate(std::string_view text, std::string* why,
                                          std::string* why_nl) {
  if (why) why->clear();
  if (why_nl) why_nl->clear();
  std::optional<DateParts> parts = SplitDate(text);
  if (!parts) return std::nullopt;
  const auto& [value, digits, separator] = *parts;
  bool year_first = digits[0] == 4 && digits[1] == 2 && digits[2] == 2;
  bool day_first = digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4;
  if (!year_first && !day_first) return std::nullopt;
  if (separator != '-') {
    // 4/5/2025 is the 4th of May in Dutch and April 5th in American
    // English: rather than guess, ask for the form that cannot be misread.
    if (why) {
      *why = fmt::format("dates are written with '-', not '{}' (which may mean month first): {}",
                         separator, year_first ? "2025-04-19" : "day first, as 19-4-2025");
    }
    if (why_nl) {
      *why_nl = fmt::format(
          "een datum schrijft u met '-', niet met '{}' (dat kan maand eerst betekenen): {}",
          separator, year_first ? "2025-04-19" : "dag eerst, als 19-4-2025");
    }
    return std::nullopt;
  }
  if (year_first) return CivilDay(value[0], value[1], value[2], why, why_nl);
  return CivilDay(value[2], value[1], value[0], why, why_nl);
}

std::optional<bool> ParseCaseBool(std::string_view text,
                                  const std::vector<std::string>& languages) {
  if (EqualsIgnoringCase(text, "true")) return true;
  if (EqualsIgnoringCase(text, "false")) return false;
  for (const std::string& lang : languages) {
    const YesNoWords* w = WordsOf(lang);
    if (!w) continue;
    if (EqualsIgnoringCase(text, w->yes)) return true;
    if (EqualsIgnoringCase(text, w->no)) return false;
  }
  return std::nullopt;
}

std::string CaseBoolChoices(const std::vector<std::string>& languages, std::string_view said_in) {
  std::string words;
  for (const std::string& lang : languages) {
    const YesNoWords* w = WordsOf(lang);
    if (!w) continue;
    words += fmt::format("{}{}/{}", words.empty() ? "" : ", ", w->yes, w->no);
  }
  std::string_view either = said_in == "nl" ? "of" : "or";
  if (words.empty()) return fmt::format("true {} false", either);
  return fmt::format("true {0} false ({0} {1})", either, words);
}

std::string FormatDate(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

}  // namespace triage
