// A verb of the `triage` command: its name, its one-line summary, and how it
// declares its options. The table of verbs is in verbs.cc; each verb lives
// in a file of its own (check.cc, route.cc, ...).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/io.h"
#include "cli/options.h"

namespace triage::cli {

/// Runs a verb whose options have been parsed; returns its exit status.
using VerbRun = std::function<int(Io& io)>;

struct Verb {
  const char* name;
  const char* summary;
  /// Declares the verb's options, bound to arguments of its own, and
  /// returns what runs it once they are parsed.
  VerbRun (*define)(Options& options);
};

/// The whole command: `args[0]` is the program name, as in argv. Parses the
/// arguments, runs the verb they name with `io`, and returns the exit
/// status (usage errors: kExitCannot, after saying what is wrong).
int Run(const std::vector<std::string>& args, Io& io);

}  // namespace triage::cli
