// Interrupt handling and tracked atomic writes, so Ctrl-C never leaves a partial output.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "base/files.hpp"

namespace tailor::cli::batch {

/// Installs SIGINT, SIGTERM and SIGHUP handlers while alive (SIGHUP, the terminal closing, is
/// handled like SIGTERM) and restores the previous ones after. The first signal only sets a
/// flag (builds stop scheduling and finish what is in flight; a blocked read gives up); a
/// second one, of any of the three, removes every temporary file still being written and
/// exits at once with 128 + its number.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// The signal received since the guard was installed, or 0.
int interrupt_signal();

/// The same, as the flag itself, for base::read_fd's `stop`.
const std::atomic<int>& interrupt_flag();

/// The exit code after a signal: 128 + its number, so 130 after SIGINT, 143 after SIGTERM and
/// 129 after SIGHUP (docs/exit-codes.md).
int signal_exit_code(int sig);

/// A file descriptor that becomes readable when a signal arrives (for poll() in --watch).
int interrupt_wake_fd();

/// base::write_file_atomic, with the temporary file registered while it exists so the
/// signal handler can remove it.
bool write_output_atomic(const std::string& path, std::string_view bytes, std::string& err);

/// base::stage_file, with the temporary file registered the same way until it is committed
/// (CommitGroup) or discarded.
bool stage_output(const std::string& path, std::string_view bytes, base::StagedFile& out,
                  std::string& err);

}  // namespace tailor::cli::batch
