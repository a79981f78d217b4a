#include "cli/fd_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace tailor::cli {

FdStreambuf::FdStreambuf(int fd, bool line_buffered) : fd_(fd), line_buffered_(line_buffered) {
  setp(buf_, buf_ + sizeof buf_);
}

FdStreambuf::~FdStreambuf() { flush_buffer(); }

bool FdStreambuf::write_all(const char* p, std::size_t n) {
  if (errno_ != 0) return false;  // after the first failure nothing more is written
  while (n > 0) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      errno_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool FdStreambuf::flush_buffer() {
  std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  setp(buf_, buf_ + sizeof buf_);
  return n == 0 || write_all(buf_, n);
}

FdStreambuf::int_type FdStreambuf::overflow(int_type c) {
  if (!flush_buffer()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  if (line_buffered_ && traits_type::to_char_type(c) == '\n' && !flush_buffer()) {
    return traits_type::eof();
  }
  return c;
}

std::streamsize FdStreambuf::xsputn(const char* s, std::streamsize n) {
  auto len = static_cast<std::size_t>(n);
  std::size_t room = static_cast<std::size_t>(epptr() - pptr());
  if (len <= room) {
    std::memcpy(pptr(), s, len);
    pbump(static_cast<int>(len));
  } else if (!flush_buffer() || !write_all(s, len)) {
    return 0;
  }
  if (line_buffered_ && std::memchr(s, '\n', len) != nullptr && !flush_buffer()) return 0;
  return errno_ == 0 ? n : 0;
}

int FdStreambuf::sync() { return flush_buffer() ? 0 : -1; }

std::string describe_destination(int fd) {
  std::string name = fd == STDOUT_FILENO   ? "standard output"
                     : fd == STDERR_FILENO ? "standard error"
                                           : "file descriptor " + std::to_string(fd);
  char target[PATH_MAX];
  std::string link = "/proc/self/fd/" + std::to_string(fd);
  ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
  if (n > 0 && target[0] == '/')
    name += " (" + std::string(target, static_cast<std::size_t>(n)) + ")";
  return name;
}

}  // namespace tailor::cli
