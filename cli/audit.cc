// `triage audit RULES CASES... (--baseline OLD | --recorded FIELD)`: the dry
// run. Replays a corpus against a candidate rule set, compares it with
// another version or with the route recorded in each case, and writes
// nothing but its report.
#include "cli/verb.h"

#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "cli/case_input.h"
#include "cli/formats.h"
#include "cli/register.h"
#include "cli/rules.h"
#include "triage/audit.h"
#include "triage/json.h"
#include "triage/words.h"

namespace triage::cli {
namespace {

struct AuditArgs {
  std::string rules;
  std::vector<std::string> cases;
  std::string baseline;
  std::string recorded;
  std::string register_url;  ///< replay the register's cases instead of files
  std::string format;        ///< "" = from the output file's name, else text
  std::string input_format = "auto";
  std::string csv_separator;  ///< "" = from each CSV header row
  std::string output;
  bool fail_on_change = false;
  bool ignore_unknown_facts = false;
  int threads = 0;
  int examples = 20;
  std::string lang;  ///< "" = the candidate file's first language
};

using AuditRender = std::string (*)(const AuditReport& report, std::string_view lang);

std::string Json(const AuditReport& report, std::string_view) { return AuditJson(report); }

const FormatTable<AuditRender> kFormats = {
    {"text", {}, AuditText},
    {"json", {".json"}, Json},
    {"html", {".html", ".htm"}, AuditHtml},
};

// Replays every input through the auditor, in input order.
std::optional<AuditReport> Replay(const AuditArgs& args, char csv_separator, Auditor& auditor,
                                  Io& io, int& status) {
  BatchOptions batch;
  batch.csv_separator = csv_separator;
  batch.threads = WorkerThreads(args.threads);
  batch.stop = io.interrupted;
  std::vector<AuditedCase> slots(batch.batch_size);
  std::vector<std::string> names;
  status = ForEachInput(
      args.cases, args.input_format, batch, io,
      [&](const std::string& name) { names.push_back(name); },
      [&](RawCase raw, std::size_t slot, unsigned) {
        auditor.Audit(raw, names.back(), slots[slot]);
      },
      [&](std::size_t slot) { auditor.Add(slots[slot]); });
  if (status != kExitOk) return std::nullopt;
  return auditor.Report(names);
}

// The field that carries the register's decision into the replayed case:
// not a fact name (those have no spaces), so it cannot clash with one.
constexpr const char* kRegisteredField = "registered decision";

// The register's cases as a JSON Lines corpus: each case once, as last
// recorded, with the decision recorded then in kRegisteredField. Facts the
// candidate does not declare, and personal facts (stored as pseudonyms),
// are left out; `dropped` names them.
bool RegisterCorpus(Register& reg, const RuleSet& candidate, std::string& corpus,
                    std::vector<std::int64_t>& seqs, std::set<std::string>& dropped,
                    std::string& error) {
  std::map<std::string, std::int64_t> latest;  // case id -> seq of its last entry
  bool ok = reg.Scan(
      {},
      [&](const StoredEntry& e) {
        if (e.case_id) latest[*e.case_id] = e.seq;
        return true;
      },
      error);
  if (!ok) return false;
  return reg.Scan(
      {},
      [&](const StoredEntry& e) {
        if (e.case_id && latest[*e.case_id] != e.seq) return true;
        std::optional<EntryView> v = ParseEntryBody(e.body, error);
        if (!v) {
          error =
              fmt::format("{}: entry {}: {} (run 'triage log verify')", reg.shown(), e.seq, error);
          return false;
        }
        seqs.push_back(e.seq);
        std::string outcome;
        for (const std::string& r : v->routes) outcome += (outcome.empty() ? "" : "+") + r;
        if (v->status != "decided") outcome = v->status;
        corpus += "{\"case_id\": ";
        corpus += v->case_id ? JsonString(*v->case_id) : "null";
        for (const EntryView::FactValue& f : v->facts) {
          int fact = candidate.FindFact(f.name);
          if (fact < 0 || candidate.facts[static_cast<std::size_t>(fact)].personal) {
            dropped.insert(f.name);
            continue;
          }
          corpus += ", " + JsonString(f.name) + ": " + f.json;
        }
        corpus += fmt::format(", {}: {}}}\n", JsonString(kRegisteredField), JsonString(outcome));
        return true;
      },
      error);
}

// Replays the register's cases through the auditor.
std::optional<AuditReport> ReplayRegister(const AuditArgs& args, const RuleSet& candidate,
                                          Auditor& auditor, Io& io, int& status) {
  status = kExitCannot;
  std::unique_ptr<Register> reg = OpenRegister(args.register_url, Register::Mode::kRead, io);
  if (!reg) return std::nullopt;
  std::string corpus, error;
  std::set<std::string> dropped;
  std::vector<std::int64_t> seqs;  // the entry each line of the corpus comes from
  if (!reg->BeginSnapshot(error)) {
    io.Say(error);
    return std::nullopt;
  }
  if (!RegisterCorpus(*reg, candidate, corpus, seqs, dropped, error)) {
    io.Say(error);
    return std::nullopt;
  }
  if (!dropped.empty()) {
    std::string names;
    for (const std::string& d : dropped) names += (names.empty() ? "'" : ", '") + d + "'";
    io.Say(
        fmt::format("note: facts the register holds but the candidate does not use (or "
                    "holds only as pseudonyms) are left out of the replay: {}",
                    names));
  }
  std::istringstream in(corpus);
  BatchOptions batch;
  batch.format = InputFormat::kJsonLines;
  batch.threads = WorkerThreads(args.threads);
  batch.stop = io.interrupted;
  std::vector<AuditedCase> slots(batch.batch_size);
  BatchEnd end = ForEachCase(
      in, batch,
      [&](RawCase raw, std::size_t slot, unsigned) {
        // Reports name a case by its place: here the entry's number.
        raw.line = static_cast<int>(seqs[static_cast<std::size_t>(raw.index - 1)]);
        auditor.Audit(raw, reg->shown(), slots[slot]);
      },
      [&](std::size_t slot) { auditor.Add(slots[slot]); });
  if (end == BatchEnd::kStopped) {
    status = kExitInterrupted;
    return std::nullopt;
  }
  status = kExitOk;
  return auditor.Report({reg->shown()});
}

// "dry run: N of M decisions change, ...; nothing was written but ...", in
// the report's language.
std::string Summary(const AuditReport& report, const std::string& output, const std::string& lang) {
  const AuditWords& w = AuditWordsIn(lang);
  std::size_t n = report.diff ? report.diff->regions.size() : 0;
  std::string regions =
      report.diff && report.diff->compared
          ? fmt::format(fmt::runtime(w.summary_regions),
                        fmt::format("{} {}", n, n == 1 ? w.one_region : w.many_regions))
          : "";
  return fmt::format(fmt::runtime(w.summary), report.changed, report.cases, regions,
                     output.empty() ? std::string(w.the_report)
                                    : fmt::format(fmt::runtime(w.the_report_named), output));
}

// What the arguments leave unclear; "" when they are clear.
std::string Unclear(const AuditArgs& args) {
  if (!args.register_url.empty()) {
    if (!args.cases.empty()) return "audit replays either case files or --register, not both";
    if (!args.recorded.empty()) {
      return "with --register the baseline is the decision recorded in the register (or "
             "--baseline): --recorded does not apply";
    }
    return "";
  }
  if (args.cases.empty()) return "audit needs cases: case files, or --register URL";
  if (args.baseline.empty() == args.recorded.empty()) {
    return "audit needs a baseline: --baseline OLD_RULES or --recorded FIELD (one of them)";
  }
  return "";
}

int RunAudit(const AuditArgs& args, Io& io) {
  if (std::string unclear = Unclear(args); !unclear.empty()) {
    io.Say(unclear);
    return kExitCannot;
  }
  std::optional<char> separator = CsvSeparatorOption(args.csv_separator, io);
  if (!separator) return kExitCannot;
  std::vector<std::string> read = args.cases;
  read.insert(read.end(), {args.rules, args.baseline, args.register_url});
  if (WritesOverInput(args.output, read, io)) return kExitCannot;
  std::optional<CompiledRules> candidate = LoadUsableRules(args.rules, io);
  if (!candidate) return kExitCannot;
  std::optional<CompiledRules> baseline;
  if (!args.baseline.empty()) {
    baseline = LoadUsableRules(args.baseline, io);
    if (!baseline) return kExitCannot;
  }
  std::optional<std::string> lang = ChooseLanguage(*candidate->rules, args.lang, io);
  if (!lang) return kExitCannot;
  const Format<AuditRender>& format = ChooseFormat(kFormats, args.format, args.output);
  AuditOptions options;
  options.recorded_field = args.recorded;
  options.case_options.ignore_unknown_facts = args.ignore_unknown_facts;
  bool from_register = !args.register_url.empty();
  if (from_register && !baseline) options.recorded_field = kRegisteredField;
  options.examples_per_transition = static_cast<std::size_t>(args.examples);
  // The JSON report is for pipelines: every changed case, not a few.
  options.keep_every_change = format.name == "json";
  Auditor auditor(*candidate->graph, baseline ? &*baseline->graph : nullptr, options);
  int status = kExitOk;
  std::optional<AuditReport> report =
      from_register ? ReplayRegister(args, *candidate->rules, auditor, io, status)
                    : Replay(args, *separator, auditor, io, status);
  if (!report) return status;
  if (report->same_version) {
    io.Say(fmt::format(fmt::runtime(AuditWordsIn(*lang).same_version), report->candidate.version));
  }
  if (!WriteWhole(args.output, format.render(*report, *lang), io)) return kExitCannot;
  io.Say(Summary(*report, args.output, *lang));
  std::size_t regions = report->diff ? report->diff->regions.size() : 0;
  if (args.fail_on_change && (report->changed > 0 || regions > 0)) return kExitFound;
  if (report->invalid > 0 || report->unrouted > 0) return kExitFound;
  return kExitOk;
}

}  // namespace

VerbRun DefineAudit(Options& options) {
  auto args = std::make_shared<AuditArgs>();
  options.Positional("RULES", args->rules, "The candidate rule file").Required().RuleFile();
  options
      .Positional("CASES", args->cases,
                  "Case files (JSON Lines, CSV, JSON, YAML) or - for stdin (or --register)")
      .File();
  options.Value("--baseline", args->baseline, "The rule file to compare with (the version in use)")
      .RuleFile();
  options.Value("--recorded", args->recorded,
                "Compare with the route recorded in this field of each case");
  options.Value("--register", args->register_url,
                "Replay the cases of this decision register (each as last recorded) and compare "
                "with the decisions recorded there (or with --baseline)");
  DeclareFormat(options, args->format, kFormats, "Report format");
  DeclareInputFormat(options, args->input_format);
  DeclareCsvSeparator(options, args->csv_separator);
  options.Value("-o,--output", args->output, "Write the report to this file (whole or not at all)")
      .File();
  options.Flag("--fail-on-change", args->fail_on_change,
               "Exit 1 when any decision changes (in the corpus or anywhere in "
               "the case space), for review pipelines");
  options.Flag("--ignore-unknown-facts", args->ignore_unknown_facts,
               "Ignore case keys that the rule sets do not declare");
  options
      .Value("--threads", args->threads,
             "Threads (default: the machine's cores); the report is the same for any number")
      .Range(0, 256);
  options
      .Value("--examples", args->examples,
             "Changed cases the text and HTML reports list for each transition (default 20; the "
             "JSON report lists every one)")
      .Range(0, 100000);
  options.Value("--lang", args->lang,
                "Language of the text and HTML reports, and of the labels in them (default: the "
                "candidate rule file's own)");
  options.Examples({
      "triage audit rules/new.yaml corpus.jsonl --baseline rules/lokale-driehoek.yaml -o "
      "audit.html",
      "triage audit rules/lokale-driehoek.yaml register.csv --recorded route --fail-on-change",
      "triage audit rules/new.yaml --register triage-register.db -o audit.html",
  });
  options.ExitStatus(
      "0 done, 1 a change with --fail-on-change (or an invalid or unrouted case), 2 the job "
      "could not be done.");
  return [args](Io& io) { return RunAudit(*args, io); };
}

}  // namespace triage::cli
