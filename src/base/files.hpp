// File access with the project's safety rules: atomic writes, no partial outputs.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.hpp"

namespace tailor::base {

/// Reads a whole file of at most max_bytes. On failure returns nullopt and sets err to a
/// sentence (strerror, "is a directory"). A regular file larger than max_bytes is refused from
/// its size alone, before a byte is read; a pipe is read until it passes the limit. Then
/// *too_large (when given) is set, so callers can treat it as bad input rather than an I/O error.
std::optional<std::string> read_file(const std::string& path, std::string& err,
                                     std::size_t max_bytes = kMaxInputBytes,
                                     bool* too_large = nullptr);

/// Like read_file, for a descriptor that is already open (stdin); the caller closes it.
/// `stop`: when a read is interrupted by a signal (EINTR) and *stop is non-zero, give up with
/// err "interrupted" instead of reading on, so a signal handler that only sets a flag can
/// still end a read that blocks on a silent pipe.
std::optional<std::string> read_fd(int fd, std::string& err, std::size_t max_bytes = kMaxInputBytes,
                                   bool* too_large = nullptr,
                                   const std::atomic<int>* stop = nullptr);

/// Lets a caller know which temporary files exist, e.g. so a signal handler can remove them.
/// The name is handed over before the file is created, so a handler running on any thread
/// never misses a file that exists: it removes every reserved name, created or not.
class TempFileTracker {
 public:
  virtual ~TempFileTracker() = default;
  /// A temporary file is about to be created under this name (it does not exist yet). Sets a
  /// token for created() and released(). False when the process is being torn down: no file
  /// may be created then.
  virtual bool reserve(const std::string& temp_path, void*& token) = 0;
  /// The file now exists. False when the process is being torn down: the caller removes the
  /// file itself and gives up.
  virtual bool created(void* token) = 0;
  /// The temporary file is gone (renamed into place, removed, or never created).
  virtual void released(void* token) = 0;
};

/// Writes bytes to a temporary file in the destination's folder (".NAME.tmp-" and 12 random
/// letters), fsyncs it and renames it into place, so readers never see a half-written output. An
/// existing `path` that is not a regular file (check_output_target) is refused before anything is
/// written. Returns false
/// and sets err on failure; the temporary file is removed in every failure path.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err,
                       TempFileTracker* tracker = nullptr);

/// A file written in full under a temporary name beside its destination (".NAME.tmp-" and 12 random
/// letters), not yet made durable or renamed into place. Held open until commit_staged.
struct StagedFile {
  std::string path;  ///< The destination.
  std::string temp;  ///< The temporary file; empty once renamed or removed.
  int fd = -1;
  void* token = nullptr;
  TempFileTracker* tracker = nullptr;
};

/// The first half of write_file_atomic: checks the target and writes the temporary file.
/// False with err set (the temporary file removed) on failure.
bool stage_file(const std::string& path, std::string_view bytes, StagedFile& out, std::string& err,
                TempFileTracker* tracker = nullptr);

/// Removes a staged file that will not be committed.
void discard_staged(StagedFile& f);

/// The second half, for a group of files: makes all of them durable (one syncfs per file
/// system, where write_file_atomic pays an fsync per file), and only then renames each into
/// place, so after a crash every output is either as it was or complete. Returns one error
/// per file, empty for the files now in place; a failed file's temporary is removed.
std::vector<std::string> commit_staged(std::vector<StagedFile>& files);

/// How many group syncs commit_staged has made in this process (tests and benchmarks).
std::size_t group_syncs();

/// Test hook: makes commit_staged's syncs fail with errno_value, as a disk that reports a
/// write-back error would (EIO); 0 turns the fault off. Not for production use.
void inject_sync_fault_for_testing(int errno_value);

/// Test hook: makes the next write_file_atomic calls fail as a full disk would (write(2)
/// returns -1 with errno_value after `after_bytes` bytes), so the clean-up after ENOSPC is
/// tested on every machine, not only where a tiny file system can be mounted. errno_value 0
/// turns the fault off. Not for production use.
void inject_write_fault_for_testing(int errno_value, std::size_t after_bytes = 0);

/// True when two paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace tailor::base
