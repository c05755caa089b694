// The decision register as the verbs reach it: --register (else
// TRIAGE_REGISTER, else ./triage-register.db), who records and when, and
// the pseudonym key (TRIAGE_PSEUDONYM_KEY_FILE).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/io.h"
#include "cli/options.h"
#include "triage/register.h"

namespace triage::cli {

/// The register used when neither --register nor TRIAGE_REGISTER names one.
inline constexpr const char* kDefaultRegister = "triage-register.db";

/// Declares --register URL.
void DeclareRegister(Options& options, std::string& into);

/// Whether --register or --officer was given without --record: then it
/// says so (they would do nothing) and the verb must stop.
bool RegisterOptionsWithoutRecord(bool record, const std::string& register_url,
                                  const std::string& officer, Io& io);

/// Opens the register that `asked` (or the environment) names; says why and
/// returns null when it cannot.
std::unique_ptr<Register> OpenRegister(const std::string& asked, Register::Mode mode, Io& io);

/// Who records, when and with which key, for `triage route --record` and
/// `triage interview --record`.
struct Recorder {
  std::optional<Pseudonymizer> key;
  std::string officer, recorded_at;

  /// What EntryBody is given; it points into this Recorder.
  RecordingContext Context() const { return {officer, recorded_at, key ? &*key : nullptr}; }
};

/// `officer` empty: the login name. Says why and returns nullopt when the
/// key file named by TRIAGE_PSEUDONYM_KEY_FILE cannot be used; warns once
/// when there is none and `rs` has personal facts.
std::optional<Recorder> MakeRecorder(const RuleSet& rs, const std::string& officer, Io& io);

}  // namespace triage::cli
