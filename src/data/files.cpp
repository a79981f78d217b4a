#include "data/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "data/builtin.hpp"

namespace tailor::data {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::vector<std::string> user_dirs(std::string_view kind) {
  std::vector<fs::path> roots;
  if (std::string d = env("TAILOR_DATA_DIR"); !d.empty()) roots.emplace_back(d);
  // XDG: an unset or relative XDG_DATA_HOME means ~/.local/share.
  fs::path xdg = env("XDG_DATA_HOME");
  if (xdg.empty() || xdg.is_relative()) {
    std::string home = env("HOME");
    xdg = home.empty() ? fs::path() : fs::path(home) / ".local" / "share";
  }
  if (!xdg.empty()) roots.push_back(xdg / "tailor");
  std::vector<std::string> out;
  for (const fs::path& r : roots) {
    fs::path dir = r / kind;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) out.push_back(dir.string());
  }
  return out;
}

std::vector<File> list(std::string_view kind, std::string_view ext) {
  std::map<std::string, std::string> by_name;  // name -> path; the first found wins
  for (const std::string& dir : user_dirs(kind)) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (e.path().extension() != ext) continue;
      by_name.emplace(name, (fs::path(dir) / name).string());
    }
  }
  std::string prefix = std::string(kind) + "/";
  for (const BuiltinFile& b : builtin_files()) {
    if (b.path.substr(0, prefix.size()) != prefix) continue;
    std::string name(b.path.substr(prefix.size()));
    if (fs::path(name).extension() != ext) continue;
    by_name.emplace(name, std::string(kBuiltinPrefix) + std::string(b.path));
  }
  std::vector<File> out;
  for (auto& [name, path] : by_name) out.push_back({name, path});
  return out;
}

std::optional<File> find(std::string_view kind, std::string_view name) {
  for (const std::string& dir : user_dirs(kind)) {
    fs::path p = fs::path(dir) / name;
    std::error_code ec;
    if (fs::exists(p, ec)) return File{std::string(name), p.string()};
  }
  std::string path = std::string(kind) + "/" + std::string(name);
  for (const BuiltinFile& b : builtin_files()) {
    if (b.path == path) return File{std::string(name), std::string(kBuiltinPrefix) + path};
  }
  return std::nullopt;
}

bool is_builtin(std::string_view path) {
  return path.substr(0, kBuiltinPrefix.size()) == kBuiltinPrefix;
}

std::optional<std::string_view> builtin_text(std::string_view path) {
  if (!is_builtin(path)) return std::nullopt;
  std::string_view rel = path.substr(kBuiltinPrefix.size());
  for (const BuiltinFile& b : builtin_files()) {
    if (b.path == rel) return b.text;
  }
  return std::nullopt;
}

}  // namespace tailor::data
