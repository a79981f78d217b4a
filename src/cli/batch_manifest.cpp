#include "cli/batch_manifest.hpp"

#include <sstream>

namespace tailor::cli::batch {

namespace {

constexpr const char* kHeader = "# tailor manifest 1";

bool is_hash(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

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
    std::size_t sp = line.find(' ');
    if (sp == std::string::npos || sp + 1 >= line.size()) continue;
    std::string hash = line.substr(0, sp), name = line.substr(sp + 1);
    if (is_hash(hash)) m.entries_[name] = hash;
  }
  return m;
}

std::string Manifest::serialise() const {
  std::string s = std::string(kHeader) + "\n";
  for (const auto& [name, hash] : entries_) s += hash + " " + name + "\n";
  return s;
}

std::optional<std::string> Manifest::get(const std::string& name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

}  // namespace tailor::cli::batch
