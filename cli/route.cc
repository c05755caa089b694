// `triage route RULES [CASES...]`: one decision record per case, streamed
// and spread over threads, in input order.
#include "cli/verb.h"

#include <algorithm>
#include <limits>
#include <ostream>
#include <span>

#include <fmt/format.h>

#include "cli/case_ids.h"
#include "cli/case_input.h"
#include "cli/formats.h"
#include "cli/register.h"
#include "cli/rules.h"
#include "triage/limits.h"
#include "triage/report.h"
#include "triage/words.h"

namespace triage::cli {
namespace {

struct RouteArgs {
  std::string rules;
  std::vector<std::string> cases;
  std::string format;  ///< "" = from the output file's name, else text
  std::string input_format = "auto";
  std::string csv_separator;  ///< "" = from each CSV header row
  std::string lang;
  std::string output;
  bool ignore_unknown_facts = false;
  bool as_test = false;     ///< --as-test: the same as --format test
  bool unique_ids = false;  ///< a case id given twice makes the later case invalid
  std::string keep;         ///< --keep COL,...: columns carried into the records
  int threads = 0;
  bool record = false;       ///< append each decision to the register
  std::string register_url;  ///< "" = $TRIAGE_REGISTER, else the default
  std::string officer;       ///< "" = the login name
};

// How a stream of records is written: what comes before, between and after
// the records, and each record.
struct RecordStream {
  std::string (*head)(std::span<const std::string> kept);
  std::string (*record)(const RuleSet& rs, const Record& r, std::string_view lang);
  std::string_view before_first, before_next, after_each;
  std::string_view end_empty, end;  ///< after the last record; end_empty when there was none
};

std::string NoHead(std::span<const std::string>) { return ""; }

const FormatTable<RecordStream> kFormats = {
    {"text", {}, {NoHead, RecordText, "", "", "\n", "", ""}},
    {"json",
     {".json"},
     {[](std::span<const std::string>) { return std::string("["); }, RecordJson, "\n", ",\n", "",
      "]\n", "\n]\n"}},
    {"jsonl", {".jsonl", ".ndjson"}, {NoHead, RecordJson, "", "", "\n", "", ""}},
    {"csv", {".csv"}, {RecordCsvHeader, RecordCsv, "", "", "", "", ""}},
    // Entries of a test file, to paste under `cases:` (also --as-test).
    {"test", {}, {NoHead, RecordTestEntry, "", "", "", "", ""}},
};

// With --record: the register opened, and the batch that holds every
// decision of the run, committed whole or not at all. The batch begins (and
// other writers wait) only when the first decisions are ready, so a run
// that is still reading its input, from a terminal say, holds no lock.
struct Recording {
  std::optional<Recorder> recorder;
  std::unique_ptr<Register> reg;
  std::unique_ptr<RegisterBatch> batch;

  // The batch, begun on first use; null with `error` set when it cannot.
  RegisterBatch* Batch(std::string& error) {
    if (!batch) batch = reg->Begin(error);
    return batch.get();
  }
};

// Routes the cases of a batch on the workers, each into its slot, and
// writes the slots out in input order.
class Router {
 public:
  Router(const CompiledRules& c, const RouteArgs& args, const std::string& lang,
         std::vector<std::string> keep, const RecordStream& stream, OutputSink& out,
         unsigned threads, std::size_t batch_size)
      : rs_(*c.rules),
        graph_(*c.graph),
        lang_(lang),
        stream_(stream),
        out_(out),
        json_cases_(rs_, keep),
        texts_(batch_size),
        statuses_(batch_size),
        entries_(batch_size),
        places_(batch_size),
        scratch_(threads) {
    options_.ignore_unknown_facts = args.ignore_unknown_facts;
    options_.keep = std::move(keep);
    unique_ids_ = args.unique_ids;
    if (unique_ids_) ids_ = CaseIds(std::numeric_limits<std::size_t>::max());
  }

  // From now on each decision is also added to the register.
  void RecordInto(Recording& recording) {
    recording_ = &recording;
    context_ = recording.recorder->Context();
  }

  // A new input: its name, and whether its records may take the fast path.
  void Prepare(const std::string& name, BatchOptions& batch) {
    name_ = name;
    batch.fast = nullptr;
    if (batch.format != InputFormat::kJsonLines) return;
    batch.fast = [this](const RecordReader::Record& record, std::size_t slot, unsigned worker) {
      return Fast(record, slot, worker);
    };
  }

  void Work(const RawCase& raw, std::size_t slot, unsigned worker) {
    Record& r = Start(worker, raw.index, raw.line);
    r.values = ValidateCase(rs_, raw, options_, r.problems);
    r.case_id = r.values.id;
    Finish(r, slot);
  }

  // JSON Lines: a well-formed case goes straight to its typed values.
  bool Fast(const RecordReader::Record& record, std::size_t slot, unsigned worker) {
    Record& r = scratch_[worker];
    if (!json_cases_.Parse(record.text, r.values)) return false;
    Start(worker, record.index, record.line);
    r.case_id = r.values.id;
    Finish(r, slot);
    return true;
  }

  // Records are written in input order, whatever thread made them.
  void Deliver(std::size_t slot) {
    if (places_[slot].id) CheckUnique(slot);
    ++count_;
    ++counts_[static_cast<std::size_t>(statuses_[slot])];
    out_.Write(count_ > 1 ? stream_.before_next : stream_.before_first);
    out_.Write(texts_[slot]);
    out_.Write(stream_.after_each);
    if (recording_ && record_error_.empty()) {
      // After the first failure nothing more is added: the batch is lost
      // whole, and the run ends with the reason.
      if (RegisterBatch* b = recording_->Batch(record_error_))
        b->Add(entries_[slot], record_error_);
    }
  }

  // Why recording failed, or "".
  const std::string& record_error() const { return record_error_; }

  // Warnings (or, with --unique-ids, errors) of case ids given twice: the
  // first few, and how many there were.
  const std::vector<std::string>& repeated_ids() const { return repeated_notes_; }
  std::uint64_t repeated() const { return repeated_; }

  void Begin() { out_.Write(stream_.head(options_.keep)); }
  void End() { out_.Write(count_ ? stream_.end : stream_.end_empty); }

  // "N cases: D decided, U undetermined, ...", in the run's language.
  std::string Summary() const { return CountsText(count_, counts_, lang_); }

  bool FoundSomething() const {
    return counts_[static_cast<std::size_t>(RecordStatus::kInvalid)] > 0 ||
           counts_[static_cast<std::size_t>(RecordStatus::kUnrouted)] > 0;
  }

 private:
  Record& Start(unsigned worker, int index, int line) {
    Record& r = scratch_[worker];
    r.input = name_;
    r.index = index;
    r.line = line;
    r.problems.clear();
    r.kept_names = options_.keep;
    return r;
  }

  // A case whose id was given before: noted, and with --unique-ids made
  // invalid (its record rendered again as such).
  void CheckUnique(std::size_t slot) {
    const Place& at = places_[slot];
    bool was_full = ids_.full();
    std::optional<std::string> first = ids_.Note(*at.id, name_, at.line, at.index);
    if (ids_.full() && !was_full) {
      repeated_notes_.push_back(fmt::format(
          "triage: warning: more than {} case ids: the ids of later cases are not checked for "
          "repeats (--unique-ids checks them all)",
          kMaxCheckedIds));
    }
    if (!first) return;
    std::string id = Printable(Shortened(*at.id, 80));
    if (++repeated_ <= kRepeatedShown) {
      repeated_notes_.push_back(fmt::format(
          "{}: {}: case id '{}' is given again (first at {}){}",
          CaseIds::Place(name_, at.line, at.index), unique_ids_ ? "error" : "warning", id, *first,
          unique_ids_ ? ""
                      : "; records with one id may contradict each other (--unique-ids "
                        "makes this an error)"));
    }
    if (!unique_ids_) return;
    Record r;
    r.input = name_;
    r.index = at.index;
    r.line = at.line;
    r.case_id = at.id;
    r.kept_names = options_.keep;
    r.values.kept.resize(options_.keep.size());
    r.problems.push_back(
        {"case_id", fmt::format("case id '{}' is given again (first at {})", id, *first), 0,
         fmt::format("zaaknummer '{}' staat er opnieuw (eerst bij {})", id, *first)});
    statuses_[slot] = RecordStatus::kInvalid;
    texts_[slot] = stream_.record(rs_, r, lang_);
    if (recording_) entries_[slot] = MakeEntry(rs_, r, context_);
  }

  // A validated case into its slot: decided, and rendered.
  void Finish(Record& r, std::size_t slot) {
    places_[slot] = {r.case_id, r.index, r.line};
    if (!r.invalid()) Evaluate(graph_, r.values, r.decision);
    statuses_[slot] = StatusOf(r);
    texts_[slot] = stream_.record(rs_, r, lang_);
    if (recording_) entries_[slot] = MakeEntry(rs_, r, context_);
  }

  const RuleSet& rs_;
  const DecisionGraph& graph_;
  const std::string& lang_;
  const RecordStream& stream_;
  OutputSink& out_;
  CaseOptions options_;
  const JsonCaseParser json_cases_;
  std::string name_;                    // of the input being read
  std::vector<std::string> texts_;      // per slot of a batch: the rendered record
  std::vector<RecordStatus> statuses_;  // and its status
  std::vector<NewEntry> entries_;       // and its register entry, when recording
  struct Place {
    std::optional<std::string> id;
    int index = 0, line = 0;
  };
  std::vector<Place> places_;  // and its case's id and place
  static constexpr std::uint64_t kRepeatedShown = 10;
  bool unique_ids_ = false;
  CaseIds ids_{kMaxCheckedIds};
  std::vector<std::string> repeated_notes_;
  std::uint64_t repeated_ = 0;
  Recording* recording_ = nullptr;
  RecordingContext context_;
  std::string record_error_;
  std::vector<Record> scratch_;  // per worker
  std::uint64_t count_ = 0;
  std::array<std::uint64_t, kRecordStatuses.size()> counts_ = {};
};

void WarnOfGaps(const CompiledRules& c, Io& io) {
  for (const Diagnostic& d : c.diags.items()) {
    if (d.code != "E040") continue;
    io.err << fmt::format(
        "{}: warning: the rule set has gaps: some cases will be unrouted "
        "(see 'triage check')\n",
        c.file);
    return;
  }
}

// The columns --keep names ("dossier,behandelaar"), or nullopt after saying
// why not: each must be a name that is not a fact, given once.
std::optional<std::vector<std::string>> KeptColumns(const std::string& arg, const RuleSet& rs,
                                                    Io& io) {
  std::vector<std::string> names;
  if (arg.empty()) return names;
  // The columns every CSV record has: a kept column of the same name would
  // be read in their place.
  std::vector<std::string> columns;
  std::string header = RecordCsvHeader({});
  header.pop_back();
  for (std::size_t from = 0; from <= header.size();) {
    std::size_t comma = std::min(header.find(',', from), header.size());
    columns.push_back(header.substr(from, comma - from));
    from = comma + 1;
  }
  for (std::size_t from = 0; from <= arg.size();) {
    std::size_t comma = std::min(arg.find(',', from), arg.size());
    std::string name = arg.substr(from, comma - from);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    from = comma + 1;
    std::string why;
    if (name.empty()) {
      why = "an empty name";
    } else if (std::find(columns.begin(), columns.end(), name) != columns.end()) {
      why = fmt::format("'{}' is a column of every record already", Printable(name));
    } else if (rs.FindFact(name) >= 0) {
      why = fmt::format("'{}' is a fact of the rule set, not a column to carry along",
                        Printable(name));
    } else if (std::find(names.begin(), names.end(), name) != names.end()) {
      why = fmt::format("'{}' is given twice", Printable(name));
    }
    if (!why.empty()) {
      io.Say(fmt::format("--keep: {}", why));
      return std::nullopt;
    }
    names.push_back(std::move(name));
  }
  return names;
}

bool StartRecording(const RouteArgs& args, const RuleSet& rs, Io& io, Recording& rec) {
  rec.recorder = MakeRecorder(rs, args.officer, io);
  if (!rec.recorder) return false;
  rec.reg = OpenRegister(args.register_url, Register::Mode::kWrite, io);
  return rec.reg != nullptr;
}

bool FinishRecording(Recording& rec, const Router& router, const std::string& output, Io& io,
                     std::int64_t& entries) {
  std::string error = router.record_error();
  RegisterBatch* batch = error.empty() ? rec.Batch(error) : nullptr;
  if (batch && batch->Commit(entries, error)) return true;
  // Records on standard output went out as they were made; a file is
  // written only once the batch is recorded.
  io.Say(fmt::format("{}; nothing of this run was recorded{}", error,
                     output.empty() ? " (the records on standard output were not recorded either)"
                                    : ", and no output was written"));
  return false;
}

int RunRoute(const RouteArgs& args, Io& io) {
  if (RegisterOptionsWithoutRecord(args.record, args.register_url, args.officer, io)) {
    return kExitCannot;
  }
  std::vector<std::string> inputs = args.cases;
  if (inputs.empty()) inputs.push_back("-");
  std::vector<std::string> read = inputs;
  read.push_back(args.rules);
  if (WritesOverInput(args.output, read, io)) return kExitCannot;
  std::optional<char> separator = CsvSeparatorOption(args.csv_separator, io);
  if (!separator) return kExitCannot;
  std::optional<CompiledRules> c = LoadUsableRules(args.rules, io);
  if (!c) return kExitCannot;
  std::optional<std::string> lang = ChooseLanguage(*c->rules, args.lang, io);
  if (!lang) return kExitCannot;
  std::optional<std::vector<std::string>> keep = KeptColumns(args.keep, *c->rules, io);
  if (!keep) return kExitCannot;
  if (!keep->empty() && args.record) {
    // Kept columns are free text (notes, names): the register keeps
    // personal data only as pseudonyms, so it does not take them.
    io.Say(
        "--keep and --record: kept columns may hold notes and names, which the register does not "
        "keep in clear; record without --keep");
    return kExitCannot;
  }
  WarnOfGaps(*c, io);
  if (io.in_is_terminal && std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    // Nothing piped in: say what is awaited rather than wait in silence.
    io.Say(fmt::format(
        "reading cases from the terminal: type or paste them (one JSON object a line) and end "
        "with Ctrl-D; to be asked for a case's facts one question at a time, run 'triage "
        "interview {}'",
        args.rules));
  }
  Recording rec;
  if (args.record && !StartRecording(args, *c->rules, io, rec)) return kExitCannot;
  if (rec.reg && WritesOverInput(args.output, {rec.reg->shown()}, io)) return kExitCannot;
  OutputSink out(io);
  std::string error;
  if (!out.Open(args.output, error)) {
    io.Say(error);
    return kExitCannot;
  }
  BatchOptions batch;
  batch.threads = WorkerThreads(args.threads);
  batch.stop = io.interrupted;
  batch.csv_separator = *separator;
  const RecordStream& stream =
      ChooseFormat(kFormats, args.as_test ? "test" : args.format, args.output).render;
  Router router(*c, args, *lang, std::move(*keep), stream, out, batch.threads, batch.batch_size);
  if (rec.reg) router.RecordInto(rec);
  router.Begin();
  int status = ForEachInput(
      inputs, args.input_format, batch, io,
      [&](const std::string& name) { router.Prepare(name, batch); },
      [&](RawCase raw, std::size_t slot, unsigned worker) { router.Work(raw, slot, worker); },
      [&](std::size_t slot) { router.Deliver(slot); });
  // Returning early, the sink removes its temporary file and the batch
  // rolls back.
  if (status != kExitOk) return status;
  router.End();
  for (const std::string& note : router.repeated_ids()) io.err << note << "\n";
  if (router.repeated() > router.repeated_ids().size()) {
    io.Say(fmt::format("{} cases in all have an id given before", router.repeated()));
  }
  std::int64_t recorded = 0;
  if (rec.reg && !FinishRecording(rec, router, args.output, io, recorded)) return kExitCannot;
  if (!out.Commit(error)) {
    io.Say(rec.reg ? error + " (the decisions were recorded)" : error);
    return kExitCannot;
  }
  io.Say(router.Summary());
  if (rec.reg) {
    io.Say(fmt::format("recorded {} decision{} in {}", recorded, recorded == 1 ? "" : "s",
                       rec.reg->shown()));
  }
  return router.FoundSomething() ? kExitFound : kExitOk;
}

}  // namespace

VerbRun DefineRoute(Options& options) {
  auto args = std::make_shared<RouteArgs>();
  options.Positional("RULES", args->rules, "Rule file").Required().RuleFile();
  options
      .Positional("CASES", args->cases,
                  "Case files (YAML, JSON, JSON Lines, CSV) or - for stdin; "
                  "stdin when none is given")
      .File();
  DeclareFormat(options, args->format, kFormats, "Output format");
  options.Flag("--as-test", args->as_test,
               "Write each case as a test entry (its facts, and its decision as what to expect), "
               "to paste under 'cases:' in a test file; personal facts are left out");
  DeclareInputFormat(options, args->input_format);
  DeclareCsvSeparator(options, args->csv_separator);
  options.Value("--lang", args->lang,
                "Language of labels and reasons (default: the rule file's own)");
  options.Value("-o,--output", args->output, "Write the records to this file (whole or not at all)")
      .File();
  options.Flag("--ignore-unknown-facts", args->ignore_unknown_facts,
               "Ignore case keys that the rule set does not declare");
  options.Flag("--unique-ids", args->unique_ids,
               "A case id given again is an error (that case is invalid), not a warning");
  options.Value("--keep", args->keep,
                "Columns (or keys) that are not facts, such as a case number or an officer, to "
                "carry into each record as they are: COL,COL,...");
  options
      .Value("--threads", args->threads,
             "Threads for JSON Lines and CSV input (default: the machine's cores); the output "
             "is the same for any number")
      .Range(0, 256);
  options.Flag("--record", args->record,
               "Also append each decision to the decision register (all of the run or none)");
  DeclareRegister(options, args->register_url);
  options.Value("--officer", args->officer, "Who records, with --record (default: the login name)");
  options.Examples({
      "triage route rules/lokale-driehoek.yaml examples/cases/*.yaml",
      "triage route rules/lokale-driehoek.yaml cases.jsonl --record --officer 'J. de Vries'",
      "triage route rules/lokale-driehoek.yaml --format jsonl < cases.jsonl",
      "triage route rules/lokale-driehoek.yaml zaken.csv --keep dossier,behandelaar --format csv",
      "triage route rules/lokale-driehoek.yaml nieuwe-zaak.yaml --as-test",
  });
  options.ExitStatus(
      "0 all cases routed or undetermined, 1 an invalid or unrouted case, 2 the job could not "
      "be done.");
  return [args](Io& io) { return RunRoute(*args, io); };
}

}  // namespace triage::cli
