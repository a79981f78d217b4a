// The build options for CI and for runs at scale: --prune, --dry-run, --summary, --key-file,
// --shard. Their logic lives in batch_pass (prune, records), batch_pass_plan (dry run),
// batch_report and shard.
#pragma once

#include <boost/program_options.hpp>

#include "cli/build_request.hpp"
#include "cli/cli.hpp"

namespace tailor::cli {

void add_batch_options(boost::program_options::options_description& desc, BuildRequest& req);

/// Checks the combinations and applies --shard to req.inputs. Returns -1 to go on, or the
/// usage exit code after saying what is wrong.
int check_batch_options(Context& ctx, BuildRequest& req);

/// True when `file` is inside `folder` (or is it), after resolving both as far as they exist.
bool path_inside(const std::string& file, const std::string& folder);

}  // namespace tailor::cli
