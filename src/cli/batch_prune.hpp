// --prune and the clean-up after failures: which outputs a pass removes, and removing one.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/batch_manifest.hpp"
#include "cli/batch_plan.hpp"

namespace tailor::cli::batch {

/// The manifest entries --prune would remove: outputs the plan no longer makes, of this
/// shard's inputs only under --shard (the others are other workers').
std::vector<std::string> prune_candidates(const Plan& plan, const Manifest& manifest,
                                          unsigned shard_index, unsigned shard_count);

/// Removes an output file Tailor owns; false after writing why to err.
bool remove_output(const std::string& path, std::ostream& err);

}  // namespace tailor::cli::batch
