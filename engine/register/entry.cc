// What one register entry holds, as canonical bytes, and how it reads back;
// the keyed pseudonyms of personal facts; the chain's hash.
#include "triage/register.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fstream>
#include <iterator>

#include <simdjson.h>
#include <fmt/format.h>

#include "triage/json.h"
#include "triage/load.h"

namespace triage {
namespace {

std::string Hex(const unsigned char* bytes, unsigned length) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned i = 0; i < length; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

// A case id as the register keeps it, in its body and in its column alike:
// valid UTF-8 without NUL (which PostgreSQL's text cannot hold).
std::optional<std::string> StoredCaseId(const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  std::string out = ValidUtf8(*id);
  for (std::size_t at = out.find('\0'); at != std::string::npos; at = out.find('\0', at)) {
    out.replace(at, 1, "\xEF\xBF\xBD");
  }
  return out;
}

// What a pseudonym is taken over: the value as its fact's type spells it.
std::string PseudonymInput(const Fact& fact, const Value& v) {
  return fact.type == FactType::kString ? v.s : ValueText(fact, v);
}

}  // namespace

std::optional<Pseudonymizer> Pseudonymizer::FromKeyFile(const std::string& path,
                                                        std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot read the pseudonym key file", path);
    return std::nullopt;
  }
  // The key is the file's bytes, all of them (a binary key may end in a
  // newline byte; a key written with echo keeps its newline, consistently).
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (key.size() < 16) {
    error = fmt::format("{}: a pseudonym key needs at least 16 bytes (has {})", path, key.size());
    return std::nullopt;
  }
  return Pseudonymizer(std::move(key));
}

Pseudonymizer Pseudonymizer::FromKey(std::string key) { return Pseudonymizer(std::move(key)); }

std::string Pseudonymizer::Pseudonym(std::string_view fact, std::string_view value) const {
  std::string message;
  message.reserve(fact.size() + 1 + value.size());
  message.append(fact);
  message += '\0';  // so that fact "ab" + value "c" differs from "a" + "bc"
  message.append(value);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return "hmac-sha256:" + Hex(digest, length);
}

std::string Pseudonymizer::KeyId() const {
  std::string p = Pseudonym("triage key id", "");
  return p.substr(p.find(':') + 1, 16);
}

std::string EntryBody(const RuleSet& rs, const Record& r, const RecordingContext& context) {
  std::string out = "{\"recorded_at\": ";
  out.reserve(1024);
  AppendJsonString(out, context.recorded_at);
  out += ", \"officer\": ";
  AppendJsonString(out, context.officer);
  out += ", \"ruleset\": {\"id\": ";
  AppendJsonString(out, rs.id);
  out += ", \"version\": ";
  AppendJsonString(out, rs.version);
  out += ", \"sha256\": ";
  AppendJsonString(out, rs.sha256);
  out += "}, \"case_id\": ";
  std::optional<std::string> id = StoredCaseId(r.case_id);
  out += id ? JsonString(*id) : "null";
  out += ", \"record\": ";
  out += RecordJson(rs, r, "");
  out += ", \"case\": {";
  std::vector<const Fact*> withheld;
  bool first = true;
  for (std::size_t f = 0; f < rs.facts.size(); ++f) {
    const Fact& fact = rs.facts[f];
    const std::optional<Value>* v = f < r.values.values.size() ? &r.values.values[f] : nullptr;
    bool known = v && v->has_value();
    if (fact.personal && known && !context.pseudonyms) {
      withheld.push_back(&fact);
      continue;
    }
    if (!first) out += ", ";
    first = false;
    AppendJsonString(out, fact.name);
    out += ": ";
    if (!known) {
      out += "null";
    } else if (fact.personal) {
      AppendJsonString(out, context.pseudonyms->Pseudonym(fact.name, PseudonymInput(fact, **v)));
    } else {
      out += UnguardedValueJson(fact, **v);
    }
  }
  out += "}, \"withheld\": [";
  for (std::size_t i = 0; i < withheld.size(); ++i) {
    if (i) out += ", ";
    AppendJsonString(out, withheld[i]->name);
  }
  out += "], \"pseudonym_key\": ";
  out += context.pseudonyms ? JsonString(context.pseudonyms->KeyId()) : "null";
  out += '}';
  return out;
}

namespace {

using simdjson::dom::element;

constexpr std::string_view kRecordKey = ", \"record\": ";
constexpr std::string_view kCaseKey = ", \"case\": {";

bool TextField(element e, std::string_view key, std::string& into) {
  std::string_view s;
  if (e[key].get_string().get(s)) return false;
  into = std::string(s);
  return true;
}

bool OptionalText(element e, std::string_view key, std::optional<std::string>& into) {
  element v;
  if (e[key].get(v)) return false;
  if (v.is_null()) {
    into.reset();
    return true;
  }
  std::string_view s;
  if (v.get_string().get(s)) return false;
  into = std::string(s);
  return true;
}

bool TextList(element e, std::string_view key, std::vector<std::string>& into) {
  simdjson::dom::array a;
  if (e[key].get_array().get(a)) return false;
  for (element item : a) {
    std::string_view s;
    if (item.get_string().get(s)) return false;
    into.emplace_back(s);
  }
  return true;
}

}  // namespace

std::optional<EntryView> ParseEntryBody(std::string_view body, std::string& error) {
  thread_local simdjson::dom::parser parser;
  element root;
  simdjson::padded_string padded(body);
  EntryView v;
  element ruleset, record;
  simdjson::dom::object case_facts;
  bool ok = !parser.parse(padded).get(root) && TextField(root, "recorded_at", v.recorded_at) &&
            TextField(root, "officer", v.officer) && !root["ruleset"].get(ruleset) &&
            TextField(ruleset, "id", v.ruleset_id) &&
            TextField(ruleset, "version", v.ruleset_version) &&
            TextField(ruleset, "sha256", v.ruleset_sha256) &&
            OptionalText(root, "case_id", v.case_id) && !root["record"].get(record) &&
            TextField(record, "status", v.status) && TextList(record, "routes", v.routes) &&
            OptionalText(record, "rule", v.rule) && OptionalText(record, "reason", v.reason) &&
            !root["case"].get_object().get(case_facts) && TextList(root, "withheld", v.withheld) &&
            OptionalText(root, "pseudonym_key", v.pseudonym_key);
  if (!ok) {
    error = "the entry is not one that triage wrote";
    return std::nullopt;
  }
  // The record's own bytes, as RecordJson wrote them: EntryBody puts it
  // between these two keys, and neither can occur inside a JSON string.
  std::size_t start = body.find(kRecordKey);
  std::size_t end = body.find(kCaseKey, start);
  if (start == std::string_view::npos || end == std::string_view::npos) {
    error = "the entry is not one that triage wrote";
    return std::nullopt;
  }
  start += kRecordKey.size();
  v.record = std::string(body.substr(start, end - start));
  for (auto field : case_facts) {
    EntryView::FactValue fact{std::string(field.key), simdjson::minify(field.value), ""};
    std::string_view text;
    if (!field.value.get_string().get(text)) {
      fact.text = std::string(text);
    } else if (!field.value.is_null()) {
      fact.text = fact.json;
    }
    v.facts.push_back(std::move(fact));
  }
  return v;
}

namespace {

std::string Sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return Hex(digest, length);
}

}  // namespace

std::string ChainHash(std::int64_t seq, std::string_view prev_hash, std::string_view body_sha256) {
  return Sha256(fmt::format("triage-register/1\n{}\n{}\n{}", seq, prev_hash, body_sha256));
}

std::string EntryHash(std::int64_t seq, std::string_view prev_hash, std::string_view body) {
  return ChainHash(seq, prev_hash, Sha256(body));
}

NewEntry MakeEntry(const RuleSet& rs, const Record& r, const RecordingContext& context) {
  NewEntry e;
  e.body = EntryBody(rs, r, context);
  e.body_sha256 = Sha256(e.body);
  e.recorded_at = context.recorded_at;
  e.case_id = StoredCaseId(r.case_id);
  e.ruleset_version = rs.version;
  e.status = NameOf(StatusOf(r));
  return e;
}

std::optional<NewEntry> EntryFromBody(std::string body, std::string& error) {
  std::optional<EntryView> view = ParseEntryBody(body, error);
  if (!view) return std::nullopt;
  NewEntry e;
  e.body_sha256 = Sha256(body);
  e.body = std::move(body);
  e.recorded_at = view->recorded_at;
  e.case_id = view->case_id;
  e.ruleset_version = view->ruleset_version;
  e.status = view->status;
  return e;
}

const std::string& GenesisHash() {
  static const std::string kZeros(64, '0');
  return kZeros;
}

}  // namespace triage
