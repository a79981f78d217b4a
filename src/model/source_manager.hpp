// Owns the text of every file read in a run, so diagnostics can quote source lines.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::model {

/// Registry of source texts keyed by the file_id carried in every SourceSpan.
/// Thread-safe: batch builds read many files at once. Returned references stay valid.
class SourceManager {
 public:
  /// Registers a text under a display path; returns its file_id (>= 1).
  std::uint32_t add(std::string path, std::string text);
  const std::string& path(std::uint32_t file_id) const;
  const std::string& text(std::uint32_t file_id) const;
  /// The text of a 1-based line, without its line ending; empty when out of range.
  /// The first call for a file indexes its line starts, so each later call is O(log lines):
  /// a huge file with a diagnostic on every line renders in linear time.
  std::string_view line(std::uint32_t file_id, std::uint32_t line) const;
  /// Bytes line() has examined so far: an operation count for the tests that prove
  /// diagnostics cost linear time, not a timing.
  std::uint64_t bytes_scanned() const;

 private:
  struct File {
    std::string path;
    std::string text;
    mutable std::vector<std::size_t> line_starts;  ///< Filled by the first line() call.
  };
  mutable std::mutex mu_;
  std::deque<File> files_;
  mutable std::uint64_t scanned_ = 0;  // deque: references stay valid as files are added
};

}  // namespace tailor::model
