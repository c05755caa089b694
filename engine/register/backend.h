// What the two backends share: the chain as a batch extends it, the schema's
// names, and how each backend is opened. Register::Open picks one.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "triage/register.h"

namespace triage::register_internal {

/// The end of the chain a batch extends, and the entries it has added.
class Chain {
 public:
  Chain(std::int64_t last_seq, std::string last_hash)
      : first_seq_(last_seq + 1), last_seq_(last_seq), last_hash_(std::move(last_hash)) {}

  /// `entry` takes the next place in the chain: its sequence number and
  /// hashes.
  void Next(const NewEntry& entry, std::int64_t& seq, std::string& prev_hash, std::string& hash);

  std::int64_t first_seq() const { return first_seq_; }
  std::int64_t last_seq() const { return last_seq_; }
  std::int64_t added() const { return last_seq_ - first_seq_ + 1; }
  const std::string& last_hash() const { return last_hash_; }

 private:
  std::int64_t first_seq_, last_seq_;
  std::string last_hash_;
};

/// What tells a triage register from any other database.
inline constexpr const char* kFormatName = "triage-register";

/// How long a writer waits for another to finish, in all.
inline constexpr int kBusyWaitSeconds = 120;

std::unique_ptr<Register> OpenSqlite(const RegisterLocation& where, Register::Mode mode,
                                     std::string& error);
std::unique_ptr<Register> OpenPostgres(const RegisterLocation& where, Register::Mode mode,
                                       std::string& error);

}  // namespace triage::register_internal

namespace triage::register_internal {

/// The time now, for when a schema step or a batch's seal was written.
inline std::string UtcNow() { return UtcTimestamp(std::time(nullptr)); }

/// Whether `e` passes the filter's time range and version (the backends
/// select by case in their own query).
bool Passes(const EntryFilter& filter, const StoredEntry& e);

/// The register's last entry and last seal, as a backend reads them before
/// a batch (nullopt: none yet), and the SQL that reads them.
struct Head {
  std::int64_t seq = 0;
  std::string prev_hash, hash, body;
};
inline constexpr const char* kLastEntrySql =
    "SELECT seq, prev_hash, hash, body FROM triage_entries ORDER BY seq DESC LIMIT 1";
inline constexpr const char* kLastSealSql =
    "SELECT batch, last_seq, last_hash FROM triage_batches ORDER BY batch DESC LIMIT 1";

/// Whether a batch may extend the chain: no entry and no seal yet, or a
/// last entry that matches its own hash and is the one the last seal
/// sealed (a cheap check of the end; `log verify` checks the rest).
bool HeadMatchesSeal(const std::optional<Head>& head, const std::optional<BatchSeal>& seal);

/// The message for a batch that cannot begin because the register's last
/// entry does not match the last batch's seal.
std::string HeadMismatch(const std::string& shown);

/// The statements that make a register's tables (without triggers), in the
/// SQL both backends speak; `integer` is each one's 64-bit integer type
/// (SQLite's INTEGER PRIMARY KEY is the row id).
std::vector<std::string> SchemaStatements(const std::string& integer);

/// The tables that refuse UPDATE and DELETE.
inline constexpr const char* kTables[] = {"triage_meta", "triage_schema", "triage_entries",
                                          "triage_batches"};

/// The names of the triggers that keep the tables append-only, as each
/// backend makes them.
std::vector<std::string> ExpectedTriggers(bool postgres);

}  // namespace triage::register_internal
