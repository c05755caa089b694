// `triage schema`: the JSON Schema (draft 2020-12) of the rule-file format,
// for editors: with it, VS Code's YAML extension completes keys, explains
// them and underlines mistakes as a rule file is written.
#include "cli/verb.h"

#include "cli/rule_schema.h"

namespace triage::cli {
namespace {

struct SchemaArgs {
  std::string output;
};

int RunSchema(const SchemaArgs& args, Io& io) {
  return WriteWhole(args.output, std::string(RuleFileSchema()), io) ? kExitOk : kExitCannot;
}

}  // namespace

VerbRun DefineSchema(Options& options) {
  auto args = std::make_shared<SchemaArgs>();
  options.Value("-o,--output", args->output, "Write the schema to this file (whole or not at all)")
      .File();
  options.Notes(
      "In VS Code with the YAML extension (Red Hat), a first line\n"
      "  # yaml-language-server: $schema=../schema/triage-rules.schema.json\n"
      "in a rule file points it to the schema (the path is relative to the rule file; the "
      "Debian package installs it in /usr/share/triage/schema/). triage check checks what a "
      "schema cannot: expressions, types, gaps, overlaps and guarantees.");
  options.Examples({"triage schema -o triage-rules.schema.json"});
  options.ExitStatus("0 done, 2 the output could not be written.");
  return [args](Io& io) { return RunSchema(*args, io); };
}

}  // namespace triage::cli
