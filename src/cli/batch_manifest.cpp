#include "cli/batch_manifest.hpp"

#include <filesystem>
#include <sstream>

#include "base/sha256.hpp"

namespace tailor::cli::batch {

namespace {

constexpr const char* kHeader = "# tailor manifest 2";

bool is_hex(const std::string& s, std::size_t size) {
  if (s.size() != size) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string source_id(const std::string& input_path) {
  std::string normal = std::filesystem::path(input_path).lexically_normal().generic_string();
  return base::sha256_hex(normal).substr(0, 16);
}

Manifest Manifest::parse(const std::string& text) {
  Manifest m;
  std::istringstream in(text);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {
      first = false;
      if (line != kHeader) return m;  // another version: rebuild everything
      continue;
    }
    // KEY OUTPUT SOURCE NAME; the name may hold spaces, so it is the rest of the line.
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    std::size_t c = b == std::string::npos ? b : line.find(' ', b + 1);
    if (c == std::string::npos || c + 1 >= line.size()) continue;
    ManifestEntry e{line.substr(0, a), line.substr(a + 1, b - a - 1),
                    line.substr(b + 1, c - b - 1)};
    if (is_hex(e.key, 64) && is_hex(e.output, 64) && is_hex(e.source, 16)) {
      m.entries_[line.substr(c + 1)] = std::move(e);
    }
  }
  return m;
}

std::string Manifest::serialise() const {
  std::string s = std::string(kHeader) + "\n";
  for (const auto& [name, e] : entries_) {
    s += e.key + " " + e.output + " " + e.source + " " + name + "\n";
  }
  return s;
}

std::optional<ManifestEntry> Manifest::get(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Manifest::names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : entries_) out.push_back(name);
  return out;
}

}  // namespace tailor::cli::batch
