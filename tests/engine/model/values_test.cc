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
      {"two\nlines", "\"two\nlines\""},
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
