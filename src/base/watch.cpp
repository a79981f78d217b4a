#include "base/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace tailor::base {

namespace fs = std::filesystem;

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                IN_MOVED_FROM | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
/// How often a lost folder is looked for again.
constexpr int kRewatchMs = 100;
}  // namespace

int FileWatcher::add_folder(const std::string& dir) {
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd >= 0) folder_of_[wd] = dir;
  return wd;
}

void FileWatcher::rewatch_lost(std::set<std::string>& changed) {
  for (auto it = lost_.begin(); it != lost_.end();) {
    int wd = add_folder(it->first);
    if (wd < 0) {
      ++it;
      continue;
    }
    for (const auto& [name, path] : it->second) {
      names_[wd][name] = path;
      std::error_code ec;
      if (fs::exists(path, ec)) changed.insert(path);
    }
    it = lost_.erase(it);
  }
}

bool FileWatcher::start(const std::vector<std::string>& files, std::string& err) {
  fd_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd_ < 0) {
    err = std::string("cannot start inotify: ") + std::strerror(errno);
    return false;
  }
  std::map<std::string, int> dirs;
  for (const std::string& f : files) {
    fs::path p(f);
    std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
    auto it = dirs.find(dir);
    if (it == dirs.end()) {
      int wd = add_folder(dir);
      if (wd < 0 && errno == ENOENT) {
        // Gone between the first build and now (a checkout that recreates it): looked for
        // again by name, as a folder that disappears later is.
        lost_[dir][p.filename().string()] = f;
        continue;
      }
      if (wd < 0) {
        err = "cannot watch folder " + dir + ": " + std::strerror(errno);
        return false;
      }
      it = dirs.emplace(dir, wd).first;
    }
    names_[it->second][p.filename().string()] = f;
  }
  return true;
}

FileWatcher::Event FileWatcher::wait(int wake_fd, int debounce_ms, std::set<std::string>& changed,
                                     std::string& err) {
  using Clock = std::chrono::steady_clock;
  alignas(inotify_event) char buf[16384];
  bool seen = false;
  Clock::time_point quiet_until{};
  for (;;) {
    if (!lost_.empty()) {
      std::size_t before = changed.size();
      rewatch_lost(changed);
      if (changed.size() > before) {
        seen = true;
        quiet_until = Clock::now() + std::chrono::milliseconds(debounce_ms);
      }
    }
    int timeout = lost_.empty() ? -1 : kRewatchMs;
    if (seen) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(quiet_until - Clock::now());
      if (left.count() <= 0) return Event::Changed;
      timeout = timeout < 0 ? static_cast<int>(left.count())
                            : std::min(timeout, static_cast<int>(left.count()));
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    int n = ::poll(fds, wake_fd >= 0 ? 2 : 1, timeout);
    if (n < 0) {
      if (errno == EINTR) return Event::Woken;
      err = std::string("poll failed: ") + std::strerror(errno);
      return Event::Error;
    }
    if (wake_fd >= 0 && (fds[1].revents & POLLIN)) return Event::Woken;
    if (n == 0) continue;  // the debounce interval passed; checked at the top
    for (;;) {
      ssize_t len = ::read(fd_, buf, sizeof buf);
      if (len <= 0) break;
      for (char* p = buf; p < buf + len;) {
        auto* ev = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        if (ev->mask & (IN_IGNORED | IN_MOVE_SELF)) {
          // The folder is gone or moved away: its watch is over. Look for it again by name.
          auto dir = names_.find(ev->wd);
          auto folder = folder_of_.find(ev->wd);
          if (dir != names_.end() && folder != folder_of_.end()) {
            auto& files = lost_[folder->second];
            files.insert(dir->second.begin(), dir->second.end());
            names_.erase(dir);
          }
          if (folder != folder_of_.end()) folder_of_.erase(folder);
          if (ev->mask & IN_MOVE_SELF) ::inotify_rm_watch(fd_, ev->wd);
          continue;
        }
        if (ev->len == 0) continue;
        auto dir = names_.find(ev->wd);
        if (dir == names_.end()) continue;
        auto file = dir->second.find(ev->name);
        if (file == dir->second.end()) continue;
        changed.insert(file->second);
        seen = true;
        quiet_until = Clock::now() + std::chrono::milliseconds(debounce_ms);
      }
    }
  }
}

}  // namespace tailor::base
