#include "cli/batch.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <ostream>
#include <set>

#include "base/files.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_manifest.hpp"
#include "cli/batch_pass.hpp"
#include "cli/batch_plan.hpp"
#include "cli/batch_watch.hpp"
#include "cli/shard.hpp"

namespace tailor::cli {

namespace fs = std::filesystem;

namespace {
int run_unique(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal);
}  // namespace

int run_build(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal) {
  if (req.jobs < 0) return usage_error(ctx, "--jobs must be 1 or more (0: one per core)");
  if (req.if_changed && req.out_dir.empty()) {
    return usage_error(ctx, "--if-changed needs --out-dir (the manifest lives there)");
  }
  if (req.watch && req.out_dir.empty() && req.output.empty()) {
    return usage_error(ctx, "--watch needs -o or --out-dir");
  }
  if (!req.ref.empty() && !req.anonymize) return usage_error(ctx, "--ref needs --anonymize");
  if (req.anonymize && req.inputs.size() > 1 && !req.ref.empty() &&
      req.ref.find("{hash}") == std::string::npos && req.ref.find("{stem}") == std::string::npos) {
    return usage_error(ctx, "--ref '" + req.ref +
                                "' would give every candidate the same reference; add {hash} or "
                                "{stem}, or leave --ref out");
  }

  // The same file named twice (a shell glob plus an explicit name) is built once.
  BuildRequest unique = req;
  unique.inputs.clear();
  std::set<std::string> seen;
  std::set<std::pair<dev_t, ino_t>> seen_ids;
  for (const std::string& in : req.inputs) {
    std::error_code ec;
    std::string key = fs::absolute(in, ec).lexically_normal().string();
    struct stat st {};
    bool has_id = ::stat(in.c_str(), &st) == 0;
    if (!seen.insert(key).second || (has_id && !seen_ids.insert({st.st_dev, st.st_ino}).second)) {
      diag::Diagnostics named_twice;
      diag::Diagnostic d;
      d.severity = diag::Severity::Warning;
      d.path = in;
      d.message = "this file is named twice; building it once";
      named_twice.add(std::move(d));
      ctx.report(named_twice);
      continue;
    }
    unique.inputs.push_back(in);
  }
  // --shard K/N: this worker's share, by a hash of each path, so no two workers overlap.
  if (req.shard_count > 1) {
    unique.inputs = shard_inputs(unique.inputs, Shard{req.shard_index, req.shard_count});
  }
  return run_unique(ctx, unique, load_env, terminal);
}

namespace {

int run_unique(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal) {
  batch::InterruptGuard guard;
  batch::Manifest manifest;
  if (!req.out_dir.empty()) {
    std::string err;
    if (auto text = base::read_file((fs::path(req.out_dir) / batch::kManifestName).string(), err)) {
      manifest = batch::Manifest::parse(*text);
    }
  }
  int rc = 0;
  std::shared_ptr<const BuildEnv> env = load_env(rc);
  if (!env) return rc;
  rc = batch::run_pass(ctx, req, *env, manifest, req.if_changed, terminal);
  if (!req.watch || batch::interrupt_signal() != 0 || rc == code(diag::ExitCode::UsageError)) {
    return rc;
  }
  return batch::watch_and_rebuild(ctx, req, load_env, env, manifest, terminal);
}

}  // namespace

}  // namespace tailor::cli
