#include "triage/audit.h"

namespace triage {

Outcome::Outcome(Kind kind) : kind_(kind), text_(NameOf(kind)) {
  TRIAGE_ASSERT(kind != Kind::kRoutes, "an outcome with routes is made by Outcome::Routes");
}

Outcome Outcome::Routes(const RuleSet& rs, const std::vector<int>& routes) {
  if (routes.empty()) return Outcome(Kind::kUnrouted);
  std::string text;
  for (int r : routes) {
    if (!text.empty()) text += '+';
    text += rs.routes[static_cast<size_t>(r)].name;
  }
  return Outcome(Kind::kRoutes, std::move(text));
}

Outcome Outcome::Recorded(std::string_view text) {
  for (Kind kind : {Kind::kUndetermined, Kind::kUnrouted, Kind::kInvalid}) {
    if (text == NameOf(kind)) return Outcome(kind);
  }
  return Outcome(Kind::kRoutes, std::string(text));
}

bool NeedsAttention(const RuleSet& candidate, const Outcome& from, const Outcome& to) {
  if (from == to) return false;
  if (to.kind() == Outcome::Kind::kUndetermined || to.kind() == Outcome::Kind::kUnrouted) {
    return true;
  }
  if (!from.has_routes() || !to.has_routes()) return false;
  auto first = [&](const Outcome& o) {
    return candidate.FindRoute(o.text().substr(0, o.text().find('+')));
  };
  int a = first(from), b = first(to);
  return a >= 0 && b >= 0 && b > a;
}

}  // namespace triage
