#include "cli/register.h"

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

namespace triage::cli {

void DeclareRegister(Options& options, std::string& into) {
  options.Value("--register", into,
                "The decision register: a file (or sqlite:PATH) or postgresql://... (default: "
                "$TRIAGE_REGISTER, else ./triage-register.db)");
}

std::unique_ptr<Register> OpenRegister(const std::string& asked, Register::Mode mode, Io& io) {
  std::string text = asked;
  if (text.empty()) text = io.Env("TRIAGE_REGISTER").value_or("");
  if (text.empty()) text = kDefaultRegister;
  std::string error;
  std::optional<RegisterLocation> where = ParseRegisterLocation(text, error);
  if (!where) {
    io.Say(error);
    return nullptr;
  }
  std::unique_ptr<Register> reg = Register::Open(*where, mode, error);
  if (!reg) io.Say(error);
  return reg;
}

namespace {

std::string LoginName() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  return fmt::format("uid {}", geteuid());
}

}  // namespace

std::optional<Recorder> MakeRecorder(const RuleSet& rs, const std::string& officer, Io& io) {
  Recorder r;
  std::string key_file = io.Env("TRIAGE_PSEUDONYM_KEY_FILE").value_or("");
  if (!key_file.empty()) {
    std::string error;
    r.key = Pseudonymizer::FromKeyFile(key_file, error);
    if (!r.key) {
      io.Say(error + " (TRIAGE_PSEUDONYM_KEY_FILE); nothing was recorded");
      return std::nullopt;
    }
  } else {
    std::string personal;
    for (const Fact& f : rs.facts) {
      if (f.personal) personal += (personal.empty() ? "'" : ", '") + f.name + "'";
    }
    if (!personal.empty()) {
      io.Say(fmt::format(
          "warning: no pseudonym key (TRIAGE_PSEUDONYM_KEY_FILE): personal facts ({}) are left "
          "out of the register",
          personal));
    }
  }
  r.officer = officer.empty() ? LoginName() : officer;
  r.recorded_at = UtcTimestamp(io.Now());
  return r;
}

bool RegisterOptionsWithoutRecord(bool record, const std::string& register_url,
                                  const std::string& officer, Io& io) {
  if (record || (register_url.empty() && officer.empty())) return false;
  io.Say(
      "--register and --officer name where and by whom decisions are recorded: add --record to "
      "record them");
  return true;
}

}  // namespace triage::cli
