// `tailor build` for one or many inputs: checks the request, builds each input once, then
// --watch. cmd_build.cpp parses options and loads shared state; this runs it. The pieces:
// batch_pass (one pass), batch_pass_plan (its plan and --dry-run), batch_pool, batch_progress,
// batch_plan, batch_manifest, batch_io (signals, atomic writes), batch_watch, build_id.
#pragma once

#include "cli/batch_deps.hpp"
#include "cli/batch_summary.hpp"
#include "cli/build_env.hpp"
#include "cli/build_request.hpp"
#include "cli/cli.hpp"

namespace tailor::cli {

/// Runs a build as requested and returns the exit code: the highest code among the
/// failures, or 130 / 143 after SIGINT / SIGTERM. Diagnostics are printed per input in
/// command-line order, whatever order the workers finish in. `terminal`: draw a progress
/// bar on ctx.err rather than plain lines.
int run_build(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal);

}  // namespace tailor::cli
