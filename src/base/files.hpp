// File access with the project's safety rules: atomic writes, no partial outputs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tailor::base {

/// Reads a whole file. On failure returns nullopt and sets err to a sentence (strerror).
std::optional<std::string> read_file(const std::string& path, std::string& err);

/// Lets a caller know which temporary files exist, e.g. so a signal handler can remove them.
class TempFileTracker {
 public:
  virtual ~TempFileTracker() = default;
  /// A temporary file now exists. Called with SIGINT and SIGTERM blocked on this thread, so
  /// a handler never misses a file. Returns a token for released().
  virtual void* created(const std::string& temp_path) = 0;
  /// The temporary file is gone (renamed into place or removed).
  virtual void released(void* token) = 0;
};

/// Writes bytes to a temporary file in the destination's folder (".NAME.tmp-XXXXXX"), fsyncs
/// it and renames it into place, so readers never see a half-written output. Returns false
/// and sets err on failure; the temporary file is removed in every failure path.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err,
                       TempFileTracker* tracker = nullptr);

/// True when two paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace tailor::base
