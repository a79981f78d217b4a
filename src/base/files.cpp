#include "base/files.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tailor::base {

std::optional<std::string> read_file(const std::string& path, std::string& err) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    err = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    err = "read failed";
    return std::nullopt;
  }
  return std::move(ss).str();
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err,
                       TempFileTracker* tracker) {
  namespace fs = std::filesystem;
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
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
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
