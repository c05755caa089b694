// What the CLI's register tests share: running the binary with its own
// environment and folder, checking verify's answer, generating inputs,
// reading exports back (a JSON checker, a CSV reader), interrupting a run.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "support/backends.h"
#include "support/support.h"
#include "triage/register.h"

namespace triage::testing {

const std::string kRules = "rules/lokale-driehoek.yaml";
// Case 2026-0219: an ambtenaar, with municipality and reported_on.
const std::string kAmbtenaar = "examples/cases/04-bezwaar-ambtenaar.json";
// Case 2026-0142.
const std::string kBedreiging = "examples/cases/01-bedreiging.yaml";

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string Source(const std::string& relative) {
  return std::string(TRIAGE_SOURCE_DIR) + "/" + relative;
}

inline std::string Reg(const TestBackend& b) { return " --register " + Quote(b.url()); }

inline bool IsSqlite(const TestBackend& b) { return b.kind() == TestBackend::Kind::kSqlite; }

// Lower-case hex digits only, and not empty.
inline bool IsHex(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

// Where and how one `triage` runs.
struct Call {
  std::string env;                      ///< "NAME=value ..." (quoted), for the binary only
  std::string cwd = TRIAGE_SOURCE_DIR;  ///< the folder it runs in
  std::string input = "/dev/null";      ///< its standard input
};

// The shell text that runs `triage ARGS` as `call` says, its standard
// output and error in `out` and `err`. It execs the binary, so that a
// background job's $! is the binary itself.
inline std::string Command(const std::string& args, const Call& call, const fs::path& out,
                           const fs::path& err) {
  return "(cd " + Quote(call.cwd) +
         " && exec env -u TRIAGE_REGISTER -u TRIAGE_PSEUDONYM_KEY_FILE NO_COLOR=1 " + call.env +
         " " + Quote(TRIAGE_BINARY) + " " + args + ") < " + Quote(call.input) + " > " +
         Quote(out.string()) + " 2> " + Quote(err.string());
}

inline Run Triage(Sandbox& box, const std::string& args, const Call& call = {}) {
  fs::path out = box.dir() / "triage.out", err = box.dir() / "triage.err";
  Run r;
  Shell(Command(args, call, out, err), &r.status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

inline std::string Describe(const Run& r) {
  return "exit " + std::to_string(r.status) + "\n--- stdout:\n" + r.out.substr(0, 3000) +
         "\n--- stderr:\n" + r.err.substr(0, 3000);
}

inline bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// What `log verify` prints first for an intact register.
inline std::string Intact(const std::string& url, long long entries, long long batches) {
  return url + ": " + std::to_string(entries) + (entries == 1 ? " entry" : " entries") + " in " +
         std::to_string(batches) + (batches == 1 ? " batch" : " batches") +
         ", chain intact; last hash ";
}

// `log verify` says the chain is intact, with these counts.
inline void CheckIntact(Sandbox& box, const TestBackend& b, long long entries, long long batches) {
  Run v = Triage(box, "log verify" + Reg(b));
  INFO(Describe(v));
  CHECK(v.status == 0);
  CHECK(v.out.rfind(Intact(b.url(), entries, batches), 0) == 0);
  REQUIRE(v.out.size() > 65);
  CHECK(IsHex(v.out.substr(v.out.size() - 65, 64)));
  CHECK(v.out.back() == '\n');
}

inline void Generate(int cases, const fs::path& file) {
  int status = -1;
  Shell("cd " + Quote(TRIAGE_SOURCE_DIR) + " && scripts/generate-corpus.sh " +
            std::to_string(cases) + " > " + Quote(file.string()),
        &status);
  REQUIRE(status == 0);
}

// The exit status a script wrote to `file`; -1 when it wrote none.
inline int ReadStatus(const fs::path& file) {
  std::string text = Slurp(file);
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return -1;
  return std::stoi(text);
}

// A run whose status, stdout and stderr a script left in NAME.rc/.out/.err.
inline Run Result(const fs::path& dir, const std::string& name) {
  return {ReadStatus(dir / (name + ".rc")), Slurp(dir / (name + ".out")),
          Slurp(dir / (name + ".err"))};
}

// The shell text of one step of a script: `triage ARGS`, its status, stdout
// and stderr left in NAME.rc/.out/.err in `dir`.
inline std::string Step(const fs::path& dir, const std::string& name, const std::string& args) {
  return Command(args, {}, dir / (name + ".out"), dir / (name + ".err")) + "; echo $? > " +
         Quote((dir / (name + ".rc")).string());
}

// Every file in `dir` and its bytes.
inline std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out[e.path().filename().string()] = Slurp(e.path());
  return out;
}

inline std::vector<std::string> Names(const std::map<std::string, std::string>& files) {
  std::vector<std::string> out;
  for (const auto& [name, bytes] : files) out.push_back(name);
  return out;
}

// A strict JSON checker (RFC 8259), independent of the engine's parser.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view s) : s_(s) {}
  bool Valid() {
    Space();
    if (!Value(0)) return false;
    Space();
    return i_ == s_.size();
  }

 private:
  bool Peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void Space() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Value(int depth) {
    if (depth > 64 || i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{':
        return Items(depth, '}', true);
      case '[':
        return Items(depth, ']', false);
      case '"':
        return String();
      case 't':
        return Word("true");
      case 'f':
        return Word("false");
      case 'n':
        return Word("null");
      default:
        return Number();
    }
  }
  // An object (members "key": value) or an array, after its opening bracket.
  bool Items(int depth, char close, bool members) {
    ++i_;
    Space();
    if (Peek(close)) {
      ++i_;
      return true;
    }
    for (;;) {
      Space();
      if (members) {
        if (!Peek('"') || !String()) return false;
        Space();
        if (!Peek(':')) return false;
        ++i_;
        Space();
      }
      if (!Value(depth + 1)) return false;
      Space();
      if (Peek(',')) {
        ++i_;
        continue;
      }
      if (!Peek(close)) return false;
      ++i_;
      return true;
    }
  }
  bool String() {
    ++i_;
    while (i_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k) {
          if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_++]))) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool Word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  std::size_t Digits() {
    std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ - start;
  }
  bool Number() {
    if (Peek('-')) ++i_;
    if (Peek('0')) {
      ++i_;
    } else if (Digits() == 0) {
      return false;
    }
    if (Peek('.')) {
      ++i_;
      if (Digits() == 0) return false;
    }
    if (Peek('e') || Peek('E')) {
      ++i_;
      if (Peek('+') || Peek('-')) ++i_;
      if (Digits() == 0) return false;
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

inline bool ValidJson(std::string_view text) { return JsonChecker(text).Valid(); }

// RFC 4180: the rows of a CSV text; `ok` false when a quote is not closed.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text, bool& ok) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  ok = !quoted;
  return rows;
}

// The entries of a JSON Lines export, each line checked to be JSON.
inline std::vector<EntryView> ExportedEntries(const std::string& jsonl) {
  std::vector<EntryView> out;
  for (const std::string& line : Lines(jsonl)) {
    INFO(line);
    CHECK(ValidJson(line));
    std::string error;
    std::optional<EntryView> v = ParseEntryBody(line, error);
    INFO(error);
    REQUIRE(v);
    out.push_back(*v);
  }
  return out;
}

// The value (as JSON) of a fact in an entry, or "(absent)".
inline std::string FactJson(const EntryView& v, const std::string& fact) {
  for (const EntryView::FactValue& f : v.facts) {
    if (f.name == fact) return f.json;
  }
  return "(absent)";
}

// A run started in the background that something is done to while it
// records: once its standard output holds something (its first block of
// records: the batch is open and holds entries), `action` runs (it may use
// $pid), then the run is waited for.
struct Interrupted {
  bool started = false;  ///< output had come before the action
  int status = -1;       ///< the run's exit status (137: killed)
  Run run;
};

inline Interrupted InterruptMidRun(Sandbox& box, const std::string& args,
                                   const std::string& action) {
  fs::path out = box.dir() / "mid.out", err = box.dir() / "mid.err";
  // Waits (30 s at most) for the run's first output, unless it ends first.
  const std::string wait_for_output = R"(
alive() { s=$(cut -d' ' -f3 /proc/$1/stat 2>/dev/null); [ -n "$s" ] && [ "$s" != Z ]; }
i=0
while [ ! -s "$out" ] && alive $pid && [ $i -lt 6000 ]; do sleep 0.005; i=$((i+1)); done
[ -s "$out" ] && echo started
)";
  std::string script = "out=" + Quote(out.string()) + "\n" + Command(args, {}, out, err) +
                       " & pid=$!\n" + wait_for_output + action +
                       "\nwait $pid; echo \"status $?\"\n";
  std::string said = Shell("sh -c " + Quote(script) + " 2>&1");
  Interrupted r;
  r.started = Has(said, "started\n");
  if (std::size_t at = said.rfind("status "); at != std::string::npos) {
    r.status = std::atoi(said.c_str() + at + 7);
  }
  r.run.status = r.status;
  r.run.out = Slurp(out);
  r.run.err = Slurp(err);
  return r;
}

// Whether this process may make a mount namespace of its own (to mount a
// small tmpfs or a read-only bind mount without touching the machine's).
inline bool CanUnshareMounts() {
  int status = -1;
  Shell("unshare -m true >/dev/null 2>&1", &status);
  return status == 0;
}

// A message that says no output was written must be true.
inline void CheckNoOutputClaim(const Run& r) {
  if (Has(r.err, "no output was written")) {
    INFO("stderr says no output was written; stdout holds " << r.out.size() << " bytes");
    CHECK(r.out.empty());
  }
}

// ---------------------------------------------------------------------------

}  // namespace triage::testing
