#include "audit/joint.h"

#include <algorithm>

#include <fmt/format.h>

namespace triage {
namespace {

bool Less(FactType t, const Value& x, const Value& y) {
  return t == FactType::kNumber ? x.d < y.d : x.i < y.i;
}

// The tighter of two optional bounds.
std::optional<Value> Tighter(FactType t, const std::optional<Value>& x,
                             const std::optional<Value>& y, bool lower) {
  if (!x) return y;
  if (!y) return x;
  bool x_tighter = lower ? Less(t, *y, *x) : Less(t, *x, *y);
  return x_tighter ? x : y;
}

}  // namespace

std::string RoutesOutcome(const RuleSet& rs, const std::vector<int>& routes) {
  if (routes.empty()) return "unrouted";
  std::string out;
  for (int r : routes) {
    if (!out.empty()) out += '+';
    out += rs.routes[static_cast<size_t>(r)].name;
  }
  return out;
}

int JointCell(const JointFact& joint, const RuleSet& rs, int fact, const Value& v) {
  if (joint.fact->type != FactType::kEnum) return joint.domain.CellOf(v);
  const std::vector<std::string>& own = rs.facts[static_cast<size_t>(fact)].values;
  const std::vector<std::string>& common = joint.fact->values;
  auto it = std::find(common.begin(), common.end(), own[static_cast<size_t>(v.i)]);
  return it == common.end() ? -1 : static_cast<int>(it - common.begin());
}

JointSpace::JointSpace(const DecisionGraph& a, const DecisionGraph& b,
                       std::vector<std::string>& notes, std::string& error) {
  const RuleSet& ra = a.rules();
  const RuleSet& rb = b.rules();
  of_a_.assign(ra.facts.size(), -1);
  of_b_.assign(rb.facts.size(), -1);
  std::vector<std::string> names;
  for (int f : a.fact_order()) names.push_back(ra.facts[static_cast<size_t>(f)].name);
  for (int f : b.fact_order()) {
    const std::string& name = rb.facts[static_cast<size_t>(f)].name;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    JointFact j;
    j.name = name;
    j.a = ra.FindFact(name);
    j.b = rb.FindFact(name);
    const Fact* fa = j.a >= 0 ? &ra.facts[static_cast<size_t>(j.a)] : nullptr;
    const Fact* fb = j.b >= 0 ? &rb.facts[static_cast<size_t>(j.b)] : nullptr;
    if (fa && fb && fa->type != fb->type) {
      error = fmt::format("fact '{}' is {} in the baseline and {} in the candidate", name,
                          NameOf(fa->type), NameOf(fb->type));
      return;
    }
    if (!fa || !fb) {
      notes.push_back(
          fmt::format("fact '{}' exists only in the {}", name, fa ? "baseline" : "candidate"));
    }
    j.fact = std::make_unique<Fact>(fa ? *fa : *fb);
    Fact& joint = *j.fact;
    if (fa && fb) {
      joint.min = Tighter(joint.type, fa->min, fb->min, true);
      joint.max = Tighter(joint.type, fa->max, fb->max, false);
      if (joint.min && joint.max && Less(joint.type, *joint.max, *joint.min)) {
        error = fmt::format("fact '{}' has no value within the bounds of both versions", name);
        return;
      }
      if (joint.type == FactType::kEnum) {
        joint.values.clear();
        for (const std::string& v : fb->values) {
          if (std::find(fa->values.begin(), fa->values.end(), v) != fa->values.end()) {
            joint.values.push_back(v);
          } else {
            notes.push_back(
                fmt::format("value '{}' of '{}' exists only in the candidate: such cases are "
                            "not compared",
                            v, name));
          }
        }
        for (const std::string& v : fa->values) {
          if (std::find(fb->values.begin(), fb->values.end(), v) == fb->values.end()) {
            notes.push_back(
                fmt::format("value '{}' of '{}' exists only in the baseline: such cases are "
                            "not compared",
                            v, name));
          }
        }
        if (joint.values.empty()) {
          error = fmt::format("fact '{}' has no value in common in both versions", name);
          return;
        }
      }
    }
    const FactDomain& da = fa ? a.domain(j.a) : b.domain(j.b);
    const FactDomain& db = fb ? b.domain(j.b) : a.domain(j.a);
    j.domain = FactDomain::Join(joint, da, db);
    // Each joint cell in each side's cells: by value name for enums (their
    // indices differ between versions), else through an example value.
    auto side_cell = [&](const Fact* f, const FactDomain& d, int cell) {
      if (!f) return -1;
      if (joint.type == FactType::kEnum) {
        const std::string& v = joint.values[static_cast<size_t>(cell)];
        return static_cast<int>(std::find(f->values.begin(), f->values.end(), v) -
                                f->values.begin());
      }
      return d.CellOf(j.domain.Example(cell));
    };
    int n = j.domain.cell_count();
    for (int c = 0; c < n; ++c) {
      j.cell_a.push_back(side_cell(fa, da, c));
      j.cell_b.push_back(side_cell(fb, db, c));
    }
    for (int c = 0; c < n; ++c) {
      bool same = true;
      for (int k = 0; k < n && same; ++k) {
        bool in_a = j.cell_a[static_cast<size_t>(k)] == j.cell_a[static_cast<size_t>(c)];
        bool in_b = j.cell_b[static_cast<size_t>(k)] == j.cell_b[static_cast<size_t>(c)];
        same = in_a == in_b;
      }
      j.same.push_back(same);
    }
    int index = static_cast<int>(facts_.size());
    if (j.a >= 0) of_a_[static_cast<size_t>(j.a)] = index;
    if (j.b >= 0) of_b_[static_cast<size_t>(j.b)] = index;
    facts_.push_back(std::move(j));
  }
}

}  // namespace triage
