// The decision register as a user reaches it: `triage route --record` and
// `triage log verify|show|export`, the real binary, on every backend this
// run tests (SQLite always; PostgreSQL through scripts/with-postgres.sh, as
// CTest runs these once more): what is recorded and read back, where the
// register is, that nothing is recorded without --record, personal facts,
// tampering. Faults are in register_faults_test.cc.
//
// Each run of the binary gets its environment on its own command line (the
// caller's TRIAGE_REGISTER and TRIAGE_PSEUDONYM_KEY_FILE never reach it).
#include "cli/register_cli.h"

namespace triage::testing {
namespace {

TEST_CASE("cli: register: route --record, then log verify, show and export read it back",
          "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      {
        Run first = Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b) +
                                    " --officer 'J. de Vries'");
        INFO(Describe(first));
        REQUIRE(first.status == 0);
        CHECK(Has(first.err, "triage: recorded 1 decision in " + b.url() + "\n"));
        CHECK(Has(first.err, "personal facts ('initiator_name') are left out of the register"));
        // Recording changes nothing in what route writes.
        Run plain = Triage(box, "route " + kRules + " " + kAmbtenaar);
        CHECK(plain.status == 0);
        CHECK(first.out == plain.out);
        CHECK_FALSE(first.out.empty());
      }
      {
        // The same case again (officer: the login name), and another case.
        Run second = Triage(
            box, "route " + kRules + " " + kAmbtenaar + " " + kBedreiging + " --record" + Reg(b));
        INFO(Describe(second));
        REQUIRE(second.status == 0);
        CHECK(Has(second.err, "triage: recorded 2 decisions in " + b.url() + "\n"));
      }
      {
        Run verify = Triage(box, "log verify" + Reg(b));
        INFO(Describe(verify));
        CHECK(verify.status == 0);
        CHECK(verify.out.rfind(Intact(b.url(), 3, 2), 0) == 0);
        CHECK(Has(verify.out, "chain intact"));
        CHECK(verify.err.empty());
      }
      {
        // show: every decision on the case, in the order recorded.
        Run show = Triage(box, "log show 2026-0219" + Reg(b));
        INFO(Describe(show));
        CHECK(show.status == 0);
        CHECK(show.out.rfind("case 2026-0219: 2 decisions recorded\n", 0) == 0);
        std::size_t one = show.out.find("\n#1  "), two = show.out.find("\n#2  ");
        REQUIRE(one != std::string::npos);
        REQUIRE(two != std::string::npos);
        CHECK(one < two);
        CHECK_FALSE(Has(show.out, "#3  "));
        std::vector<std::string> lines = Lines(show.out);
        REQUIRE(lines.size() >= 3);
        CHECK(Has(lines[1], "  J. de Vries  lokale-driehoek 2026.1: decided "));
        CHECK_FALSE(Has(lines[2], "J. de Vries"));
        CHECK(Has(lines[2], "lokale-driehoek 2026.1: decided "));
        Run show_json = Triage(box, "log show 2026-0219 --format json" + Reg(b));
        CHECK(show_json.status == 0);
        std::vector<std::string> json_lines = Lines(show_json.out);
        REQUIRE(json_lines.size() == 2);
        CHECK(json_lines[0].rfind("{\"seq\": 1, ", 0) == 0);
        CHECK(json_lines[1].rfind("{\"seq\": 2, ", 0) == 0);
        for (const std::string& line : json_lines) CHECK(ValidJson(line));
      }
      {
        Run unknown = Triage(box, "log show no-such-case" + Reg(b));
        INFO(Describe(unknown));
        CHECK(unknown.status == 1);
        CHECK(unknown.out.empty());
        CHECK(Has(unknown.err, b.url() + ": no decision on case 'no-such-case' is recorded"));
        CHECK(Triage(box, "log show" + Reg(b)).status == 2);
        CHECK(Triage(box, "log verify 2026-0219" + Reg(b)).status == 2);
      }

      // export, JSON Lines: every line JSON, every declared fact of the case.
      Run jsonl = Triage(box, "log export" + Reg(b));
      std::vector<EntryView> entries;
      {
        INFO(Describe(jsonl));
        CHECK(jsonl.status == 0);
        CHECK(Has(jsonl.err, "exported 3 entries from " + b.url()));
        entries = ExportedEntries(jsonl.out);
        REQUIRE(entries.size() == 3);
      }
      CHECK(entries[0].case_id == "2026-0219");
      CHECK(entries[0].officer == "J. de Vries");
      CHECK(entries[1].case_id == "2026-0219");
      CHECK(entries[2].case_id == "2026-0142");
      CompiledRules rules = Compile(ReadSourceFile(kRules));
      std::vector<std::string> declared;
      for (const Fact& f : rules.rules->facts) declared.push_back(f.name);
      for (const EntryView& e : {entries[0], entries[1]}) {
        std::vector<std::string> facts;
        for (const EntryView::FactValue& f : e.facts) facts.push_back(f.name);
        CHECK(facts == declared);
        CHECK(FactJson(e, "role") == "\"ambtenaar\"");
        CHECK(FactJson(e, "municipality") == "\"Noorddijk\"");
        CHECK(FactJson(e, "reported_on") == "\"2026-06-01\"");
        CHECK(FactJson(e, "instrument") == "\"bezwaar_beroep\"");
        CHECK(FactJson(e, "procedures_12m") == "30");
        CHECK(FactJson(e, "personal_life_affected") == "true");
        CHECK(FactJson(e, "initiator_name") == "null");  // not in the case
        CHECK(e.withheld.empty());
        CHECK(e.ruleset_id == "lokale-driehoek");
        CHECK(e.status == "decided");
      }
      fs::path jsonl_file = box.dir() / "export.jsonl";
      CHECK(Triage(box, "log export -o " + Quote(jsonl_file.string()) + Reg(b)).status == 0);
      CHECK(Slurp(jsonl_file) == jsonl.out);

      // export, CSV: by --format and by the file's name.
      Run csv = Triage(box, "log export --format csv" + Reg(b));
      {
        INFO(Describe(csv));
        CHECK(csv.status == 0);
        bool ok = false;
        std::vector<std::vector<std::string>> rows = ParseCsv(csv.out, ok);
        CHECK(ok);
        REQUIRE(rows.size() == 4);
        std::map<std::string, std::size_t> column;
        for (std::size_t i = 0; i < rows[0].size(); ++i) column[rows[0][i]] = i;
        for (const char* name : {"seq", "recorded_at", "officer", "case_id", "status", "role",
                                 "municipality", "reported_on", "withheld", "prev_hash", "hash"}) {
          INFO(name);
          CHECK(column.count(name) == 1);
        }
        for (const std::vector<std::string>& row : rows) CHECK(row.size() == rows[0].size());
        if (column.size() == rows[0].size() && rows[1].size() == rows[0].size()) {
          CHECK(rows[1][column["seq"]] == "1");
          CHECK(rows[1][column["officer"]] == "J. de Vries");
          CHECK(rows[1][column["case_id"]] == "2026-0219");
          CHECK(rows[1][column["role"]] == "ambtenaar");
          CHECK(rows[1][column["municipality"]] == "Noorddijk");
          CHECK(rows[1][column["reported_on"]] == "2026-06-01");
          CHECK(rows[3][column["case_id"]] == "2026-0142");
        }
      }
      fs::path csv_file = box.dir() / "export.csv";
      Run to_file = Triage(box, "log export -o " + Quote(csv_file.string()) + Reg(b));
      CHECK(to_file.status == 0);
      CHECK(to_file.out.empty());
      CHECK(Slurp(csv_file) == csv.out);

      // --from/--to/--version: recorded_at is now (UTC), so a far past and a
      // far future bound them all.
      std::string today = entries[0].recorded_at.substr(0, 10);
      auto count = [&](const std::string& filter) {
        Run r = Triage(box, "log export " + filter + Reg(b));
        INFO(filter << "\n" << Describe(r));
        CHECK(r.status == 0);
        return Lines(r.out).size();
      };
      CHECK(count("--from 2999") == 0);
      CHECK(count("--from 2000-01-01") == 3);
      CHECK(count("--from " + today) == 3);
      CHECK(count("--to 2000") == 0);
      CHECK(count("--to 2999-12-31T23:59:59Z") == 3);
      CHECK(count("--from 2000 --to " + today) == 3);
      CHECK(count("--version 2026.1") == 3);
      CHECK(count("--version 1999.9") == 0);
      CHECK(count("2026-0142") == 1);
      Run none = Triage(box, "log export --from 2999" + Reg(b));
      CHECK(Has(none.err, "exported 0 entries from " + b.url()));
      Run bad = Triage(box, "log export --from yesterday" + Reg(b));
      CHECK(bad.status == 2);
      CHECK(Has(bad.err, "'yesterday' is not a time"));
      CHECK(Triage(box, "log export --format xml" + Reg(b)).status == 2);
    }
  }
}

TEST_CASE("cli: register: TRIAGE_REGISTER, sqlite:PATH and the default register", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      Call env;
      env.env = "TRIAGE_REGISTER=" + Quote(b.url());
      Run r = Triage(box, "route " + kRules + " " + kAmbtenaar + " --record", env);
      INFO(Describe(r));
      CHECK(r.status == 0);
      CHECK(Has(r.err, "recorded 1 decision in " + b.url()));
      Run v = Triage(box, "log verify", env);
      CHECK(v.status == 0);
      CHECK(v.out.rfind(Intact(b.url(), 1, 1), 0) == 0);
      // --register wins over TRIAGE_REGISTER.
      fs::path other = box.dir() / "other.db";
      Call elsewhere;
      elsewhere.env = "TRIAGE_REGISTER=" + Quote(other.string());
      CHECK(Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b), elsewhere)
                .status == 0);
      CHECK_FALSE(fs::exists(other));
      CheckIntact(box, b, 2, 2);
      if (!IsSqlite(b)) continue;

      // sqlite:PATH is the same file.
      Run prefixed = Triage(box, "log verify --register " + Quote("sqlite:" + b.url()));
      CHECK(prefixed.status == 0);
      CHECK(prefixed.out.rfind(Intact(b.url(), 2, 2), 0) == 0);
      // Neither: ./triage-register.db, where route runs.
      fs::path here = box.dir() / "here";
      fs::create_directories(here);
      Call in_here;
      in_here.cwd = here.string();
      Run local = Triage(
          box, "route " + Quote(Source(kRules)) + " " + Quote(Source(kAmbtenaar)) + " --record",
          in_here);
      INFO(Describe(local));
      CHECK(local.status == 0);
      CHECK(Has(local.err, "recorded 1 decision in triage-register.db"));
      CHECK(fs::exists(here / "triage-register.db"));
      Run local_verify = Triage(box, "log verify", in_here);
      CHECK(local_verify.status == 0);
      CHECK(local_verify.out.rfind(Intact("triage-register.db", 1, 1), 0) == 0);
    }
  }
}

TEST_CASE("cli: register: without --record nothing is recorded or created", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      // No table in a database that route has not recorded into.
      auto no_register = [&] {
        if (IsSqlite(b)) return !fs::exists(b.url());
        return b.Query("SELECT to_regclass('triage_meta') IS NULL") == "t";
      };
      fs::path empty = box.dir() / ("empty-" + std::string(b.name()));
      fs::create_directories(empty);
      Call call;
      call.cwd = empty.string();
      call.env = "TRIAGE_REGISTER=" + Quote(IsSqlite(b) ? (empty / "r.db").string() : b.url());
      std::string rules = Quote(Source(kRules)), cases = Quote(Source(kAmbtenaar));
      {
        Run r = Triage(box, "route " + rules + " " + cases, call);
        INFO(Describe(r));
        CHECK(r.status == 0);
        CHECK_FALSE(r.out.empty());
        CHECK_FALSE(Has(r.err, "recorded"));
        CHECK(fs::is_empty(empty));  // neither $TRIAGE_REGISTER nor ./triage-register.db
        CHECK(no_register());
      }
      {
        // Reading creates nothing either.
        Run v = Triage(box, "log verify", call);
        INFO(Describe(v));
        CHECK(v.status == 2);
        CHECK(Has(v.err, IsSqlite(b) ? "no register here" : "not a triage register"));
        CHECK(fs::is_empty(empty));
        CHECK(no_register());
      }
      // --register or --officer without --record is a mistake, said so.
      for (const std::string& extra : {Reg(b), std::string(" --officer 'J. de Vries'")}) {
        Run mistake = Triage(box, "route " + rules + " " + cases + extra, call);
        INFO(extra << "\n" << Describe(mistake));
        CHECK(mistake.status == 2);
        CHECK(mistake.out.empty());
        CHECK(Has(mistake.err, "add --record to record them"));
        CHECK(fs::is_empty(empty));
        CHECK(no_register());
      }
    }
  }
}

TEST_CASE("cli: register: personal facts are never stored or shown in clear", "[register]") {
  Sandbox box;
  fs::path cases = box.Write(
      "personal.jsonl",
      "{\"case_id\": \"p1\", \"role\": \"ambtenaar\", \"instrument\": \"klacht\", "
      "\"explicit_threat\": true, \"initiator_name\": \"Pietje Puk\"}\n"
      "{\"case_id\": \"p2\", \"role\": \"koning\", \"initiator_name\": \"Pietje Puk\"}\n");
  const std::string key_text = "a-pseudonym-key-for-the-cli-tests";
  fs::path key = box.Write("key", key_text + "\n");
  fs::path other_key = box.Write("other-key", "another-pseudonym-key-for-the-tests\n");
  fs::path short_key = box.Write("short-key", "too short\n");
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      std::string seen;  // every byte the user is shown
      auto run = [&](const std::string& args, const std::string& key_file = "") {
        Call call;
        if (!key_file.empty()) call.env = "TRIAGE_PSEUDONYM_KEY_FILE=" + Quote(key_file);
        Run r = Triage(box, args, call);
        seen += r.out + r.err;
        return r;
      };
      std::string route = "route " + kRules + " " + Quote(cases.string()) + " --record" + Reg(b);
      // p2 is invalid (no such role): exit 1, and recorded all the same.
      for (const char* format : {"text", "jsonl"}) {
        Run keyed = run(route + " --format " + format, key.string());
        INFO(Describe(keyed));
        CHECK(keyed.status == 1);
        CHECK(Has(keyed.err, "recorded 2 decisions"));
        CHECK_FALSE(Has(keyed.err, "warning: no pseudonym key"));
      }
      Run unkeyed = run(route + " --format csv");
      CHECK(unkeyed.status == 1);
      CHECK(Has(unkeyed.err, "personal facts ('initiator_name') are left out of the register"));
      Run other = run(route, other_key.string());
      CHECK(other.status == 1);
      Run too_short = run(route, short_key.string());
      CHECK(too_short.status == 2);
      CHECK(Has(too_short.err, "a pseudonym key needs at least 16 bytes"));
      CHECK(Has(too_short.err, "nothing was recorded"));
      CheckIntact(box, b, 8, 4);

      Run jsonl = run("log export" + Reg(b));
      REQUIRE(jsonl.status == 0);
      std::vector<EntryView> entries = ExportedEntries(jsonl.out);
      REQUIRE(entries.size() == 8);
      std::string pseudonym = FactJson(entries[0], "initiator_name");
      REQUIRE(pseudonym.size() == 2 + 12 + 64);
      CHECK(pseudonym.rfind("\"hmac-sha256:", 0) == 0);
      CHECK(IsHex(pseudonym.substr(13, 64)));
      CHECK(pseudonym.back() == '"');
      REQUIRE(entries[0].pseudonym_key);
      for (int i : {0, 1, 2, 3}) {
        INFO("entry " << i + 1);
        // The same name under the same key, in another run: the same pseudonym.
        CHECK(FactJson(entries[i], "initiator_name") == pseudonym);
        CHECK(entries[i].withheld.empty());
        CHECK(entries[i].pseudonym_key == entries[0].pseudonym_key);
      }
      for (int i : {4, 5}) {
        INFO("entry " << i + 1);
        CHECK(FactJson(entries[i], "initiator_name") == "(absent)");
        CHECK(entries[i].withheld == std::vector<std::string>{"initiator_name"});
        CHECK_FALSE(entries[i].pseudonym_key);
      }
      for (int i : {6, 7}) {
        INFO("entry " << i + 1);
        CHECK(FactJson(entries[i], "initiator_name") != pseudonym);
        CHECK(Has(FactJson(entries[i], "initiator_name"), "hmac-sha256:"));
        CHECK(entries[i].pseudonym_key != entries[0].pseudonym_key);
      }
      std::string bare = pseudonym.substr(1, pseudonym.size() - 2);
      Run csv = run("log export --format csv" + Reg(b));
      CHECK(csv.status == 0);
      CHECK(Has(csv.out, bare));
      fs::path csv_file = box.dir() / "personal.csv";
      fs::path jsonl_file = box.dir() / "personal.out.jsonl";
      CHECK(run("log export -o " + Quote(csv_file.string()) + Reg(b)).status == 0);
      CHECK(run("log export -o " + Quote(jsonl_file.string()) + Reg(b)).status == 0);
      seen += Slurp(csv_file) + Slurp(jsonl_file);
      CHECK(Has(Slurp(csv_file), bare));
      CHECK(run("log show p1" + Reg(b)).status == 0);
      CHECK(run("log show p2 --format json" + Reg(b)).status == 0);
      CHECK(run("log verify" + Reg(b)).status == 0);

      std::string disk = b.DiskBytes();
      CHECK_FALSE(disk.empty());
      CHECK(Has(disk, bare));
      for (const char* clear : {"Pietje Puk", "Pietje", "Puk"}) {
        INFO(clear);
        CHECK_FALSE(Has(disk, clear));
        CHECK_FALSE(Has(seen, clear));
      }
      CHECK_FALSE(Has(disk, key_text));
      CHECK_FALSE(Has(seen, key_text));
    }
  }
}

// Whether a line of `text` starts with `start` and holds `part`.
bool HasLine(const std::string& text, const std::string& start, const std::string& part) {
  for (const std::string& line : Lines(text)) {
    if (line.rfind(start, 0) == 0 && Has(line, part)) return true;
  }
  return false;
}

// Triggers dropped, as someone with the database owner's rights could.
std::string DropTriggers(const TestBackend& b) {
  if (IsSqlite(b)) {
    return "DROP TRIGGER triage_entries_no_update; DROP TRIGGER triage_entries_no_delete;";
  }
  return "DROP TRIGGER triage_entries_no_change ON triage_entries;";
}

TEST_CASE("cli: register: log verify names an entry tampered with through the database's tool",
          "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      REQUIRE(Triage(box, "route " + kRules + " " + kAmbtenaar + " " + kBedreiging + " --record" +
                              Reg(b))
                  .status == 0);
      REQUIRE(Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b)).status == 0);
      CheckIntact(box, b, 3, 2);
      // The triggers refuse a change until they are dropped.
      CHECK(b.Sql("UPDATE triage_entries SET body = replace(body, 'Noorddijk', 'Zuiddijk') "
                  "WHERE seq = 1") != 0);
      CheckIntact(box, b, 3, 2);

      REQUIRE(b.Sql(DropTriggers(b) +
                    " UPDATE triage_entries SET body = replace(body, 'Noorddijk', 'Zuiddijk') "
                    "WHERE seq = 1") == 0);
      {
        Run changed = Triage(box, "log verify" + Reg(b));
        INFO(Describe(changed));
        CHECK(changed.status == 1);
        // Named on its own line (the wording around it may say more).
        CHECK(HasLine(changed.out, b.url() + ": entry 1 ", "was changed"));
        CHECK_FALSE(HasLine(changed.out, b.url() + ": entry 2 ", ""));
        CHECK_FALSE(Has(changed.out, "chain intact"));
        CHECK((
            Has(changed.err, " problems in 3 entries: the register was tampered with or damaged") ||
            Has(changed.err, " problem in 3 entries: the register was tampered with or damaged")));
        CHECK(Has(changed.err, "triage: " + b.url() + ": "));
      }
      // The last entry removed: named, and nothing more is appended.
      REQUIRE(b.Sql("DELETE FROM triage_entries WHERE seq = 3") == 0);
      {
        Run removed = Triage(box, "log verify" + Reg(b));
        INFO(Describe(removed));
        CHECK(removed.status == 1);
        CHECK(HasLine(removed.out, b.url() + ": entry 1 ", "was changed"));
        CHECK(HasLine(removed.out, b.url() + ": entry 3 ", "was removed"));
      }
      Run append = Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b));
      INFO(Describe(append));
      CHECK(append.status == 2);
      CHECK(Has(append.err, b.url() + ": the register's last entry does not match the seal of "
                                      "its last batch"));
      CHECK(b.Query("SELECT count(*) FROM triage_entries") == "2");
    }
  }
}

}  // namespace
}  // namespace triage::testing
