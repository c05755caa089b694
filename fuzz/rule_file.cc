// Fuzzes the whole pipeline a rule file goes through: strict YAML, the
// loader, the checker, the compiler and the analyses (with small budgets,
// so that one input stays quick), and fmt on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/load.h"
#include "triage/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  triage::CompileOptions options;
  options.node_budget = 20'000;
  options.diagram_budget = 2'000;
  triage::CompiledRules c = triage::CompileRules("fuzz.yaml", bytes, options);
  (void)c.Usable();
  triage::Diagnostics diags;
  if (std::optional<std::string> laid_out = triage::FormatYamlFile(bytes, diags)) {
    // Laid out again, it must not change.
    triage::Diagnostics again;
    std::optional<std::string> twice = triage::FormatYamlFile(*laid_out, again);
    if (!twice || *twice != *laid_out) __builtin_trap();
  }
  return 0;
}
