#include "cli/batch_progress.hpp"

#include <cstdio>
#include <ostream>

namespace tailor::cli::batch {

Progress::Progress(std::ostream& err, std::ostream& bar, bool terminal, bool enabled,
                   std::size_t total)
    : err_(err),
      bar_(bar),
      terminal_(terminal),
      enabled_(enabled),
      total_(total),
      start_(Clock::now()) {}

void Progress::finished(bool ok) {
  ++done_;
  if (!ok) ++failed_;
  if (ok) ++built_;
  if (terminal_ && enabled_) draw(false);
}

void Progress::print(const std::string& text) {
  if (!enabled_ && text.empty()) return;
  if (terminal_ && drawn_) bar_ << "\r\x1b[K";
  err_ << text;
  drawn_ = false;
  if (terminal_ && enabled_) draw(true);
}

std::string Progress::counter() {
  ++printed_;
  return "[" + std::to_string(printed_) + "/" + std::to_string(total_) + "] ";
}

void Progress::clear() {
  if (terminal_ && drawn_) bar_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

double Progress::seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void Progress::draw(bool force) {
  auto now = Clock::now();
  if (!force && drawn_ && done_ < total_ && now - last_draw_ < std::chrono::milliseconds(50)) {
    return;
  }
  last_draw_ = now;
  constexpr std::size_t kWidth = 30;
  std::size_t fill = total_ == 0 ? kWidth : kWidth * done_ / total_;
  double secs = seconds();
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f/s", secs > 0 ? static_cast<double>(built_) / secs : 0.0);
  bar_ << "\r\x1b[K[" << std::string(fill, '#') << std::string(kWidth - fill, '.') << "] " << done_
       << "/" << total_;
  if (failed_ > 0) bar_ << "  " << failed_ << " failed";
  bar_ << "  " << rate << std::flush;
  drawn_ = true;
}

}  // namespace tailor::cli::batch
