// The register, the same checks on every backend: what an entry holds,
// the chain, tampering found and named, batches whole or not at all,
// pseudonyms, and registers that must be refused and left as they were.
#include "triage/register.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "support/backends.h"
#include "support/support.h"

namespace triage {
namespace {

namespace fs = std::filesystem;
using testing::TestBackend;

const char* kRules = R"(ruleset: reg
version: "2026.1"
facts:
  role: {type: enum, values: [burgemeester, ambtenaar]}
  threat: {type: bool}
  count: {type: int, min: 0}
  municipality: {type: string}
  reported_on: {type: date}
  initiator_name: {type: string, personal: true}
routes: {om: {}, gesprek: {}}
rules:
  - {id: om-dreiging, when: threat, route: om, reason: "dreiging"}
default: gesprek
)";

class Folder {
 public:
  Folder()
      : dir_(fs::temp_directory_path() /
             ("triage-reg-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_))) {
    fs::create_directories(dir_);
  }
  ~Folder() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

const CompiledRules& Rules() {
  static const CompiledRules c = testing::Compile(kRules);
  return c;
}

std::string Body(const std::string& case_json, const Pseudonymizer* key = nullptr,
                 const std::string& officer = "tester") {
  Record r = testing::MakeRecord(Rules(), case_json);
  return EntryBody(*Rules().rules, r, {officer, "2026-03-04T10:00:00Z", key});
}

std::unique_ptr<Register> Open(const TestBackend& b, Register::Mode mode = Register::Mode::kWrite) {
  std::string error;
  std::optional<RegisterLocation> where = ParseRegisterLocation(b.url(), error);
  REQUIRE(where);
  std::unique_ptr<Register> reg = Register::Open(*where, mode, error);
  INFO(error);
  REQUIRE(reg);
  return reg;
}

// Records the cases as one batch.
void Record(Register& reg, const std::vector<std::string>& bodies) {
  std::string error;
  std::unique_ptr<RegisterBatch> batch = reg.Begin(error);
  INFO(error);
  REQUIRE(batch);
  for (const std::string& body : bodies) REQUIRE(batch->Add(body, error));
  std::int64_t entries = 0;
  REQUIRE(batch->Commit(entries, error));
  CHECK(entries == static_cast<std::int64_t>(bodies.size()));
}

std::vector<StoredEntry> All(Register& reg, const EntryFilter& filter = {}) {
  std::vector<StoredEntry> out;
  std::string error;
  REQUIRE(reg.Scan(
      filter,
      [&](const StoredEntry& e) {
        out.push_back(e);
        return true;
      },
      error));
  return out;
}

VerifyReport Verified(Register& reg) {
  VerifyReport report;
  std::string error;
  INFO(error);
  REQUIRE(reg.Verify(report, error));
  return report;
}

// What verify says of entries (seq 0: of the register as a whole).
std::vector<std::string> Messages(const VerifyReport& report, bool whole = false) {
  std::vector<std::string> out;
  for (const VerifyProblem& p : report.problems) {
    if ((p.seq == 0) == whole) out.push_back(p.message);
  }
  return out;
}

const std::string kCase1 = R"({"case_id": "c1", "role": "ambtenaar", "threat": true,
  "count": 3, "municipality": "Zuidhaven", "reported_on": "2026-03-02",
  "initiator_name": "Jan Klaassen"})";
const std::string kCase2 = R"({"case_id": "c2", "role": "burgemeester", "threat": false})";

TEST_CASE("an entry holds the whole case, the decision and who recorded it", "[register]") {
  std::string body = Body(kCase1);
  std::string error;
  std::optional<EntryView> v = ParseEntryBody(body, error);
  REQUIRE(v);
  CHECK(v->recorded_at == "2026-03-04T10:00:00Z");
  CHECK(v->officer == "tester");
  CHECK(v->ruleset_id == "reg");
  CHECK(v->ruleset_version == "2026.1");
  CHECK(v->ruleset_sha256 == Rules().rules->sha256);
  CHECK(v->case_id == "c1");
  CHECK(v->status == "decided");
  CHECK(v->routes == std::vector<std::string>{"om"});
  CHECK(v->rule == "om-dreiging");
  CHECK(v->record == testing::RouteJson(Rules(), kCase1));
  // Every declared fact, not only those on the path; the personal one is
  // withheld without a key.
  std::vector<std::string> facts;
  for (const auto& f : v->facts) facts.push_back(f.name + "=" + f.json);
  CHECK(facts == std::vector<std::string>{"role=\"ambtenaar\"", "threat=true", "count=3",
                                          "municipality=\"Zuidhaven\"",
                                          "reported_on=\"2026-03-02\""});
  CHECK(v->withheld == std::vector<std::string>{"initiator_name"});
  CHECK_FALSE(v->pseudonym_key);
  CHECK(body.find("Klaassen") == std::string::npos);

  // Unknown facts are there as null; an unknown personal fact is not withheld.
  std::optional<EntryView> w = ParseEntryBody(Body(kCase2), error);
  REQUIRE(w);
  CHECK(w->facts.size() == 6);
  CHECK(w->facts[2].json == "null");
  CHECK(w->withheld.empty());
}

TEST_CASE("pseudonyms: stable under one key, different under another, never the value",
          "[register]") {
  Pseudonymizer key = Pseudonymizer::FromKey("0123456789abcdef-key-one");
  Pseudonymizer other = Pseudonymizer::FromKey("0123456789abcdef-key-two");
  std::string p = key.Pseudonym("initiator_name", "Jan Klaassen");
  CHECK(p.rfind("hmac-sha256:", 0) == 0);
  CHECK(p.size() == 12 + 64);
  CHECK(p == key.Pseudonym("initiator_name", "Jan Klaassen"));
  CHECK(p != other.Pseudonym("initiator_name", "Jan Klaassen"));
  CHECK(p != key.Pseudonym("initiator_name", "Jan Klaassen "));
  CHECK(key.Pseudonym("ab", "c") != key.Pseudonym("a", "bc"));
  CHECK(key.KeyId() != other.KeyId());

  std::string error;
  std::optional<EntryView> v = ParseEntryBody(Body(kCase1, &key), error);
  REQUIRE(v);
  CHECK(v->withheld.empty());
  CHECK(v->pseudonym_key == key.KeyId());
  CHECK(v->facts.back().json == "\"" + p + "\"");

  Folder folder;
  fs::path short_key = folder.dir() / "short";
  std::ofstream(short_key) << "too short\n";
  CHECK_FALSE(Pseudonymizer::FromKeyFile(short_key.string(), error));
  CHECK(error == short_key.string() + ": a pseudonym key needs at least 16 bytes (has 10)");
  CHECK_FALSE(Pseudonymizer::FromKeyFile((folder.dir() / "none").string(), error));
}

TEST_CASE("register locations", "[register]") {
  std::string error;
  auto where = ParseRegisterLocation("sqlite:/tmp/x.db", error);
  REQUIRE(where);
  CHECK(where->backend == RegisterLocation::Backend::kSqlite);
  CHECK(where->target == "/tmp/x.db");
  where = ParseRegisterLocation("x.db", error);
  REQUIRE(where);
  CHECK(where->target == "x.db");
  where = ParseRegisterLocation("postgresql://triage:geheim@db.regio.nl/register", error);
  REQUIRE(where);
  CHECK(where->backend == RegisterLocation::Backend::kPostgres);
  CHECK(where->shown == "postgresql://triage:***@db.regio.nl/register");
  where = ParseRegisterLocation("postgresql://bob:s3cr/et@db/register", error);
  REQUIRE(where);
  CHECK(where->shown == "postgresql://bob:***@db/register");
  where = ParseRegisterLocation("postgres://db/register?password=geheim", error);
  REQUIRE(where);
  CHECK(where->shown.find("geheim") == std::string::npos);
  CHECK_FALSE(ParseRegisterLocation("sqlite:", error));
}

TEST_CASE("record, read back and verify, across batches", "[register]") {
  Folder folder;
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::unique_ptr<Register> reg = Open(b);
      CHECK(Verified(*reg).ok());
      CHECK(Verified(*reg).entries == 0);
      Record(*reg, {Body(kCase1), Body(kCase2)});
      Record(*reg, {Body(kCase1, nullptr, "second officer")});

      std::vector<StoredEntry> all = All(*reg);
      REQUIRE(all.size() == 3);
      CHECK(all[0].seq == 1);
      CHECK(all[0].prev_hash == GenesisHash());
      CHECK(all[1].prev_hash == all[0].hash);
      CHECK(all[2].prev_hash == all[1].hash);  // the chain runs across batches
      CHECK(all[2].hash == EntryHash(3, all[1].hash, all[2].body));
      CHECK(all[0].body == Body(kCase1));
      CHECK(all[1].case_id == "c2");
      CHECK(all[1].status == "decided");

      EntryFilter one;
      one.case_id = "c1";
      std::vector<StoredEntry> history = All(*reg, one);
      REQUIRE(history.size() == 2);
      CHECK(history[0].seq == 1);
      CHECK(history[1].seq == 3);

      VerifyReport report = Verified(*reg);
      CHECK(report.ok());
      CHECK(report.entries == 3);
      CHECK(report.batches == 2);
      CHECK(report.head_hash == all[2].hash);

      // Reopened for reading, it is the same register.
      std::unique_ptr<Register> reader = Open(b, Register::Mode::kRead);
      CHECK(All(*reader).size() == 3);
    }
  }
}

TEST_CASE("a batch that is not committed leaves nothing", "[register]") {
  Folder folder;
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::unique_ptr<Register> reg = Open(b);
      Record(*reg, {Body(kCase1)});
      {
        std::string error;
        std::unique_ptr<RegisterBatch> batch = reg->Begin(error);
        REQUIRE(batch);
        REQUIRE(batch->Add(Body(kCase2), error));
        CHECK_FALSE(batch->Add("{\"not\": \"an entry\"}", error));
        CHECK(error == "the entry is not one that triage wrote");
      }  // abandoned
      CHECK(All(*reg).size() == 1);
      CHECK(Verified(*reg).ok());
      Record(*reg, {Body(kCase2)});
      CHECK(All(*reg).size() == 2);
      CHECK(Verified(*reg).ok());
    }
  }
}

TEST_CASE("the register refuses UPDATE and DELETE", "[register]") {
  Folder folder;
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::unique_ptr<Register> reg = Open(b);
      Record(*reg, {Body(kCase1), Body(kCase2)});
      CHECK(b.Sql("UPDATE triage_entries SET status = 'unrouted' WHERE seq = 1") != 0);
      CHECK(b.Sql("DELETE FROM triage_entries WHERE seq = 2") != 0);
      CHECK(b.Sql("DELETE FROM triage_batches") != 0);
      CHECK(b.Sql("UPDATE triage_schema SET version = 9") != 0);
      CHECK(All(*reg).size() == 2);
      CHECK(Verified(*reg).ok());
    }
  }
}

// Triggers dropped, as someone with the database's owner rights could.
std::string DropTriggers(const TestBackend& b) {
  if (b.kind() == TestBackend::Kind::kSqlite) {
    return "DROP TRIGGER triage_entries_no_update; DROP TRIGGER triage_entries_no_delete;";
  }
  return "DROP TRIGGER triage_entries_no_change ON triage_entries;";
}

TEST_CASE("a changed, a removed and an inserted entry are each found and named", "[register]") {
  struct Tamper {
    const char* what;
    std::string sql;
    std::vector<std::string> found;
  };
  const std::vector<Tamper> tampers = {
      {"a changed body",
       "UPDATE triage_entries SET body = replace(body, 'Zuidhaven', 'Noordhaven') WHERE seq = 3",
       {"entry 3 (case c1) was changed: its contents do not match its hash"}},
      {"a changed column",
       "UPDATE triage_entries SET case_id = 'c9' WHERE seq = 2",
       {"entry 2 (case c9) was changed: its case_id column does not match its contents"}},
      {"a changed hash",
       "UPDATE triage_entries SET hash = 'f' || substr(hash, 2) WHERE seq = 2",
       {"entry 2 (case c2) was changed: its contents do not match its hash"}},
      {"a removed entry", "DELETE FROM triage_entries WHERE seq = 2", {"entry 2 was removed"}},
      {"removed entries",
       "DELETE FROM triage_entries WHERE seq IN (2, 3)",
       {"entries 2 to 3 were removed"}},
      {"a removed last entry",
       "DELETE FROM triage_entries WHERE seq = 5",
       {"entry 5 was removed: batch 2 committed entries 4 to 5"}},
      {"an inserted entry",
       "INSERT INTO triage_entries SELECT 6, recorded_at, case_id, ruleset_version, status, "
       "body, hash, hash FROM triage_entries WHERE seq = 5",
       {"entry 6 (case c1) was inserted: no recorded batch committed it"}},
  };
  Folder folder;
  for (const Tamper& t : tampers) {
    for (const TestBackend& b : testing::TestBackends(folder.dir())) {
      DYNAMIC_SECTION(t.what << " on " << b.name()) {
        std::unique_ptr<Register> reg = Open(b);
        Record(*reg, {Body(kCase1), Body(kCase2), Body(kCase1)});
        Record(*reg, {Body(kCase2), Body(kCase1)});
        REQUIRE(b.Sql(DropTriggers(b) + t.sql) == 0);
        VerifyReport report = Verified(*reg);
        CHECK(Messages(report) == t.found);
        std::vector<std::string> whole = Messages(report, true);
        REQUIRE_FALSE(whole.empty());
        CHECK(whole[0].rfind("the append-only trigger 'triage_entries_no_", 0) == 0);
        // Nothing more is appended to a register whose end does not match.
        std::string error;
        if (t.what == std::string("a removed last entry")) {
          CHECK_FALSE(reg->Begin(error));
          CHECK(error.find("does not match the seal of its last batch") != std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("pseudonymised registers keep no clear personal value on disk", "[register]") {
  Folder folder;
  Pseudonymizer key = Pseudonymizer::FromKey("a-key-of-at-least-16-bytes");
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::unique_ptr<Register> reg = Open(b);
      Record(*reg, {Body(kCase1, &key), Body(kCase1)});
      std::vector<StoredEntry> all = All(*reg);
      REQUIRE(all.size() == 2);
      std::string p = key.Pseudonym("initiator_name", "Jan Klaassen");
      CHECK(all[0].body.find(p) != std::string::npos);
      CHECK(all[1].body.find("hmac-sha256") == std::string::npos);
      std::string disk = b.DiskBytes();
      CHECK_FALSE(disk.empty());
      CHECK(disk.find("Klaassen") == std::string::npos);
      CHECK(disk.find("a-key-of-at-least") == std::string::npos);
    }
  }
}

TEST_CASE("a case id of many kilobytes is recorded and found on every backend", "[register]") {
  Folder folder;
  std::string id(20000, 'k');
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::unique_ptr<Register> reg = Open(b);
      Record(*reg, {Body(R"({"case_id": ")" + id + R"(", "threat": true})"), Body(kCase2)});
      EntryFilter one;
      one.case_id = id;
      std::vector<StoredEntry> found = All(*reg, one);
      REQUIRE(found.size() == 1);
      CHECK(found[0].seq == 1);
      CHECK(Verified(*reg).ok());
    }
  }
}

TEST_CASE("registers that cannot be used are refused and left as they were", "[register]") {
  Folder folder;
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    DYNAMIC_SECTION("newer schema on " << b.name()) {
      { Open(b); }
      REQUIRE(b.Sql("INSERT INTO triage_schema VALUES (2, '2030-01-01T00:00:00Z')") == 0);
      std::string error;
      auto where = ParseRegisterLocation(b.url(), error);
      CHECK_FALSE(Register::Open(*where, Register::Mode::kWrite, error));
      CHECK(error == b.url() +
                         ": the register was written by a newer triage (schema version 2; this "
                         "one reads up to 1): use a newer triage");
    }
    DYNAMIC_SECTION("a foreign database on " << b.name()) {
      REQUIRE(b.Sql("CREATE TABLE zaken (id INTEGER)") == 0);
      std::string error;
      auto where = ParseRegisterLocation(b.url(), error);
      CHECK_FALSE(Register::Open(*where, Register::Mode::kRead, error));
      if (b.kind() == TestBackend::Kind::kSqlite) {
        std::string before = b.DiskBytes();
        CHECK_FALSE(Register::Open(*where, Register::Mode::kWrite, error));
        CHECK(error == b.url() +
                           ": not a triage register (the database holds other tables); it was "
                           "left as it was");
        CHECK(b.DiskBytes() == before);
      }
    }
  }
}

TEST_CASE("SQLite: a missing, corrupted or foreign file is refused and not touched", "[register]") {
  Folder folder;
  std::string error;
  fs::path missing = folder.dir() / "missing.db";
  auto where = ParseRegisterLocation(missing.string(), error);
  CHECK_FALSE(Register::Open(*where, Register::Mode::kRead, error));
  CHECK(error ==
        missing.string() + ": no register here (record decisions with 'triage route --record')");
  CHECK_FALSE(fs::exists(missing));

  fs::path garbage = folder.dir() / "garbage.db";
  std::string bytes(8192, '\x5a');
  std::ofstream(garbage, std::ios::binary) << bytes;
  where = ParseRegisterLocation(garbage.string(), error);
  CHECK_FALSE(Register::Open(*where, Register::Mode::kWrite, error));
  CHECK(error ==
        garbage.string() + ": this is not an SQLite database (or its first page is damaged)");
  CHECK(testing::Slurp(garbage) == bytes);
  CHECK_FALSE(fs::exists(garbage.string() + "-wal"));

  where = ParseRegisterLocation(folder.dir().string(), error);
  CHECK_FALSE(Register::Open(*where, Register::Mode::kWrite, error));
  CHECK(error == folder.dir().string() + ": not a regular file; a register is a file");
}

TEST_CASE("PostgreSQL: a server that goes away mid-batch loses nothing already recorded",
          "[register]") {
  Folder folder;
  for (const TestBackend& b : testing::TestBackends(folder.dir())) {
    if (b.kind() != TestBackend::Kind::kPostgres) continue;
    std::unique_ptr<Register> reg = Open(b);
    Record(*reg, {Body(kCase1), Body(kCase2)});
    std::string error;
    {
      std::unique_ptr<RegisterBatch> batch = reg->Begin(error);
      REQUIRE(batch);
      REQUIRE(batch->Add(Body(kCase1), error));
      b.StopServer();
      bool added = true;
      for (int i = 0; i < 3000 && added; ++i) added = batch->Add(Body(kCase2), error);
      std::int64_t entries = 0;
      CHECK_FALSE((added && batch->Commit(entries, error)));
      CHECK(error.find(b.url() + ": ") == 0);
    }
    b.StartServer();
    std::unique_ptr<Register> again = Open(b);
    VerifyReport report = Verified(*again);
    CHECK(report.ok());
    CHECK(report.entries == 2);

    // Unreachable: a clear error, not a hang.
    b.StopServer();
    auto where = ParseRegisterLocation(b.url(), error);
    CHECK_FALSE(Register::Open(*where, Register::Mode::kRead, error));
    CHECK(error.find(": cannot reach the register's server: ") != std::string::npos);
    b.StartServer();
  }
}

}  // namespace
}  // namespace triage
