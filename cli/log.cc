// `triage log verify|show CASE_ID|export`: the decision register read back.
// verify recomputes the hash chain and names what was changed, removed or
// inserted; show gives one case's history; export writes the entries as
// JSON Lines or CSV.
#include "cli/verb.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cli/formats.h"
#include "cli/register.h"
#include "triage/csv.h"
#include "triage/json.h"

namespace triage::cli {
namespace {

struct LogArgs {
  std::string action;
  std::string case_id;
  std::string register_url;
  std::string format;
  std::string output;
  std::string from, to, version;
};

// An entry as one line of JSON: its place in the chain, then its body (a
// body that is not a JSON object, in a damaged register, as a string).
std::string EntryJson(const StoredEntry& e) {
  std::string head = fmt::format("{{\"seq\": {}, \"hash\": {}, \"prev_hash\": {}", e.seq,
                                 JsonString(e.hash), JsonString(e.prev_hash));
  if (e.body.size() < 2 || e.body.front() != '{' || e.body.back() != '}') {
    return fmt::format("{}, \"damaged_body\": {}}}\n", head, JsonString(e.body));
  }
  return fmt::format("{}, {}\n", head, std::string_view(e.body).substr(1));
}

int Verify(Register& reg, Io& io) {
  VerifyReport report;
  std::string error;
  if (!reg.Verify(report, error)) {
    io.Say(error);
    return kExitCannot;
  }
  for (const VerifyProblem& p : report.problems) {
    io.out << fmt::format("{}: {}\n", reg.shown(), p.message);
  }
  if (!report.ok()) {
    io.Say(fmt::format("{}: {} problem{} in {} entries: the register was tampered with or damaged",
                       reg.shown(), report.problems.size(), report.problems.size() == 1 ? "" : "s",
                       report.entries));
    return kExitFound;
  }
  io.out << fmt::format("{}: {} entr{} in {} batch{}, chain intact; last hash {}\n", reg.shown(),
                        report.entries, report.entries == 1 ? "y" : "ies", report.batches,
                        report.batches == 1 ? "" : "es", report.head_hash);
  return kExitOk;
}

// "#12  2026-03-04T10:00:00Z  J. de Vries  lokale-driehoek 2026.1: decided om (rule r)"
std::string EntryLine(const StoredEntry& e) {
  std::string error;
  std::optional<EntryView> v = ParseEntryBody(e.body, error);
  if (!v) return fmt::format("#{}  (unreadable: {})\n", e.seq, error);
  std::string routes;
  for (const std::string& r : v->routes) routes += (routes.empty() ? "" : "+") + r;
  std::string outcome = v->status;
  if (!routes.empty()) outcome += (v->status == "undetermined" ? ", possible: " : " ") + routes;
  if (v->rule) outcome += fmt::format(" (rule {})", *v->rule);
  if (!v->rule && v->status == "decided") outcome += " (no rule applied: the default route)";
  std::string line = fmt::format("#{}  {}  {}  {} {}: {}\n", e.seq, Printable(v->recorded_at),
                                 Printable(v->officer), Printable(v->ruleset_id),
                                 Printable(v->ruleset_version), Printable(outcome));
  if (v->reason) line += fmt::format("    {}\n", Printable(*v->reason));
  if (EntryHash(e.seq, e.prev_hash, e.body) != e.hash) {
    line += "    (this entry does not match its hash: it was changed; run 'triage log verify')\n";
  }
  return line;
}

int Show(Register& reg, const LogArgs& args, Io& io) {
  if (args.case_id.empty()) {
    io.Say("log show needs the case: triage log show CASE_ID");
    return kExitCannot;
  }
  bool json = args.format == "json" || args.format == "jsonl";
  if (!args.format.empty() && !json && args.format != "text") {
    io.Say(fmt::format("log show writes text or json, not '{}'", args.format));
    return kExitCannot;
  }
  EntryFilter filter;
  filter.case_id = args.case_id;
  std::string text, error;
  std::size_t count = 0;
  bool ok = reg.Scan(
      filter,
      [&](const StoredEntry& e) {
        ++count;
        text += json ? EntryJson(e) : EntryLine(e);
        return true;
      },
      error);
  if (!ok) {
    io.Say(error);
    return kExitCannot;
  }
  if (count == 0) {
    io.Say(fmt::format("{}: no decision on case '{}' is recorded", reg.shown(),
                       Printable(args.case_id)));
    return kExitFound;
  }
  if (!json) {
    text = fmt::format("case {}: {} decision{} recorded\n", Printable(args.case_id), count,
                       count == 1 ? "" : "s") +
           text;
  }
  return WriteWhole(args.output, text, io) ? kExitOk : kExitCannot;
}

// CSV: fixed columns, then one column per fact that any exported entry
// holds, in the order first seen.
class CsvExport {
 public:
  void See(const EntryView& v) {
    for (const EntryView::FactValue& f : v.facts) {
      if (column_.emplace(f.name, facts_.size()).second) facts_.push_back(f.name);
    }
  }

  std::string Header() const {
    std::string out =
        "seq,recorded_at,officer,ruleset_id,ruleset_version,ruleset_sha256,case_id,"
        "status,routes,rule,reason,withheld,pseudonym_key";
    for (const std::string& f : facts_) out += "," + CsvCell(f);
    return out + ",prev_hash,hash\n";
  }

  std::string Row(const StoredEntry& e, const EntryView& v) const {
    auto join = [](const std::vector<std::string>& items) {
      std::string out;
      for (const std::string& i : items) out += (out.empty() ? "" : ";") + i;
      return out;
    };
    std::vector<std::string> cells = {std::to_string(e.seq),
                                      v.recorded_at,
                                      v.officer,
                                      v.ruleset_id,
                                      v.ruleset_version,
                                      v.ruleset_sha256,
                                      v.case_id.value_or(""),
                                      v.status,
                                      join(v.routes),
                                      v.rule.value_or(""),
                                      v.reason.value_or(""),
                                      join(v.withheld),
                                      v.pseudonym_key.value_or("")};
    std::vector<std::string> facts(facts_.size());
    for (const EntryView::FactValue& f : v.facts) {
      auto it = column_.find(f.name);
      if (it != column_.end()) facts[it->second] = f.text;
    }
    cells.insert(cells.end(), facts.begin(), facts.end());
    cells.push_back(e.prev_hash);
    cells.push_back(e.hash);
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
    return out + "\n";
  }

 private:
  std::vector<std::string> facts_;
  std::map<std::string, std::size_t> column_;
};

enum class ExportFormat { kJsonLines, kCsv };

const FormatTable<ExportFormat> kExportFormats = {
    {"jsonl", {".jsonl", ".ndjson", ".json"}, ExportFormat::kJsonLines},
    {"csv", {".csv"}, ExportFormat::kCsv},
};

int Export(Register& reg, const LogArgs& args, Io& io) {
  std::vector<std::string> names = FormatNames(kExportFormats);
  if (!args.format.empty() && std::find(names.begin(), names.end(), args.format) == names.end()) {
    io.Say(fmt::format("log export writes {}, not '{}'", JoinChoices(names), args.format));
    return kExitCannot;
  }
  EntryFilter filter{args.from, args.to, args.version, std::nullopt};
  if (!args.case_id.empty()) filter.case_id = args.case_id;
  ExportFormat format = ChooseFormat(kExportFormats, args.format, args.output).render;
  OutputSink out(io);
  std::string error;
  CsvExport csv;
  auto view = [&](const StoredEntry& e) {
    std::optional<EntryView> v = ParseEntryBody(e.body, error);
    if (!v)
      error = fmt::format("{}: entry {}: {} (run 'triage log verify')", reg.shown(), e.seq, error);
    return v;
  };
  // Both passes see the same entries, whatever is recorded meanwhile.
  if (!reg.BeginSnapshot(error)) {
    io.Say(error);
    return kExitCannot;
  }
  if (format == ExportFormat::kCsv) {
    // A first pass finds the columns.
    bool ok = reg.Scan(
        filter,
        [&](const StoredEntry& e) {
          std::optional<EntryView> v = view(e);
          if (v) csv.See(*v);
          return v.has_value();
        },
        error);
    if (!ok || !error.empty()) {
      io.Say(error);
      return kExitCannot;
    }
  }
  if (!out.Open(args.output, error)) {
    io.Say(error);
    return kExitCannot;
  }
  if (format == ExportFormat::kCsv) out.Write(csv.Header());
  std::size_t count = 0;
  bool ok = reg.Scan(
      filter,
      [&](const StoredEntry& e) {
        ++count;
        if (format == ExportFormat::kJsonLines) {
          out.Write(EntryJson(e));
          return !io.Interrupted();
        }
        std::optional<EntryView> v = view(e);
        if (v) out.Write(csv.Row(e, *v));
        return v.has_value() && !io.Interrupted();
      },
      error);
  if (io.Interrupted()) return kExitInterrupted;
  if (!ok || !error.empty() || !out.Commit(error)) {
    io.Say(error);
    return kExitCannot;
  }
  io.Say(fmt::format("exported {} entr{} from {}", count, count == 1 ? "y" : "ies", reg.shown()));
  return kExitOk;
}

bool ValidTime(const std::string& text) {
  // A prefix of an ISO time: 2026, 2026-03, 2026-03-01, 2026-03-01T10:00...
  static const std::string kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() > kShape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return false;
  }
  return true;
}

int RunLog(const LogArgs& args, Io& io) {
  for (const std::string* t : {&args.from, &args.to}) {
    if (!ValidTime(*t)) {
      io.Say(
          fmt::format("'{}' is not a time: give YYYY, YYYY-MM, YYYY-MM-DD or "
                      "YYYY-MM-DDTHH:MM:SSZ (UTC)",
                      *t));
      return kExitCannot;
    }
  }
  if (args.action != "show" && args.action != "export" && !args.case_id.empty()) {
    io.Say(fmt::format("log {} takes no case id ('{}')", args.action, args.case_id));
    return kExitCannot;
  }
  std::unique_ptr<Register> reg = OpenRegister(args.register_url, Register::Mode::kRead, io);
  if (!reg) return kExitCannot;
  if (WritesOverInput(args.output, {reg->shown()}, io)) return kExitCannot;
  if (args.action == "verify") return Verify(*reg, io);
  if (args.action == "show") return Show(*reg, args, io);
  return Export(*reg, args, io);
}

}  // namespace

VerbRun DefineLog(Options& options) {
  auto args = std::make_shared<LogArgs>();
  options.Positional("ACTION", args->action, "verify, show or export")
      .Required()
      .OneOf({"verify", "show", "export"});
  options.Positional("CASE_ID", args->case_id,
                     "show: the case whose history to show; export: only this case");
  DeclareRegister(options, args->register_url);
  options.Value("--format", args->format,
                "show: text or json; export: jsonl or csv (default: from the --output file's "
                "extension, else jsonl)");
  options.Value("-o,--output", args->output, "Write to this file (whole or not at all)").File();
  options.Value("--from", args->from, "export: entries recorded from this UTC time (YYYY-MM-DD)");
  options.Value("--to", args->to, "export: entries recorded up to this UTC time, inclusive");
  options.Value("--version", args->version, "export: entries decided under this rule-set version");
  options.Examples({
      "triage log verify --register triage-register.db",
      "triage log show 2026-0142",
      "triage log export --from 2026-01 --to 2026-03 -o q1.csv",
  });
  options.ExitStatus(
      "0 done (verify: the chain is intact), 1 verify found a changed, removed or inserted "
      "entry, or show found no decision on the case, 2 the job could not be done.");
  return [args](Io& io) { return RunLog(*args, io); };
}

}  // namespace triage::cli
