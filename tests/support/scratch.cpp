#include "support/scratch.hpp"

#include <algorithm>

namespace tailor::test {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("tailor-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> dir_entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tailor::test
