#include <fmt/format.h>

#include "triage/report.h"

namespace triage {
const char* StatusName(const Record& r) {
  if (r.invalid()) return "invalid";
  switch (r.decision.status) {
    case Decision::Status::kDecided:
      return "decided";
    case Decision::Status::kUndetermined:
      return "undetermined";
    case Decision::Status::kUnrouted:
      return "unrouted";
  }
  return "?";
}

namespace {

std::string ValueText(const Fact& fact, const Value& v) {
  switch (fact.type) {
    case FactType::kBool:
      return v.i ? "true" : "false";
    case FactType::kInt:
      return fmt::format("{}", v.i);
    case FactType::kNumber:
      return fmt::format("{}", v.d);
    case FactType::kEnum:
      return fact.values[static_cast<size_t>(v.i)];
    case FactType::kString:
      return fmt::format("'{}'", v.s);
    case FactType::kDate:
      return FormatDate(v.i);
  }
  return "";
}

// The few fixed words of the text form, in the languages rule files use.
struct Words {
  const char* decided_by;
  const char* by_default;
  const char* source;
  const char* because;
  const char* undetermined;
  const char* or_unrouted;
  const char* known;
  const char* ask;
  const char* unrouted;
  const char* invalid;
  const char* also;
};

const Words& WordsFor(std::string_view lang) {
  static const Words kEn = {"decided by rule",
                            "no rule applies; default route",
                            "source",
                            "because",
                            "undetermined; still possible",
                            "or no route",
                            "known",
                            "ask",
                            "unrouted: no rule applies and there is no default",
                            "invalid case",
                            "also"};
  static const Words kNl = {"besloten door regel",
                            "geen regel van toepassing; standaardroute",
                            "bron",
                            "omdat",
                            "nog niet te bepalen; mogelijk",
                            "of geen route",
                            "bekend",
                            "vraag",
                            "geen route: geen regel van toepassing en geen "
                            "standaardroute",
                            "ongeldige zaak",
                            "ook"};
  return lang == "nl" ? kNl : kEn;
}

std::string RouteText(const RuleSet& rs, int route, std::string_view lang) {
  const Route& r = rs.routes[static_cast<size_t>(route)];
  const std::string& label = r.label.Get(lang);
  if (label.empty()) return r.name;
  return fmt::format("{} [{}]", label, r.name);
}

std::string FactText(const Fact& f, std::string_view lang) {
  const std::string& label = f.label.Get(lang);
  if (label.empty()) return f.name;
  return fmt::format("{} ({})", label, f.name);
}

std::string Where(const Record& r) {
  std::string id = r.case_id ? *r.case_id : fmt::format("case {}", r.index);
  if (r.input.empty()) return id;
  if (r.line > 0) return fmt::format("{} ({}:{})", id, r.input, r.line);
  return fmt::format("{} ({}, case {})", id, r.input, r.index);
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the characters not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(out, s);
  return out;
}

std::string ValueJson(const Fact& fact, const Value& v) {
  if (fact.personal) return "\"(personal data, not shown)\"";
  switch (fact.type) {
    case FactType::kBool:
      return v.i ? "true" : "false";
    case FactType::kInt:
      return fmt::format("{}", v.i);
    case FactType::kNumber:
      return fmt::format("{}", v.d);
    case FactType::kEnum:
      return JsonString(fact.values[static_cast<size_t>(v.i)]);
    case FactType::kString:
      return JsonString(v.s);
    case FactType::kDate:
      return JsonString(FormatDate(v.i));
  }
  return "null";
}

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

std::string RecordJson(const RuleSet& rs, const Record& r, std::string_view lang) {
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
  out += StatusName(r);
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
  out += json.ruleset;
  return out;
}

std::string CsvCell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) {
    cell += '\'';
  }
  cell += text;
  bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
               (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!quote) return cell;
  std::string quoted = "\"";
  for (char ch : cell) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

std::string RecordCsvHeader() {
  return "case_id,input,index,line,status,route,routes,rule,rules,reason,path,ask,"
         "errors,ruleset,version,sha256\n";
}

std::string RecordCsv(const RuleSet& rs, const Record& r, std::string_view lang) {
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
             (fact.personal ? std::string("(personal data, not shown)")
                            : ValueText(fact, *r.values.values[static_cast<size_t>(f)]));
    });
    if (d.status == Decision::Status::kUndetermined) ask = join(d.ask, fact_name);
  }
  for (size_t i = 0; i < r.problems.size(); ++i) {
    const CaseProblem& p = r.problems[i];
    if (i) errors += "; ";
    errors += p.fact.empty() ? p.message : fmt::format("{}: {}", p.fact, p.message);
    if (p.column > 0) errors += fmt::format(" (column {})", p.column);
  }
  std::string cells[] = {
      r.case_id ? *r.case_id : "",
      r.input,
      fmt::format("{}", r.index),
      r.line > 0 ? fmt::format("{}", r.line) : "",
      StatusName(r),
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
  out += '\n';
  return out;
}

std::string RecordText(const RuleSet& rs, const Record& r, std::string_view lang) {
  const Words& w = WordsFor(lang.empty() ? rs.DefaultLanguage() : lang);
  const Decision& d = r.decision;
  std::string out;
  if (r.invalid()) {
    out += fmt::format("{}: {}\n", Where(r), w.invalid);
    for (const CaseProblem& p : r.problems) {
      out += p.column > 0 ? fmt::format("  - {} (column {})\n", p.message, p.column)
                          : fmt::format("  - {}\n", p.message);
    }
    return out;
  }
  auto known_facts = [&](const char* heading) {
    if (d.path.empty()) return;
    out += fmt::format("  {}:", heading);
    for (size_t i = 0; i < d.path.size(); ++i) {
      const Fact& f = rs.facts[d.path[i]];
      out += fmt::format(
          "{} {} = {}", i ? ";" : "", FactText(f, lang),
          f.personal ? "(personal data, not shown)" : ValueText(f, *r.values.values[d.path[i]]));
    }
    out += "\n";
  };
  switch (d.status) {
    case Decision::Status::kDecided: {
      out += fmt::format("{}: {}\n", Where(r), RouteText(rs, d.routes[0], lang));
      for (size_t i = 1; i < d.routes.size(); ++i) {
        out += fmt::format("  {}: {}\n", w.also, RouteText(rs, d.routes[i], lang));
      }
      if (d.rule >= 0) {
        const Rule& rule = rs.rules[d.rule];
        const std::string& reason = rule.reason.Get(lang);
        out +=
            fmt::format("  {} {}{}{}\n", w.decided_by, rule.id, reason.empty() ? "" : ": ", reason);
        if (!rule.source.empty()) {
          out += fmt::format("  {}: {}\n", w.source, rule.source);
        }
      } else if (d.by_default) {
        out += fmt::format("  {}\n", w.by_default);
      }
      known_facts(w.because);
      return out;
    }
    case Decision::Status::kUndetermined: {
      out += fmt::format("{}: {}:", Where(r), w.undetermined);
      for (size_t i = 0; i < d.routes.size(); ++i) {
        out += fmt::format("{} {}", i ? "," : "", RouteText(rs, d.routes[i], lang));
      }
      if (d.may_be_unrouted) out += fmt::format(" ({})", w.or_unrouted);
      out += "\n";
      known_facts(w.known);
      for (int f : d.ask) {
        const Fact& fact = rs.facts[f];
        const std::string& question = fact.question.Get(lang);
        out += fmt::format(
            "  {}: {}\n", w.ask,
            question.empty() ? FactText(fact, lang) : fmt::format("{} ({})", question, fact.name));
      }
      return out;
    }
    case Decision::Status::kUnrouted:
      out += fmt::format("{}: {}\n", Where(r), w.unrouted);
      known_facts(w.known);
      return out;
  }
  return out;
}

}  // namespace triage
