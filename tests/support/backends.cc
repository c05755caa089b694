#include "support/backends.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/support.h"

namespace triage::testing {

namespace fs = std::filesystem;

std::string Shell(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    if (status) *status = -1;
    return out;
  }
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  int raw = pclose(pipe);
  if (status) *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// postgresql:///postgres?host=... -> postgresql:///NAME?host=...
std::string WithDatabase(const std::string& url, const std::string& name) {
  std::size_t start = url.find(":///") + 4;
  std::size_t end = url.find('?', start);
  return url.substr(0, start) + name + url.substr(end);
}

}  // namespace

TestBackend::TestBackend(Kind kind, const fs::path& dir) : kind_(kind) {
  static int counter = 0;
  std::string name = "register" + std::to_string(++counter);
  if (kind == Kind::kSqlite) {
    file_ = dir / (name + ".db");
    url_ = file_.string();
    return;
  }
  std::string base = Env("TRIAGE_TEST_POSTGRES");
  std::string db = "t" + std::to_string(::getpid()) + "_" + name;
  Shell("psql -q " + Quote(base) + " -c 'CREATE DATABASE " + db + "' >/dev/null");
  url_ = WithDatabase(base, db);
}

int TestBackend::Sql(const std::string& sql) const {
  int status = 0;
  if (kind_ == Kind::kSqlite) {
    Shell("sqlite3 " + Quote(file_.string()) + " " + Quote(sql) + " >/dev/null 2>&1", &status);
  } else {
    Shell("psql -q -v ON_ERROR_STOP=1 " + Quote(url_) + " -c " + Quote(sql) + " >/dev/null 2>&1",
          &status);
  }
  return status;
}

std::string TestBackend::Query(const std::string& sql) const {
  std::string out = kind_ == Kind::kSqlite
                        ? Shell("sqlite3 " + Quote(file_.string()) + " " + Quote(sql) + " 2>&1")
                        : Shell("psql -tA " + Quote(url_) + " -c " + Quote(sql) + " 2>&1");
  std::size_t line = out.find('\n');
  return line == std::string::npos ? out : out.substr(0, line);
}

std::string TestBackend::DiskBytes() const {
  std::string bytes;
  if (kind_ == Kind::kSqlite) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      bytes += Slurp(file_.string() + suffix);
    }
    return bytes;
  }
  Sql("CHECKPOINT");
  for (const auto& entry : fs::recursive_directory_iterator(Env("TRIAGE_TEST_PG_DATA"))) {
    if (entry.is_regular_file()) bytes += Slurp(entry.path());
  }
  return bytes;
}

void TestBackend::StopServer() const {
  Shell(Env("TRIAGE_TEST_PG_CTL") + " stop -m immediate >/dev/null 2>&1");
}

void TestBackend::StartServer() const {
  Shell(Env("TRIAGE_TEST_PG_CTL") + " start >/dev/null 2>&1");
}

std::vector<TestBackend> TestBackends(const fs::path& dir) {
  std::string asked = Env("TRIAGE_TEST_BACKENDS");
  std::vector<TestBackend> out;
  if (asked.empty() || asked.find("sqlite") != std::string::npos) {
    out.emplace_back(TestBackend::Kind::kSqlite, dir);
  }
  if (asked.find("postgres") != std::string::npos && !Env("TRIAGE_TEST_POSTGRES").empty()) {
    out.emplace_back(TestBackend::Kind::kPostgres, dir);
  }
  return out;
}

}  // namespace triage::testing
