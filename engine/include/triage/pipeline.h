// The pipeline in one call: a rule file's bytes through load, check,
// compile and the analyses that decide whether the file may be used.
//
// This is what the CLI calls; each stage is also usable on its own through
// its header (load.h, check.h, compile.h, analyze.h, evaluate.h, report.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "triage/analyze.h"
#include "triage/check.h"
#include "triage/compile.h"
#include "triage/diagnostic.h"
#include "triage/load.h"
#include "triage/model.h"

namespace triage {

/// A rule file taken through the pipeline.
struct CompiledRules {
  std::string file;                    ///< name as given
  std::string source;                  ///< the file's bytes, for rendering diagnostics
  std::unique_ptr<RuleSet> rules;      ///< null when the YAML was unreadable
  std::optional<DecisionGraph> graph;  ///< set when it compiled
  Diagnostics diags;                   ///< sorted by position

  /// Whether verbs other than `check` may route with it: it compiled and its
  /// only errors are gaps (E040), which route as `unrouted`, and analyses
  /// that could not finish (E044), which say nothing wrong of the file.
  bool Usable() const;
};

/// Runs load → check → compile → analyses (gaps, overlaps, guarantees).
/// Never throws for bad input: every problem is a diagnostic.
CompiledRules CompileRules(std::string file, std::string bytes, const CompileOptions& options = {});

}  // namespace triage
