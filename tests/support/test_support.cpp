#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"

namespace tailor::test {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
  return (fs::path(TAILOR_SOURCE_DIR) / relative).string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

static std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string compare_golden(const std::string& golden_relative, const std::string& actual) {
  fs::path path = fs::path(TAILOR_SOURCE_DIR) / "tests" / "golden" / golden_relative;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return {};
  }
  if (!fs::exists(path)) {
    return "missing golden file " + path.string() + " (run with UPDATE_GOLDEN=1 to create it)";
  }
  std::string expected = slurp(path.string());
  if (expected == actual) return {};
  std::vector<std::string> a = lines_of(expected), b = lines_of(actual);
  std::ostringstream diff;
  diff << "golden mismatch: " << path.string() << "\n";
  std::size_t n = std::max(a.size(), b.size()), shown = 0;
  for (std::size_t i = 0; i < n && shown < 20; ++i) {
    std::string x = i < a.size() ? a[i] : "<end>", y = i < b.size() ? b[i] : "<end>";
    if (x != y) {
      diff << "  line " << i + 1 << "\n    - " << x << "\n    + " << y << "\n";
      ++shown;
    }
  }
  if (shown == 0) diff << "  (differs only in trailing newline or bytes)\n";
  return diff.str();
}

CliResult run_cli(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"tailor"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  fs::path old = fs::current_path();
  fs::current_path(TAILOR_SOURCE_DIR);
  int rc = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  fs::current_path(old);
  return {rc, out.str(), err.str()};
}

std::vector<std::string> list_files(const std::string& relative_dir, const std::string& suffix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(TAILOR_SOURCE_DIR) / relative_dir)) {
    std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(relative_dir + "/" + name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tailor::test
