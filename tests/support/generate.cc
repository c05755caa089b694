#include "support/generate.h"

#include <fmt/format.h>

namespace triage::testing {
namespace {

const std::vector<std::string> kEnumValues = {"alfa", "bravo", "charlie", "delta"};
const std::vector<std::string> kStrings = {"Utrecht", "Zwolle", "Ede"};
const std::vector<std::string> kDates = {"2024-01-31", "2024-02-29", "2025-06-30", "2026-01-01"};

int Pick(std::mt19937_64& rng, int n) {
  return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng));
}
bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

class Generator {
 public:
  Generator(std::mt19937_64& rng, const GenerateOptions& o) : rng_(rng), o_(o) {}

  std::string Comparison() {
    int kinds = 0;
    std::vector<char> pool;
    auto add = [&](int n, char c) {
      for (int i = 0; i < n; ++i) pool.push_back(c);
    };
    add(o_.bool_facts, 'b');
    add(o_.enum_facts, 'e');
    add(o_.int_facts, 'i');
    add(o_.number_facts, 'n');
    add(o_.string_facts, 's');
    add(o_.date_facts, 'd');
    (void)kinds;
    char kind = pool[static_cast<size_t>(Pick(rng_, static_cast<int>(pool.size())))];
    int count = kind == 'b'   ? o_.bool_facts
                : kind == 'e' ? o_.enum_facts
                : kind == 'i' ? o_.int_facts
                : kind == 'n' ? o_.number_facts
                : kind == 's' ? o_.string_facts
                              : o_.date_facts;
    std::string fact = fmt::format("{}{}", kind, Pick(rng_, count));
    static const std::vector<std::string> kOps = {"==", "!=", "<", "<=", ">", ">="};
    switch (kind) {
      case 'b':
        if (Chance(rng_, 0.6)) return fact;
        return fmt::format("{} {} {}", fact,
                           Chance(rng_, 0.5) ? "==" : "!=", Chance(rng_, 0.5) ? "true" : "false");
      case 'e': {
        if (Chance(rng_, 0.4)) {
          return fmt::format("{} {} {}", fact,
                             Chance(rng_, 0.5) ? "==" : "!=", kEnumValues[Pick(rng_, 4)]);
        }
        std::string list = kEnumValues[Pick(rng_, 4)];
        for (int k = Pick(rng_, 3); k > 0; --k) {
          list += ", '" + kEnumValues[Pick(rng_, 4)] + "'";
        }
        return fmt::format("{} {}in [{}]", fact, Chance(rng_, 0.3) ? "not " : "", list);
      }
      case 'i': {
        int v = Pick(rng_, 21) - 5;
        int r = Pick(rng_, 10);
        if (r == 0) return fmt::format("{} between {} and {}", fact, v, v + Pick(rng_, 6));
        if (r == 1) return fmt::format("{} in [{}, {}]", fact, v, v + 2);
        if (r == 2) return fmt::format("{} < {}", v, fact);
        return fmt::format("{} {} {}", fact, kOps[Pick(rng_, 6)], v);
      }
      case 'n': {
        double v = (Pick(rng_, 21) - 5) / 2.0;
        if (Chance(rng_, 0.15)) {
          return fmt::format("{} between {} and {}", fact, v, v + Pick(rng_, 4));
        }
        return fmt::format("{} {} {}", fact, kOps[Pick(rng_, 6)], v);
      }
      case 's':
        if (Chance(rng_, 0.3)) {
          return fmt::format("{} not in ['{}', '{}']", fact, kStrings[Pick(rng_, 3)],
                             kStrings[Pick(rng_, 3)]);
        }
        return fmt::format("{} {} '{}'", fact,
                           Chance(rng_, 0.7) ? "==" : "!=", kStrings[Pick(rng_, 3)]);
      default: {
        const std::string& v = kDates[Pick(rng_, 4)];
        if (Chance(rng_, 0.15)) {
          return fmt::format("{} between {} and {}", fact, kDates[0], v);
        }
        return fmt::format("{} {} {}", fact, kOps[Pick(rng_, 6)], v);
      }
    }
  }

  std::string Expr(int depth) {
    if (depth <= 0 || Chance(rng_, 0.35)) {
      if (!conditions_.empty() && Chance(rng_, 0.15)) {
        return conditions_[Pick(rng_, static_cast<int>(conditions_.size()))];
      }
      return Comparison();
    }
    int r = Pick(rng_, 7);
    if (r == 0) return fmt::format("not ({})", Expr(depth - 1));
    const char* op = r <= 3 ? "and" : "or";
    return fmt::format("({}) {} ({})", Expr(depth - 1), op, Expr(depth - 1));
  }

  std::string Conjunction() {
    std::string out = Comparison();
    int terms = o_.min_terms + Pick(rng_, o_.max_terms - o_.min_terms + 1);
    for (int k = 1; k < terms; ++k) out += " and " + Comparison();
    return out;
  }

  std::string RuleSet() {
    std::string out = "ruleset: generated\nversion: \"1\"\n";
    static const std::vector<std::string> kPolicies = {"first", "unique", "priority", "collect"};
    std::string policy = o_.all_policies        ? kPolicies[Pick(rng_, 4)]
                         : o_.first_or_priority ? kPolicies[Pick(rng_, 2) * 2]
                                                : "first";
    out += fmt::format("hit_policy: {}\n", policy);
    out += "facts:\n";
    for (int i = 0; i < o_.bool_facts; ++i) out += fmt::format("  b{}: {{type: bool}}\n", i);
    for (int i = 0; i < o_.enum_facts; ++i) {
      out += fmt::format("  e{}: {{type: enum, values: [alfa, bravo, charlie, delta]}}\n", i);
    }
    for (int i = 0; i < o_.int_facts; ++i) {
      out += i % 2 ? fmt::format("  i{}: {{type: int, min: -3, max: 12}}\n", i)
                   : fmt::format("  i{}: {{type: int}}\n", i);
    }
    for (int i = 0; i < o_.number_facts; ++i) {
      out += i % 2 ? fmt::format("  n{}: {{type: number, min: 0, max: 6.5}}\n", i)
                   : fmt::format("  n{}: {{type: number}}\n", i);
    }
    for (int i = 0; i < o_.string_facts; ++i) out += fmt::format("  s{}: {{type: string}}\n", i);
    for (int i = 0; i < o_.date_facts; ++i) out += fmt::format("  d{}: {{type: date}}\n", i);
    out += "routes:\n";
    for (int i = 0; i < o_.routes; ++i) out += fmt::format("  r{}: {{}}\n", i);
    if (o_.conditions && Chance(rng_, 0.5)) {
      out += "conditions:\n";
      for (int k = 1 + Pick(rng_, 2); k > 0; --k) {
        std::string name = fmt::format("c{}", conditions_.size());
        out += fmt::format("  {}: \"{}\"\n", name, Expr(o_.max_depth - 1));
        conditions_.push_back(name);
      }
    }
    out += "rules:\n";
    int n = o_.min_rules + Pick(rng_, o_.max_rules - o_.min_rules + 1);
    for (int i = 0; i < n; ++i) {
      out += fmt::format("  - id: rule-{}\n    when: \"{}\"\n    route: r{}\n", i,
                         o_.flat ? Conjunction() : Expr(o_.max_depth), Pick(rng_, o_.routes));
    }
    if (!o_.all_policies || Chance(rng_, 0.5)) {
      out += fmt::format("default: r{}\n", Pick(rng_, o_.routes));
    }
    return out;
  }

  std::string Case(double unknown) {
    std::string out = "{";
    bool first = true;
    auto field = [&](const std::string& name, const std::string& value) {
      if (Chance(rng_, unknown)) return;
      out += fmt::format("{}\"{}\": {}", first ? "" : ", ", name, value);
      first = false;
    };
    for (int i = 0; i < o_.bool_facts; ++i) {
      field(fmt::format("b{}", i), Chance(rng_, 0.5) ? "true" : "false");
    }
    for (int i = 0; i < o_.enum_facts; ++i) {
      field(fmt::format("e{}", i), "\"" + kEnumValues[Pick(rng_, 4)] + "\"");
    }
    for (int i = 0; i < o_.int_facts; ++i) {
      int v = i % 2 ? Pick(rng_, 16) - 3 : Pick(rng_, 31) - 10;
      field(fmt::format("i{}", i), fmt::format("{}", v));
    }
    for (int i = 0; i < o_.number_facts; ++i) {
      double v = i % 2 ? Pick(rng_, 14) / 2.0 : (Pick(rng_, 31) - 10) / 2.0;
      if (Chance(rng_, 0.2)) v += 0.25;
      if (i % 2 && v > 6.5) v = 6.5;
      field(fmt::format("n{}", i), fmt::format("{}", v));
    }
    for (int i = 0; i < o_.string_facts; ++i) {
      field(fmt::format("s{}", i),
            Chance(rng_, 0.8) ? "\"" + kStrings[Pick(rng_, 3)] + "\"" : "\"Assen\"");
    }
    for (int i = 0; i < o_.date_facts; ++i) {
      static const std::vector<std::string> kCaseDates = {"2024-01-30", "2024-01-31", "2024-02-01",
                                                          "2024-02-29", "2025-06-30", "2025-07-01",
                                                          "2026-01-01", "2023-12-31", "2030-05-05"};
      field(fmt::format("d{}", i), "\"" + kCaseDates[Pick(rng_, 9)] + "\"");
    }
    return out + "}";
  }

 private:
  std::mt19937_64& rng_;
  const GenerateOptions& o_;
  std::vector<std::string> conditions_;
};

}  // namespace

std::string GenerateRuleSet(std::mt19937_64& rng, const GenerateOptions& options) {
  return Generator(rng, options).RuleSet();
}

std::string GenerateCase(std::mt19937_64& rng, const GenerateOptions& options, double unknown) {
  return Generator(rng, options).Case(unknown);
}

}  // namespace triage::testing
