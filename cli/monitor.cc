// `triage monitor`: the register's decisions counted per period, by route,
// role, instrument and municipality, with trends, small counts suppressed
// and nobody named.
#include "cli/verb.h"

#include <sstream>

#include <fmt/format.h>

#include "cli/formats.h"
#include "cli/register.h"
#include "cli/rules.h"
#include "triage/monitor.h"

namespace triage::cli {
namespace {

struct MonitorArgs {
  std::string register_url;
  std::string from, to;
  std::string by = "quarter";
  std::string format;
  std::string output;
  std::string date_fact;
  std::string facts;  ///< comma-separated
  std::string initiator_fact;
  std::string rules;  ///< for labels
  std::string lang;
  int min_cell = 5;
};

struct MonitorRender {
  std::string (*render)(const MonitorReport& r, const std::map<std::string, std::string>& labels,
                        std::string_view lang);
};

const FormatTable<MonitorRender> kFormats = {
    {"text", {}, {MonitorText}},
    {"csv", {".csv"}, {[](const MonitorReport& r, const auto&, std::string_view) {
       return MonitorCsv(r);
     }}},
    {"json", {".json"}, {[](const MonitorReport& r, const auto&, std::string_view) {
       return MonitorJson(r);
     }}},
    {"html", {".html", ".htm"}, {MonitorHtml}},
};

// Route and fact labels from the rule file, in `lang` (or its own).
std::optional<std::map<std::string, std::string>> Labels(const MonitorArgs& args, Io& io,
                                                         std::string& lang) {
  std::map<std::string, std::string> labels;
  if (args.rules.empty()) return labels;
  std::optional<CompiledRules> c = LoadUsableRules(args.rules, io);
  if (!c) return std::nullopt;
  const RuleSet& rs = *c->rules;
  std::optional<std::string> chosen = ChooseLanguage(rs, lang, io);
  if (!chosen) return std::nullopt;
  lang = *chosen;
  for (const Route& r : rs.routes) labels[r.name] = r.label.Get(lang);
  for (const Fact& f : rs.facts) labels[f.name] = f.label.Get(lang);
  return labels;
}

std::optional<MonitorOptions> ParseOptions(const MonitorArgs& args, Io& io) {
  MonitorOptions o;
  std::optional<Period> by = ValueNamed<Period>(args.by);
  if (!by) {
    io.Say(fmt::format("--by takes {}, not '{}'", JoinChoices(AllNames<Period>()), args.by));
    return std::nullopt;
  }
  o.by = *by;
  for (const std::string* d : {&args.from, &args.to}) {
    if (!d->empty() && !ParseDate(*d)) {
      io.Say(fmt::format("'{}' is not a date: give YYYY-MM-DD", *d));
      return std::nullopt;
    }
  }
  o.from = args.from;
  o.to = args.to;
  o.date_fact = args.date_fact;
  std::istringstream facts(args.facts);
  for (std::string f; std::getline(facts, f, ',');) {
    if (!f.empty()) o.facts.push_back(f);
  }
  o.min_cell = args.min_cell;
  o.initiator_fact = args.initiator_fact;
  return o;
}

int RunMonitor(const MonitorArgs& args, Io& io) {
  std::optional<MonitorOptions> options = ParseOptions(args, io);
  if (!options) return kExitCannot;
  std::string lang = args.lang;
  std::optional<std::map<std::string, std::string>> labels = Labels(args, io, lang);
  if (!labels) return kExitCannot;
  std::unique_ptr<Register> reg = OpenRegister(args.register_url, Register::Mode::kRead, io);
  if (!reg) return kExitCannot;
  if (WritesOverInput(args.output, {reg->shown(), args.rules}, io)) return kExitCannot;
  Monitor monitor(*options);
  std::string error;
  bool ok = reg->Scan(
                {},
                [&](const StoredEntry& e) {
                  std::optional<EntryView> v = ParseEntryBody(e.body, error);
                  if (!v) {
                    error = fmt::format("{}: entry {}: {} (run 'triage log verify')", reg->shown(),
                                        e.seq, error);
                    return false;
                  }
                  monitor.Add(*v);
                  return !io.Interrupted();
                },
                error) &&
            error.empty();
  if (!ok) {
    if (io.Interrupted()) return kExitInterrupted;
    io.Say(error);
    return kExitCannot;
  }
  if (io.Interrupted()) return kExitInterrupted;
  MonitorReport report = monitor.Finish();
  const MonitorRender& render = ChooseFormat(kFormats, args.format, args.output).render;
  if (!WriteWhole(args.output, render.render(report, *labels, lang), io)) return kExitCannot;
  if (!args.output.empty()) io.Say(fmt::format("monitor written to '{}'", args.output));
  return kExitOk;
}

}  // namespace

VerbRun DefineMonitor(Options& options) {
  auto args = std::make_shared<MonitorArgs>();
  DeclareRegister(options, args->register_url);
  options.Value("--from", args->from, "Count cases from this date (YYYY-MM-DD)");
  options.Value("--to", args->to, "Count cases up to this date, inclusive");
  options.Value("--by", args->by, "Periods: month, quarter or year (default quarter)")
      .OneOf(AllNames<Period>());
  DeclareFormat(options, args->format, kFormats, "Report format");
  options.Value("-o,--output", args->output, "Write the report to this file (whole or not at all)")
      .File();
  options.Value("--date-fact", args->date_fact,
                "The date fact periods follow (default: the first date fact of the cases, "
                "such as reported_on; the day recorded where a case has none)");
  options.Value("--facts", args->facts,
                "Break down by these facts, comma-separated (default: role, instrument, "
                "municipality)");
  options.Value("--initiator-fact", args->initiator_fact,
                "The personal fact whose pseudonyms count repeat initiators (default: "
                "initiator_name, else the first fact that holds pseudonyms)");
  options
      .Value("--min-cell", args->min_cell,
             "Counts under this are shown as <N, with more cells hidden so that totals do not "
             "give them away (default 5; 1 shows every count)")
      .Range(1, 1000000);
  options.Value("--rules", args->rules, "A rule file whose labels the report uses").RuleFile();
  options.Value("--lang", args->lang, "Language of the labels (default: the rule file's own)");
  options.Examples({
      "triage monitor --register triage-register.db --by quarter",
      "triage monitor --rules rules/lokale-driehoek.yaml --from 2026-01-01 -o monitor.html",
  });
  options.ExitStatus("0 done, 2 the job could not be done.");
  return [args](Io& io) { return RunMonitor(*args, io); };
}

}  // namespace triage::cli
