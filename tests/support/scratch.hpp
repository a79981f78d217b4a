// Scratch folders for tests that write files: made empty under the temporary folder, and listed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tailor::test {

/// `$TMPDIR/tailor-NAME`, emptied and created. Each test names its own, so tests run in
/// parallel never share one.
std::filesystem::path scratch_dir(const std::string& name);

/// The names of the entries directly in `dir`, sorted.
std::vector<std::string> dir_entries(const std::filesystem::path& dir);

}  // namespace tailor::test
