#include "audit/schema_changes.h"

#include <algorithm>

namespace triage {
namespace {

std::string TypeName(const Fact& f) { return std::string(NameOf(f.type)); }

bool SameMaybe(const std::optional<Value>& a, const std::optional<Value>& b) {
  if (!a || !b) return !a && !b;
  return a->i == b->i && a->d == b->d && a->s == b->s;
}

// The same type, values and bounds: a rename would keep them.
bool SameShape(const Fact& a, const Fact& b) {
  return a.type == b.type && a.values == b.values && SameMaybe(a.min, b.min) &&
         SameMaybe(a.max, b.max);
}

}  // namespace

std::vector<SchemaChange> SchemaChanges(const RuleSet& baseline, const RuleSet& candidate) {
  std::vector<SchemaChange> changes;
  std::vector<const Fact*> removed;
  for (const Fact& f : baseline.facts) {
    if (candidate.FindFact(f.name) < 0) removed.push_back(&f);
  }
  for (const Fact& f : candidate.facts) {
    int old = baseline.FindFact(f.name);
    if (old >= 0) {
      const Fact& was = baseline.facts[static_cast<size_t>(old)];
      if (was.type != f.type) {
        changes.push_back({SchemaChange::Kind::kRetyped, f.name, "", TypeName(was), TypeName(f)});
      }
      continue;
    }
    auto same = std::find_if(removed.begin(), removed.end(),
                             [&](const Fact* r) { return SameShape(*r, f); });
    if (same == removed.end()) {
      changes.push_back({SchemaChange::Kind::kAdded, f.name, "", "", TypeName(f)});
      continue;
    }
    changes.push_back(
        {SchemaChange::Kind::kRenamed, f.name, (*same)->name, TypeName(f), TypeName(f)});
    removed.erase(same);
  }
  for (const Fact* f : removed) {
    changes.push_back({SchemaChange::Kind::kRemoved, f->name, "", TypeName(*f), ""});
  }
  return changes;
}

std::vector<int> SchemaCauses(const std::vector<SchemaChange>& changes, const RuleSet& candidate,
                              const RawCase& raw, const Case& values, const Outcome& from,
                              const Outcome& to) {
  std::vector<int> causes;
  bool invalid = to.kind() == Outcome::Kind::kInvalid;
  bool undetermined = to.kind() == Outcome::Kind::kUndetermined;
  if ((!invalid && !undetermined) || from.kind() == to.kind()) return causes;
  for (size_t k = 0; k < changes.size(); ++k) {
    const SchemaChange& c = changes[k];
    bool cause = false;
    switch (c.kind) {
      case SchemaChange::Kind::kAdded:
      case SchemaChange::Kind::kRenamed: {
        int f = candidate.FindFact(c.fact);
        cause = undetermined && f >= 0 && static_cast<size_t>(f) < values.values.size() &&
                !values.values[static_cast<size_t>(f)];
        break;
      }
      case SchemaChange::Kind::kRetyped:
        cause = invalid && std::any_of(raw.fields.begin(), raw.fields.end(), [&](const auto& kv) {
                  return kv.first == c.fact && kv.second.kind != RawValue::Kind::kNull;
                });
        break;
      case SchemaChange::Kind::kRemoved:
        break;
    }
    if (cause) causes.push_back(static_cast<int>(k));
  }
  return causes;
}

}  // namespace triage
