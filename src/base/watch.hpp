// File watching for `tailor build --watch` (Linux inotify).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tailor::base {

/// Watches a set of files through their folders, because editors save by writing a new
/// file and renaming it over the old one (which a watch on the file itself would lose).
/// A folder that is deleted or moved away (`git checkout` does both) is watched again as soon
/// as it exists again, and its files then count as changed.
class FileWatcher {
 public:
  FileWatcher() = default;
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  /// Starts watching. False with err set when inotify or a folder watch fails.
  bool start(const std::vector<std::string>& files, std::string& err);

  enum class Event { Changed, Woken, Error };

  /// Blocks until a watched file is written, created, renamed into place, deleted or has
  /// its attributes changed, then keeps collecting events until `debounce_ms` pass with no
  /// new one (an editor's save is several events). Returns Woken when `wake_fd` (may be -1)
  /// becomes readable or a signal interrupts the wait. `changed` receives the file paths
  /// (as given to start) that changed.
  Event wait(int wake_fd, int debounce_ms, std::set<std::string>& changed, std::string& err);

 private:
  /// Adds a watch on a folder; -1 when it cannot be watched (yet).
  int add_folder(const std::string& dir);
  /// Tries to watch the lost folders again; those that exist again report their files.
  void rewatch_lost(std::set<std::string>& changed);

  int fd_ = -1;
  /// Watch descriptor -> (file name in that folder -> path as given).
  std::map<int, std::map<std::string, std::string>> names_;
  std::map<int, std::string> folder_of_;  ///< Watch descriptor -> folder path.
  /// Folders whose watch ended (deleted, moved away) -> their file names and paths.
  std::map<std::string, std::map<std::string, std::string>> lost_;
};

}  // namespace tailor::base
