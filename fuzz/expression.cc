// Fuzzes the expression parser on its own: any text as a `when` (and, with
// the first byte odd, as a guarantee's `that`, where `implies` is allowed).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "load/expr_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  bool implies = (data[0] & 1) != 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<triage::SourcePos> positions;
  for (std::size_t i = 0; i <= text.size(); ++i) positions.push_back({1, static_cast<int>(i) + 1});
  triage::Diagnostics diags;
  triage::ParseExpr(text, positions, implies, diags);
  return 0;
}
