#include "model/source_manager.hpp"

namespace tailor::model {

std::uint32_t SourceManager::add(std::string path, std::string text) {
  std::lock_guard lock(mu_);
  files_.push_back(File{std::move(path), std::move(text), {}});
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
  std::lock_guard lock(mu_);
  if (file_id == 0 || file_id > files_.size() || line == 0) return {};
  const File& f = files_[file_id - 1];
  std::string_view t = f.text;
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\n') f.line_starts.push_back(i + 1);
    }
    scanned_ += t.size();
  }
  if (line > f.line_starts.size()) return {};
  std::size_t pos = f.line_starts[line - 1];
  if (pos > t.size()) return {};
  std::size_t end = line < f.line_starts.size() ? f.line_starts[line] - 1 : t.size();
  std::string_view out = t.substr(pos, end - pos);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace tailor::model

namespace tailor::model {

std::uint64_t SourceManager::bytes_scanned() const {
  std::lock_guard lock(mu_);
  return scanned_;
}

}  // namespace tailor::model
