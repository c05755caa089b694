// A case from a YAML node: shared by the case reader and the rule-test
// reader. Internal.
#pragma once

#include <functional>
#include <string_view>

#include "load/strict_yaml.h"
#include "triage/cases.h"

namespace triage {

/// The case a YAML map holds (plain scalars typed as YAML 1.2 core does).
RawCase CaseFromYamlNode(const yaml::Node& n, int index);

/// The cases of a YAML document (one map, or a list of them), a case at a
/// time, each with the problems on its lines (see ReadCases).
void ReadYamlCases(std::string_view text, const std::function<void(RawCase)>& sink);

}  // namespace triage
