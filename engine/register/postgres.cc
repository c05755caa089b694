// The register in a PostgreSQL database, shared by a region: writers take
// turns on the chain through a transaction-scoped advisory lock, entries go
// in through COPY, and each batch is one transaction.
#include "register/backend.h"

#include <libpq-fe.h>

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

namespace triage::register_internal {
namespace {

// The advisory lock that orders writers: any fixed number of our own.
constexpr const char* kLockKey = "7468726961676501";

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  // libpq's messages may run over lines ("ERROR:  ...\nDETAIL: ..."): one line.
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

// One result; cleared with its scope.
class Result {
 public:
  explicit Result(PGresult* r) : r_(r) {}
  ~Result() { PQclear(r_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& other) noexcept : r_(other.r_) { other.r_ = nullptr; }

  ExecStatusType status() const { return PQresultStatus(r_); }
  bool ok() const {
    return status() == PGRES_COMMAND_OK || status() == PGRES_TUPLES_OK ||
           status() == PGRES_SINGLE_TUPLE;
  }
  int rows() const { return PQntuples(r_); }
  std::string Text(int row, int column) const {
    return std::string(PQgetvalue(r_, row, column),
                       static_cast<std::size_t>(PQgetlength(r_, row, column)));
  }
  bool IsNull(int row, int column) const { return PQgetisnull(r_, row, column) == 1; }
  std::int64_t Int(int row, int column) const { return std::stoll(Text(row, column)); }

 private:
  PGresult* r_;
};

// A text field of COPY's text format.
void AppendCopyField(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
}

class PostgresRegister;

class PostgresBatch : public RegisterBatch {
 public:
  PostgresBatch(PostgresRegister& reg, std::int64_t last_seq, std::string last_hash,
                std::int64_t batch)
      : reg_(reg), chain_(last_seq, std::move(last_hash)), batch_(batch) {}
  ~PostgresBatch() override;
  bool Add(const NewEntry& entry, std::string& error) override;
  bool Commit(std::int64_t& entries, std::string& error) override;

 private:
  bool Flush(std::string& error);

  PostgresRegister& reg_;
  Chain chain_;
  std::int64_t batch_;
  std::string buffer_;  // COPY rows not yet sent
  bool open_ = true;
};

class PostgresRegister : public Register {
 public:
  PostgresRegister(const RegisterLocation& where, PGconn* conn)
      : Register(where.shown), conn_(conn) {}
  ~PostgresRegister() override { PQfinish(conn_); }

  bool Prepare(Mode mode, std::string& error);
  std::unique_ptr<RegisterBatch> Begin(std::string& error) override;
  bool BeginSnapshot(std::string& error) override {
    return Run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
  }
  void EndSnapshot() override { Exec("COMMIT"); }
  bool Scan(const EntryFilter& filter, const std::function<bool(const StoredEntry&)>& each,
            std::string& error) override;

  PGconn* conn() const { return conn_; }
  Result Exec(const std::string& sql) { return Result(PQexec(conn_, sql.c_str())); }
  // Runs `sql`; false with `error` set (and the transaction, if any, rolled
  // back) when it fails.
  bool Run(const std::string& sql, std::string& error);
  std::string Failed() const;

 protected:
  bool ScanSeals(const std::function<void(const BatchSeal&)>& each, std::string& error) override;
  bool CheckStorage(std::vector<std::string>& problems, std::string& error) override;

 private:
  bool IsRegister(bool& ours, std::string& error);
  bool CreateSchema(std::string& error);
  bool CheckVersion(std::string& error);

  PGconn* conn_;
};

std::string PostgresRegister::Failed() const {
  if (PQstatus(conn_) == CONNECTION_BAD) {
    return fmt::format("{}: the connection to the server was lost: {}", shown(),
                       Trimmed(PQerrorMessage(conn_)));
  }
  return fmt::format("{}: {}", shown(), Trimmed(PQerrorMessage(conn_)));
}

bool PostgresRegister::Run(const std::string& sql, std::string& error) {
  Result r = Exec(sql);
  if (r.ok()) return true;
  error = Failed();
  if (PQtransactionStatus(conn_) == PQTRANS_INERROR) Exec("ROLLBACK");
  return false;
}

bool PostgresRegister::IsRegister(bool& ours, std::string& error) {
  // From the catalog itself: to_regclass may answer from this session's
  // cache, which does not yet show a table another writer just made.
  Result r = Exec(
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
      "n.oid = c.relnamespace WHERE c.relname = 'triage_meta' AND n.nspname = current_schema())");
  if (!r.ok() || r.rows() != 1) {
    error = Failed();
    return false;
  }
  ours = r.Text(0, 0) == "t";
  return true;
}

bool PostgresRegister::Prepare(Mode mode, std::string& error) {
  if (!Run("SET lock_timeout = '" + std::to_string(kBusyWaitSeconds) + "s'", error)) return false;
  bool ours = false;
  if (!IsRegister(ours, error)) return false;
  if (!ours && mode == Mode::kRead) {
    error = fmt::format("{}: not a triage register (the database has no triage tables)", shown());
    return false;
  }
  if (!ours && !CreateSchema(error)) return false;
  return CheckVersion(error);
}

bool PostgresRegister::CreateSchema(std::string& error) {
  if (!Run("BEGIN", error)) return false;
  if (!Run(fmt::format("SELECT pg_advisory_xact_lock({})", kLockKey), error)) return false;
  bool ours = false;
  if (!IsRegister(ours, error)) return false;
  if (ours) return Run("COMMIT", error);  // another writer made it meanwhile
  std::vector<std::string> sql = SchemaStatements("BIGINT");
  // By a digest: a B-tree row cannot hold a case id of several kilobytes.
  sql.push_back("CREATE INDEX triage_entries_case ON triage_entries (md5(case_id))");
  sql.push_back(
      "CREATE FUNCTION triage_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE "
      "EXCEPTION 'the decision register is append-only'; END $$");
  for (const char* table : kTables) {
    sql.push_back(fmt::format(
        "CREATE TRIGGER {0}_no_change BEFORE UPDATE OR DELETE ON {0} FOR EACH ROW EXECUTE "
        "FUNCTION triage_append_only()",
        table));
    sql.push_back(fmt::format(
        "CREATE TRIGGER {0}_no_truncate BEFORE TRUNCATE ON {0} FOR EACH STATEMENT EXECUTE "
        "FUNCTION triage_append_only()",
        table));
  }
  sql.push_back(fmt::format("INSERT INTO triage_meta VALUES ('format', '{}')", kFormatName));
  sql.push_back(
      fmt::format("INSERT INTO triage_schema VALUES ({}, '{}')", kRegisterSchemaVersion, UtcNow()));
  for (const std::string& statement : sql) {
    if (!Run(statement, error)) return false;
  }
  return Run("COMMIT", error);
}

bool PostgresRegister::CheckVersion(std::string& error) {
  Result format = Exec("SELECT value FROM triage_meta WHERE key = 'format'");
  if (!format.ok() || format.rows() != 1 || format.Text(0, 0) != kFormatName) {
    error = fmt::format("{}: not a triage register (its format is not '{}'); it was left as it was",
                        shown(), kFormatName);
    return false;
  }
  Result version = Exec("SELECT max(version) FROM triage_schema");
  if (!version.ok() || version.rows() != 1 || version.IsNull(0, 0)) {
    error = Failed();
    return false;
  }
  std::int64_t v = version.Int(0, 0);
  if (v > kRegisterSchemaVersion) {
    error = fmt::format(
        "{}: the register was written by a newer triage (schema version {}; this one reads up to "
        "{}): use a newer triage",
        shown(), v, kRegisterSchemaVersion);
    return false;
  }
  return true;  // version 1 is the first: nothing to migrate yet
}

std::unique_ptr<RegisterBatch> PostgresRegister::Begin(std::string& error) {
  if (!Run("BEGIN", error)) return nullptr;
  if (!Run(fmt::format("SELECT pg_advisory_xact_lock({})", kLockKey), error)) return nullptr;
  Result last = Exec(kLastEntrySql), sealed = Exec(kLastSealSql);
  if (!last.ok() || !sealed.ok()) {
    error = Failed();
    Exec("ROLLBACK");
    return nullptr;
  }
  std::optional<Head> head;
  if (last.rows()) head = Head{last.Int(0, 0), last.Text(0, 1), last.Text(0, 2), last.Text(0, 3)};
  std::optional<BatchSeal> seal;
  if (sealed.rows()) seal = BatchSeal{sealed.Int(0, 0), 0, sealed.Int(0, 1), sealed.Text(0, 2)};
  if (!HeadMatchesSeal(head, seal)) {
    error = HeadMismatch(shown());
    Exec("ROLLBACK");
    return nullptr;
  }
  std::int64_t last_seq = head ? head->seq : 0;
  std::string last_hash = head ? head->hash : GenesisHash();
  std::int64_t batch = seal ? seal->batch + 1 : 1;
  Result copy = Exec(
      "COPY triage_entries (seq, recorded_at, case_id, ruleset_version, status, body, prev_hash, "
      "hash) FROM STDIN");
  if (copy.status() != PGRES_COPY_IN) {
    error = Failed();
    Exec("ROLLBACK");
    return nullptr;
  }
  return std::make_unique<PostgresBatch>(*this, last_seq, std::move(last_hash), batch);
}

PostgresBatch::~PostgresBatch() {
  if (!open_) return;
  PGconn* conn = reg_.conn();
  if (PQputCopyEnd(conn, "batch abandoned") == 1) {
    while (PGresult* r = PQgetResult(conn)) PQclear(r);
  }
  reg_.Exec("ROLLBACK");
}

bool PostgresBatch::Add(const NewEntry& e, std::string& error) {
  std::int64_t seq = 0;
  std::string prev_hash, hash;
  chain_.Next(e, seq, prev_hash, hash);
  buffer_ += std::to_string(seq);
  buffer_ += '\t';
  AppendCopyField(buffer_, e.recorded_at);
  buffer_ += '\t';
  if (e.case_id) {
    AppendCopyField(buffer_, *e.case_id);
  } else {
    buffer_ += "\\N";
  }
  for (const std::string* field :
       {&e.ruleset_version, &e.status, &e.body, static_cast<const std::string*>(&prev_hash),
        static_cast<const std::string*>(&hash)}) {
    buffer_ += '\t';
    AppendCopyField(buffer_, *field);
  }
  buffer_ += '\n';
  return buffer_.size() < (1 << 20) || Flush(error);
}

bool PostgresBatch::Flush(std::string& error) {
  if (buffer_.empty()) return true;
  if (PQputCopyData(reg_.conn(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    error = reg_.Failed();
    return false;
  }
  buffer_.clear();
  return true;
}

bool PostgresBatch::Commit(std::int64_t& entries, std::string& error) {
  entries = chain_.added();
  if (!Flush(error)) return false;
  open_ = false;
  PGconn* conn = reg_.conn();
  if (PQputCopyEnd(conn, nullptr) != 1) {
    error = reg_.Failed();
    return false;
  }
  bool copied = true;
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) copied = false;
    PQclear(r);
  }
  if (!copied) {
    error = reg_.Failed();
    reg_.Exec("ROLLBACK");
    return false;
  }
  if (entries > 0 &&
      !reg_.Run(fmt::format("INSERT INTO triage_batches VALUES ({}, {}, {}, '{}', '{}')", batch_,
                            chain_.first_seq(), chain_.last_seq(), chain_.last_hash(), UtcNow()),
                error)) {
    return false;
  }
  Result commit = reg_.Exec("COMMIT");
  if (!commit.ok()) {
    error = reg_.Failed();
    return false;
  }
  return true;
}

bool PostgresRegister::Scan(const EntryFilter& filter,
                            const std::function<bool(const StoredEntry&)>& each,
                            std::string& error) {
  std::string sql =
      "SELECT seq, prev_hash, hash, body, recorded_at, case_id, ruleset_version, status FROM "
      "triage_entries";
  if (filter.case_id) sql += " WHERE md5(case_id) = md5($1) AND case_id = $1";
  sql += " ORDER BY seq";
  const char* params[1] = {filter.case_id ? filter.case_id->c_str() : nullptr};
  if (PQsendQueryParams(conn_, sql.c_str(), filter.case_id ? 1 : 0, nullptr, params, nullptr,
                        nullptr, 0) != 1 ||
      PQsetSingleRowMode(conn_) != 1) {
    error = Failed();
    return false;
  }
  bool ok = true, more = true;
  StoredEntry e;
  while (PGresult* raw = PQgetResult(conn_)) {
    Result r(raw);
    if (r.status() == PGRES_TUPLES_OK) continue;  // the end
    if (r.status() != PGRES_SINGLE_TUPLE) {
      if (ok) error = Failed();
      ok = false;
      continue;
    }
    if (!more) continue;  // drain what the server still sends
    e.seq = r.Int(0, 0);
    e.prev_hash = r.Text(0, 1);
    e.hash = r.Text(0, 2);
    e.body = r.Text(0, 3);
    e.recorded_at = r.Text(0, 4);
    e.case_id = r.IsNull(0, 5) ? std::nullopt : std::optional<std::string>(r.Text(0, 5));
    e.ruleset_version = r.Text(0, 6);
    e.status = r.Text(0, 7);
    if (Passes(filter, e)) more = each(e);
  }
  return ok;
}

bool PostgresRegister::ScanSeals(const std::function<void(const BatchSeal&)>& each,
                                 std::string& error) {
  Result r =
      Exec("SELECT batch, first_seq, last_seq, last_hash FROM triage_batches ORDER BY batch");
  if (!r.ok()) {
    error = Failed();
    return false;
  }
  for (int row = 0; row < r.rows(); ++row) {
    each(BatchSeal{r.Int(row, 0), r.Int(row, 1), r.Int(row, 2), r.Text(row, 3)});
  }
  return true;
}

bool PostgresRegister::CheckStorage(std::vector<std::string>& problems, std::string& error) {
  // Only triggers that are on the register's own tables (in this schema),
  // enabled, and calling the function that refuses.
  Result r = Exec(
      "SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = "
      "t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_proc "
      "p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = "
      "current_schema() AND c.relname || '_no_' = substring(t.tgname from '^(.*_no_)') AND "
      "p.proname = 'triage_append_only' AND position('RAISE EXCEPTION' in p.prosrc) > 0");
  if (!r.ok()) {
    error = Failed();
    return false;
  }
  std::vector<std::string> triggers;
  for (int row = 0; row < r.rows(); ++row) triggers.push_back(r.Text(row, 0));
  for (const std::string& expected : ExpectedTriggers(true)) {
    if (std::find(triggers.begin(), triggers.end(), expected) == triggers.end()) {
      problems.push_back(
          fmt::format("the append-only trigger '{}' was dropped, disabled or changed: the "
                      "register can be changed without a trace in the database",
                      expected));
    }
  }
  return true;
}

}  // namespace

std::unique_ptr<Register> OpenPostgres(const RegisterLocation& where, Register::Mode mode,
                                       std::string& error) {
  PGconn* conn = PQconnectdb(where.target.c_str());
  auto reg = std::make_unique<PostgresRegister>(where, conn);
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    error = fmt::format("{}: cannot reach the register's server: {}", where.shown,
                        conn ? Trimmed(PQerrorMessage(conn)) : "out of memory");
    return nullptr;
  }
  // Quiet NOTICEs (CREATE ... IF NOT EXISTS and the like): the library
  // never prints.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  if (!reg->Prepare(mode, error)) return nullptr;
  return reg;
}

}  // namespace triage::register_internal
