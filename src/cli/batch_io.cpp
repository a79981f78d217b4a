#include "cli/batch_io.hpp"

#include "base/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
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
struct TempSlot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a live temporary path
  char path[kPathMax];
};
// constinit: zero in .bss with no start-up code. Without it GCC 12 stores the 512 zeros at
// start-up, one per 4 KB page: 512 page faults in every process (docs/performance.md).
constinit std::array<TempSlot, kSlots> g_slots{};

std::atomic<int> g_signal{0};
int g_wake[2] = {-1, -1};
struct sigaction g_old_int {
}, g_old_term{}, g_old_hup{};
std::atomic<int> g_guards{0};

static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) {
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) {
    // Second signal: the user insists. Remove temporaries and leave now.
    for (TempSlot& s : g_slots) {
      if (s.state.load() == 2) ::unlink(s.path);
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
    if (s.state.compare_exchange_strong(expected, 1)) {
      std::memcpy(s.path, path.c_str(), path.size() + 1);
      s.state.store(2);
      return &s;
    }
  }
  return nullptr;  // more writers than slots: still atomic, just not removable by a signal
}

void release(TempSlot* s) {
  if (s) s->state.store(0);
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
  void* created(const std::string& temp_path) override { return claim(temp_path); }
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
