#include "triage/assert.h"

#include <cstdio>
#include <cstdlib>

namespace triage {

void AssertionFailed(const char* file, int line, const char* condition, const char* reason) {
  // The one place the engine writes anything itself: a bug in its caller
  // or in the engine, which no exit code could describe.
  std::fprintf(stderr, "%s:%d: triage: assertion '%s' failed: %s\n", file, line, condition, reason);
  std::abort();
}

}  // namespace triage
