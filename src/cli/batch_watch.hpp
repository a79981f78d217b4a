// --watch: after the first pass, rebuild what changed on every save until interrupted.
#pragma once

#include <memory>

#include "cli/batch_manifest.hpp"
#include "cli/build_env.hpp"
#include "cli/build_request.hpp"
#include "cli/cli.hpp"

namespace tailor::cli::batch {

/// Watches the inputs and every dependency of `env`; on a change reloads the env (when a
/// dependency changed) and runs an incremental pass. Returns the signal's exit code.
int watch_and_rebuild(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env,
                      std::shared_ptr<const BuildEnv> env, Manifest& manifest, bool terminal);

}  // namespace tailor::cli::batch
