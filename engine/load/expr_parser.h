// The expression parser: the text of a `when:`, a condition or a guarantee's
// `that:` into an Expr tree (model.h), with the source position of every
// word. Syntax only: names and literals are resolved by the checker.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "triage/diagnostic.h"
#include "triage/model.h"

namespace triage {

/// Parses `text`. `positions[i]` is the source position of byte i (see
/// yaml::ScalarPositions); `allow_implies` is true for guarantees only.
/// Returns nullptr after reporting a syntax error.
std::unique_ptr<Expr> ParseExpr(std::string_view text, const std::vector<SourcePos>& positions,
                                bool allow_implies, Diagnostics& diags);

}  // namespace triage
