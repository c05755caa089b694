// SQLite's C API as the SQLite backend uses it (sqlite.cc): a prepared
// statement that finalizes itself, and what a failed call means in words a
// user can act on. Internal to register/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "register/backend.h"

namespace triage::register_internal {

// What a failed call means, in words a user can act on.
inline std::string Why(sqlite3* db, int code) {
  switch (code & 0xff) {
    case SQLITE_FULL:
      return "the disk is full";
    case SQLITE_READONLY:
      return "the register is read-only here";
    case SQLITE_NOTADB:
      return "this is not an SQLite database (or its first page is damaged)";
    case SQLITE_CORRUPT:
      return "the database file is damaged";
    case SQLITE_CANTOPEN:
      return "the file cannot be opened";
    case SQLITE_IOERR:
      return fmt::format("a read or write failed ({})", db ? sqlite3_errmsg(db) : "I/O error");
    case SQLITE_BUSY:
      return "another process keeps the register locked (waited in vain)";
    default:
      return db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  }
}

// One prepared statement; finalized with its scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    code_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return code_ == SQLITE_OK; }
  int code() const { return code_; }
  /// `text` must stay as it is until the statement has been stepped.
  void Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  void Bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  /// SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() {
    if (code_ != SQLITE_OK && code_ != SQLITE_ROW && code_ != SQLITE_DONE) return code_;
    code_ = sqlite3_step(stmt_);
    return code_;
  }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    code_ = SQLITE_OK;
  }
  std::int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
  }
  bool IsNull(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int code_;
};

}  // namespace triage::register_internal
