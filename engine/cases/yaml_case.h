// A case from a YAML node: shared by the case reader and the rule-test
// reader. Internal.
#pragma once

#include "load/strict_yaml.h"
#include "triage/cases.h"

namespace triage {

/// The case a YAML map holds (plain scalars typed as YAML 1.2 core does).
RawCase CaseFromYamlNode(const yaml::Node& n, int index);

}  // namespace triage
