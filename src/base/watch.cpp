#include "base/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace tailor::base {

namespace fs = std::filesystem;

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::start(const std::vector<std::string>& files, std::string& err) {
  fd_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd_ < 0) {
    err = std::string("cannot start inotify: ") + std::strerror(errno);
    return false;
  }
  constexpr std::uint32_t kMask =
      IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB;
  std::map<std::string, int> dirs;
  for (const std::string& f : files) {
    fs::path p(f);
    std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
    auto it = dirs.find(dir);
    if (it == dirs.end()) {
      int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask);
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
    int timeout = -1;
    if (seen) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(quiet_until - Clock::now());
      if (left.count() <= 0) return Event::Changed;
      timeout = static_cast<int>(left.count());
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
