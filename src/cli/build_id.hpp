// Which Tailor binary is running, beyond its version number, for the --if-changed manifest.
#pragma once

#include <string>

namespace tailor::cli {

/// Identifies the running Tailor beyond its version number, so a rebuilt binary invalidates
/// the manifest: the GNU build-id of the executable (a hash the linker computes over the
/// code), or its size and modification time when it has none.
const std::string& tailor_identity();

}  // namespace tailor::cli
