#include "cli/batch_io.hpp"

#include "base/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tailor::cli::batch {

namespace {

// Slots for temporary files being written. The handler may only use async-signal-safe
// calls, so paths live in fixed buffers and a slot is published by its atomic state.
constexpr std::size_t kSlots = 512;
constexpr std::size_t kPathMax = 4096;
// A slot's states: free, its path being copied in, reserved (the file may be being created),
// created (the file exists).
enum SlotState : int { kFree = 0, kFilling = 1, kReserved = 2, kCreated = 3 };
struct TempSlot {
  std::atomic<int> state{kFree};
  char path[kPathMax];
};
// constinit: zero in .bss with no start-up code. Without it GCC 12 stores the 512 zeros at
// start-up, one per 4 KB page: 512 page faults in every process (docs/performance.md).
constinit std::array<TempSlot, kSlots> g_slots{};

std::atomic<int> g_signal{0};
std::atomic<bool> g_dying{false};  // a second signal is removing the temporaries
int g_wake[2] = {-1, -1};
struct sigaction g_old_int {
}, g_old_term{}, g_old_hup{};
std::atomic<int> g_guards{0};

static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) {
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) {
    // Second signal: the user insists. Remove temporaries and leave now. A writer that is
    // reserving a name or creating its file is waited for (at most 200 ms: the handler may be
    // running on that very thread). A writer that reserves after this sees g_dying and
    // creates nothing; one that creates its file after the wait sees it and removes the file.
    g_dying.store(true);
    for (int waited = 0; waited < 200; ++waited) {
      bool pending = false;
      for (TempSlot& s : g_slots) {
        int state = s.state.load();
        pending = pending || state == kFilling || state == kReserved;
      }
      if (!pending) break;
      struct timespec ms {
        0, 1000000
      };
      ::nanosleep(&ms, nullptr);
    }
    // Only whole paths: a slot still being filled may hold a prefix of another file's name.
    for (TempSlot& s : g_slots) {
      int state = s.state.load();
      if (state == kReserved || state == kCreated) ::unlink(s.path);
    }
    ::_exit(128 + sig);
  }
  if (g_wake[1] >= 0) {
    int saved = errno;
    char c = 1;
    [[maybe_unused]] ssize_t n = ::write(g_wake[1], &c, 1);
    errno = saved;
  }
}

TempSlot* claim(const std::string& path) {
  if (path.size() >= kPathMax) return nullptr;
  for (TempSlot& s : g_slots) {
    int expected = 0;
    if (s.state.compare_exchange_strong(expected, kFilling)) {
      std::memcpy(s.path, path.c_str(), path.size() + 1);
      s.state.store(kReserved);
      return &s;
    }
  }
  return nullptr;  // more writers than slots: still atomic, just not removable by a signal
}

void release(TempSlot* s) {
  if (s) s->state.store(kFree);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (g_guards.fetch_add(1) > 0) return;
  g_signal.store(0);
  if (g_wake[0] < 0 && ::pipe2(g_wake, O_CLOEXEC | O_NONBLOCK) != 0) {
    g_wake[0] = g_wake[1] = -1;
  }
  char drain[64];
  while (g_wake[0] >= 0 && ::read(g_wake[0], drain, sizeof drain) > 0) {
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll() in --watch must return EINTR
  ::sigaction(SIGINT, &sa, &g_old_int);
  ::sigaction(SIGTERM, &sa, &g_old_term);
  ::sigaction(SIGHUP, &sa, &g_old_hup);
}

InterruptGuard::~InterruptGuard() {
  if (g_guards.fetch_sub(1) > 1) return;
  ::sigaction(SIGINT, &g_old_int, nullptr);
  ::sigaction(SIGTERM, &g_old_term, nullptr);
  ::sigaction(SIGHUP, &g_old_hup, nullptr);
}

int interrupt_signal() { return g_signal.load(); }

const std::atomic<int>& interrupt_flag() { return g_signal; }

int signal_exit_code(int sig) { return 128 + sig; }

int interrupt_wake_fd() { return g_wake[0]; }

namespace {

// Hands write_file_atomic's temporary files to the slots the signal handler cleans up.
class SlotTracker final : public base::TempFileTracker {
 public:
  bool reserve(const std::string& temp_path, void*& token) override {
    TempSlot* slot = claim(temp_path);
    token = slot;
    // After the claim's store: a handler that set g_dying before it either waits for this
    // slot or is seen here.
    return !g_dying.load();
  }
  bool created(void* token) override {
    if (auto* s = static_cast<TempSlot*>(token)) s->state.store(kCreated);
    // After the store: a handler that set g_dying before it either sees kCreated or is seen
    // here, so the file is removed by one of the two.
    return !g_dying.load();
  }
  void released(void* token) override { release(static_cast<TempSlot*>(token)); }
};

SlotTracker g_tracker;  // no state of its own: the slots are

}  // namespace

bool write_output_atomic(const std::string& path, std::string_view bytes, std::string& err) {
  return base::write_file_atomic(path, bytes, err, &g_tracker);
}

bool stage_output(const std::string& path, std::string_view bytes, base::StagedFile& out,
                  std::string& err) {
  return base::stage_file(path, bytes, out, err, &g_tracker);
}

}  // namespace tailor::cli::batch
