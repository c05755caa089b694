// Stage 6, register: the decisions acted on, kept. One interface, two
// backends: SQLite for one machine, PostgreSQL for a region.
//
// A register is append-only and tamper-evident. Each entry holds the whole
// decision record and the whole case (every declared fact, unknown ones as
// null), who recorded it, when, and under which rule set; entries form a
// hash chain (each hash covers the previous hash, the sequence number and
// the entry's canonical bytes), and each batch of entries is committed as a
// whole, with a row that seals its last hash. Personal facts are stored only
// as keyed pseudonyms (HMAC-SHA-256), or not at all without a key.
//
// This stage does not route, print or exit: it stores what it is given and
// reads it back. Every failure is a status with a message that names the
// register; a register that cannot be opened or verified is never
// overwritten or recreated.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/model.h"
#include "triage/report.h"

namespace triage {

/// The register's schema version this build writes and reads.
inline constexpr int kRegisterSchemaVersion = 1;

/// Where a register lives: a path or "sqlite:PATH" (SQLite), or a
/// "postgresql://..." / "postgres://..." URL.
struct RegisterLocation {
  enum class Backend { kSqlite, kPostgres };
  Backend backend = Backend::kSqlite;
  std::string target;  ///< the file path, or the connection URL for libpq
  std::string shown;   ///< for messages: the path, or the URL without its password
};

/// The location `text` names; nullopt with `error` set when it names none.
std::optional<RegisterLocation> ParseRegisterLocation(std::string_view text, std::string& error);

/// Keyed pseudonyms for the values of personal facts: the same fact and
/// value under the same key give the same pseudonym, and without the key
/// nothing leads back to the value.
class Pseudonymizer {
 public:
  /// The key is the file's bytes (at least 16). nullopt with `error` set
  /// when the file cannot be read or is too short.
  static std::optional<Pseudonymizer> FromKeyFile(const std::string& path, std::string& error);
  static Pseudonymizer FromKey(std::string key);

  /// "hmac-sha256:" and 64 hex digits, over the fact's name and the value.
  std::string Pseudonym(std::string_view fact, std::string_view value) const;
  /// Names the key without giving it away (16 hex digits), so that readers
  /// can tell whether two entries' pseudonyms are comparable.
  std::string KeyId() const;

 private:
  explicit Pseudonymizer(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

/// `t` as the register writes times: UTC, "2026-12-02T15:04:05Z".
std::string UtcTimestamp(std::time_t t);

/// What is the same for every entry of a batch.
struct RecordingContext {
  std::string officer;                        ///< who recorded
  std::string recorded_at;                    ///< UTC, "2026-12-02T15:04:05Z"
  const Pseudonymizer* pseudonyms = nullptr;  ///< null: personal facts are withheld
};

/// The canonical bytes of one entry: a JSON object with, in this order,
/// recorded_at, officer, ruleset {id, version, sha256}, case_id, record (the
/// decision record exactly as RecordJson writes it, in the rule file's own
/// language), case (every declared fact in file order: its value, null when
/// unknown or not valid, a pseudonym for a personal fact), withheld (the
/// personal facts left out for want of a key) and pseudonym_key (KeyId, or
/// null). Pure: same arguments, same bytes.
std::string EntryBody(const RuleSet& rs, const Record& r, const RecordingContext& context);

/// An entry ready to be added: its body and what the register's columns
/// copy from it, with the digest of the body, all made where the case was
/// decided (on any thread), so that adding it to the chain is cheap.
struct NewEntry {
  std::string body;
  std::string body_sha256;  ///< hex
  std::string recorded_at;
  std::optional<std::string> case_id;
  std::string ruleset_version;
  std::string status;
};

/// EntryBody, and the rest of the entry.
NewEntry MakeEntry(const RuleSet& rs, const Record& r, const RecordingContext& context);
/// The entry for a body that EntryBody wrote; nullopt with `error` set for
/// any other text.
std::optional<NewEntry> EntryFromBody(std::string body, std::string& error);

/// An entry as stored.
struct StoredEntry {
  std::int64_t seq = 0;  ///< 1, 2, 3, ... in the order recorded
  std::string prev_hash, hash;
  std::string body;  ///< EntryBody's bytes
  // Copies of what the body says, for queries; verification checks that
  // they agree with it.
  std::string recorded_at;
  std::optional<std::string> case_id;
  std::string ruleset_version;
  std::string status;
};

/// An entry's body, read back.
struct EntryView {
  std::string recorded_at, officer;
  std::string ruleset_id, ruleset_version, ruleset_sha256;
  std::optional<std::string> case_id;
  std::string record;  ///< the decision record's JSON text
  std::string status;  ///< decided, undetermined, unrouted, invalid
  std::vector<std::string> routes;
  std::optional<std::string> rule, reason;
  /// Each fact of the case, as stored.
  struct FactValue {
    std::string name;
    std::string json;  ///< the value as JSON text: "null" when unknown
    std::string text;  ///< the value as plain text: a string unquoted, "" when unknown
  };
  std::vector<FactValue> facts;
  std::vector<std::string> withheld;
  std::optional<std::string> pseudonym_key;
};

/// Reads a body that EntryBody wrote; nullopt with `error` set otherwise.
std::optional<EntryView> ParseEntryBody(std::string_view body, std::string& error);

/// The chain's hash of an entry: SHA-256 over a fixed prefix, the sequence
/// number, the previous entry's hash and the SHA-256 of the body;
/// lower-case hex.
std::string EntryHash(std::int64_t seq, std::string_view prev_hash, std::string_view body);
/// The same from the body's digest (hex).
std::string ChainHash(std::int64_t seq, std::string_view prev_hash, std::string_view body_sha256);
/// The previous hash of the first entry: 64 zeros.
const std::string& GenesisHash();

/// Which entries a reader wants: all, or those recorded in a time range
/// (inclusive prefixes of recorded_at: "2026", "2026-03", "2026-03-01") or
/// under one rule-set version, or of one case.
struct EntryFilter {
  std::string from, to;
  std::string ruleset_version;
  std::optional<std::string> case_id;
};

/// What `Verify` found.
struct VerifyProblem {
  std::int64_t seq = 0;  ///< the entry concerned (0: the register as a whole)
  std::string message;   ///< "entry 17 was changed: ..."
};
struct VerifyReport {
  std::int64_t entries = 0, batches = 0;
  std::string head_hash;  ///< the last entry's hash (GenesisHash when empty)
  std::vector<VerifyProblem> problems;
  bool ok() const { return problems.empty(); }
};

/// A batch's seal, stored as it commits: the entries it committed and the
/// last one's hash.
struct BatchSeal {
  std::int64_t batch = 0, first_seq = 0, last_seq = 0;
  std::string last_hash;
};

/// A batch being recorded: entries added go in together at Commit, or not
/// at all (destroying an uncommitted batch rolls it back). While it is
/// open, other writers wait.
class RegisterBatch {
 public:
  virtual ~RegisterBatch() = default;
  /// Appends one entry.
  virtual bool Add(const NewEntry& entry, std::string& error) = 0;
  /// Appends the entry of `body` (as EntryBody wrote it).
  bool Add(const std::string& body, std::string& error) {
    std::optional<NewEntry> entry = EntryFromBody(body, error);
    return entry && Add(*entry, error);
  }
  /// Makes the batch durable; returns the number of entries it held.
  virtual bool Commit(std::int64_t& entries, std::string& error) = 0;
};

class Register {
 public:
  virtual ~Register() = default;

  enum class Mode {
    kRead,   ///< must exist
    kWrite,  ///< created on first use, migrated forward
  };
  /// Opens the register at `where`; null with `error` set when
  /// it cannot be opened: not found (kRead), not a register, written by a
  /// newer version, corrupted, unreachable. Never creates over or changes a
  /// file that is not a register.
  static std::unique_ptr<Register> Open(const RegisterLocation& where, Mode mode,
                                        std::string& error);

  /// Starts a batch (waits for other writers, within bounds).
  virtual std::unique_ptr<RegisterBatch> Begin(std::string& error) = 0;

  /// Every entry the filter lets through, in the order recorded; stops when
  /// `each` returns false.
  virtual bool Scan(const EntryFilter& filter, const std::function<bool(const StoredEntry&)>& each,
                    std::string& error) = 0;

  /// Reads that follow, until EndSnapshot, see the register as it was at
  /// this moment, whatever is recorded meanwhile (for readers that scan it
  /// more than once).
  virtual bool BeginSnapshot(std::string& error) = 0;
  virtual void EndSnapshot() = 0;

  /// Recomputes the chain and the batches' seals (and the database's own
  /// integrity check where there is one) and names every entry that was
  /// changed, removed or inserted. Reads one snapshot.
  bool Verify(VerifyReport& report, std::string& error);

  /// The register as messages name it.
  const std::string& shown() const { return shown_; }

 protected:
  explicit Register(std::string shown) : shown_(std::move(shown)) {}

  virtual bool ScanSeals(const std::function<void(const BatchSeal&)>& each, std::string& error) = 0;
  /// The database's own integrity check, and the append-only triggers in
  /// place; problems go to `problems`.
  virtual bool CheckStorage(std::vector<std::string>& problems, std::string& error) = 0;

 private:
  std::string shown_;
};

}  // namespace triage
