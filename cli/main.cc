// The `triage` command: a thin layer over the engine. It reads files, calls
// the pipeline, prints and picks the exit code (see shared/spec/cli.md).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "triage/audit.h"
#include "triage/batch.h"
#include "triage/cases.h"
#include "triage/engine.h"
#include "triage/evaluate.h"
#include "triage/report.h"
#include "triage/rule_tests.h"

extern char** environ;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFound = 1;
constexpr int kExitCannot = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted = true; }

struct Terminal {
  bool color = false;
  std::string Paint(std::string_view text, const char* code) const {
    if (!color) return std::string(text);
    return fmt::format("\033[{}m{}\033[0m", code, text);
  }
};

Terminal StderrTerminal() {
  Terminal t;
  t.color = isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
  return t;
}

// Reads a whole file, or stdin for "-". Returns nullopt with a message.
std::optional<std::string> ReadInput(const std::string& path, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = fmt::format("cannot read '{}': it is a directory", path);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read '{}': {}", path, std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = fmt::format("cannot read '{}': read error", path);
    return std::nullopt;
  }
  return ss.str();
}

// Where output goes: stdout, or a temporary file beside the target that is
// renamed to the target only when everything was written, so that a failed
// or interrupted run leaves no partial file. Text is gathered in blocks that
// a writer thread writes out, so that the work goes on while the system
// takes the bytes.
class OutputSink {
 public:
  ~OutputSink() {
    StopWriter();
    if (!temp_.empty() && !committed_) {
      file_.close();
      std::remove(temp_.c_str());
    }
  }

  bool Open(const std::string& path, std::string& error) {
    path_ = path;
    if (!path.empty()) {
      temp_ = fmt::format("{}.tmp-{}", path, getpid());
      file_.open(temp_, std::ios::binary | std::ios::trunc);
      if (!file_) {
        error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
        temp_.clear();
        return false;
      }
    }
    writer_ = std::thread([this] { WriteBlocks(); });
    return true;
  }

  void Write(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= kBlock) HandOver();
  }

  bool Commit(std::string& error) {
    HandOver();
    StopWriter();
    std::ostream& out = stream();
    out.flush();
    if (path_.empty()) {
      if (std::cout) return true;
      error = "cannot write the output";
      return false;
    }
    file_.close();
    if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) {
      error = fmt::format("cannot write '{}': {}", path_, std::strerror(errno));
      return false;
    }
    committed_ = true;
    return true;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  static constexpr std::size_t kMaxPending = 4;  // bounds memory: 4 blocks

  std::ostream& stream() { return path_.empty() ? std::cout : file_; }

  // Gives the gathered text to the writer, waiting while it is behind.
  void HandOver() {
    if (buffer_.empty()) return;
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return pending_.size() < kMaxPending; });
    pending_.push_back(std::move(buffer_));
    buffer_ = std::string();
    buffer_.reserve(kBlock + (1 << 16));
    ready_.notify_one();
  }

  void WriteBlocks() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      ready_.wait(lock, [&] { return !pending_.empty() || done_; });
      if (pending_.empty()) return;
      std::string block = std::move(pending_.front());
      pending_.pop_front();
      room_.notify_one();
      lock.unlock();
      stream().write(block.data(), static_cast<std::streamsize>(block.size()));
      lock.lock();
    }
  }

  void StopWriter() {
    if (!writer_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_one();
    writer_.join();
  }

  std::string path_, temp_, buffer_;
  std::ofstream file_;
  bool committed_ = false;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::string> pending_;
  bool done_ = false;
};

// Writes `text` to `path` (stdout when empty), whole or not at all; says why
// it could not.
bool WriteWhole(const std::string& path, const std::string& text) {
  OutputSink out;
  std::string error;
  if (out.Open(path, error)) {
    out.Write(text);
    if (out.Commit(error)) return true;
  }
  std::cerr << "triage: " << error << "\n";
  return false;
}

void PrintDiagnostics(const triage::CompiledRules& c, const Terminal& term) {
  for (const triage::Diagnostic& d : c.diags.items()) {
    std::string text = triage::RenderDiagnostic(d, c.file, c.source);
    if (term.color) {
      std::string tag = d.severity == triage::Severity::kError ? ": error: " : ": warning: ";
      auto at = text.find(tag);
      if (at != std::string::npos) {
        const char* code = d.severity == triage::Severity::kError ? "1;31" : "1;35";
        text.replace(at + 2, tag.size() - 4, term.Paint(tag.substr(2, tag.size() - 4), code));
      }
    }
    std::cerr << text;
  }
}

// Loads and compiles a rule file. Returns nullopt (exit 2) when it cannot
// be read.
std::optional<triage::CompiledRules> Build(const std::string& path, std::string& error) {
  std::optional<std::string> bytes = ReadInput(path, error);
  if (!bytes) return std::nullopt;
  return triage::CompileRules(path, std::move(*bytes));
}

// Loads and compiles a rule file for a verb other than `check`: one that
// cannot be read, or has errors other than gaps, is reported (exit 2).
std::optional<triage::CompiledRules> BuildUsable(const std::string& path) {
  std::string error;
  std::optional<triage::CompiledRules> c = Build(path, error);
  if (!c) {
    std::cerr << "triage: " << error << "\n";
    return std::nullopt;
  }
  if (!c->Usable()) {
    PrintDiagnostics(*c, StderrTerminal());
    std::cerr << fmt::format("triage: '{}' has errors; fix them first (see 'triage check {}')\n",
                             path, path);
    return std::nullopt;
  }
  return c;
}

bool IsTestFile(const std::string& path) {
  return path.size() >= 10 && path.substr(path.size() - 10) == ".test.yaml";
}

// A loaded test file and the rule file it names, or nothing after telling
// why (exit 2 for unreadable files, 1 for a test file with problems).
struct LoadedTests {
  std::string path;
  triage::TestFile file;
  triage::CompiledRules rules;
};

std::optional<LoadedTests> LoadTests(const std::string& test_path, int& status) {
  namespace fs = std::filesystem;
  status = kExitCannot;
  std::string error;
  std::optional<std::string> bytes = ReadInput(test_path, error);
  if (!bytes) {
    std::cerr << "triage: " << error << "\n";
    return std::nullopt;
  }
  triage::Diagnostics diags;
  std::optional<triage::TestFile> file = triage::LoadTestFile(*bytes, diags);
  std::optional<triage::CompiledRules> rules;
  if (file && !diags.HasErrors()) {
    rules = BuildUsable((fs::path(test_path).parent_path() / file->rules).string());
    if (!rules) return std::nullopt;
    triage::CheckTestFile(*rules->rules, *file, diags);
  }
  diags.SortByPosition();
  for (const triage::Diagnostic& d : diags.items()) {
    std::cerr << triage::RenderDiagnostic(d, test_path, *bytes);
  }
  if (diags.HasErrors() || !file) {
    status = kExitFound;
    return std::nullopt;
  }
  status = kExitOk;
  return LoadedTests{test_path, std::move(*file), std::move(*rules)};
}

// `triage check` of a test file: its structure, and the names it uses.
int CheckTestFile(const std::string& path) {
  int status = kExitOk;
  std::optional<LoadedTests> tests = LoadTests(path, status);
  if (!tests) {
    if (status == kExitFound) std::cout << fmt::format("{}: test file has errors\n", path);
    return status;
  }
  std::cout << fmt::format("{}: ok: {} tests of {}\n", path, tests->file.tests.size(),
                           tests->file.rules);
  return kExitOk;
}

// ---- check ---------------------------------------------------------------

struct CheckArgs {
  std::vector<std::string> rules;
  bool strict = false;
  std::string format = "text";
};

int RunCheck(const CheckArgs& args) {
  Terminal term = StderrTerminal();
  int status = kExitOk;
  bool json = args.format == "json";
  std::string json_out = "[";
  for (const std::string& path : args.rules) {
    if (IsTestFile(path)) {
      int test_status = CheckTestFile(path);
      if (test_status == kExitCannot) return kExitCannot;
      status = std::max(status, test_status);
      continue;
    }
    std::string error;
    std::optional<triage::CompiledRules> c = Build(path, error);
    if (!c) {
      std::cerr << "triage: " << error << "\n";
      return kExitCannot;
    }
    if (json) {
      json_out += (json_out.size() > 1 ? ",\n " : "") +
                  triage::FindingsJson(path, c->diags, c->rules.get(),
                                       c->graph ? &*c->graph : nullptr, args.strict);
      bool failed = c->diags.HasErrors() || (args.strict && !c->diags.items().empty());
      if (failed) status = kExitFound;
      continue;
    }
    PrintDiagnostics(*c, term);
    size_t errors = 0, warnings = 0;
    for (const triage::Diagnostic& d : c->diags.items()) {
      (d.severity == triage::Severity::kError ? errors : warnings)++;
    }
    bool failed = errors > 0 || (args.strict && warnings > 0);
    if (failed) {
      status = kExitFound;
      std::cout << fmt::format("{}: {} error{}, {} warning{}\n", path, errors,
                               errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
      continue;
    }
    const triage::RuleSet& rs = *c->rules;
    const triage::DecisionGraph& g = *c->graph;
    std::cout << fmt::format(
        "{}: ok: {} rules, {} facts, {} routes; decision graph of {} nodes, "
        "{} edges, {} leaves; {} guarantee{} proven{}\n",
        path, rs.rules.size(), rs.facts.size(), rs.routes.size(), g.nodes().size(), g.edge_count(),
        g.leaves().size(), rs.guarantees.size(), rs.guarantees.size() == 1 ? "" : "s",
        warnings ? fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s") : "");
  }
  if (json) std::cout << json_out << "]\n";
  return status;
}

// ---- test ----------------------------------------------------------------

struct TestArgs {
  std::vector<std::string> paths;
  bool coverage = false;
  double threshold = -1;
  std::string lang;
};

int RunTest(const TestArgs& args) {
  namespace fs = std::filesystem;
  size_t passed = 0, failed = 0;
  bool below_threshold = false;
  for (const std::string& path : args.paths) {
    // A rule file's tests are in X.test.yaml beside X.yaml.
    std::string test_path = path;
    if (!IsTestFile(path)) {
      test_path =
          (fs::path(path).parent_path() / (fs::path(path).stem().string() + ".test.yaml")).string();
    }
    int load_status = kExitOk;
    std::optional<LoadedTests> loaded = LoadTests(test_path, load_status);
    if (!loaded) return kExitCannot;
    const triage::CompiledRules* c = &loaded->rules;
    const triage::TestFile* file = &loaded->file;
    std::vector<triage::TestResult> results = triage::RunRuleTests(*c->rules, *c->graph, *file);
    for (const triage::TestResult& r : results) {
      if (r.passed) {
        ++passed;
        continue;
      }
      ++failed;
      std::string actual = triage::RecordText(*c->rules, r.record, args.lang);
      std::string indented;
      for (char ch : actual) {
        indented += ch;
        if (ch == '\n') indented += "    ";
      }
      while (!indented.empty() && indented.back() == ' ') indented.pop_back();
      std::cout << fmt::format("FAIL {}:{}: {}\n  expected: {}\n  actual:\n    {}", test_path,
                               r.test->pos.line, r.test->name, r.expected, indented);
    }
    if (args.coverage || args.threshold >= 0) {
      triage::Coverage cov = triage::MeasureCoverage(*c->rules, *c->graph, results);
      std::cout << fmt::format("{}: {:.0f}% of rules decide some test ({} of {})\n", c->file,
                               cov.percent, c->rules->rules.size() - cov.rules_missed.size(),
                               c->rules->rules.size());
      for (int r : cov.rules_missed) {
        const triage::Rule& rule = c->rules->rules[static_cast<size_t>(r)];
        std::cout << fmt::format("  no test reaches rule '{}' (line {})\n", rule.id, rule.pos.line);
      }
      std::cout << fmt::format("  graph leaves reached: {} of {}\n",
                               c->graph->leaves().size() - cov.leaves_missed.size(),
                               c->graph->leaves().size());
      if (args.threshold >= 0 && cov.percent < args.threshold) below_threshold = true;
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed || below_threshold ? kExitFound : kExitOk;
}

// ---- graph ---------------------------------------------------------------

struct GraphArgs {
  std::string rules;
  std::string format = "dot";
  std::string lang;
  std::string output;
};

// Renders DOT to SVG with Graphviz's `dot`, run without a shell.
std::optional<std::string> DotToSvg(const std::string& dot, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec) / fmt::format("triage-graph-{}", getpid());
  fs::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot make a temporary folder: {}", ec.message());
    return std::nullopt;
  }
  fs::path in = dir / "graph.dot", out = dir / "graph.svg";
  std::ofstream(in, std::ios::binary) << dot;
  std::string in_s = in.string(), out_s = "-o" + out.string();
  char arg0[] = "dot";
  char arg1[] = "-Tsvg";
  std::vector<char*> argv = {arg0, arg1, in_s.data(), out_s.data(), nullptr};
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::optional<std::string> svg;
  if (spawned != 0) {
    error =
        "SVG output needs Graphviz's 'dot' program, which was not found; "
        "install the Debian package 'graphviz', or use --format dot";
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "Graphviz's 'dot' failed to render the graph";
  } else {
    std::ifstream f(out, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    svg = ss.str();
  }
  fs::remove_all(dir, ec);
  return svg;
}

int RunGraph(const GraphArgs& args) {
  std::string error;
  std::optional<triage::CompiledRules> c = BuildUsable(args.rules);
  if (!c) return kExitCannot;
  std::string text;
  if (args.format == "json") {
    text = triage::GraphJson(*c->graph);
  } else {
    text = triage::GraphDot(*c->graph, args.lang);
    if (args.format == "svg") {
      std::optional<std::string> svg = DotToSvg(text, error);
      if (!svg) {
        std::cerr << "triage: " << error << "\n";
        return kExitCannot;
      }
      text = std::move(*svg);
    }
  }
  return WriteWhole(args.output, text) ? kExitOk : kExitCannot;
}

// ---- route ---------------------------------------------------------------

struct RouteArgs {
  std::string rules;
  std::vector<std::string> cases;
  std::string format;  ///< "" = from the output file's name, else text
  std::string input_format = "auto";
  std::string lang;
  std::string output;
  bool ignore_unknown_facts = false;
  int threads = 0;
};

triage::InputFormat ParseInputFormat(const std::string& name, const std::string& path) {
  if (name == "json") return triage::InputFormat::kJson;
  if (name == "jsonl") return triage::InputFormat::kJsonLines;
  if (name == "yaml") return triage::InputFormat::kYaml;
  if (name == "csv") return triage::InputFormat::kCsv;
  return triage::FormatFromPath(path);
}

// The output format: as asked, else from the output file's name, else text.
std::string OutputFormat(const std::string& asked, const std::string& output) {
  if (!asked.empty()) return asked;
  switch (triage::FormatFromPath(output)) {
    case triage::InputFormat::kJsonLines:
      return "jsonl";
    case triage::InputFormat::kJson:
      return "json";
    case triage::InputFormat::kCsv:
      return "csv";
    default:
      return "text";
  }
}

// A case file opened for reading, or stdin for "-".
class CaseInput {
 public:
  bool Open(const std::string& path, std::string& error) {
    path_ = path;
    if (path == "-") return true;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = fmt::format("cannot read '{}': it is a directory", path);
      return false;
    }
    file_.open(path, std::ios::binary);
    if (!file_) {
      error = fmt::format("cannot read '{}': {}", path, std::strerror(errno));
      return false;
    }
    return true;
  }
  std::istream& stream() { return path_ == "-" ? std::cin : file_; }
  std::string name() const { return path_ == "-" ? "<stdin>" : path_; }

 private:
  std::string path_;
  std::ifstream file_;
};

// Sum of the sizes of the inputs that are regular files; 0 when any is not
// (stdin, a pipe), since then the end is unknown.
std::uint64_t KnownInputSize(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !std::filesystem::is_regular_file(input, ec)) return 0;
    total += std::filesystem::file_size(input, ec);
  }
  return total;
}

// A progress line on stderr for long runs: only on a terminal, only after
// the first second, at most a few times a second; cleared at the end.
class Progress {
 public:
  explicit Progress(std::uint64_t total_bytes)
      : enabled_(isatty(STDERR_FILENO) != 0),
        total_(total_bytes),
        start_(Clock::now()),
        last_(start_) {}

  // `cases` and `bytes` so far, over all inputs.
  void Update(std::uint64_t cases, std::uint64_t bytes) {
    if (!enabled_) return;
    auto now = Clock::now();
    double elapsed = Seconds(now - start_);
    if (elapsed < 1.0 || Seconds(now - last_) < 0.25) return;
    last_ = now;
    double rate = static_cast<double>(cases) / elapsed;
    std::string line = fmt::format("triage: {} cases, {:.0f} cases/s", cases, rate);
    if (total_ > 0 && bytes > 0 && bytes <= total_) {
      double left = elapsed * static_cast<double>(total_ - bytes) / static_cast<double>(bytes);
      line += fmt::format(", {:.0f}%, about {:.0f} s to go",
                          100.0 * static_cast<double>(bytes) / static_cast<double>(total_), left);
    }
    std::cerr << "\r" << line << "\033[K" << std::flush;
    shown_ = true;
  }

  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
  bool enabled_;
  bool shown_ = false;
  std::uint64_t total_;
  Clock::time_point start_, last_;
};

// Runs the cases of every input (files, or "-" for stdin) through
// ForEachCase, with a progress line. `prepare` is told each input's name and
// format before its cases come. Returns kExitOk, kExitInterrupted, or
// kExitCannot after saying why.
int ForEachInput(const std::vector<std::string>& inputs, const std::string& input_format,
                 triage::BatchOptions& batch,
                 const std::function<void(const std::string& name)>& prepare,
                 const std::function<void(triage::RawCase, std::size_t, unsigned)>& work,
                 const std::function<void(std::size_t)>& deliver) {
  Progress progress(KnownInputSize(inputs));
  std::uint64_t cases_before = 0, bytes_before = 0;
  for (const std::string& input : inputs) {
    CaseInput in;
    std::string error;
    if (!in.Open(input, error)) {
      progress.Clear();
      std::cerr << "triage: " << error << "\n";
      return kExitCannot;
    }
    batch.format = ParseInputFormat(input_format, input);
    std::uint64_t cases_here = 0;
    batch.on_batch = [&](std::uint64_t cases, std::uint64_t bytes) {
      cases_here = cases;
      progress.Update(cases_before + cases, bytes_before + bytes);
    };
    prepare(in.name());
    triage::BatchEnd end = triage::ForEachCase(in.stream(), batch, work, deliver);
    if (end == triage::BatchEnd::kStopped) break;
    if (end == triage::BatchEnd::kReadError) {
      progress.Clear();
      std::cerr << fmt::format("triage: cannot read '{}': read error\n", in.name());
      return kExitCannot;
    }
    cases_before += cases_here;
    std::error_code ec;
    if (input != "-") bytes_before += std::filesystem::file_size(input, ec);
  }
  progress.Clear();
  if (g_interrupted) {
    std::cerr << "triage: interrupted\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

int RunRoute(const RouteArgs& args) {
  std::string error;
  std::optional<triage::CompiledRules> c = BuildUsable(args.rules);
  if (!c) return kExitCannot;
  for (const triage::Diagnostic& d : c->diags.items()) {
    if (d.code == "E040") {
      std::cerr << fmt::format(
          "{}: warning: the rule set has gaps: some cases will be unrouted "
          "(see 'triage check')\n",
          args.rules);
      break;
    }
  }
  const triage::RuleSet& rs = *c->rules;
  const triage::DecisionGraph& graph = *c->graph;
  const std::string format = OutputFormat(args.format, args.output);
  triage::CaseOptions options;
  options.ignore_unknown_facts = args.ignore_unknown_facts;

  std::vector<std::string> inputs = args.cases;
  if (inputs.empty()) inputs.push_back("-");
  OutputSink out;
  if (!out.Open(args.output, error)) {
    std::cerr << "triage: " << error << "\n";
    return kExitCannot;
  }
  bool json_array = format == "json";
  if (json_array) out.Write("[");
  if (format == "csv") out.Write(triage::RecordCsvHeader());

  triage::BatchOptions batch;
  batch.threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                   : std::max(1u, std::thread::hardware_concurrency());
  batch.stop = &g_interrupted;
  // Each slot of a batch: the rendered record and its status.
  std::vector<std::string> texts(batch.batch_size);
  // Each slot's status, as an index into `counts`.
  enum Status : char { kDecided, kUndetermined, kUnrouted, kInvalid };
  std::vector<Status> statuses(batch.batch_size);
  std::vector<triage::Record> scratch(batch.threads);
  std::uint64_t counts[4] = {};
  const triage::JsonCaseParser json_cases(rs);
  std::uint64_t count = 0;
  std::string name;  // of the input being read
  // A validated case into its slot: decided, and rendered.
  auto finish = [&](triage::Record& r, std::size_t slot) {
    if (!r.invalid()) triage::Evaluate(graph, r.values, r.decision);
    statuses[slot] = r.invalid()                                                    ? kInvalid
                     : r.decision.status == triage::Decision::Status::kDecided      ? kDecided
                     : r.decision.status == triage::Decision::Status::kUndetermined ? kUndetermined
                                                                                    : kUnrouted;
    if (format == "text") {
      texts[slot] = triage::RecordText(rs, r, args.lang) + "\n";
    } else if (format == "csv") {
      texts[slot] = triage::RecordCsv(rs, r, args.lang);
    } else {
      texts[slot] = triage::RecordJson(rs, r, args.lang);
    }
  };
  auto work = [&](triage::RawCase raw, std::size_t slot, unsigned worker) {
    triage::Record& r = scratch[worker];
    r.input = name;
    r.index = raw.index;
    r.line = raw.line;
    r.problems.clear();
    r.values = triage::ValidateCase(rs, raw, options, r.problems);
    r.case_id = r.values.id;
    finish(r, slot);
  };
  // JSON Lines: a well-formed case goes straight to its typed values.
  auto fast = [&](const triage::RecordReader::Record& record, std::size_t slot, unsigned worker) {
    triage::Record& r = scratch[worker];
    if (!json_cases.Parse(record.text, r.values)) return false;
    r.input = name;
    r.index = record.index;
    r.line = record.line;
    r.problems.clear();
    r.case_id = r.values.id;
    finish(r, slot);
    return true;
  };
  auto prepare = [&](const std::string& input_name) {
    name = input_name;
    batch.fast = nullptr;
    if (batch.format == triage::InputFormat::kJsonLines) batch.fast = fast;
  };
  // Records are written in input order, whatever thread made them.
  auto deliver = [&](std::size_t slot) {
    ++count;
    ++counts[statuses[slot]];
    if (json_array) out.Write(count > 1 ? ",\n" : "\n");
    out.Write(texts[slot]);
    if (format == "jsonl") out.Write("\n");
  };
  int status = ForEachInput(inputs, args.input_format, batch, prepare, work, deliver);
  if (status != kExitOk) return status;  // the sink removes its temporary file
  if (json_array) out.Write(count ? "\n]\n" : "]\n");
  if (!out.Commit(error)) {
    std::cerr << "triage: " << error << "\n";
    return kExitCannot;
  }
  std::cerr << fmt::format(
      "triage: {} case{}: {} decided, {} undetermined, {} unrouted, {} invalid\n", count,
      count == 1 ? "" : "s", counts[kDecided], counts[kUndetermined], counts[kUnrouted],
      counts[kInvalid]);
  return counts[kInvalid] || counts[kUnrouted] ? kExitFound : kExitOk;
}

// ---- audit ---------------------------------------------------------------

struct AuditArgs {
  std::string rules;
  std::vector<std::string> cases;
  std::string baseline;
  std::string recorded;
  std::string format;  ///< "" = from the output file's name, else text
  std::string input_format = "auto";
  std::string output;
  bool fail_on_change = false;
  bool ignore_unknown_facts = false;
  int threads = 0;
  int examples = 20;
};

int RunAudit(const AuditArgs& args) {
  if (args.baseline.empty() == args.recorded.empty()) {
    std::cerr << "triage: audit needs a baseline: --baseline OLD_RULES or --recorded FIELD "
                 "(one of them)\n";
    return kExitCannot;
  }
  std::optional<triage::CompiledRules> candidate = BuildUsable(args.rules);
  if (!candidate) return kExitCannot;
  std::optional<triage::CompiledRules> baseline;
  if (!args.baseline.empty()) {
    baseline = BuildUsable(args.baseline);
    if (!baseline) return kExitCannot;
  }
  std::string format = args.format;
  if (format.empty()) {
    std::string ext = std::filesystem::path(args.output).extension().string();
    format = ext == ".html" || ext == ".htm" ? "html" : ext == ".json" ? "json" : "text";
  }
  triage::AuditOptions options;
  options.recorded_field = args.recorded;
  options.case_options.ignore_unknown_facts = args.ignore_unknown_facts;
  options.examples_per_transition = static_cast<std::size_t>(args.examples);
  triage::Auditor auditor(*candidate->graph, baseline ? &*baseline->graph : nullptr, options);

  triage::BatchOptions batch;
  batch.threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                   : std::max(1u, std::thread::hardware_concurrency());
  batch.stop = &g_interrupted;
  std::vector<triage::AuditedCase> slots(batch.batch_size);
  std::vector<std::string> names;
  int status = ForEachInput(
      args.cases, args.input_format, batch, [&](const std::string& name) { names.push_back(name); },
      [&](triage::RawCase raw, std::size_t slot, unsigned) {
        auditor.Audit(raw, names.back(), slots[slot]);
      },
      [&](std::size_t slot) { auditor.Add(slots[slot]); });
  if (status != kExitOk) return status;
  triage::AuditReport report = auditor.Report(names);
  std::string text = format == "html"   ? triage::AuditHtml(report)
                     : format == "json" ? triage::AuditJson(report)
                                        : triage::AuditText(report);
  if (!WriteWhole(args.output, text)) return kExitCannot;
  std::size_t regions = report.diff ? report.diff->regions.size() : 0;
  std::cerr << fmt::format(
      "triage: dry run: {} of {} decisions change{}; nothing was written but {}\n", report.changed,
      report.cases,
      report.diff && report.diff->compared
          ? fmt::format(", the versions differ in {} region{}", regions, regions == 1 ? "" : "s")
          : "",
      args.output.empty() ? "the report" : fmt::format("the report '{}'", args.output));
  if (args.fail_on_change && (report.changed > 0 || regions > 0)) return kExitFound;
  if (report.invalid > 0 || report.unrouted > 0) return kExitFound;
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // Without SA_RESTART, so that a read waiting on a terminal or a pipe is
  // interrupted too and the run can stop cleanly with exit 130.
  struct sigaction interrupt = {};
  interrupt.sa_handler = OnInterrupt;
  sigemptyset(&interrupt.sa_mask);
  sigaction(SIGINT, &interrupt, nullptr);
  CLI::App app{
      "triage: route cases of intimidation through legal means in the lokale "
      "driehoek, with rule sets you can check"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "triage 0.1.0");

  CheckArgs check;
  CLI::App* check_cmd =
      app.add_subcommand("check",
                         "Parse, type-check and compile rule files (or check test files); "
                         "report every problem, and gaps, overlaps, dead rules and unreachable "
                         "routes with an example case; prove guarantees");
  check_cmd->add_option("RULES", check.rules, "Rule files")->required();
  check_cmd->add_flag("--strict", check.strict, "Treat warnings as errors");
  check_cmd
      ->add_option("--format", check.format,
                   "Output format: text (diagnostics on stderr) or json "
                   "(findings as data on stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  check_cmd->footer(
      "Example:\n  triage check rules/lokale-driehoek.yaml\n\n"
      "Exit status: 0 no problems, 1 problems found, 2 a file could not be read.");

  RouteArgs route;
  CLI::App* route_cmd =
      app.add_subcommand("route", "Route cases with a rule set: one decision record per case");
  route_cmd->add_option("RULES", route.rules, "Rule file")->required();
  route_cmd->add_option("CASES", route.cases,
                        "Case files (YAML, JSON, JSON Lines, CSV) or - for stdin; "
                        "stdin when none is given");
  route_cmd
      ->add_option("--format", route.format,
                   "Output format: text, json, jsonl or csv (default: from "
                   "the --output file's extension, else text)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
  route_cmd
      ->add_option("--input-format", route.input_format,
                   "Input format (default: from the file name, else "
                   "detected)")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "yaml", "csv"}))
      ->default_str("auto");
  route_cmd->add_option("--lang", route.lang,
                        "Language of labels and reasons (default: the rule "
                        "file's own)");
  route_cmd->add_option("-o,--output", route.output,
                        "Write the records to this file (whole or not at all)");
  route_cmd->add_flag("--ignore-unknown-facts", route.ignore_unknown_facts,
                      "Ignore case keys that the rule set does not declare");
  route_cmd
      ->add_option("--threads", route.threads,
                   "Threads for JSON Lines and CSV input (default: the "
                   "machine's cores); the output is the same for any number")
      ->check(CLI::Range(0, 256));
  route_cmd->footer(
      "Examples:\n"
      "  triage route rules/lokale-driehoek.yaml examples/cases/*.yaml\n"
      "  triage route rules/lokale-driehoek.yaml --format jsonl < cases.jsonl\n\n"
      "Exit status: 0 all cases routed or undetermined, 1 an invalid or "
      "unrouted case, 2 the job could not be done.");

  TestArgs test;
  CLI::App* test_cmd =
      app.add_subcommand("test", "Run a rule set's own test cases (X.test.yaml beside X.yaml)");
  test_cmd->add_option("PATHS", test.paths, "Rule files or test files")->required();
  test_cmd->add_flag("--coverage", test.coverage,
                     "Show the rules and graph leaves no test reaches");
  test_cmd->add_option("--threshold", test.threshold,
                       "Fail when fewer than this percent of rules decide a test");
  test_cmd->add_option("--lang", test.lang, "Language of the explanations");
  test_cmd->footer(
      "Example:\n  triage test rules/lokale-driehoek.yaml --coverage --threshold 100\n\n"
      "Exit status: 0 all passed, 1 a test failed or coverage is below the "
      "threshold, 2 the job could not be done.");

  GraphArgs graph;
  CLI::App* graph_cmd =
      app.add_subcommand("graph", "The compiled decision graph as DOT, SVG (via Graphviz) or JSON");
  graph_cmd->add_option("RULES", graph.rules, "Rule file")->required();
  graph_cmd->add_option("--format", graph.format, "Output format")
      ->check(CLI::IsMember({"dot", "svg", "json"}))
      ->default_str("dot");
  graph_cmd->add_option("--lang", graph.lang, "Language of labels (default: the rule file's own)");
  graph_cmd->add_option("-o,--output", graph.output, "Write to this file (whole or not at all)");
  graph_cmd->footer(
      "Examples:\n"
      "  triage graph rules/lokale-driehoek.yaml --format svg -o graph.svg\n"
      "  triage graph rules/lokale-driehoek.yaml --format json\n\n"
      "Exit status: 0 done, 2 the job could not be done (a rule file with "
      "errors, no Graphviz for SVG, an unwritable output).");

  AuditArgs audit;
  CLI::App* audit_cmd =
      app.add_subcommand("audit",
                         "Dry run: replay a corpus against a candidate rule file and compare with "
                         "another version (--baseline) or the route recorded in each case "
                         "(--recorded); writes nothing but its report");
  audit_cmd->add_option("RULES", audit.rules, "The candidate rule file")->required();
  audit_cmd
      ->add_option("CASES", audit.cases, "Case files (JSON Lines, CSV, JSON, YAML) or - for stdin")
      ->required();
  audit_cmd->add_option("--baseline", audit.baseline,
                        "The rule file to compare with (the version in use)");
  audit_cmd->add_option("--recorded", audit.recorded,
                        "Compare with the route recorded in this field of each case");
  audit_cmd
      ->add_option("--format", audit.format,
                   "Report format: text, json or html (default: from the "
                   "--output file's extension, else text)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  audit_cmd
      ->add_option("--input-format", audit.input_format,
                   "Input format (default: from the file name, else detected)")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "yaml", "csv"}))
      ->default_str("auto");
  audit_cmd->add_option("-o,--output", audit.output,
                        "Write the report to this file (whole or not at all)");
  audit_cmd->add_flag("--fail-on-change", audit.fail_on_change,
                      "Exit 1 when any decision changes (in the corpus or anywhere in "
                      "the case space), for review pipelines");
  audit_cmd->add_flag("--ignore-unknown-facts", audit.ignore_unknown_facts,
                      "Ignore case keys that the rule sets do not declare");
  audit_cmd
      ->add_option("--threads", audit.threads,
                   "Threads (default: the machine's cores); the report is the "
                   "same for any number")
      ->check(CLI::Range(0, 256));
  audit_cmd
      ->add_option("--examples", audit.examples,
                   "Changed cases listed for each transition (default 20)")
      ->check(CLI::Range(0, 100000));
  audit_cmd->footer(
      "Examples:\n"
      "  triage audit rules/new.yaml corpus.jsonl --baseline rules/lokale-driehoek.yaml "
      "-o audit.html\n"
      "  triage audit rules/lokale-driehoek.yaml register.csv --recorded route "
      "--fail-on-change\n\n"
      "Exit status: 0 done, 1 a change with --fail-on-change (or an invalid or "
      "unrouted case), 2 the job could not be done.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitCannot;
  }
  if (check_cmd->parsed()) return RunCheck(check);
  if (route_cmd->parsed()) return RunRoute(route);
  if (graph_cmd->parsed()) return RunGraph(graph);
  if (test_cmd->parsed()) return RunTest(test);
  if (audit_cmd->parsed()) return RunAudit(audit);
  return kExitCannot;
}
