// Helpers shared by the tests: source paths, golden files, running the CLI in-process.
#pragma once

#include <string>
#include <vector>

namespace tailor::test {

/// Absolute path of a file in the source tree ("samples/aysel.resume").
std::string source_path(const std::string& relative);

/// Reads a file or fails the current test.
std::string slurp(const std::string& path);

/// Compares actual with the golden file (relative to tests/golden/). With UPDATE_GOLDEN=1 in
/// the environment it rewrites the file instead, for review with git diff.
/// Returns an empty string on match, or a readable line diff.
std::string compare_golden(const std::string& golden_relative, const std::string& actual);

struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

/// Runs `tailor ARGS...` in-process, with the working directory at the source root.
CliResult run_cli(const std::vector<std::string>& args);

/// Files matching a glob-like suffix in a source folder, sorted ("samples", ".resume").
std::vector<std::string> list_files(const std::string& relative_dir, const std::string& suffix);

}  // namespace tailor::test
