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

int JointCell(const JointFact& joint, const RuleSet& rs, int fact, const Value& v) {
  if (joint.fact->type != FactType::kEnum) return joint.domain.CellOf(v);
  const std::vector<std::string>& own = rs.facts[static_cast<size_t>(fact)].values;
  const std::vector<std::string>& common = joint.fact->values;
  auto it = std::find(common.begin(), common.end(), own[static_cast<size_t>(v.i)]);
  return it == common.end() ? -1 : static_cast<int>(it - common.begin());
}

namespace {

// The fact as both versions allow it: the tighter bounds, and for an enum
// the values both have. Returns false after setting `error` when nothing is
// left; values only one side has go to `notes`.
bool Common(const Fact& fa, const Fact& fb, Fact& joint, std::vector<std::string>& notes,
            std::string& error) {
  joint.min = Tighter(joint.type, fa.min, fb.min, true);
  joint.max = Tighter(joint.type, fa.max, fb.max, false);
  if (joint.min && joint.max && Less(joint.type, *joint.max, *joint.min)) {
    error = fmt::format("fact '{}' has no value within the bounds of both versions", joint.name);
    return false;
  }
  if (joint.type != FactType::kEnum) return true;
  auto has = [](const Fact& f, const std::string& v) {
    return std::find(f.values.begin(), f.values.end(), v) != f.values.end();
  };
  auto only_in = [&](const std::string& v, const char* side) {
    notes.push_back(
        fmt::format("value '{}' of '{}' exists only in the {}: such cases are not compared", v,
                    joint.name, side));
  };
  joint.values.clear();
  for (const std::string& v : fb.values) {
    if (has(fa, v)) {
      joint.values.push_back(v);
    } else {
      only_in(v, "candidate");
    }
  }
  for (const std::string& v : fa.values) {
    if (!has(fb, v)) only_in(v, "baseline");
  }
  if (joint.values.empty()) {
    error = fmt::format("fact '{}' has no value in common in both versions", joint.name);
    return false;
  }
  return true;
}

// Each joint cell in each side's cells (by value name for enums, whose
// indices differ between versions; else through an example value), and
// whether both sides draw the same lines around it.
void MapCells(JointFact& j, const Fact* fa, const FactDomain& da, const Fact* fb,
              const FactDomain& db) {
  const Fact& joint = *j.fact;
  auto side_cell = [&](const Fact* f, const FactDomain& d, int cell) {
    if (!f) return -1;
    if (joint.type == FactType::kEnum) {
      const std::string& v = joint.values[static_cast<size_t>(cell)];
      return static_cast<int>(std::find(f->values.begin(), f->values.end(), v) - f->values.begin());
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
}

// The facts either graph tests, by name: the baseline's order, then the
// candidate's new ones.
std::vector<std::string> TestedFacts(const DecisionGraph& a, const DecisionGraph& b) {
  std::vector<std::string> names;
  for (int f : a.fact_order()) names.push_back(a.rules().facts[static_cast<size_t>(f)].name);
  for (int f : b.fact_order()) {
    const std::string& name = b.rules().facts[static_cast<size_t>(f)].name;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace

JointSpace::JointSpace(const DecisionGraph& a, const DecisionGraph& b,
                       std::vector<std::string>& notes, std::string& error) {
  const RuleSet& ra = a.rules();
  const RuleSet& rb = b.rules();
  of_a_.assign(ra.facts.size(), -1);
  of_b_.assign(rb.facts.size(), -1);
  for (const std::string& name : TestedFacts(a, b)) {
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
    if (fa && fb && !Common(*fa, *fb, *j.fact, notes, error)) return;
    const FactDomain& da = fa ? a.domain(j.a) : b.domain(j.b);
    const FactDomain& db = fb ? b.domain(j.b) : a.domain(j.a);
    j.domain = FactDomain::Join(*j.fact, da, db);
    MapCells(j, fa, da, fb, db);
    int index = static_cast<int>(facts_.size());
    if (j.a >= 0) of_a_[static_cast<size_t>(j.a)] = index;
    if (j.b >= 0) of_b_[static_cast<size_t>(j.b)] = index;
    facts_.push_back(std::move(j));
  }
}

}  // namespace triage
