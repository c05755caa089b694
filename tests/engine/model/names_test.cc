// One table per name: every spelling parses back to its value, and the
// lists for messages come from the same tables.
#include "triage/names.h"

#include <catch2/catch.hpp>

#include "triage/audit.h"
#include "triage/model.h"
#include "triage/report.h"

using namespace triage;

namespace {

template <typename E>
void RoundTrips() {
  for (const Named<E>& n : NameTable<E>::kNames) {
    INFO(n.name);
    CHECK(NameOf(n.value) == n.name);
    CHECK(ValueNamed<E>(n.name) == std::optional<E>(n.value));
  }
  CHECK_FALSE(ValueNamed<E>("no such name"));
}

}  // namespace

TEST_CASE("names: every table parses what it prints") {
  RoundTrips<FactType>();
  RoundTrips<HitPolicy>();
  RoundTrips<Expr::Op>();
  RoundTrips<Severity>();
  RoundTrips<RecordStatus>();
  RoundTrips<Outcome::Kind>();
}

TEST_CASE("names: the lists messages offer") {
  CHECK(NameChoices<FactType>() == "bool, int, number, enum, string or date");
  CHECK(NameChoices<HitPolicy>() == "first, unique, priority or collect");
  CHECK(NameChoices<RecordStatus>() == "decided, undetermined, unrouted or invalid");
  CHECK(JoinChoices({}) == "");
  CHECK(JoinChoices({"a"}) == "a");
  CHECK(JoinChoices({"a", "b"}) == "a or b");
}

TEST_CASE("names: words the language keeps for itself") {
  for (const char* w : {"and", "or", "not", "in", "between", "implies"}) {
    CHECK(IsOperatorWord(w));
    CHECK(IsReservedName(w));
  }
  for (const char* w : {"true", "false", "route", "rule", "case_id"}) {
    CHECK_FALSE(IsOperatorWord(w));
    CHECK(IsReservedName(w));
  }
  CHECK_FALSE(IsReservedName("role"));
}

TEST_CASE("names: input formats by name and by file name") {
  CHECK(InputFormatNamed("jsonl") == std::optional<InputFormat>(InputFormat::kJsonLines));
  CHECK_FALSE(InputFormatNamed("auto"));
  CHECK(FormatFromPath("a/cases.ndjson") == InputFormat::kJsonLines);
  CHECK(FormatFromPath("cases.json") == InputFormat::kJson);
  CHECK(FormatFromPath("cases.yml") == InputFormat::kYaml);
  CHECK(FormatFromPath("register.csv") == InputFormat::kCsv);
  CHECK(FormatFromPath("cases.txt") == InputFormat::kAuto);
  CHECK(FormatFromPath("-") == InputFormat::kAuto);
}
