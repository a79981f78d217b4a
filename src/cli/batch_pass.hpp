// One build pass: plan it (batch_pass_plan.hpp: read every input once, plan, hash, skip what
// is up to date), then build the rest on a pool of workers, printing diagnostics per input in
// command-line order, and record what was built.
#pragma once

#include "cli/batch_manifest.hpp"
#include "cli/build_env.hpp"
#include "cli/build_request.hpp"
#include "cli/cli.hpp"

namespace tailor::cli::batch {

/// Runs one pass and returns its exit code: the highest code among the failures, or 130 /
/// 143 after SIGINT / SIGTERM. Records what it built in `manifest` and, with --out-dir,
/// writes the manifest file. `if_changed`: skip outputs the manifest says are up to date.
int run_pass(Context& ctx, const BuildRequest& req, const BuildEnv& env, Manifest& manifest,
             bool if_changed, bool terminal);

}  // namespace tailor::cli::batch
