#include "cli/batch_summary.hpp"

#include <csignal>
#include <cstdio>

namespace tailor::cli {

std::string format_summary(const BuildSummary& s) {
  char time[64];
  double rate = s.seconds > 0 ? static_cast<double>(s.built) / s.seconds : 0;
  std::snprintf(time, sizeof time, "%.2f s (%.0f/s)", s.seconds, rate);
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  std::string out;
  if (s.built > 0) {
    out = "built " + plural(s.built, "output") + " from " + plural(s.inputs_built, "input") +
          " in " + time;
    if (s.up_to_date > 0) out += "; " + std::to_string(s.up_to_date) + " up to date";
  } else if (s.up_to_date > 0) {
    out = "nothing to build: " + plural(s.up_to_date, "output") + " up to date";
  } else {
    out = "built nothing";
  }
  if (!s.failed_inputs.empty()) {
    out += "; " + plural(s.failed_inputs.size(), "input") + " failed: ";
    for (std::size_t k = 0; k < s.failed_inputs.size() && k < 5; ++k) {
      out += (k ? ", " : "") + s.failed_inputs[k];
    }
    if (s.failed_inputs.size() > 5)
      out += ", and " + std::to_string(s.failed_inputs.size() - 5) + " more";
  }
  if (s.removed > 0) {
    out += "; removed " + plural(s.removed, "earlier output") + " of failed inputs";
  }
  if (s.pruned > 0) out += "; pruned " + plural(s.pruned, "output") + " no longer made";
  if (s.signal != 0) {
    const char* name = s.signal == SIGINT ? "SIGINT" : s.signal == SIGHUP ? "SIGHUP" : "SIGTERM";
    out += std::string("; interrupted by ") + name + ", " + plural(s.not_built, "output") +
           " not built";
  } else if (s.output_failed) {
    out += "; stopped: writing to standard output or error failed, " +
           plural(s.not_built, "output") + " not built";
  } else if (s.fail_fast_stop) {
    out += "; stopped at the first failure (--fail-fast), " + plural(s.not_built, "output") +
           " not built";
  }
  return out;
}

}  // namespace tailor::cli
