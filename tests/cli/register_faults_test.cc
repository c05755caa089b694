// The decision register under strain, as a user reaches it: writers at
// once, a writer killed mid-batch, a full disk, a read-only, damaged or
// foreign file, a PostgreSQL server that cannot be reached or goes away.
// Helpers and conventions: register_cli.h.
#include "cli/register_cli.h"

namespace triage::testing {
namespace {

// The shell text that runs `args` four times at once, each run's status,
// stdout and stderr left in w0..w3.rc/.out/.err in `dir`.
std::string FourAtOnce(const fs::path& dir, const std::string& args) {
  std::string script;
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    std::string officer = " --officer writer" + n;
    script += "(" + Step(dir, "w" + n, args + officer) + ") & ";
  }
  return script + "wait";
}

TEST_CASE("cli: register: four writers at once lose nothing", "[register]") {
  Sandbox box;
  fs::path corpus = box.dir() / "corpus.jsonl";
  Generate(2000, corpus);
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      {
        // The register made first, by a run of no cases (it records nothing).
        Run made = Triage(box, "route " + kRules + " - --record" + Reg(b));
        INFO(Describe(made));
        REQUIRE(made.status == 0);
        CHECK(Has(made.err, "recorded 0 decisions in " + b.url()));
        CheckIntact(box, b, 0, 0);
      }
      Shell("sh -c " +
            Quote(FourAtOnce(box.dir(), "route " + kRules + " " + Quote(corpus.string()) +
                                            " --record" + Reg(b))));
      for (int i = 0; i < 4; ++i) {
        Run w = Result(box.dir(), "w" + std::to_string(i));
        INFO("writer " << i << ": " << w.err);
        CHECK(w.status == 0);
        CHECK(Has(w.err, "recorded 2000 decisions in " + b.url()));
      }
      CheckIntact(box, b, 8000, 4);
      Run show = Triage(box, "log show c1999" + Reg(b));
      CHECK(show.status == 0);
      CHECK(show.out.rfind("case c1999: 4 decisions recorded\n", 0) == 0);
      // Each batch is one writer's, whole: its entries are consecutive.
      Run all = Triage(box, "log export --format csv" + Reg(b));
      bool ok = false;
      std::vector<std::vector<std::string>> rows = ParseCsv(all.out, ok);
      REQUIRE(rows.size() == 8001);
      std::size_t officer = std::find(rows[0].begin(), rows[0].end(), "officer") - rows[0].begin();
      REQUIRE(officer < rows[0].size());
      int changes = 0;
      for (std::size_t i = 2; i < rows.size(); ++i)
        changes += rows[i][officer] != rows[i - 1][officer];
      CHECK(changes == 3);
    }
  }
}

TEST_CASE("cli: register: writers at once on a register not made yet all record", "[register]") {
  Sandbox box;
  fs::path corpus = box.dir() / "corpus.jsonl";
  Generate(20, corpus);
  for (const TestBackend& first : TestBackends(box.dir())) {
    DYNAMIC_SECTION(first.name()) {
      // Four writers making the register at once, again and again: the race
      // is short, so a few rounds.
      const int rounds = IsSqlite(first) ? 15 : 5;
      for (int round = 0; round < rounds; ++round) {
        TestBackend b = round == 0 ? first : TestBackend(first.kind(), box.dir());
        Shell("sh -c " +
              Quote(FourAtOnce(box.dir(), "route " + kRules + " " + Quote(corpus.string()) +
                                              " --record" + Reg(b))));
        int failed = 0;
        for (int i = 0; i < 4; ++i) {
          Run w = Result(box.dir(), "w" + std::to_string(i));
          INFO("round " << round << ", writer " << i << ": exit " << w.status << "\n" << w.err);
          CHECK(w.status == 0);
          failed += w.status != 0;
        }
        CheckIntact(box, b, 80, 4);
        if (failed) break;  // once is enough to show it
      }
    }
    if (!IsSqlite(first)) continue;
    DYNAMIC_SECTION(first.name() << ": a new register while another connection writes") {
      // The same situation, made to happen every time: another connection
      // holds the write lock of a new database file for a second. A writer
      // waits for it (as it does on a register already made), then records.
      TestBackend b(first.kind(), box.dir());
      std::string journal = Quote(b.url() + "-journal");
      std::string script =
          "(echo 'BEGIN IMMEDIATE;'; sleep 1; echo 'COMMIT;') | sqlite3 " + Quote(b.url()) +
          " & i=0; while [ ! -e " + journal +
          " ] && [ $i -lt 1000 ]; do sleep 0.005; i=$((i+1)); done; t0=$(date +%s%N); " +
          Step(box.dir(), "held", "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b)) +
          "; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); wait";
      std::string said = Shell("sh -c " + Quote(script));
      double seconds = std::atof(said.c_str()) / 1000;  // the writer's own time
      Run held = Result(box.dir(), "held");
      INFO(Describe(held) << "\n(after " << seconds << " s)");
      CHECK(held.status == 0);
      CHECK(Has(held.err, "recorded 1 decision in " + b.url()));
      // A refusal, if any, must not claim a wait that did not happen.
      if (Has(held.err, "for over 120 s")) CHECK(seconds >= 120);
      if (held.status == 0) CheckIntact(box, b, 1, 1);
    }
  }
}

TEST_CASE("cli: register: a writer killed mid-batch leaves only whole batches", "[register]") {
  Sandbox box;
  fs::path corpus = box.dir() / "big.jsonl";
  Generate(50000, corpus);
  for (const TestBackend& b : TestBackends(box.dir())) {
    DYNAMIC_SECTION(b.name()) {
      REQUIRE(Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b)).status == 0);
      {
        Interrupted killed = InterruptMidRun(
            box, "route " + kRules + " " + Quote(corpus.string()) + " --record" + Reg(b),
            "kill -9 $pid");
        INFO(Describe(killed.run));
        REQUIRE(killed.started);
        REQUIRE(killed.status == 137);  // killed, not finished
        CHECK_FALSE(Has(killed.run.err, "recorded"));
      }
      CheckIntact(box, b, 1, 1);
      // And the register takes the next batch.
      Run next = Triage(box, "route " + kRules + " " + kBedreiging + " --record" + Reg(b));
      INFO(Describe(next));
      CHECK(next.status == 0);
      CheckIntact(box, b, 2, 2);
    }
  }
}

TEST_CASE("cli: register: a full disk: exit 2, the disk is full, nothing already recorded lost",
          "[register]") {
  Sandbox box;
  fs::path corpus = box.dir() / "corpus.jsonl";
  Generate(4000, corpus);
  for (const TestBackend& b : TestBackends(box.dir())) {
    if (!IsSqlite(b)) continue;
    if (!CanUnshareMounts()) {
      WARN(
          "full disk: skipped: 'unshare -m' is not permitted here (a small tmpfs is mounted in a "
          "mount namespace of the test's own)");
      continue;
    }
    // All of it inside a mount namespace with a 1 MB tmpfs: one decision
    // fits, 4,000 (some MB) do not.
    fs::path small = box.dir() / "small";
    fs::create_directories(small);
    std::string db = (small / "r.db").string();
    std::string reg = " --register " + Quote(db);
    fs::path records = box.dir() / "records.jsonl";
    const fs::path& d = box.dir();
    std::string script =
        "mount -t tmpfs -o size=1m tmpfs " + Quote(small.string()) + " || exit 99\n" +
        Step(d, "first", "route " + kRules + " " + kAmbtenaar + " --record" + reg) + "\n" +
        Step(d, "big", "route " + kRules + " " + Quote(corpus.string()) + " --record" + reg) +
        "\n" +
        Step(d, "big-file",
             "route " + kRules + " " + Quote(corpus.string()) + " --record" + reg + " -o " +
                 Quote(records.string())) +
        "\n" + Step(d, "verify", "log verify" + reg) + "\n" +
        Step(d, "again", "route " + kRules + " " + kBedreiging + " --record" + reg) + "\n" +
        Step(d, "verify-again", "log verify" + reg) + "\n";
    int status = -1;
    std::string said = Shell("unshare -m sh -c " + Quote(script) + " 2>&1", &status);
    if (status == 99) {
      WARN("full disk: skipped: a tmpfs cannot be mounted here: " << said);
      continue;
    }
    {
      Run first = Result(d, "first");
      INFO(said << Describe(first));
      REQUIRE(first.status == 0);
    }
    for (const char* name : {"big", "big-file"}) {
      Run big = Result(d, name);
      INFO(name << "\n" << Describe(big));
      CHECK(big.status == 2);
      CHECK(Has(big.err, "triage: " + db + ": the disk is full"));
      CHECK(Has(big.err, "nothing of this run was recorded"));
      CheckNoOutputClaim(big);
    }
    CHECK_FALSE(fs::exists(records));
    for (const auto& e : fs::directory_iterator(d)) {
      CHECK_FALSE(Has(e.path().filename().string(), "records.jsonl.tmp"));
    }
    {
      Run verify = Result(d, "verify");
      INFO(Describe(verify));
      CHECK(verify.status == 0);
      CHECK(verify.out.rfind(Intact(db, 1, 1), 0) == 0);
    }
    // The failed batch's pages given back, the register takes the next one.
    CHECK(Result(d, "again").status == 0);
    CHECK(Result(d, "verify-again").out.rfind(Intact(db, 2, 2), 0) == 0);
  }
}

TEST_CASE("cli: register: a read-only register is refused and left as it was", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    if (!IsSqlite(b)) continue;
    fs::path dir = box.dir() / "ro";
    fs::create_directories(dir);
    std::string db = (dir / "r.db").string();
    std::string reg = " --register " + Quote(db);
    REQUIRE(Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + reg).status == 0);
    std::map<std::string, std::string> before = Files(dir);
    Run write, read;
    if (geteuid() != 0) {
      // Not root: the permissions say it.
      fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
      fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                               fs::perms::group_exec | fs::perms::others_read |
                               fs::perms::others_exec);
      write = Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + reg);
      read = Triage(box, "log verify" + reg);
      fs::permissions(dir, fs::perms::owner_all);
      fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
    } else {
      // Root writes whatever the permissions say: a read-only bind mount of
      // the folder, in a mount namespace of the test's own.
      if (!CanUnshareMounts()) {
        WARN(
            "read-only register: skipped: running as root, and 'unshare -m' is not permitted "
            "here (a read-only bind mount is what stops root)");
        continue;
      }
      std::string script =
          "mount --bind " + Quote(dir.string()) + " " + Quote(dir.string()) +
          " && mount -o remount,ro,bind " + Quote(dir.string()) + " || exit 99\n" +
          Step(box.dir(), "w", "route " + kRules + " " + kAmbtenaar + " --record" + reg) + "\n" +
          Step(box.dir(), "r", "log verify" + reg) + "\n";
      int status = -1;
      std::string said = Shell("unshare -m sh -c " + Quote(script) + " 2>&1", &status);
      if (status == 99) {
        WARN("read-only register: skipped: no read-only bind mount here: " << said);
        continue;
      }
      write = Result(box.dir(), "w");
      read = Result(box.dir(), "r");
    }
    {
      INFO(Describe(write));
      CHECK(write.status == 2);
      CHECK(write.out.empty());
      CHECK(Has(write.err, "triage: " + db + ": "));
      CHECK_FALSE(Has(write.err, "recorded 1"));
      std::map<std::string, std::string> after = Files(dir);
      CHECK(Names(after) == Names(before));
      CHECK((after == before));
    }
    {
      // What cannot be written to can still be read and verified (an
      // archived copy, an auditor's read-only access).
      INFO(Describe(read));
      CHECK(read.status == 0);
      CHECK(read.out.rfind(Intact(db, 1, 1), 0) == 0);
    }
  }
}

// A register's file, checkpointed (no -wal left), of `cases` decisions.
void MakeRegisterFile(Sandbox& box, const std::string& db, int cases) {
  fs::path corpus = box.dir() / "corpus.jsonl";
  Generate(cases, corpus);
  Run r = Triage(box, "route " + kRules + " " + Quote(corpus.string()) + " --record --register " +
                          Quote(db) + " --officer tester");
  INFO(Describe(r));
  REQUIRE(r.status == 0);
  Shell("sqlite3 " + Quote(db) + " 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1");
  fs::remove(db + "-wal");
  fs::remove(db + "-shm");
}

std::size_t PageSize(const std::string& bytes) {
  REQUIRE(bytes.size() > 100);
  std::size_t size = (static_cast<std::size_t>(static_cast<unsigned char>(bytes[16])) << 8) |
                     static_cast<unsigned char>(bytes[17]);
  return size == 1 ? 65536 : size;
}

// Random bytes over these pages (1-based) of the file.
void Overwrite(const std::string& db, const std::vector<std::size_t>& pages) {
  std::string bytes = Slurp(db);
  std::size_t page_size = PageSize(bytes);
  std::mt19937 random(20260219);
  for (std::size_t page : pages) {
    REQUIRE(page >= 2);
    REQUIRE(page * page_size <= bytes.size());
    for (std::size_t i = (page - 1) * page_size; i < page * page_size; ++i) {
      bytes[i] = static_cast<char>(random() & 0xff);
    }
  }
  std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;
}

// route --record refuses the file (exit 2, a message naming it) and leaves
// every byte of its folder as it was; log verify says what is wrong (exit 1
// or 2) and changes nothing either.
void CheckRefused(Sandbox& box, const std::string& db, const std::string& why) {
  fs::path dir = fs::path(db).parent_path();
  std::map<std::string, std::string> before = Files(dir);
  std::string reg = " --register " + Quote(db);
  {
    Run write = Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + reg);
    INFO(Describe(write));
    CHECK(write.status == 2);
    CHECK(write.out.empty());
    CHECK(Has(write.err, "triage: " + db + ": " + why));
    std::map<std::string, std::string> after = Files(dir);
    CHECK(Names(after) == Names(before));
    CHECK((after == before));
  }
  // Reading changes nothing either.
  std::string bytes = Slurp(db);
  Run verify = Triage(box, "log verify" + reg);
  INFO(Describe(verify));
  CHECK((verify.status == 1 || verify.status == 2));
  CHECK(Has(verify.out + verify.err, db + ": "));
  CHECK((Slurp(db) == bytes));
}

TEST_CASE("cli: register: a damaged or foreign file is refused and left as it was", "[register]") {
  Sandbox box;
  for (const TestBackend& b : TestBackends(box.dir())) {
    if (!IsSqlite(b)) continue;
    DYNAMIC_SECTION("random bytes") {
      fs::path dir = box.dir() / "random";
      fs::create_directories(dir);
      std::string db = (dir / "r.db").string();
      std::mt19937 random(7);
      std::string bytes(16384, '\0');
      for (char& c : bytes) c = static_cast<char>(random() & 0xff);
      std::ofstream(db, std::ios::binary) << bytes;
      CheckRefused(box, db, "this is not an SQLite database");
    }
    DYNAMIC_SECTION("a register with its middle third overwritten") {
      fs::path dir = box.dir() / "third";
      fs::create_directories(dir);
      std::string db = (dir / "r.db").string();
      MakeRegisterFile(box, db, 2000);
      std::size_t pages = Slurp(db).size() / PageSize(Slurp(db));
      std::vector<std::size_t> middle;
      for (std::size_t p = pages / 3 + 1; p <= 2 * pages / 3; ++p) middle.push_back(p);
      Overwrite(db, middle);
      CheckRefused(box, db, "");
    }
    DYNAMIC_SECTION("a register with a few of its entries' pages overwritten") {
      // Pages that hold entries in the middle of the chain (leaf pages of
      // triage_entries, as the database's own dbstat lists them): a writer
      // that appends at the end never reads them.
      fs::path dir = box.dir() / "leaves";
      fs::create_directories(dir);
      std::string db = (dir / "r.db").string();
      MakeRegisterFile(box, db, 2000);
      int status = -1;
      std::string listed = Shell("sqlite3 " + Quote(db) +
                                     " \"SELECT pageno FROM dbstat WHERE name = 'triage_entries' "
                                     "AND pagetype = 'leaf' ORDER BY pageno\" 2>/dev/null",
                                 &status);
      std::vector<std::size_t> leaves;
      for (const std::string& line : Lines(listed)) {
        if (!line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
              return std::isdigit(static_cast<unsigned char>(c)) != 0;
            })) {
          leaves.push_back(std::stoul(line));
        }
      }
      fs::remove(db + "-wal");
      fs::remove(db + "-shm");
      if (status != 0 || leaves.size() < 8) {
        WARN("damaged leaf pages: skipped: the sqlite3 tool has no dbstat table here");
        continue;
      }
      std::size_t mid = leaves.size() / 2;
      Overwrite(db, {leaves[mid - 2], leaves[mid - 1], leaves[mid], leaves[mid + 1]});
      CheckRefused(box, db, "");
    }
    DYNAMIC_SECTION("a foreign SQLite database") {
      fs::path dir = box.dir() / "foreign";
      fs::create_directories(dir);
      std::string db = (dir / "zaken.db").string();
      int status = -1;
      Shell("sqlite3 " + Quote(db) + " 'CREATE TABLE x(a); INSERT INTO x VALUES (1)'", &status);
      REQUIRE(status == 0);
      CheckRefused(box, db, "not a triage register (the database holds other tables)");
      Run v = Triage(box, "log verify --register " + Quote(db));
      CHECK(v.status == 2);
      CHECK(Has(v.err, "not a triage register"));
    }
  }
}

TEST_CASE("cli: register: PostgreSQL: a server that cannot be reached: exit 2, quickly",
          "[register]") {
  // No server is needed for this one: it runs in every backend's run.
  Sandbox box;
  const std::string url = "postgresql:///x?host=/nonexistent";
  for (const std::string& args :
       {"route " + kRules + " " + kAmbtenaar + " --record --register " + Quote(url),
        "log verify --register " + Quote(url), "log export --register " + Quote(url)}) {
    auto start = std::chrono::steady_clock::now();
    Run r = Triage(box, args);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(args << "\n" << Describe(r));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(Has(r.err, "triage: " + url + ": cannot reach the register's server"));
    CHECK(seconds < 10);
  }
}

// Starts the server again when it goes out of scope, whatever happened.
struct ServerBack {
  const TestBackend& b;
  ~ServerBack() { b.StartServer(); }
};

TEST_CASE("cli: register: PostgreSQL: a server stopped mid-batch loses nothing already recorded",
          "[register]") {
  Sandbox box;
  fs::path corpus = box.dir() / "big.jsonl";
  bool generated = false;
  for (const TestBackend& b : TestBackends(box.dir())) {
    if (IsSqlite(b)) continue;
    if (!generated) Generate(50000, corpus);
    generated = true;
    REQUIRE(Triage(box, "route " + kRules + " " + kAmbtenaar + " --record" + Reg(b)).status == 0);
    const char* ctl = std::getenv("TRIAGE_TEST_PG_CTL");
    REQUIRE(ctl);
    Interrupted stopped;
    {
      ServerBack back{b};
      stopped = InterruptMidRun(
          box, "route " + kRules + " " + Quote(corpus.string()) + " --record" + Reg(b),
          std::string(ctl) + " stop -m immediate >/dev/null 2>&1");
    }
    {
      INFO(Describe(stopped.run));
      REQUIRE(stopped.started);
      CHECK(stopped.status == 2);
      CHECK(Has(stopped.run.err, "triage: " + b.url() + ": "));
      CHECK(Has(stopped.run.err, "nothing of this run was recorded"));
      CheckNoOutputClaim(stopped.run);
    }
    CheckIntact(box, b, 1, 1);
    Run next = Triage(box, "route " + kRules + " " + kBedreiging + " --record" + Reg(b));
    CHECK(next.status == 0);
    CheckIntact(box, b, 2, 2);
  }
}

}  // namespace
}  // namespace triage::testing
