// Outputs that are never destroyed or left half-written: devices and FIFOs
// written through, inputs never overwritten, every write checked, and a
// run ended by a signal or by running out of memory leaves nothing behind.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cli/sandbox.h"
#include "support/backends.h"

using namespace triage::testing;

namespace {

const std::string kRules = std::string(TRIAGE_SOURCE_DIR) + "/rules/lokale-driehoek.yaml";
// Without the extension: the verbs above add .yaml or .test.yaml.
const std::string kTestRules = std::string(TRIAGE_SOURCE_DIR) + "/rules/lokale-driehoek";
const std::string kCase = "{\"case_id\": \"a\", \"explicit_threat\": true}\n";

std::string Q(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Bin() { return Q(TRIAGE_BINARY); }

// Runs a shell script in the sandbox; what it prints on stdout.
std::string Script(Sandbox& box, const std::string& script) {
  return Shell("cd " + Q(box.dir().string()) + " && NO_COLOR=1 sh -c " + Q(script) + " 2>&1");
}

// Files in the sandbox whose name holds ".tmp-": left-over temporaries.
int Leftovers(Sandbox& box) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(box.dir())) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  }
  return n;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("cli: outputs: -o onto a FIFO writes through it; the FIFO stays a FIFO") {
  Sandbox box;
  box.Write("c.jsonl", kCase);
  std::string said =
      Script(box, "mkfifo f && cat f > got & sleep 0.2; " + Bin() + " route " + Q(kRules) +
                      " c.jsonl --format jsonl -o f; echo status $?; wait");
  CHECK(Has(said, "status 0"));
  struct stat st {};
  REQUIRE(::stat((box.dir() / "f").c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(Has(Slurp(box.dir() / "got"), "\"case_id\": \"a\""));
  CHECK(Leftovers(box) == 0);
}

TEST_CASE("cli: outputs: a file replaced keeps its permissions") {
  Sandbox box;
  box.Write("c.jsonl", kCase);
  fs::path out = box.Write("out.jsonl", "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  std::string said = Script(
      box, Bin() + " route " + Q(kRules) + " c.jsonl --format jsonl -o out.jsonl; echo status $?");
  CHECK(Has(said, "status 0"));
  CHECK(Has(Slurp(out), "\"case_id\": \"a\""));
  CHECK(fs::status(out).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("cli: outputs: -o /dev/null is written to, never replaced") {
  Sandbox box;
  box.Write("c.jsonl", kCase);
  for (const char* verb : {"route", "graph"}) {
    std::string args = std::string(verb) == "route" ? " c.jsonl" : "";
    std::string said =
        Script(box, Bin() + " " + verb + " " + Q(kRules) + args + " -o /dev/null; echo status $?");
    INFO(said);
    CHECK((Has(said, "status 0") || Has(said, "status 1")));
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }
  CHECK(Leftovers(box) == 0);
}

TEST_CASE("cli: outputs: -o naming an input by another path is refused, the input kept") {
  Sandbox box;
  box.Write("c.jsonl", kCase);
  fs::create_directory(box.dir() / "sub");
  fs::copy_file(kRules, box.dir() / "r.yaml");
  fs::create_symlink(box.dir() / "c.jsonl", box.dir() / "link.jsonl");
  struct Row {
    std::string args, input;
  };
  for (const Row& row : std::vector<Row>{
           {"route r.yaml c.jsonl -o sub/../c.jsonl", "c.jsonl"},
           {"route r.yaml c.jsonl -o link.jsonl", "c.jsonl"},
           {"route r.yaml c.jsonl -o ./r.yaml", "r.yaml"},
           {"graph r.yaml -o sub/../r.yaml", "r.yaml"},
           {"audit r.yaml c.jsonl --baseline r.yaml -o c.jsonl", "c.jsonl"},
       }) {
    std::string before = Slurp(box.dir() / row.input);
    std::string said = Script(box, Bin() + " " + row.args + "; echo status $?");
    INFO(row.args << "\n" << said);
    CHECK(Has(said, "status 2"));
    CHECK(Has(said, "would overwrite the input"));
    CHECK(Slurp(box.dir() / row.input) == before);
  }
}

TEST_CASE("cli: outputs: a full disk is an error in every verb, with its reason") {
  Sandbox box;
  box.Write("c.jsonl", kCase);
  for (const char* args : {
           "check RULES.yaml > /dev/full",
           "test RULES.test.yaml > /dev/full",
           "route RULES.yaml c.jsonl > /dev/full",
           "graph RULES.yaml > /dev/full",
       }) {
    std::string command = args;
    command.replace(command.find("RULES"), 5, Q(kTestRules));
    std::string said = Script(box, Bin() + " " + command + "; echo status $?");
    INFO(args << "\n" << said);
    CHECK(Has(said, "status 2"));
    CHECK(Has(said, "cannot write the output"));
  }
  // Written to a file: the reason is the system's, not a stale errno.
  std::string said =
      Script(box, Bin() + " route " + Q(kRules) + " c.jsonl -o /dev/full; echo status $?");
  CHECK(Has(said, "status 2"));
  CHECK(Has(said, "cannot write '/dev/full': No space left on device"));
}

TEST_CASE("cli: outputs: a signal while blocked on a read ends the run, nothing left behind") {
  struct Row {
    const char* signal;
    int status;
  };
  for (Row row : {Row{"INT", 130}, Row{"TERM", 143}, Row{"HUP", 129}}) {
    Sandbox box;
    // A FIFO whose writer never writes nor closes: the read blocks.
    std::string said =
        Script(box, "mkfifo f; sleep 30 > f & w=$!; " + Bin() + " route " + Q(kRules) +
                        " f --input-format jsonl -o out.jsonl & p=$!; sleep 0.5; kill -" +
                        row.signal + " $p; wait $p; echo status $?; kill $w");
    INFO(row.signal << "\n" << said);
    CHECK(Has(said, "status " + std::to_string(row.status)));
    CHECK(Has(said, "interrupted"));
    CHECK(Leftovers(box) == 0);
    CHECK_FALSE(fs::exists(box.dir() / "out.jsonl"));
  }
}

TEST_CASE("cli: outputs: a signal while routing cases that never end") {
  Sandbox box;
  std::string said = Script(box, "yes '{\"explicit_threat\": true}' | " + Bin() + " route " +
                                     Q(kRules) + " --input-format jsonl -o out.jsonl & p=$!; " +
                                     "sleep 1; kill -TERM $p; wait $p; echo status $?");
  INFO(said);
  CHECK(Has(said, "status 143"));
  CHECK(Leftovers(box) == 0);
  CHECK_FALSE(fs::exists(box.dir() / "out.jsonl"));
}

TEST_CASE("cli: outputs: a signal while opening a FIFO nobody writes to") {
  Sandbox box;
  std::string said = Script(box, "mkfifo f; " + Bin() + " route " + Q(kRules) +
                                     " f -o out.jsonl & p=$!; sleep 0.5; kill -HUP $p; wait $p; "
                                     "echo status $?");
  INFO(said);
  CHECK(Has(said, "status 129"));
  CHECK(Has(said, "triage: interrupted"));
  CHECK_FALSE(Has(said, "Interrupted system call"));
  CHECK(Leftovers(box) == 0);
}

TEST_CASE("cli: outputs: out of memory is a clear message and exit 2, the temporary removed") {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reserves terabytes of address space: no ulimit -v
  // leaves it room to start.
  WARN("not run under AddressSanitizer");
  return;
#endif
  Sandbox box;
  // A JSON document is read whole: /dev/zero as one grows until the memory
  // the run may use is spent.
  std::string said = Script(box, "ulimit -v 200000; " + Bin() + " route " + Q(kRules) +
                                     " /dev/zero --input-format json -o out.json; echo status $?");
  INFO(said);
  CHECK(Has(said, "status 2"));
  CHECK(Has(said, "out of memory"));
  CHECK(Leftovers(box) == 0);
  CHECK_FALSE(fs::exists(box.dir() / "out.json"));
}
