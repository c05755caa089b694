#include "triage/report.h"

#include <fmt/format.h>

#include "triage/csv.h"
#include "triage/json.h"
#include "triage/words.h"

namespace triage {

RecordStatus StatusOf(const Record& r) {
  if (r.invalid()) return RecordStatus::kInvalid;
  switch (r.decision.status) {
    case Decision::Status::kDecided:
      return RecordStatus::kDecided;
    case Decision::Status::kUndetermined:
      return RecordStatus::kUndetermined;
    case Decision::Status::kUnrouted:
      return RecordStatus::kUnrouted;
  }
  TRIAGE_UNREACHABLE();
}

namespace {

std::string RouteText(const RuleSet& rs, int route, std::string_view lang) {
  const Route& r = rs.routes[static_cast<size_t>(route)];
  const std::string& label = r.label.Get(lang);
  if (label.empty()) return r.name;
  return fmt::format("{} [{}]", Printable(label), r.name);
}

std::string FactText(const Fact& f, std::string_view lang) {
  const std::string& label = f.label.Get(lang);
  if (label.empty()) return f.name;
  return fmt::format("{} ({})", Printable(label), f.name);
}

// A case id or a file name may hold anything: shown printable, so that a
// newline or an escape sequence in it cannot forge a line of the report.
std::string Where(const Record& r, const Words& w) {
  std::string id = r.case_id ? Printable(*r.case_id) : fmt::format("{} {}", w.a_case, r.index);
  if (r.input.empty()) return id;
  std::string input = Printable(r.input);
  if (r.line > 0) return fmt::format("{} ({}:{})", id, input, r.line);
  return fmt::format("{} ({}, {} {})", id, input, w.a_case, r.index);
}

}  // namespace

namespace {

// The JSON text of every name and reason a record can hold, escaped once per
// rule set and language instead of once per record. Kept per thread, for the
// rule set last rendered (recognised by its file's hash and the language).
struct JsonPieces {
  std::string sha256, lang;
  std::vector<std::string> routes, rules, reasons, facts;
  std::string ruleset;  // the record's closing `"ruleset": {...}}`

  void Build(const RuleSet& rs, std::string_view language) {
    sha256 = rs.sha256;
    lang = std::string(language);
    routes.clear();
    rules.clear();
    reasons.clear();
    facts.clear();
    for (const Route& r : rs.routes) routes.push_back(JsonString(r.name));
    for (const Rule& r : rs.rules) {
      rules.push_back(JsonString(r.id));
      const std::string& reason = r.reason.Get(language);
      reasons.push_back(reason.empty() ? "null" : JsonString(reason));
    }
    for (const Fact& f : rs.facts) facts.push_back(JsonString(f.name));
    ruleset = ", \"ruleset\": {\"id\": " + JsonString(rs.id) +
              ", \"version\": " + JsonString(rs.version) +
              ", \"sha256\": " + JsonString(rs.sha256) + "}}";
  }
};

const JsonPieces& PiecesFor(const RuleSet& rs, std::string_view lang) {
  thread_local JsonPieces pieces;
  thread_local const RuleSet* built_for = nullptr;
  if (built_for != &rs || pieces.sha256 != rs.sha256 || pieces.lang != lang ||
      pieces.rules.size() != rs.rules.size()) {
    pieces.Build(rs, lang);
    built_for = &rs;
  }
  return pieces;
}

}  // namespace

namespace {

void AssertValid(const RuleSet& rs, const Record& r) {
  TRIAGE_ASSERT(r.invalid() || r.values.values.size() == rs.facts.size(),
                "a valid record's case is of this rule set");
  TRIAGE_ASSERT(r.values.kept.size() == r.kept_names.size(), "a kept value for each kept name");
}

// Kept values (--keep): `, "kept": {"dossier": "Z-12", "note": null}`.
void AppendKeptJson(std::string& out, const Record& r) {
  out += ", \"kept\": {";
  for (size_t i = 0; i < r.kept_names.size(); ++i) {
    if (i) out += ", ";
    AppendJsonString(out, r.kept_names[i]);
    out += ": ";
    if (r.values.kept[i]) {
      AppendJsonString(out, *r.values.kept[i]);
    } else {
      out += "null";
    }
  }
  out += '}';
}

// Kept values for people: "  dossier = Z-12; note = terug te bellen", only
// those the case gives; "" when it gives none.
std::string KeptText(const Record& r) {
  std::string line;
  for (size_t i = 0; i < r.kept_names.size(); ++i) {
    if (!r.values.kept[i]) continue;
    line += fmt::format("{} {} = {}", line.empty() ? " " : ";", Printable(r.kept_names[i]),
                        Printable(*r.values.kept[i]));
  }
  return line.empty() ? "" : line + "\n";
}

}  // namespace

std::string RecordJson(const RuleSet& rs, const Record& r, std::string_view lang) {
  AssertValid(rs, r);
  const JsonPieces& json = PiecesFor(rs, lang);
  const Decision& d = r.decision;
  bool valid = !r.invalid();
  bool decided = valid && d.status == Decision::Status::kDecided;
  std::string out;
  out.reserve(512);
  auto list = [&](const std::vector<int>& items, const std::vector<std::string>& text) {
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += text[static_cast<size_t>(items[i])];
    }
    out += ']';
  };
  static const std::vector<int> kNone;

  out += "{\"case_id\": ";
  if (r.case_id) {
    AppendJsonString(out, *r.case_id);
  } else {
    out += "null";
  }
  out += ", \"status\": \"";
  out += NameOf(StatusOf(r));
  out += "\", \"route\": ";
  out += decided ? json.routes[static_cast<size_t>(d.routes[0])] : "null";
  out += ", \"routes\": ";
  list(valid ? d.routes : kNone, json.routes);
  out += ", \"rule\": ";
  out += decided && d.rule >= 0 ? json.rules[static_cast<size_t>(d.rule)] : "null";
  if (rs.hit_policy == HitPolicy::kCollect) {
    out += ", \"rules\": ";
    list(valid ? d.rules : kNone, json.rules);
  }
  out += ", \"reason\": ";
  out += decided && d.rule >= 0 ? json.reasons[static_cast<size_t>(d.rule)] : "null";
  out += ", \"path\": [";
  if (valid) {
    for (size_t i = 0; i < d.path.size(); ++i) {
      size_t f = static_cast<size_t>(d.path[i]);
      if (i) out += ", ";
      out += "{\"fact\": ";
      out += json.facts[f];
      out += ", \"value\": ";
      out += ValueJson(rs.facts[f], *r.values.values[f]);
      out += '}';
    }
  }
  out += ']';
  if (valid && d.status == Decision::Status::kUndetermined) {
    out += ", \"ask\": ";
    list(d.ask, json.facts);
  }
  if (!valid) {
    out += ", \"errors\": [";
    for (size_t i = 0; i < r.problems.size(); ++i) {
      const CaseProblem& p = r.problems[i];
      if (i) out += ", ";
      out += "{\"fact\": ";
      if (p.fact.empty()) {
        out += "null";
      } else {
        AppendJsonString(out, p.fact);
      }
      out += ", \"message\": ";
      AppendJsonString(out, p.message);
      if (r.line > 0) out += fmt::format(", \"line\": {}", r.line);
      if (p.column > 0) out += fmt::format(", \"column\": {}", p.column);
      out += '}';
    }
    out += ']';
  }
  if (!r.kept_names.empty()) AppendKeptJson(out, r);
  out += json.ruleset;
  return out;
}

std::string RecordCsvHeader(std::span<const std::string> kept) {
  std::string header =
      "case_id,input,index,line,status,route,routes,rule,rules,reason,path,ask,"
      "errors,ruleset,version,sha256";
  for (const std::string& name : kept) header += "," + CsvCell(name);
  return header + "\n";
}

std::string RecordCsv(const RuleSet& rs, const Record& r, std::string_view lang) {
  AssertValid(rs, r);
  const Decision& d = r.decision;
  bool valid = !r.invalid();
  bool decided = valid && d.status == Decision::Status::kDecided;
  auto join = [](const std::vector<int>& items, auto&& name) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ';';
      out += name(items[i]);
    }
    return out;
  };
  auto route_name = [&](int i) { return rs.routes[static_cast<size_t>(i)].name; };
  auto rule_id = [&](int i) { return rs.rules[static_cast<size_t>(i)].id; };
  auto fact_name = [&](int i) { return rs.facts[static_cast<size_t>(i)].name; };
  std::string reason;
  if (decided && d.rule >= 0) reason = rs.rules[static_cast<size_t>(d.rule)].reason.Get(lang);
  std::string path, ask, errors;
  if (valid) {
    path = join(d.path, [&](int f) {
      const Fact& fact = rs.facts[static_cast<size_t>(f)];
      return fact.name + "=" +
             (fact.personal ? std::string(kNotShown)
                            : ValueText(fact, *r.values.values[static_cast<size_t>(f)]));
    });
    if (d.status == Decision::Status::kUndetermined) ask = join(d.ask, fact_name);
  }
  for (size_t i = 0; i < r.problems.size(); ++i) {
    errors += (i ? "; " : "") + CaseProblemText(r.problems[i]);
  }
  std::string cells[] = {
      r.case_id ? *r.case_id : "",
      r.input,
      fmt::format("{}", r.index),
      r.line > 0 ? fmt::format("{}", r.line) : "",
      std::string(NameOf(StatusOf(r))),
      decided ? route_name(d.routes[0]) : "",
      valid ? join(d.routes, route_name) : "",
      decided && d.rule >= 0 ? rule_id(d.rule) : "",
      valid ? join(d.rules, rule_id) : "",
      reason,
      path,
      ask,
      errors,
      rs.id,
      rs.version,
      rs.sha256,
  };
  std::string out;
  for (size_t i = 0; i < std::size(cells); ++i) {
    if (i) out += ',';
    out += CsvCell(cells[i]);
  }
  for (const std::optional<std::string>& kept : r.values.kept) {
    out += ',';
    if (kept) out += CsvCell(*kept);
  }
  out += '\n';
  return out;
}

namespace {

std::string DecisionText(const RuleSet& rs, const Record& r, std::string_view lang) {
  const Words& w = WordsIn(lang.empty() ? rs.DefaultLanguage() : lang);
  const Decision& d = r.decision;
  std::string out;
  if (r.invalid()) {
    out += fmt::format("{}: {}\n", Where(r, w), w.invalid);
    for (const CaseProblem& p : r.problems) {
      std::string message = Printable(p.In(w.lang));
      out += p.column > 0 ? fmt::format("  - {} ({} {})\n", message, w.column, p.column)
                          : fmt::format("  - {}\n", message);
    }
    return out;
  }
  auto known_facts = [&](std::string_view heading) {
    if (d.path.empty()) return;
    out += fmt::format("  {}:", heading);
    for (size_t i = 0; i < d.path.size(); ++i) {
      const Fact& f = rs.facts[d.path[i]];
      out +=
          fmt::format("{} {} = {}", i ? ";" : "", FactText(f, lang),
                      f.personal ? std::string(kNotShown)
                                 : Printable(ValueTextIn(f, *r.values.values[d.path[i]], w.lang)));
    }
    out += "\n";
  };
  switch (d.status) {
    case Decision::Status::kDecided: {
      out += fmt::format("{}: {}\n", Where(r, w), RouteText(rs, d.routes[0], lang));
      for (size_t i = 1; i < d.routes.size(); ++i) {
        out += fmt::format("  {}: {}\n", w.also, RouteText(rs, d.routes[i], lang));
      }
      if (d.rule >= 0) {
        const Rule& rule = rs.rules[d.rule];
        const std::string& reason = rule.reason.Get(lang);
        out += fmt::format("  {} {}{}{}\n", w.decided_by, rule.id, reason.empty() ? "" : ": ",
                           Printable(reason));
        if (!rule.source.empty()) {
          out += fmt::format("  {}: {}\n", w.source, Printable(rule.source));
        }
      } else if (d.by_default) {
        out += fmt::format("  {}\n", w.by_default);
      }
      known_facts(w.because);
      return out;
    }
    case Decision::Status::kUndetermined: {
      out += fmt::format("{}: {}:", Where(r, w), w.undetermined);
      for (size_t i = 0; i < d.routes.size(); ++i) {
        out += fmt::format("{} {}", i ? "," : "", RouteText(rs, d.routes[i], lang));
      }
      if (d.may_be_unrouted) out += fmt::format(" ({})", w.or_unrouted);
      out += "\n";
      known_facts(w.known);
      for (int f : d.ask) {
        const Fact& fact = rs.facts[f];
        const std::string& question = fact.question.Get(lang);
        out +=
            fmt::format("  {}: {}\n", w.ask,
                        question.empty() ? FactText(fact, lang)
                                         : fmt::format("{} ({})", Printable(question), fact.name));
      }
      return out;
    }
    case Decision::Status::kUnrouted:
      out += fmt::format("{}: {}\n", Where(r, w), w.unrouted);
      known_facts(w.known);
      return out;
  }
  TRIAGE_UNREACHABLE();
}

}  // namespace

std::string RecordText(const RuleSet& rs, const Record& r, std::string_view lang) {
  AssertValid(rs, r);
  std::string out = DecisionText(rs, r, lang);
  if (!r.kept_names.empty()) out += KeptText(r);
  return out;
}

}  // namespace triage
