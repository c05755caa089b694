// `triage graph RULES`: the compiled decision graph as DOT, SVG (through
// Graphviz's `dot`) or JSON.
#include "cli/verb.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/formats.h"
#include "cli/rules.h"
#include "triage/report.h"

extern char** environ;

namespace triage::cli {
namespace {

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
  // Ctrl-C's handler has no SA_RESTART: wait again when it interrupts.
  bool waited = false;
  while (spawned == 0 && !waited) {
    waited = waitpid(pid, &status, 0) == pid;
    if (!waited && errno != EINTR) break;
  }
  std::optional<std::string> svg;
  if (spawned != 0) {
    error =
        "SVG output needs Graphviz's 'dot' program, which was not found; "
        "install the Debian package 'graphviz', or use --format dot";
  } else if (!waited || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
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

using GraphRender = std::optional<std::string> (*)(const DecisionGraph& graph,
                                                   std::string_view lang, std::string& error);

const FormatTable<GraphRender> kFormats = {
    {"dot",
     {},
     [](const DecisionGraph& g, std::string_view lang, std::string&) -> std::optional<std::string> {
       return GraphDot(g, lang);
     }},
    {"svg",
     {},
     [](const DecisionGraph& g, std::string_view lang, std::string& error) {
       return DotToSvg(GraphDot(g, lang), error);
     }},
    {"json",
     {},
     [](const DecisionGraph& g, std::string_view, std::string&) -> std::optional<std::string> {
       return GraphJson(g);
     }},
};

int RunGraph(const GraphArgs& args, Io& io) {
  std::optional<CompiledRules> c = LoadUsableRules(args.rules, io);
  if (!c) return kExitCannot;
  std::optional<std::string> lang = ChooseLanguage(*c->rules, args.lang, io);
  if (!lang) return kExitCannot;
  std::string error;
  std::optional<std::string> text =
      ChooseFormat(kFormats, args.format, args.output).render(*c->graph, *lang, error);
  if (!text) {
    io.Say(error);
    return kExitCannot;
  }
  if (WritesOverInput(args.output, {args.rules}, io)) return kExitCannot;
  return WriteWhole(args.output, *text, io) ? kExitOk : kExitCannot;
}

}  // namespace

VerbRun DefineGraph(Options& options) {
  auto args = std::make_shared<GraphArgs>();
  options.Positional("RULES", args->rules, "Rule file").Required().RuleFile();
  options.Value("--format", args->format, "Output format")
      .OneOf(FormatNames(kFormats))
      .ShowDefault("dot");
  options.Value("--lang", args->lang, "Language of labels (default: the rule file's own)");
  options.Value("-o,--output", args->output, "Write to this file (whole or not at all)").File();
  options.Examples({
      "triage graph rules/lokale-driehoek.yaml --format svg -o graph.svg",
      "triage graph rules/lokale-driehoek.yaml --format json",
  });
  options.ExitStatus(
      "0 done, 2 the job could not be done (a rule file with errors, no Graphviz for SVG, an "
      "unwritable output).");
  return [args](Io& io) { return RunGraph(*args, io); };
}

}  // namespace triage::cli
