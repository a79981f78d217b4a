#include "cli/batch_options.hpp"

#include <filesystem>

#include "cli/shard.hpp"

namespace tailor::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

void add_batch_options(po::options_description& desc, BuildRequest& req) {
  desc.add_options()("prune", po::bool_switch(&req.prune),
                     "remove the outputs in --out-dir's manifest that this build no longer "
                     "makes (a deleted resume, a dropped role)")(
      "dry-run", po::bool_switch(&req.dry_run),
      "print the plan (input -> output: build, skip or prune) and write nothing")(
      "summary", po::value(&req.summary_file),
      "write a JSON summary of the batch to FILE (atomically)")(
      "key-file", po::value(&req.key_file),
      "write reference -> input and output rows to FILE as CSV (atomically); not inside "
      "--out-dir")("shard", po::value(&req.shard),
                   "build only share K of N (K from 0), chosen by a hash of each input's path");
}

bool path_inside(const std::string& file, const std::string& folder) {
  std::error_code ec;
  fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
  fs::path d = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  auto fi = f.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++fi) {
    if (di->empty()) continue;  // the trailing "" of "out/"
    if (fi == f.end() || *fi != *di) return false;
  }
  return true;
}

int check_batch_options(Context& ctx, BuildRequest& req) {
  if (req.prune && req.out_dir.empty()) {
    return usage_error(ctx, "--prune needs --out-dir (the manifest there says what Tailor owns)");
  }
  if (req.dry_run && req.watch) return usage_error(ctx, "use either --dry-run or --watch");
  if (!req.key_file.empty() && !req.out_dir.empty() && path_inside(req.key_file, req.out_dir)) {
    return usage_error(ctx, "--key-file " + req.key_file + " is inside --out-dir " + req.out_dir +
                                ": the key would travel with the blind outputs; write it "
                                "elsewhere");
  }
  if (!req.summary_file.empty() && req.anonymize && !req.out_dir.empty() &&
      path_inside(req.summary_file, req.out_dir)) {
    return usage_error(ctx, "--summary " + req.summary_file + " is inside --out-dir " +
                                req.out_dir +
                                ": with --anonymize it names the inputs behind the references; "
                                "write it elsewhere");
  }
  if (!req.shard.empty()) {
    std::string error;
    std::optional<Shard> shard = parse_shard(req.shard, error);
    if (!shard) return usage_error(ctx, error);
    req.shard_index = shard->index;
    req.shard_count = shard->count;
    if (req.watch) return usage_error(ctx, "--shard is for batches; it does not go with --watch");
  }
  return -1;
}

}  // namespace tailor::cli
