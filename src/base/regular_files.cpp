#include "base/regular_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "base/files.hpp"

namespace tailor::base {

std::string file_type_name(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "a special file";
}

namespace {

/// Opens path without blocking and checks it is a regular file; -1 with err set otherwise.
int open_regular(const std::string& path, std::string& err) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    err = std::strerror(errno);
    return -1;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    err = std::strerror(errno);
    ::close(fd);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    err = S_ISDIR(st.st_mode) ? "is a directory"
                              : "is " + file_type_name(st.st_mode) + ", not a regular file";
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

std::optional<std::string> read_regular_file(const std::string& path, std::string& err,
                                             std::size_t max_bytes, bool* too_large) {
  if (too_large) *too_large = false;
  int fd = open_regular(path, err);
  if (fd < 0) return std::nullopt;
  auto bytes = read_fd(fd, err, max_bytes, too_large);
  ::close(fd);
  return bytes;
}

bool check_regular_resource(const std::string& path, std::string& err) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;  // missing: the reader says so
  if (S_ISREG(st.st_mode)) return true;
  err = "is " + file_type_name(st.st_mode) + ", not a regular file";
  return false;
}

bool check_output_target(const std::string& path, std::string& err) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0)
    return true;  // nothing there (or unreachable: the write says why)
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return true;
  err = "refusing to replace " + path + ": it is " + file_type_name(st.st_mode);
  if (S_ISLNK(st.st_mode)) {
    char target[PATH_MAX];
    ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
    if (n > 0) err += " to " + std::string(target, static_cast<std::size_t>(n));
  }
  err += ", not a regular file; Tailor writes outputs only as regular files";
  return false;
}

}  // namespace tailor::base
