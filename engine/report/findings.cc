#include "triage/report.h"

#include <fmt/format.h>

#include "triage/json.h"

namespace triage {

std::string FindingsJson(std::string_view file, const Diagnostics& diags, const RuleSet* rs,
                         const DecisionGraph* graph, bool strict) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diags.items()) {
    (d.severity == Severity::kError ? errors : warnings)++;
  }
  bool ok = errors == 0 && !(strict && warnings > 0);
  std::string out = fmt::format("{{\"file\": {}, \"ok\": {}, \"errors\": {}, \"warnings\": {}",
                                JsonString(file), ok ? "true" : "false", errors, warnings);
  if (rs && !rs->id.empty()) {
    out += fmt::format(", \"ruleset\": {{\"id\": {}, \"version\": {}, \"sha256\": {}}}",
                       JsonString(rs->id), JsonString(rs->version), JsonString(rs->sha256));
  }
  if (graph) {
    out += fmt::format(", \"graph\": {{\"nodes\": {}, \"edges\": {}, \"leaves\": {}}}",
                       graph->nodes().size(), graph->edge_count(), graph->leaves().size());
  }
  out += ", \"findings\": [";
  for (size_t i = 0; i < diags.items().size(); ++i) {
    const Diagnostic& d = diags.items()[i];
    out += fmt::format("{}{{\"code\": \"{}\", \"severity\": \"{}\", \"message\": {}", i ? ", " : "",
                       d.code, d.severity == Severity::kError ? "error" : "warning",
                       JsonString(d.message));
    if (d.pos.line > 0) {
      out += fmt::format(", \"line\": {}, \"column\": {}", d.pos.line, d.pos.column);
    } else {
      out += ", \"line\": null, \"column\": null";
    }
    out += ", \"rules\": [";
    for (size_t k = 0; k < d.rules.size(); ++k) {
      out += (k ? ", " : "") + JsonString(d.rules[k]);
    }
    out += "], \"example\": ";
    out += d.example.empty() ? "null" : d.example;
    out += "}";
  }
  return out + "]}";
}

}  // namespace triage
