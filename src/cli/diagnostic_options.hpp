// --diagnostic-format and --strict, shared by every command: how diagnostics are printed and
// whether a warning fails the run.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "cli/cli.hpp"

namespace tailor::cli {

/// Adds --diagnostic-format FORMAT and --strict to desc.
void add_diagnostic_options(boost::program_options::options_description& desc);

/// Applies the parsed values to ctx. Returns -1 to go on, or the usage exit code after
/// saying what is wrong.
int apply_diagnostic_options(Context& ctx, const boost::program_options::variables_map& vm);

/// Under --strict, warnings become errors: a copy of diags with every warning promoted and
/// a hint saying why. Without it, diags unchanged.
diag::Diagnostics strict_copy(const diag::Diagnostics& diags);

}  // namespace tailor::cli
