// Case files as `route` and `audit` read them: each input (a file, or "-"
// for stdin) in its format, streamed through the engine's batching
// (batch.h) over threads, with a progress line and Ctrl-C.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/io.h"
#include "cli/options.h"
#include "triage/batch.h"

namespace triage::cli {

/// Declares --input-format: "auto" (from the file name, else detected) or
/// one of the engine's input formats.
void DeclareInputFormat(Options& options, std::string& into);

/// Declares --csv-separator: ",", ";", "tab" (or a tab itself); "" (the
/// default) leaves it to each CSV input's header row.
void DeclareCsvSeparator(Options& options, std::string& into);

/// The separator --csv-separator's `value` names (kDetectCsvSeparator for
/// ""), or nullopt after saying what it takes (a usage error).
std::optional<char> CsvSeparatorOption(const std::string& value, Io& io);

/// Threads to work with: `asked` when positive, else the machine's cores.
unsigned WorkerThreads(int asked);

/// Runs the cases of every input through ForEachCase (`batch.format` is set
/// per input from `input_format` and its name; `batch.stop` should be
/// io.interrupted). `prepare` is told each input's name before its cases
/// come. Returns kExitOk, kExitInterrupted, or kExitCannot after saying why.
int ForEachInput(const std::vector<std::string>& inputs, const std::string& input_format,
                 BatchOptions& batch, Io& io,
                 const std::function<void(const std::string& name)>& prepare,
                 const std::function<void(RawCase, std::size_t, unsigned)>& work,
                 const std::function<void(std::size_t)>& deliver);

}  // namespace triage::cli
