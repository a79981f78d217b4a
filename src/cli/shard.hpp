// --shard K/N: a deterministic share of the inputs, so N workers under any engine (a
// Kubernetes Indexed Job, a Slurm array, GNU parallel) split one run with no coordination.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tailor::cli {

struct Shard {
  unsigned index = 0;  ///< K: 0 to count - 1.
  unsigned count = 1;  ///< N.
};

/// Parses "K/N" (0 <= K < N, N >= 1). nullopt with `error` set otherwise.
std::optional<Shard> parse_shard(const std::string& text, std::string& error);

/// The shard an input belongs to: the first 16 hex digits of the SHA-256 of its path as named,
/// lexically normalised ("./in/a.resume" is "in/a.resume"), read as a number, modulo N. It
/// depends on the path only, so every worker agrees without reading a file.
unsigned shard_of(const std::string& input_path, unsigned count);
/// The same, from the input's batch::source_id() (a manifest entry's SOURCE).
unsigned shard_of_source(const std::string& source_id, unsigned count);

/// The inputs of shard K, in their order.
std::vector<std::string> shard_inputs(const std::vector<std::string>& inputs, const Shard& shard);

}  // namespace tailor::cli
