// The register's interface, whatever the backend: where a register is, how
// the chain grows, and how it is verified.
#include "triage/register.h"

#include <iterator>
#include <map>

#include <fmt/format.h>

#include "register/backend.h"

namespace triage {

std::string UtcTimestamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::optional<RegisterLocation> ParseRegisterLocation(std::string_view text, std::string& error) {
  RegisterLocation where;
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (text.substr(0, scheme.size()) != scheme) continue;
    where.backend = RegisterLocation::Backend::kPostgres;
    where.target = std::string(text);
    // The password, if the URL holds one, stays out of every message.
    std::string shown(text);
    std::size_t start = scheme.size();
    // The last '@' ends the user's part (a password may hold '/' or '@').
    std::size_t query = shown.find('?', start);
    std::size_t at = shown.rfind('@', query == std::string::npos ? std::string::npos : query);
    if (at != std::string::npos && at > start) {
      std::size_t colon = shown.find(':', start);
      if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
    }
    query = shown.find('?');
    if (query != std::string::npos && shown.find("password", query) != std::string::npos) {
      shown.erase(query);
    }
    where.shown = shown;
    return where;
  }
  std::string_view path = text;
  if (path.substr(0, 7) == "sqlite:") path.remove_prefix(7);
  if (path.empty()) {
    error = "the register's location is empty (give a path, sqlite:PATH or postgresql://...)";
    return std::nullopt;
  }
  where.target = std::string(path);
  where.shown = where.target;
  return where;
}

std::unique_ptr<Register> Register::Open(const RegisterLocation& where, Mode mode,
                                         std::string& error) {
  switch (where.backend) {
    case RegisterLocation::Backend::kSqlite:
      return register_internal::OpenSqlite(where, mode, error);
    case RegisterLocation::Backend::kPostgres:
      return register_internal::OpenPostgres(where, mode, error);
  }
  TRIAGE_UNREACHABLE();
}

namespace register_internal {

void Chain::Next(const NewEntry& entry, std::int64_t& seq, std::string& prev_hash,
                 std::string& hash) {
  seq = last_seq_ + 1;
  prev_hash = last_hash_;
  hash = ChainHash(seq, prev_hash, entry.body_sha256);
  last_seq_ = seq;
  last_hash_ = hash;
}

}  // namespace register_internal

namespace {

// Verification, one entry after the other, with the batches' seals.
class Verifier {
 public:
  explicit Verifier(VerifyReport& report) : report_(report) {}

  void AddSeal(const BatchSeal& seal) { seals_[seal.first_seq] = seal; }

  void Entry(const StoredEntry& e) {
    ++report_.entries;
    if (e.seq > next_seq_) {
      removed_.emplace_back(next_seq_, e.seq - 1);
      Problem(next_seq_, e.seq == next_seq_ + 1
                             ? fmt::format("entry {} was removed", next_seq_)
                             : fmt::format("entries {} to {} were removed", next_seq_, e.seq - 1));
    }
    bool gap = e.seq != next_seq_;
    if (!Covered(e.seq)) {
      Problem(e.seq, fmt::format("{} was inserted: no recorded batch committed it", Name(e)));
    } else if (EntryHash(e.seq, e.prev_hash, e.body) != e.hash) {
      Problem(e.seq, fmt::format("{} was changed: its contents do not match its hash", Name(e)));
    } else if (!gap && last_intact_ && e.prev_hash != last_hash_) {
      Problem(e.seq, fmt::format("{} does not follow entry {}: one of them was replaced, or "
                                 "entry {} inserted",
                                 Name(e), e.seq - 1, e.seq));
    }
    CheckColumns(e);
    // A broken link after an entry already found changed says nothing new.
    last_intact_ = problems_.count(e.seq) == 0;
    hashes_[e.seq] = e.hash;
    last_hash_ = e.hash;
    next_seq_ = e.seq + 1;
  }

  // After the last entry: every entry committed by a batch, every batch's
  // last hash the entry's.
  void Finish() {
    for (const auto& [first, seal] : seals_) {
      ++report_.batches;
      auto it = hashes_.find(seal.last_seq);
      if (it == hashes_.end() && !Removed(seal.last_seq)) {
        // Removed from the end of the batch: from the entry after the last
        // one still there.
        std::int64_t from = seal.first_seq;
        auto below = hashes_.upper_bound(seal.last_seq);
        if (below != hashes_.begin() && std::prev(below)->first >= seal.first_seq) {
          from = std::prev(below)->first + 1;
        }
        std::string what = from == seal.last_seq
                               ? fmt::format("entry {} was removed", from)
                               : fmt::format("entries {} to {} were removed", from, seal.last_seq);
        Problem(from, fmt::format("{}: batch {} committed entries {} to {}", what, seal.batch,
                                  seal.first_seq, seal.last_seq));
      } else if (it != hashes_.end() && it->second != seal.last_hash) {
        Problem(seal.last_seq, fmt::format("entry {} was changed: batch {} sealed it with another "
                                           "hash",
                                           seal.last_seq, seal.batch));
      }
    }
    report_.head_hash = last_hash_;
    for (auto& [seq, message] : problems_) report_.problems.push_back({seq, std::move(message)});
  }

 private:
  // "entry 17 (case 2026-0142)": the case helps an auditor more than the
  // number alone.
  static std::string Name(const StoredEntry& e) {
    if (!e.case_id) return fmt::format("entry {}", e.seq);
    return fmt::format("entry {} (case {})", e.seq, Printable(*e.case_id));
  }

  void CheckColumns(const StoredEntry& e) {
    std::string error;
    std::optional<EntryView> v = ParseEntryBody(e.body, error);
    if (!v) {
      Problem(e.seq, fmt::format("{} was changed: {}", Name(e), error));
      return;
    }
    auto differs = [&](const char* column) {
      Problem(e.seq, fmt::format("{} was changed: its {} column does not match its contents",
                                 Name(e), column));
    };
    if (v->recorded_at != e.recorded_at) differs("recorded_at");
    if (v->case_id != e.case_id) differs("case_id");
    if (v->ruleset_version != e.ruleset_version) differs("ruleset_version");
    if (v->status != e.status) differs("status");
  }

  // Whether entry `seq` is in a gap already reported.
  bool Removed(std::int64_t seq) const {
    for (const auto& [first, last] : removed_) {
      if (first <= seq && seq <= last) return true;
    }
    return false;
  }

  // Whether a batch's seal covers entry `seq`.
  bool Covered(std::int64_t seq) const {
    auto it = seals_.upper_bound(seq);
    if (it == seals_.begin()) return false;
    --it;
    return seq <= it->second.last_seq;
  }

  // The first problem found with an entry is the one reported.
  void Problem(std::int64_t seq, std::string message) {
    problems_.emplace(seq, std::move(message));
  }

  VerifyReport& report_;
  std::map<std::int64_t, BatchSeal> seals_;     // by first entry
  std::map<std::int64_t, std::string> hashes_;  // stored hash by entry
  std::map<std::int64_t, std::string> problems_;
  std::vector<std::pair<std::int64_t, std::int64_t>> removed_;  // gaps found
  bool last_intact_ = true;
  std::int64_t next_seq_ = 1;
  std::string last_hash_ = GenesisHash();
};

}  // namespace

bool Register::Verify(VerifyReport& report, std::string& error) {
  report = VerifyReport{};
  Verifier verifier(report);
  // Seals and entries from one snapshot: a batch committed between the two
  // reads would look like entries without a seal.
  if (!BeginSnapshot(error)) return false;
  struct End {
    Register& r;
    ~End() { r.EndSnapshot(); }
  } end{*this};
  if (!ScanSeals([&](const BatchSeal& seal) { verifier.AddSeal(seal); }, error)) return false;
  if (!Scan(
          {},
          [&](const StoredEntry& e) {
            verifier.Entry(e);
            return true;
          },
          error)) {
    return false;
  }
  verifier.Finish();
  std::vector<std::string> storage;
  if (!CheckStorage(storage, error)) return false;
  for (std::string& problem : storage) {
    report.problems.push_back({0, std::move(problem)});
  }
  return true;
}

}  // namespace triage

namespace triage::register_internal {

bool Passes(const EntryFilter& filter, const StoredEntry& e) {
  if (!filter.from.empty() && e.recorded_at.compare(0, filter.from.size(), filter.from) < 0) {
    return false;
  }
  if (!filter.to.empty() && e.recorded_at.compare(0, filter.to.size(), filter.to) > 0) {
    return false;
  }
  if (!filter.ruleset_version.empty() && e.ruleset_version != filter.ruleset_version) return false;
  if (filter.case_id && e.case_id != filter.case_id) return false;
  return true;
}

bool HeadMatchesSeal(const std::optional<Head>& head, const std::optional<BatchSeal>& seal) {
  if (!head) return !seal;
  return seal && seal->last_seq == head->seq && seal->last_hash == head->hash &&
         EntryHash(head->seq, head->prev_hash, head->body) == head->hash;
}

std::string HeadMismatch(const std::string& shown) {
  return fmt::format(
      "{}: the register's last entry does not match the seal of its last batch; nothing was "
      "recorded (run 'triage log verify --register {}')",
      shown, shown);
}

std::vector<std::string> SchemaStatements(const std::string& integer) {
  return {
      "CREATE TABLE triage_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      "CREATE TABLE triage_schema (version " + integer + " PRIMARY KEY, applied_at TEXT NOT NULL)",
      "CREATE TABLE triage_entries (seq " + integer +
          " PRIMARY KEY, recorded_at TEXT NOT NULL, "
          "case_id TEXT, ruleset_version TEXT NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL, "
          "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
      "CREATE TABLE triage_batches (batch " + integer + " PRIMARY KEY, first_seq " + integer +
          " NOT NULL, last_seq " + integer +
          " NOT NULL, last_hash TEXT NOT NULL, committed_at TEXT NOT NULL)",
  };
}

std::vector<std::string> ExpectedTriggers(bool postgres) {
  std::vector<std::string> names;
  for (const char* table : kTables) {
    if (postgres) {
      names.push_back(std::string(table) + "_no_change");
      names.push_back(std::string(table) + "_no_truncate");
    } else {
      names.push_back(std::string(table) + "_no_update");
      names.push_back(std::string(table) + "_no_delete");
    }
  }
  return names;
}

}  // namespace triage::register_internal
