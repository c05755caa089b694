// The register in one SQLite file (WAL, so that readers do not wait for a
// writer; BEGIN IMMEDIATE, so that writers take turns on the chain).
#include "register/backend.h"
#include "register/sqlite_statement.h"

#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

namespace triage::register_internal {
namespace {

class SqliteRegister;

class SqliteBatch : public RegisterBatch {
 public:
  SqliteBatch(SqliteRegister& reg, std::int64_t last_seq, std::string last_hash,
              std::int64_t batch);
  ~SqliteBatch() override;
  bool Add(const NewEntry& entry, std::string& error) override;
  bool Commit(std::int64_t& entries, std::string& error) override;

 private:
  SqliteRegister& reg_;
  Chain chain_;
  std::int64_t batch_;
  Statement insert_;
  std::string prev_hash_, hash_;  // of the entry being added
  bool open_ = true;
};

class SqliteRegister : public Register {
 public:
  SqliteRegister(const RegisterLocation& where, sqlite3* db) : Register(where.shown), db_(db) {}
  ~SqliteRegister() override { sqlite3_close_v2(db_); }

  // Makes sure the file is a register of a version this build reads, and
  // creates the tables in a new, empty file when writing.
  bool Prepare(Mode mode, std::string& error);

  std::unique_ptr<RegisterBatch> Begin(std::string& error) override;
  bool BeginSnapshot(std::string& error) override {
    int code = Exec("BEGIN");
    // The read transaction starts with the first read; make it now.
    Statement first(db_, "SELECT count(*) FROM sqlite_master");
    if (code == SQLITE_OK) code = first.Step() == SQLITE_ROW ? SQLITE_OK : first.code();
    if (code != SQLITE_OK) error = Failed(code);
    return code == SQLITE_OK;
  }
  void EndSnapshot() override { Exec("COMMIT"); }
  bool Scan(const EntryFilter& filter, const std::function<bool(const StoredEntry&)>& each,
            std::string& error) override;

  sqlite3* db() const { return db_; }
  /// Whether the first query works (a WAL register in a read-only folder
  /// opens, then cannot be read).
  bool Readable() {
    Statement probe(db_, "SELECT count(*) FROM sqlite_master");
    return probe.ok() && probe.Step() == SQLITE_ROW;
  }
  std::string Failed(int code) const { return fmt::format("{}: {}", shown(), Why(db_, code)); }
  int Exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

 protected:
  bool ScanSeals(const std::function<void(const BatchSeal&)>& each, std::string& error) override;
  bool CheckStorage(std::vector<std::string>& problems, std::string& error) override;

 private:
  bool ListTables(bool& ours, bool& others, std::string& error);
  bool UseWal(std::string& error);
  bool QuickCheck(std::string& error);
  bool CreateSchema(std::string& error);
  bool CheckVersion(std::string& error);
  bool BeginImmediate(std::string& error);
  bool HeadMatchesSeal(std::int64_t& last_seq, std::string& last_hash, std::int64_t& batch,
                       std::string& error);

  sqlite3* db_;
};

bool SqliteRegister::Prepare(Mode mode, std::string& error) {
  sqlite3_busy_timeout(db_, 5000);
  bool ours = false, others = false;
  if (!ListTables(ours, others, error)) return false;
  if (!ours && others) {
    error = fmt::format(
        "{}: not a triage register (the database holds other tables); it was left "
        "as it was",
        shown());
    return false;
  }
  if (!ours && mode == Mode::kRead) {
    error = fmt::format("{}: not a triage register (the database is empty)", shown());
    return false;
  }
  if (mode == Mode::kWrite) {
    // Entries are about 1.3 kB: pages of 16 kB waste little on each (of
    // 4 kB, a quarter). Only a new file takes it.
    if (!ours && !others) Exec("PRAGMA page_size = 16384");
    Exec("PRAGMA cache_size = -65536");
    // Before any write: WAL lets readers read while a batch is recorded.
    if (!UseWal(error)) return false;
    Exec("PRAGMA synchronous = FULL");
    if (!ours && !CreateSchema(error)) return false;
  }
  if (!CheckVersion(error)) return false;
  return mode == Mode::kRead || !ours || QuickCheck(error);
}

bool SqliteRegister::UseWal(std::string& error) {
  // Switching needs the write lock for a moment: another writer may hold
  // it (a new register made by several at once), so wait as for a batch.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kBusyWaitSeconds);
  for (;;) {
    Statement wal(db_, "PRAGMA journal_mode = WAL");
    int code = wal.Step();
    if (code == SQLITE_ROW || code == SQLITE_DONE) return true;
    if ((code & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
      error = Failed(code);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

bool SqliteRegister::QuickCheck(std::string& error) {
  // Before anything is added: a damaged file is not written to, even where
  // an append would not touch the damaged pages. It reads the whole file
  // (about 1 s for 400,000 entries).
  Statement check(db_, "PRAGMA quick_check(1)");
  int code = check.Step();
  if (code == SQLITE_ROW && check.Text(0) == "ok") return true;
  error = fmt::format(
      "{}: the database file is damaged ({}); nothing was recorded (run 'triage "
      "log verify --register {}')",
      shown(), code == SQLITE_ROW ? check.Text(0) : std::string(Why(db_, code)), shown());
  return false;
}

bool SqliteRegister::ListTables(bool& ours, bool& others, std::string& error) {
  Statement tables(db_, "SELECT name FROM sqlite_master WHERE type = 'table'");
  int code = tables.code();
  if (code != SQLITE_OK) {
    error = Failed(code);
    return false;
  }
  while ((code = tables.Step()) == SQLITE_ROW) {
    (tables.Text(0) == "triage_meta" ? ours : others) = true;
  }
  if (code != SQLITE_DONE) error = Failed(code);
  return code == SQLITE_DONE;
}

bool SqliteRegister::CreateSchema(std::string& error) {
  if (!BeginImmediate(error)) return false;
  // Another process may have created it while this one waited.
  bool ours = false, others = false;
  if (!ListTables(ours, others, error)) {
    Exec("ROLLBACK");
    return false;
  }
  if (ours) return Exec("COMMIT") == SQLITE_OK;
  std::vector<std::string> sql = SchemaStatements("INTEGER");
  sql.push_back("CREATE INDEX triage_entries_case ON triage_entries (case_id)");
  for (const char* table : kTables) {
    for (const char* what : {"UPDATE", "DELETE"}) {
      sql.push_back(fmt::format(
          "CREATE TRIGGER {0}_no_{1} BEFORE {2} ON {0} BEGIN SELECT RAISE(ABORT, 'the decision "
          "register is append-only'); END",
          table, what == std::string("UPDATE") ? "update" : "delete", what));
    }
  }
  sql.push_back(fmt::format("INSERT INTO triage_meta VALUES ('format', '{}')", kFormatName));
  sql.push_back(
      fmt::format("INSERT INTO triage_schema VALUES ({}, '{}')", kRegisterSchemaVersion, UtcNow()));
  for (const std::string& statement : sql) {
    int code = Exec(statement.c_str());
    if (code != SQLITE_OK) {
      error = Failed(code);
      Exec("ROLLBACK");
      return false;
    }
  }
  int code = Exec("COMMIT");
  if (code != SQLITE_OK) {
    error = Failed(code);
    Exec("ROLLBACK");
    return false;
  }
  return true;
}

bool SqliteRegister::CheckVersion(std::string& error) {
  Statement format(db_, "SELECT value FROM triage_meta WHERE key = 'format'");
  if (format.Step() != SQLITE_ROW || format.Text(0) != kFormatName) {
    error = fmt::format("{}: not a triage register (its format is not '{}'); it was left as it was",
                        shown(), kFormatName);
    return false;
  }
  Statement version(db_, "SELECT max(version) FROM triage_schema");
  if (version.Step() != SQLITE_ROW) {
    error = Failed(version.code());
    return false;
  }
  std::int64_t v = version.Int(0);
  if (v > kRegisterSchemaVersion) {
    error = fmt::format(
        "{}: the register was written by a newer triage (schema version {}; this one reads up to "
        "{}): use a newer triage",
        shown(), v, kRegisterSchemaVersion);
    return false;
  }
  // Version 1 is the first: nothing to migrate yet. A later version adds
  // its steps here, each in one transaction, each a row of triage_schema.
  return true;
}

bool SqliteRegister::BeginImmediate(std::string& error) {
  // The busy timeout waits 5 s at a time; bounded retries make the whole.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kBusyWaitSeconds);
  for (;;) {
    int code = Exec("BEGIN IMMEDIATE");
    if (code == SQLITE_OK) return true;
    if ((code & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
      error = Failed(code);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

bool SqliteRegister::HeadMatchesSeal(std::int64_t& last_seq, std::string& last_hash,
                                     std::int64_t& batch, std::string& error) {
  Statement last(db_, kLastEntrySql), sealed(db_, kLastSealSql);
  int head_code = last.Step(), seal_code = sealed.Step();
  for (int code : {head_code, seal_code}) {
    if (code != SQLITE_ROW && code != SQLITE_DONE) {
      error = Failed(code);
      return false;
    }
  }
  std::optional<Head> head;
  if (head_code == SQLITE_ROW) head = Head{last.Int(0), last.Text(1), last.Text(2), last.Text(3)};
  std::optional<BatchSeal> seal;
  if (seal_code == SQLITE_ROW) seal = BatchSeal{sealed.Int(0), 0, sealed.Int(1), sealed.Text(2)};
  last_seq = head ? head->seq : 0;
  last_hash = head ? head->hash : GenesisHash();
  batch = seal ? seal->batch : 0;
  if (register_internal::HeadMatchesSeal(head, seal)) return true;
  error = HeadMismatch(shown());
  return false;
}

std::unique_ptr<RegisterBatch> SqliteRegister::Begin(std::string& error) {
  if (sqlite3_db_readonly(db_, "main") == 1) {
    error = Failed(SQLITE_READONLY);
    return nullptr;
  }
  if (!BeginImmediate(error)) return nullptr;
  std::int64_t last_seq = 0, batch = 0;
  std::string last_hash;
  if (!HeadMatchesSeal(last_seq, last_hash, batch, error)) {
    Exec("ROLLBACK");
    return nullptr;
  }
  return std::make_unique<SqliteBatch>(*this, last_seq, std::move(last_hash), batch + 1);
}

SqliteBatch::SqliteBatch(SqliteRegister& reg, std::int64_t last_seq, std::string last_hash,
                         std::int64_t batch)
    : reg_(reg),
      chain_(last_seq, std::move(last_hash)),
      batch_(batch),
      insert_(reg.db(),
              "INSERT INTO triage_entries (seq, recorded_at, case_id, ruleset_version, status, "
              "body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") {}

SqliteBatch::~SqliteBatch() {
  if (open_) reg_.Exec("ROLLBACK");
}

bool SqliteBatch::Add(const NewEntry& e, std::string& error) {
  std::int64_t seq = 0;
  chain_.Next(e, seq, prev_hash_, hash_);
  insert_.Reset();
  insert_.Bind(1, seq);
  insert_.Bind(2, e.recorded_at);
  if (e.case_id) {
    insert_.Bind(3, *e.case_id);
  } else {
    insert_.BindNull(3);
  }
  insert_.Bind(4, e.ruleset_version);
  insert_.Bind(5, e.status);
  insert_.Bind(6, e.body);
  insert_.Bind(7, prev_hash_);
  insert_.Bind(8, hash_);
  int code = insert_.Step();
  if (code != SQLITE_DONE) {
    error = reg_.Failed(code);
    return false;
  }
  return true;
}

bool SqliteBatch::Commit(std::int64_t& entries, std::string& error) {
  entries = chain_.added();
  int code = SQLITE_OK;
  if (entries > 0) {
    Statement seal(reg_.db(), "INSERT INTO triage_batches VALUES (?, ?, ?, ?, ?)");
    seal.Bind(1, batch_);
    seal.Bind(2, chain_.first_seq());
    seal.Bind(3, chain_.last_seq());
    seal.Bind(4, chain_.last_hash());
    std::string now = UtcNow();
    seal.Bind(5, now);
    code = seal.Step();
    if (code != SQLITE_DONE) {
      error = reg_.Failed(code);
      return false;  // the destructor rolls back
    }
  }
  code = reg_.Exec("COMMIT");
  if (code != SQLITE_OK) {
    error = reg_.Failed(code);
    return false;
  }
  open_ = false;
  return true;
}

bool SqliteRegister::Scan(const EntryFilter& filter,
                          const std::function<bool(const StoredEntry&)>& each, std::string& error) {
  Statement scan(db_, filter.case_id
                          ? "SELECT seq, prev_hash, hash, body, recorded_at, case_id, "
                            "ruleset_version, status FROM triage_entries WHERE case_id = ? "
                            "ORDER BY seq"
                          : "SELECT seq, prev_hash, hash, body, recorded_at, case_id, "
                            "ruleset_version, status FROM triage_entries ORDER BY seq");
  if (!scan.ok()) {
    error = Failed(scan.code());
    return false;
  }
  if (filter.case_id) scan.Bind(1, *filter.case_id);
  StoredEntry e;
  int code;
  while ((code = scan.Step()) == SQLITE_ROW) {
    e.seq = scan.Int(0);
    e.prev_hash = scan.Text(1);
    e.hash = scan.Text(2);
    e.body = scan.Text(3);
    e.recorded_at = scan.Text(4);
    e.case_id = scan.IsNull(5) ? std::nullopt : std::optional<std::string>(scan.Text(5));
    e.ruleset_version = scan.Text(6);
    e.status = scan.Text(7);
    if (Passes(filter, e) && !each(e)) return true;
  }
  if (code != SQLITE_DONE) {
    error = Failed(code);
    return false;
  }
  return true;
}

bool SqliteRegister::ScanSeals(const std::function<void(const BatchSeal&)>& each,
                               std::string& error) {
  Statement scan(db_,
                 "SELECT batch, first_seq, last_seq, last_hash FROM triage_batches "
                 "ORDER BY batch");
  int code;
  while ((code = scan.Step()) == SQLITE_ROW) {
    each(BatchSeal{scan.Int(0), scan.Int(1), scan.Int(2), scan.Text(3)});
  }
  if (code != SQLITE_DONE) {
    error = Failed(code);
    return false;
  }
  return true;
}

bool SqliteRegister::CheckStorage(std::vector<std::string>& problems, std::string& error) {
  std::vector<std::string> triggers;
  {
    // Only triggers on the register's own tables that still refuse.
    Statement list(db_,
                   "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = tbl_name || "
                   "substr(name, length(tbl_name) + 1) AND name LIKE tbl_name || '_no_%' AND sql "
                   "LIKE '%RAISE(ABORT%append-only%'");
    while (list.Step() == SQLITE_ROW) triggers.push_back(list.Text(0));
  }
  for (const std::string& expected : ExpectedTriggers(false)) {
    if (std::find(triggers.begin(), triggers.end(), expected) == triggers.end()) {
      problems.push_back(
          fmt::format("the append-only trigger '{}' was dropped, disabled or changed: the "
                      "register can be changed without a trace in the database",
                      expected));
    }
  }
  Statement check(db_, "PRAGMA integrity_check");
  int code;
  while ((code = check.Step()) == SQLITE_ROW) {
    std::string line = check.Text(0);
    if (line != "ok") problems.push_back("the database itself is damaged: " + line);
  }
  if (code != SQLITE_DONE) {
    error = Failed(code);
    return false;
  }
  return true;
}

// Whether a register may be written at `path`: its file (when it exists) and
// its folder (SQLite writes its -wal and -shm files there).
bool Writable(const std::string& path, bool exists) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (exists && access(path.c_str(), W_OK) != 0) return false;
  // A folder that does not exist is SQLite's to report ("cannot be opened").
  return access(folder.c_str(), F_OK) != 0 || access(folder.c_str(), W_OK) == 0;
}

// "file:/abs/path?immutable=1", percent-encoding what a URI reserves.
std::string ImmutableUri(const std::string& path) {
  std::string out = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "?immutable=1";
}

}  // namespace

std::unique_ptr<Register> OpenSqlite(const RegisterLocation& where, Register::Mode mode,
                                     std::string& error) {
  struct stat st {};
  bool exists = stat(where.target.c_str(), &st) == 0;
  if (!exists && mode == Register::Mode::kRead) {
    error = fmt::format("{}: no register here (record decisions with 'triage route --record')",
                        where.shown);
    return nullptr;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    error = fmt::format("{}: not a regular file; a register is a file", where.shown);
    return nullptr;
  }
  if (mode == Register::Mode::kWrite && !Writable(where.target, exists)) {
    error = fmt::format(
        "{}: the register is read-only here (its file or folder cannot be "
        "written); nothing was recorded",
        where.shown);
    return nullptr;
  }
  int flags = SQLITE_OPEN_NOMUTEX |
              (mode == Register::Mode::kWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                              : SQLITE_OPEN_READONLY);
  sqlite3* db = nullptr;
  int code = sqlite3_open_v2(where.target.c_str(), &db, flags, nullptr);
  auto reg = std::make_unique<SqliteRegister>(where, db);
  if (code != SQLITE_OK) {
    error = reg->Failed(code);
    return nullptr;
  }
  if (mode == Register::Mode::kRead && !reg->Readable()) {
    // A WAL register on read-only storage (an archived copy) cannot take
    // the locks readers use; nothing can write it, so read it as it is.
    reg.reset();  // closes it
    db = nullptr;
    code = sqlite3_open_v2(ImmutableUri(where.target).c_str(), &db,
                           SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    reg = std::make_unique<SqliteRegister>(where, db);
    if (code != SQLITE_OK) {
      error = reg->Failed(code);
      return nullptr;
    }
  }
  sqlite3_extended_result_codes(db, 1);
  if (!reg->Prepare(mode, error)) return nullptr;
  return reg;
}

}  // namespace triage::register_internal
