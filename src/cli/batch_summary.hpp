// The one line a batch build ends with.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tailor::cli {

/// "built 120 outputs from 30 inputs in 2.1 s (57/s); 1 input failed: broken.resume".
struct BuildSummary {
  std::size_t built = 0, up_to_date = 0, failed_outputs = 0, not_built = 0;
  std::size_t inputs_built = 0;
  std::vector<std::string> failed_inputs;
  double seconds = 0;
  std::size_t pruned = 0;   ///< Outputs --prune removed.
  std::size_t removed = 0;  ///< Earlier outputs of failed inputs, removed.
  bool fail_fast_stop = false;
  bool output_failed = false;  ///< Writing to stdout or stderr failed: the batch stopped.
  int signal = 0;
};
std::string format_summary(const BuildSummary& s);

}  // namespace tailor::cli
