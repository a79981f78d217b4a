#include "cli/batch_prune.hpp"

#include <filesystem>
#include <set>
#include <system_error>

#include "cli/shard.hpp"

namespace tailor::cli::batch {

std::vector<std::string> prune_candidates(const Plan& plan, const Manifest& manifest,
                                          unsigned shard_index, unsigned shard_count) {
  std::set<std::string> planned;
  for (const PlannedOutput& o : plan.outputs) planned.insert(o.name);
  std::vector<std::string> out;
  for (const std::string& name : manifest.names()) {
    if (planned.count(name)) continue;
    if (shard_count > 1 &&
        shard_of_source(manifest.get(name)->source, shard_count) != shard_index) {
      continue;
    }
    out.push_back(name);
  }
  return out;
}

bool remove_output(const std::string& path, std::ostream& err) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!ec) return true;
  err << "tailor: error: cannot remove " << path << ": " << ec.message() << "\n";
  return false;
}

}  // namespace tailor::cli::batch
