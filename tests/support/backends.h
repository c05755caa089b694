// The register's backends as the tests reach them: a fresh, empty register
// on each backend that this run tests, and SQL run on it from outside, as
// someone tampering with it would (the sqlite3 and psql tools).
//
// SQLite is always tested. PostgreSQL is tested when TRIAGE_TEST_BACKENDS
// says so, as scripts/with-postgres.sh does (CTest runs the register tests
// once more through it, against a throwaway server).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace triage::testing {

class TestBackend {
 public:
  enum class Kind { kSqlite, kPostgres };

  /// A fresh register (an empty file name in `dir`, or a new database).
  TestBackend(Kind kind, const std::filesystem::path& dir);

  Kind kind() const { return kind_; }
  const char* name() const { return kind_ == Kind::kSqlite ? "sqlite" : "postgres"; }
  /// What --register takes.
  const std::string& url() const { return url_; }
  /// Runs SQL on the register; the tool's exit status.
  int Sql(const std::string& sql) const;
  /// The first column of the first row of a query, "" when none.
  std::string Query(const std::string& sql) const;
  /// Every byte the register keeps on disk, concatenated (after a
  /// checkpoint), to look for what must not be there.
  std::string DiskBytes() const;
  /// PostgreSQL: stops (immediately) and starts the server.
  void StopServer() const;
  void StartServer() const;

 private:
  Kind kind_;
  std::string url_;
  std::filesystem::path file_;
};

/// The backends this run tests, in `dir`: "sqlite", and "postgres" when the
/// throwaway server is there (TRIAGE_TEST_BACKENDS=postgres runs only it).
std::vector<TestBackend> TestBackends(const std::filesystem::path& dir);

/// A command's exit status and standard output.
std::string Shell(const std::string& command, int* status = nullptr);

}  // namespace triage::testing
