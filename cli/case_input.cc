#include "cli/case_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>
#include <thread>

#include <fmt/format.h>

#include "cli/progress.h"

namespace triage::cli {
namespace {

// A case file opened for reading, or the verb's stdin for "-".
class CaseInput {
 public:
  explicit CaseInput(Io& io) : io_(io), reader_(io), file_(&reader_) {}

  bool Open(const std::string& path, std::string& error) {
    path_ = path;
    if (path == "-") return true;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = fmt::format("cannot read '{}': it is a directory", Printable(path));
      return false;
    }
    return reader_.Open(path, error);
  }
  /// Why reading failed, or "".
  std::string error() const {
    if (path_ != "-") return reader_.error();
    return io_.in.bad() ? "cannot read <stdin>: read error" : "";
  }
  std::istream& stream() { return path_ == "-" ? io_.in : file_; }
  std::string name() const { return path_ == "-" ? "<stdin>" : path_; }

 private:
  Io& io_;
  std::string path_;
  FileReader reader_;
  std::istream file_;
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

}  // namespace

void DeclareInputFormat(Options& options, std::string& into) {
  std::vector<std::string> names = {"auto"};
  for (const InputFormatName& f : kInputFormats) names.emplace_back(f.name);
  options.Value("--input-format", into, "Input format (default: from the file name, else detected)")
      .OneOf(names)
      .ShowDefault("auto");
}

void DeclareCsvSeparator(Options& options, std::string& into) {
  options.Value("--csv-separator", into,
                "CSV input: the separator between cells, ',' ';' or tab (default: the one the "
                "header row uses)");
}

std::optional<char> CsvSeparatorOption(const std::string& value, Io& io) {
  if (value.empty()) return kDetectCsvSeparator;
  if (std::optional<char> separator = CsvSeparatorNamed(value)) return separator;
  std::vector<std::string> names;
  for (const CsvSeparatorName& s : kCsvSeparators) names.push_back(fmt::format("'{}'", s.name));
  io.Say(fmt::format("--csv-separator: '{}' is not a separator; use {}", Printable(value),
                     JoinChoices(names)));
  return std::nullopt;
}

unsigned WorkerThreads(int asked) {
  return asked > 0 ? static_cast<unsigned>(asked)
                   : std::max(1u, std::thread::hardware_concurrency());
}

int ForEachInput(const std::vector<std::string>& inputs, const std::string& input_format,
                 BatchOptions& batch, Io& io,
                 const std::function<void(const std::string& name)>& prepare,
                 const std::function<void(RawCase, std::size_t, unsigned)>& work,
                 const std::function<void(std::size_t)>& deliver) {
  Progress progress(io, KnownInputSize(inputs));
  std::uint64_t cases_before = 0, bytes_before = 0;
  for (const std::string& input : inputs) {
    CaseInput in(io);
    std::string error;
    if (!in.Open(input, error)) {
      progress.Clear();
      io.Say(error);
      return kExitCannot;
    }
    batch.format = InputFormatNamed(input_format).value_or(FormatFromPath(input));
    std::uint64_t cases_here = 0;
    batch.on_batch = [&](std::uint64_t cases, std::uint64_t bytes) {
      cases_here = cases;
      progress.Update(cases_before + cases, bytes_before + bytes);
    };
    prepare(in.name());
    std::string why;
    batch.why = &why;
    BatchEnd end = ForEachCase(in.stream(), batch, work, deliver);
    batch.why = nullptr;
    if (end == BatchEnd::kStopped || io.Interrupted()) break;
    if (end == BatchEnd::kReadError || !in.error().empty()) {
      batch.on_batch = nullptr;
      progress.Clear();
      if (!why.empty()) {
        why = fmt::format("cannot read '{}': {}", Printable(in.name()), why);
      } else if (!in.error().empty()) {
        why = in.error();
      } else {
        why = fmt::format("cannot read '{}': read error", Printable(in.name()));
      }
      io.Say(why);
      return kExitCannot;
    }
    if (cases_here == 0 && !io.Interrupted()) {
      progress.Clear();
      io.Say(fmt::format("warning: '{}' holds no cases", Printable(in.name())));
    }
    cases_before += cases_here;
    std::error_code ec;
    if (input != "-") bytes_before += std::filesystem::file_size(input, ec);
  }
  batch.on_batch = nullptr;  // it refers to this call's counts
  progress.Clear();
  if (io.Interrupted()) {
    io.Say("interrupted");
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace triage::cli
