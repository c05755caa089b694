// Literal values as rule files and case files write them, and the texts the
// reports write: for people, JSON, CSV and HTML.
#include <catch2/catch.hpp>

#include "triage/csv.h"
#include "triage/html.h"
#include "triage/json.h"
#include "triage/model.h"

using namespace triage;

TEST_CASE("values: integers and numbers, the whole text or nothing") {
  CHECK(ParseInteger("42") == std::optional<std::int64_t>(42));
  CHECK(ParseInteger("-3") == std::optional<std::int64_t>(-3));
  for (const char* bad : {"", "+3", " 3", "3 ", "3.0", "0x10", "9223372036854775808", "drie"}) {
    INFO(bad);
    CHECK_FALSE(ParseInteger(bad));
  }
  CHECK(ParseNumber("2.5") == std::optional<double>(2.5));
  CHECK(ParseNumber("1e3") == std::optional<double>(1000));
  CHECK(ParseNumber("-0.5") == std::optional<double>(-0.5));
  for (const char* bad : {"", "2,5", "1e", ".", "1e999"}) {
    INFO(bad);
    CHECK_FALSE(ParseNumber(bad));
  }
}

TEST_CASE("values: a fact's value for people and as JSON; personal values never") {
  Fact role{"role", FactType::kEnum, {"burgemeester", "wethouder"}, {}, {}, {}, {}, {}, false, {}};
  Fact n{"n", FactType::kInt, {}, {}, {}, {}, {}, {}, false, {}};
  Fact town{"town", FactType::kString, {}, {}, {}, {}, {}, {}, false, {}};
  Fact when{"when", FactType::kDate, {}, {}, {}, {}, {}, {}, false, {}};
  Fact name{"name", FactType::kString, {}, {}, {}, {}, {}, {}, true, {}};
  Value date = Value::Int(*ParseDate("2024-01-31"));
  CHECK(ValueText(role, Value::Int(1)) == "wethouder");
  CHECK(ValueText(n, Value::Int(-4)) == "-4");
  CHECK(ValueText(town, Value::Str("Den Haag")) == "'Den Haag'");
  CHECK(ValueText(when, date) == "2024-01-31");
  CHECK(ValueJson(role, Value::Int(0)) == "\"burgemeester\"");
  CHECK(ValueJson(town, Value::Str("a\"b")) == "\"a\\\"b\"");
  CHECK(ValueJson(name, Value::Str("Jan Jansen")) == "\"(personal data, not shown)\"");
  CHECK(CaseJson({{&n, Value::Int(3)}, {&when, date}, {&name, Value::Str("Jan")}}) ==
        R"js({"n": 3, "when": "2024-01-31", "name": "(personal data, not shown)"})js");
  CHECK(CaseJson({}) == "{}");
}

TEST_CASE("values: CSV cells are quoted when needed and never run as formulas") {
  struct Case {
    const char* text;
    const char* cell;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      // A line end, ESC, BEL and bytes that are not UTF-8 cannot break a
      // row or reach a terminal raw.
      {"two\nlines", "two\\x0alines"},
      {"\x1b[31mred\x07", "\\x1b[31mred\\x07"},
      {"caf\xe9", "caf\\xe9"},
      {"cr\r,x", "\"cr\\x0d,x\""},
      {"\tsum", "\\x09sum"},
      {" padded", "\" padded\""},
      {"=SUM(A1)", "'=SUM(A1)"},
      {"+31 6", "'+31 6"},
      {"-1", "'-1"},
      {"@x", "'@x"},
      {"=a,b", "\"'=a,b\""},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(CsvCell(c.text) == c.cell);
  }
}

TEST_CASE("values: HTML text is escaped") {
  CHECK(HtmlEscape("<b a=\"1\">Tom & 'Jerry'</b>") ==
        "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
}

TEST_CASE("values: dates in case files: ISO and day first, and why a date does not exist") {
  struct Row {
    const char* text;
    const char* iso;  ///< the date read, or "" when refused
    const char* why;  ///< why it is refused ("" for a text that is no date at all)
  };
  auto row = GENERATE(values<Row>({
      {"2025-04-19", "2025-04-19", ""},
      {"19-4-2025", "2025-04-19", ""},
      {"19-04-2025", "2025-04-19", ""},
      {"1-1-2025", "2025-01-01", ""},
      {"29-2-2024", "2024-02-29", ""},
      {"31-12-1999", "1999-12-31", ""},
      {"31-2-2025", "", "February 2025 has 28 days"},
      {"29-02-2023", "", "February 2023 has 28 days"},
      {"2023-02-29", "", "February 2023 has 28 days"},
      {"31-4-2025", "", "April 2025 has 30 days"},
      {"19-13-2025", "", "there is no month 13"},
      {"2025-00-10", "", "there is no month 0"},
      {"0-4-2025", "", "there is no day 0"},
      {"19/4/2025", "",
       "dates are written with '-', not '/' (which may mean month first): day first, as "
       "19-4-2025"},
      {"4.5.2025", "",
       "dates are written with '-', not '.' (which may mean month first): day first, as "
       "19-4-2025"},
      {"2025/04/19", "",
       "dates are written with '-', not '/' (which may mean month first): 2025-04-19"},
      {"19-4-25", "", ""},
      {"2025-4-19", "", ""},
      {"19-4/2025", "", ""},
      {"119-4-2025", "", ""},
      {"19--2025", "", ""},
      {"-19-4-2025", "", ""},
      {"19-4-2025 ", "", ""},
      {"gisteren", "", ""},
      {"", "", ""},
  }));
  INFO(row.text);
  std::string why = "left over";
  std::optional<std::int64_t> days = ParseCaseDate(row.text, &why);
  if (*row.iso) {
    REQUIRE(days);
    CHECK(FormatDate(*days) == row.iso);
  } else {
    CHECK_FALSE(days);
    CHECK(why == row.why);
  }
  // Rule files keep to ISO.
  CHECK(ParseDate(row.text).has_value() ==
        (days.has_value() && std::string_view(row.text).size() == 10 && row.text[4] == '-'));
}

TEST_CASE("values: booleans in case files: true/false and the yes/no words of the languages") {
  const std::vector<std::string> nl = {"nl"}, both = {"nl", "en"}, none = {};
  struct Row {
    const char* text;
    const std::vector<std::string>* languages;
    std::optional<bool> value;
  };
  auto row = GENERATE_REF(values<Row>({
      {"true", &none, true},
      {"FALSE", &none, false},
      {"True", &nl, true},
      {"ja", &nl, true},
      {"Ja", &nl, true},
      {"NEE", &nl, false},
      {"yes", &nl, std::nullopt},
      {"yes", &both, true},
      {"No", &both, false},
      {"ja", &none, std::nullopt},
      {"j", &nl, std::nullopt},
      {"ja ", &nl, std::nullopt},
      {"waar", &nl, std::nullopt},
      {"1", &both, std::nullopt},
      {"", &both, std::nullopt},
  }));
  INFO(row.text);
  CHECK(ParseCaseBool(row.text, *row.languages) == row.value);
  CHECK(CaseBoolChoices(none) == "true or false");
  CHECK(CaseBoolChoices(nl) == "true or false (or ja/nee)");
  CHECK(CaseBoolChoices(both) == "true or false (or ja/nee, yes/no)");
  CHECK(CaseBoolChoices({"de", "en"}) == "true or false (or yes/no)");
  CHECK(CaseBoolChoices(none, "nl") == "true of false");
  CHECK(CaseBoolChoices(both, "nl") == "true of false (of ja/nee, yes/no)");
}
