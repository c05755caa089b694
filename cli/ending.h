// How the process ends when it is told to or cannot go on: SIGINT, SIGTERM
// and SIGHUP, out of memory, a crash in a thread. This file's external
// interface is the list of temporary files to remove, and the handlers that
// main() installs.
//
// A signal first asks the run to stop (the flag a verb checks between
// cases), so that it ends cleanly: the register's batch rolled back, the
// temporary file removed, "interrupted" said. A run blocked where it cannot
// look at the flag (reading a pipe that never ends, writing to a FIFO
// nobody reads) is ended by the handlers themselves two seconds later, or
// at a second signal: the temporary files are removed, and the process
// exits 128 + the signal. Either way nothing half-written is left.
//
// This is the one piece of process-wide state in the CLI: a signal handler
// can reach nothing else.
#pragma once

#include <atomic>
#include <string>

namespace triage::cli {

/// Adds `path` to the files removed should the process end abruptly. At
/// most kMaxTemporaries at once; paths longer than 4095 bytes are not kept
/// (they are removed on an orderly end only).
void KeepTemporary(const std::string& path);
/// Takes `path` off that list (it was renamed into place or removed).
void ForgetTemporary(const std::string& path);

inline constexpr int kMaxTemporaries = 8;

/// Installs the handlers of SIGINT, SIGTERM and SIGHUP (setting `stop`),
/// and of std::terminate (out of memory in a thread, or a bug: the
/// temporary files are removed, exit 2). Call once, from main's thread.
void InstallEndingHandlers(std::atomic<bool>& stop);

/// The signal that asked the run to stop, or 0.
int StopSignal();

/// Removes the temporary files on the list (async-signal-safe).
void RemoveTemporaries();

}  // namespace triage::cli
