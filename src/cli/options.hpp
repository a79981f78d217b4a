// Program_options plumbing shared by the commands.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "cli/cli.hpp"

namespace tailor::cli {

namespace po = boost::program_options;

/// Adds --help and --diagnostic-format to desc, parses ctx.args with FILE positionals into
/// vm. Returns -1 to go on, or an exit code (0 after printing help).
int parse_command_line(Context& ctx, const char* usage, po::options_description& desc,
                       po::variables_map& vm, const char* positional_name = "file");

}  // namespace tailor::cli
