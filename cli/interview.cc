// `triage interview RULES`: a decision one question at a time, for a triage
// officer on the phone. Asks only what can still change the route, the most
// deciding question first, in the rule file's language; ends with the
// decision record, and with --record hands it to the register.
#include "cli/verb.h"

#include <istream>
#include <ostream>

#include <fmt/format.h>

#include "cli/interview_talk.h"
#include "cli/register.h"
#include "cli/rules.h"
#include "triage/cases.h"
#include "triage/interview.h"
#include "triage/limits.h"
#include "triage/report.h"

namespace triage::cli {
namespace {

struct InterviewArgs {
  std::string rules;
  std::string case_file;  ///< what is known already; "" = nothing
  std::string case_id;    ///< "" = the case file's, if any
  bool json = false;      ///< the final record as JSON on standard output
  std::string lang;
  bool record = false;
  std::string register_url;
  std::string officer;
};

// The case --case names: exactly one, valid. nullopt when it cannot be used,
// having said why.
std::optional<Case> StartingCase(const InterviewArgs& args, const RuleSet& rs,
                                 std::string_view lang, Io& io) {
  if (args.case_file.empty()) {
    return Case{std::nullopt, std::vector<std::optional<Value>>(rs.facts.size())};
  }
  if (args.case_file == "-") {
    io.Say("--case takes a file: standard input is where the answers come from");
    return std::nullopt;
  }
  std::string error;
  std::optional<std::string> text = ReadInput(args.case_file, io, error, kMaxCaseDocumentBytes);
  if (!text) {
    io.Say(error);
    return std::nullopt;
  }
  std::vector<RawCase> raws;
  ReadCases(*text, FormatFromPath(args.case_file), [&](RawCase raw) { raws.push_back(raw); });
  if (raws.size() != 1) {
    io.Say(fmt::format("{}: holds {} cases; --case takes a file of one case", args.case_file,
                       raws.size()));
    return std::nullopt;
  }
  if (!raws[0].error.empty()) {
    io.Say(
        fmt::format("{}: {}", args.case_file,
                    lang == "nl" && !raws[0].error_nl.empty() ? raws[0].error_nl : raws[0].error));
    return std::nullopt;
  }
  std::vector<CaseProblem> problems;
  Case c = ValidateCase(rs, raws[0], {}, problems);
  for (const CaseProblem& p : problems) {
    io.Say(fmt::format("{}: {}", args.case_file, CaseProblemText(p, lang)));
  }
  if (!problems.empty()) return std::nullopt;
  return c;
}

// The questions and answers, until the interview is over or the answers
// end. False when they ended (or the run was interrupted) first.
bool Converse(const RuleSet& rs, Interview& interview, const Talk& talk, std::ostream& say,
              Io& io) {
  if (interview.Next() >= 0) say << talk.hint << "\n";  // (not when nothing is left to ask)
  bool asked_before = false;
  while (interview.Next() >= 0) {
    int fact = interview.Next();
    say << (asked_before ? "\n" : "") << QuestionText(rs, fact, interview.asked() + 1, talk);
    asked_before = true;
    for (;;) {
      say << "> " << std::flush;
      std::string line;
      if (!std::getline(io.in, line) || io.Interrupted()) {
        say << "\n";
        return false;
      }
      // Typed on a terminal, the answer is on the screen already; from a
      // pipe it is shown, so that the conversation reads as it went.
      if (!io.in_is_terminal) say << Printable(line) << "\n";
      std::string problem;
      std::optional<Reply> reply = ReadAnswer(rs, fact, line, talk, problem);
      if (!reply) {
        say << "  " << problem << "\n";
        continue;
      }
      switch (reply->kind) {
        case Reply::Kind::kValue:
          interview.Answer(fact, reply->value);
          break;
        case Reply::Kind::kDontKnow:
          interview.Answer(fact, std::nullopt);
          if (interview.decision().status == Decision::Status::kUndetermined) {
            say << "  " << talk.still_open << ": "
                << RoutesText(rs, interview.decision().routes, talk.lang) << "\n";
          }
          break;
        case Reply::Kind::kBack:
          if (!interview.Back()) {
            say << "  " << talk.nothing_back << "\n";
            continue;
          }
          break;
      }
      break;
    }
  }
  return true;
}

bool RecordDecision(const InterviewArgs& args, const RuleSet& rs, const Record& r, Io& io) {
  std::optional<Recorder> recorder = MakeRecorder(rs, args.officer, io);
  if (!recorder) return false;
  std::unique_ptr<Register> reg = OpenRegister(args.register_url, Register::Mode::kWrite, io);
  if (!reg) return false;
  std::string error;
  std::int64_t entries = 0;
  std::unique_ptr<RegisterBatch> batch = reg->Begin(error);
  if (batch && batch->Add(MakeEntry(rs, r, recorder->Context()), error) &&
      batch->Commit(entries, error)) {
    io.Say(fmt::format("recorded the decision in {}", reg->shown()));
    return true;
  }
  io.Say(fmt::format("{}; the decision was not recorded", error));
  return false;
}

int RunInterview(const InterviewArgs& args, Io& io) {
  if (RegisterOptionsWithoutRecord(args.record, args.register_url, args.officer, io)) {
    return kExitCannot;
  }
  std::optional<CompiledRules> c = LoadUsableRules(args.rules, io);
  if (!c) return kExitCannot;
  const RuleSet& rs = *c->rules;
  std::optional<std::string> lang = ChooseLanguage(rs, args.lang, io);
  if (!lang) return kExitCannot;
  std::optional<Case> start = StartingCase(args, rs, *lang, io);
  if (!start) return kExitCannot;
  if (!args.case_id.empty()) start->id = args.case_id;
  if (args.record && !start->id) {
    // A decision without a case id could not be found in the register again.
    io.Say("--record needs the case's id: give --case-id ID, or a --case file with a case_id");
    return kExitCannot;
  }
  const Talk& talk = TalkIn(*lang);
  // With --json standard output holds the record only; the conversation
  // goes to standard error.
  std::ostream& say = args.json ? io.err : io.out;
  Interview interview(*c->graph, *start);
  if (!Converse(rs, interview, talk, say, io)) {
    if (io.Interrupted()) {
      io.Say("interrupted");
      return kExitInterrupted;
    }
    io.Say(talk.ran_out);
    return kExitCannot;
  }
  Record r;
  r.case_id = interview.known().id;
  r.index = 1;
  r.values = interview.known();
  r.decision = interview.decision();
  say << "\n";
  if (r.decision.status == Decision::Status::kUndetermined) say << talk.stuck << "\n";
  say << RecordText(rs, r, *lang);
  int asked = interview.asked();
  say << fmt::format(fmt::runtime(talk.asked_of), asked, rs.facts.size()) << "\n";
  if (args.json) io.out << RecordJson(rs, r, *lang) << "\n";
  if (args.record && !RecordDecision(args, rs, r, io)) return kExitCannot;
  return r.decision.status == Decision::Status::kUnrouted ? kExitFound : kExitOk;
}

}  // namespace

VerbRun DefineInterview(Options& options) {
  auto args = std::make_shared<InterviewArgs>();
  options.Positional("RULES", args->rules, "Rule file").Required().RuleFile();
  options
      .Value("--case", args->case_file,
             "A case file (one case) with what is known already; its facts are not asked")
      .File();
  options.Value("--case-id", args->case_id,
                "The case's id in the decision record (default: the --case file's case_id)");
  options.Flag("--json", args->json,
               "Print the final decision record as JSON on standard output (the questions go to "
               "standard error)");
  options.Value("--lang", args->lang, "Language of the questions (default: the rule file's own)");
  options.Flag("--record", args->record, "Append the decision to the decision register");
  DeclareRegister(options, args->register_url);
  options.Value("--officer", args->officer, "Who records, with --record (default: the login name)");
  options.Notes(
      "Answers: a choice's number, a value (for yes/no also ja/nee), a number or a date "
      "(19-4-2025 or 2025-04-19); ? or 'weet ik niet' when it is not known, < or 'terug' to go "
      "back to the previous question. It reads one answer a line, from a terminal or a pipe.");
  options.Examples({
      "triage interview rules/lokale-driehoek.yaml",
      "triage interview rules/lokale-driehoek.yaml --case bekend.yaml --record",
      "triage interview rules/lokale-driehoek.yaml --case-id 2026-0412 --record",
      "printf '1\\n2\\n' | triage interview rules/lokale-driehoek.yaml --json",
  });
  options.ExitStatus(
      "0 decided or undetermined, 1 unrouted, 2 the answers ended first or the job could not "
      "be done, 130 interrupted.");
  return [args](Io& io) { return RunInterview(*args, io); };
}

}  // namespace triage::cli
