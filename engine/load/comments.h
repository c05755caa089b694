// The comments of a YAML text, found by line (the YAML parser drops them):
// what `triage fmt` keeps when it lays a rule file out again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace triage::yaml {

struct Comment {
  int line = 0;           ///< 1-based
  bool own_line = false;  ///< the line holds only the comment
  std::string text;       ///< from '#' to the end of the line, trailing spaces cut
};

/// Every comment of `text`, in order: a '#' at the start of a line or after
/// a space, outside quoted scalars and block scalars (| and >).
std::vector<Comment> FindComments(std::string_view text);

}  // namespace triage::yaml
