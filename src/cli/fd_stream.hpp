// Standard output and standard error as checked streams. Every write(2) is checked; the first
// failure is kept with its errno and the stream goes bad, so a full disk, /dev/full or a
// closed pipe turns into exit 3 instead of a silent, truncated output.
#pragma once

#include <streambuf>
#include <string>

namespace tailor::cli {

class FdStreambuf final : public std::streambuf {
 public:
  /// line_buffered: flush at every newline (for stderr, so messages appear as they happen).
  FdStreambuf(int fd, bool line_buffered);
  ~FdStreambuf() override;
  FdStreambuf(const FdStreambuf&) = delete;
  FdStreambuf& operator=(const FdStreambuf&) = delete;

  /// errno of the first write that failed, or 0.
  int error() const { return errno_; }
  int fd() const { return fd_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool flush_buffer();
  bool write_all(const char* p, std::size_t n);

  int fd_;
  bool line_buffered_;
  int errno_ = 0;
  char buf_[1 << 16];
};

/// Names a file descriptor's destination for a message: "standard output (/dev/full)", or
/// "standard output" when it is a pipe or a terminal.
std::string describe_destination(int fd);

}  // namespace tailor::cli
