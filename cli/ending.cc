#include "cli/ending.h"

#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <exception>
#include <new>

namespace triage::cli {
namespace {

constexpr std::size_t kMaxPath = 4096;

// Slots a signal handler can read without a lock: a slot's path is written
// before it is marked used, and marked unused before it is written again.
struct Slot {
  std::atomic<bool> used{false};
  char path[kMaxPath] = {};
};
Slot g_slots[kMaxTemporaries];

std::atomic<bool>* g_stop = nullptr;
std::atomic<int> g_signal{0};
pthread_t g_main_thread;

// How long a run may take to stop by itself after a signal.
constexpr unsigned kGraceSeconds = 2;

void Say(const char* text) {
  // Nothing but write(2) here: this runs in signal handlers.
  ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

[[noreturn]] void EndNow(int status, const char* message) {
  RemoveTemporaries();
  Say(message);
  ::_exit(status);
}

extern "C" void OnStopSignal(int sig) {
  // Sent to the main thread, so that the read or wait it is blocked in is
  // the one interrupted (a worker or the writer may have taken it).
  if (!pthread_equal(pthread_self(), g_main_thread)) {
    pthread_kill(g_main_thread, sig);
    return;
  }
  int first = 0;
  if (g_signal.compare_exchange_strong(first, sig)) {
    if (g_stop != nullptr) g_stop->store(true);
    ::alarm(kGraceSeconds);
    return;
  }
  EndNow(128 + first, "triage: interrupted\n");
}

extern "C" void OnGraceOver(int) { EndNow(128 + g_signal.load(), "triage: interrupted\n"); }

[[noreturn]] void OnTerminate() {
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::bad_alloc&) {
      EndNow(2,
             "triage: out of memory: the input is too large for the memory this run may use; "
             "nothing was written\n");
    } catch (...) {
    }
  }
  EndNow(2, "triage: internal error (an unexpected exception); nothing was written\n");
}

}  // namespace

void KeepTemporary(const std::string& path) {
  if (path.size() >= kMaxPath) return;
  for (Slot& slot : g_slots) {
    if (slot.used.load()) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.used.store(true);
    return;
  }
}

void ForgetTemporary(const std::string& path) {
  for (Slot& slot : g_slots) {
    if (slot.used.load() && path == slot.path) slot.used.store(false);
  }
}

void RemoveTemporaries() {
  for (Slot& slot : g_slots) {
    if (slot.used.load()) ::unlink(slot.path);
  }
}

int StopSignal() { return g_signal.load(); }

void InstallEndingHandlers(std::atomic<bool>& stop) {
  g_stop = &stop;
  g_main_thread = pthread_self();
  // Without SA_RESTART, so that a read waiting on a terminal or a pipe is
  // interrupted too and the run can stop cleanly.
  struct sigaction action = {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &action, nullptr);
  struct sigaction alarm = {};
  alarm.sa_handler = OnGraceOver;
  sigemptyset(&alarm.sa_mask);
  sigaction(SIGALRM, &alarm, nullptr);
  std::set_terminate(OnTerminate);
}

}  // namespace triage::cli
