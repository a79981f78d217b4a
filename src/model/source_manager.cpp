#include "model/source_manager.hpp"

namespace tailor::model {

std::uint32_t SourceManager::add(std::string path, std::string text) {
  std::lock_guard lock(mu_);
  files_.push_back(File{std::move(path), std::move(text)});
  return static_cast<std::uint32_t>(files_.size());
}

const std::string& SourceManager::path(std::uint32_t file_id) const {
  static const std::string kNone = "<input>";
  std::lock_guard lock(mu_);
  if (file_id == 0 || file_id > files_.size()) return kNone;
  return files_[file_id - 1].path;
}

const std::string& SourceManager::text(std::uint32_t file_id) const {
  static const std::string kNone;
  std::lock_guard lock(mu_);
  if (file_id == 0 || file_id > files_.size()) return kNone;
  return files_[file_id - 1].text;
}

std::string_view SourceManager::line(std::uint32_t file_id, std::uint32_t line) const {
  std::string_view t = text(file_id);
  if (line == 0) return {};
  std::size_t pos = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    std::size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
  std::size_t end = t.find('\n', pos);
  std::string_view out = t.substr(pos, end == std::string_view::npos ? t.size() - pos : end - pos);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace tailor::model
