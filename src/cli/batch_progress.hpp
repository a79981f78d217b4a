// Batch progress: a redrawn bar on a terminal, plain "[k/N] wrote ..." lines otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

namespace tailor::cli::batch {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  /// err: messages (sanitised); bar: the same stream unsanitised, for the bar's escapes.
  Progress(std::ostream& err, std::ostream& bar, bool terminal, bool enabled, std::size_t total);

  /// An output finished (any thread; caller holds the print lock).
  void finished(bool ok);

  /// A line for the log (caller holds the print lock). On a terminal the bar is cleared
  /// first and redrawn after, so messages never mix with it.
  void print(const std::string& text);

  /// "[k/N] " counter for plain lines, counted in print order.
  std::string counter();

  void clear();

  double seconds() const;

  bool plain_lines() const { return enabled_ && !terminal_; }

 private:
  void draw(bool force);

  std::ostream& err_;
  std::ostream& bar_;
  bool terminal_, enabled_;
  std::size_t total_, done_ = 0, failed_ = 0, built_ = 0, printed_ = 0;
  bool drawn_ = false;
  Clock::time_point start_, last_draw_{};
};

}  // namespace tailor::cli::batch
