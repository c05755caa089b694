#include "triage/pipeline.h"

namespace triage {

bool CompiledRules::Usable() const {
  if (!graph) return false;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kError && d.code != "E040" && d.code != "E044") return false;
  }
  return true;
}

CompiledRules CompileRules(std::string file, std::string bytes, const CompileOptions& options) {
  CompiledRules out;
  out.file = std::move(file);
  out.source = std::move(bytes);
  std::optional<RuleSet> rs = LoadRuleSet(out.file, out.source, out.diags);
  if (rs) {
    out.rules = std::make_unique<RuleSet>(std::move(*rs));
    CheckRuleSet(*out.rules, out.diags);
  }
  if (out.rules && !out.diags.HasErrors()) {
    out.graph = CompileRuleSet(*out.rules, options, out.diags);
    if (out.graph) {
      AnalyzeRuleSet(*out.graph, options.node_budget, out.diags);
    }
  }
  out.diags.SortByPosition();
  return out;
}

}  // namespace triage
