// Programmer errors: a precondition that a header states and a caller broke,
// or a switch over every value of an enum that fell through. Bad input is
// never one of these; it is a diagnostic (diagnostic.h) or a problem in a
// record.
//
// TRIAGE_ASSERT checks are on unless the build turns them off
// (-DTRIAGE_ASSERTIONS=OFF). They are a comparison or two where a call
// starts (once a case or a record at most: no slower within the benchmarks'
// noise), never inside a walk of the graph. A failure names the file, the
// line, the condition and why it must hold, and aborts.
#pragma once

namespace triage {

[[noreturn]] void AssertionFailed(const char* file, int line, const char* condition,
                                  const char* reason);

}  // namespace triage

#if TRIAGE_ASSERTIONS
#define TRIAGE_ASSERT(condition, reason) \
  ((condition) ? (void)0 : ::triage::AssertionFailed(__FILE__, __LINE__, #condition, reason))
#else
#define TRIAGE_ASSERT(condition, reason) ((void)sizeof(condition))
#endif

/// After a switch that covers every value of an enum class.
#define TRIAGE_UNREACHABLE() \
  ::triage::AssertionFailed(__FILE__, __LINE__, "unreachable", "a switch missed a value")
