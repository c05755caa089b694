// `triage audit RULES CASES... (--baseline OLD | --recorded FIELD)`: the dry
// run. Replays a corpus against a candidate rule set, compares it with
// another version or with the route recorded in each case, and writes
// nothing but its report.
#include "cli/verb.h"

#include <fmt/format.h>

#include "cli/case_input.h"
#include "cli/formats.h"
#include "cli/rules.h"
#include "triage/audit.h"

namespace triage::cli {
namespace {

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

using AuditRender = std::string (*)(const AuditReport& report);

const FormatTable<AuditRender> kFormats = {
    {"text", {}, AuditText},
    {"json", {".json"}, AuditJson},
    {"html", {".html", ".htm"}, AuditHtml},
};

// Replays every input through the auditor, in input order.
std::optional<AuditReport> Replay(const AuditArgs& args, Auditor& auditor, Io& io, int& status) {
  BatchOptions batch;
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

// "dry run: N of M decisions change, ...; nothing was written but ..."
std::string Summary(const AuditReport& report, const std::string& output) {
  std::size_t regions = report.diff ? report.diff->regions.size() : 0;
  return fmt::format(
      "dry run: {} of {} decisions change{}; nothing was written but {}", report.changed,
      report.cases,
      report.diff && report.diff->compared
          ? fmt::format(", the versions differ in {} region{}", regions, regions == 1 ? "" : "s")
          : "",
      output.empty() ? "the report" : fmt::format("the report '{}'", output));
}

int RunAudit(const AuditArgs& args, Io& io) {
  if (args.baseline.empty() == args.recorded.empty()) {
    io.Say("audit needs a baseline: --baseline OLD_RULES or --recorded FIELD (one of them)");
    return kExitCannot;
  }
  std::optional<CompiledRules> candidate = LoadUsableRules(args.rules, io);
  if (!candidate) return kExitCannot;
  std::optional<CompiledRules> baseline;
  if (!args.baseline.empty()) {
    baseline = LoadUsableRules(args.baseline, io);
    if (!baseline) return kExitCannot;
  }
  AuditOptions options;
  options.recorded_field = args.recorded;
  options.case_options.ignore_unknown_facts = args.ignore_unknown_facts;
  options.examples_per_transition = static_cast<std::size_t>(args.examples);
  Auditor auditor(*candidate->graph, baseline ? &*baseline->graph : nullptr, options);
  int status = kExitOk;
  std::optional<AuditReport> report = Replay(args, auditor, io, status);
  if (!report) return status;
  AuditRender render = ChooseFormat(kFormats, args.format, args.output).render;
  if (!WriteWhole(args.output, render(*report), io)) return kExitCannot;
  io.Say(Summary(*report, args.output));
  std::size_t regions = report->diff ? report->diff->regions.size() : 0;
  if (args.fail_on_change && (report->changed > 0 || regions > 0)) return kExitFound;
  if (report->invalid > 0 || report->unrouted > 0) return kExitFound;
  return kExitOk;
}

}  // namespace

VerbRun DefineAudit(Options& options) {
  auto args = std::make_shared<AuditArgs>();
  options.Positional("RULES", args->rules, "The candidate rule file").Required();
  options
      .Positional("CASES", args->cases, "Case files (JSON Lines, CSV, JSON, YAML) or - for stdin")
      .Required();
  options.Value("--baseline", args->baseline, "The rule file to compare with (the version in use)");
  options.Value("--recorded", args->recorded,
                "Compare with the route recorded in this field of each case");
  DeclareFormat(options, args->format, kFormats, "Report format");
  DeclareInputFormat(options, args->input_format);
  options.Value("-o,--output", args->output, "Write the report to this file (whole or not at all)");
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
      .Value("--examples", args->examples, "Changed cases listed for each transition (default 20)")
      .Range(0, 100000);
  options.Footer(
      "Examples:\n"
      "  triage audit rules/new.yaml corpus.jsonl --baseline rules/lokale-driehoek.yaml "
      "-o audit.html\n"
      "  triage audit rules/lokale-driehoek.yaml register.csv --recorded route "
      "--fail-on-change\n\n"
      "Exit status: 0 done, 1 a change with --fail-on-change (or an invalid or "
      "unrouted case), 2 the job could not be done.");
  return [args](Io& io) { return RunAudit(*args, io); };
}

}  // namespace triage::cli
