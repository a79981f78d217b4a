// Reading named files out of a ZIP archive held in memory (libzip), with every archive
// treated as hostile: the count of entries, the unpacked size of each file and of all files
// read, and the ratio of unpacked to packed bytes are capped (base/limits.hpp), a size the
// directory under-states is caught while reading, and an entry whose name would escape the
// folder it unpacks to (/etc/x, ../x, C:\x) refuses the archive. Each is a located error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"

namespace tailor::reader {

struct ZipFile {
  std::string name;   ///< The wanted name it matched ("Positions.csv").
  std::string entry;  ///< The entry's name in the archive.
  std::string bytes;
};

/// The entries of the archive `raw` (named `path` in messages) whose file names, without
/// their folder, equal one of `wanted` (ASCII case ignored), in the order of `wanted`.
/// nullopt after an error (not a ZIP, a limit, an escaping name, a damaged entry).
std::optional<std::vector<ZipFile>> read_zip(const std::string& path, std::string_view raw,
                                             const std::vector<std::string>& wanted,
                                             model::SourceManager& sources,
                                             diag::Diagnostics& diags);

/// True when an archive entry name would leave the folder it is unpacked into.
bool zip_name_escapes(std::string_view name);

}  // namespace tailor::reader
