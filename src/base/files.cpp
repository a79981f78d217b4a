#include "base/files.hpp"

#include "base/regular_files.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace tailor::base {

std::optional<std::string> read_file(const std::string& path, std::string& err,
                                     std::size_t max_bytes, bool* too_large) {
  if (too_large) *too_large = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  return read_fd(fd, err, max_bytes, too_large);
}

std::optional<std::string> read_fd(int fd, std::string& err, std::size_t max_bytes, bool* too_large,
                                   const std::atomic<int>* stop) {
  if (too_large) *too_large = false;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    err = "is a directory";
    return std::nullopt;
  }
  auto refuse = [&](std::uint64_t size, bool exact) {
    err = "file too large: " +
          (exact ? group_digits(size) + " bytes" : "more than " + group_digits(max_bytes)) +
          "; the limit is " + describe_bytes(max_bytes);
    if (too_large) *too_large = true;
    return std::nullopt;
  };
  std::string out;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
      return refuse(static_cast<std::uint64_t>(st.st_size), true);
    }
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR && !(stop && stop->load() != 0)) continue;
      err = errno == EINTR ? "interrupted" : std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    // A file that grows while it is read, or a pipe, is cut off at the limit too.
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) return refuse(0, false);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

namespace {
std::atomic<int> g_fault_errno{0};
std::atomic<std::size_t> g_fault_after{0};
}  // namespace

void inject_write_fault_for_testing(int errno_value, std::size_t after_bytes) {
  g_fault_after = after_bytes;
  g_fault_errno = errno_value;
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err,
                       TempFileTracker* tracker) {
  namespace fs = std::filesystem;
  // Outputs are regular files or nothing: never rename over a FIFO, a device or a link.
  if (!check_output_target(path, err)) return false;
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  // With a tracker, block signals while the file is created and registered, so a handler
  // that removes tracked files never misses one that exists.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  if (tracker) ::pthread_sigmask(SIG_BLOCK, &block, &old);
  int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  int mk_errno = errno;
  void* token = fd >= 0 && tracker ? tracker->created(tmpl) : nullptr;
  if (tracker) ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) {
    err = "cannot create a temporary file in " + dir.string() + ": " + std::strerror(mk_errno);
    return false;
  }
  auto finish = [&] {
    if (tracker) tracker->released(token);
  };
  auto fail = [&](const std::string& what, bool close_fd) {
    err = what + ": " + std::strerror(errno);
    if (close_fd) ::close(fd);
    ::unlink(tmpl.c_str());
    finish();
    return false;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    std::size_t want = bytes.size() - done;
    int fault = g_fault_errno.load();
    if (fault != 0) {
      std::size_t after = g_fault_after.load();
      if (done >= after) {
        errno = fault;
        return fail("cannot write " + path, true);
      }
      want = std::min(want, after - done);
    }
    ssize_t n = ::write(fd, bytes.data() + done, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write " + path, true);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail("cannot set the mode of " + path, true);
  if (::fsync(fd) != 0) return fail("cannot flush " + path, true);
  if (::close(fd) != 0) return fail("cannot close " + path, false);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    return fail("cannot rename into place " + path, false);
  }
  finish();
  return true;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace tailor::base
