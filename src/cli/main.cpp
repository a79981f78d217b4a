// The tailor executable: a thin shell around the library (ninja's ninja.cc).
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ostream>

#include "cli/cli.hpp"
#include "cli/fd_stream.hpp"
#include "cli/heap.hpp"

int main(int argc, char** argv) {
  tailor::cli::keep_freed_heap();
  // A closed pipe is an I/O error like any other failed write (exit 3, batch stops cleanly),
  // not a silent death that leaves temporary files behind.
  std::signal(SIGPIPE, SIG_IGN);
  tailor::cli::FdStreambuf out_buf(STDOUT_FILENO, false), err_buf(STDERR_FILENO, true);
  std::ostream out(&out_buf), err(&err_buf);
  int rc = tailor::cli::run(argc, argv, out, err, true);
  out.flush();
  // The last word on standard output is close(2): a file system may report the error there.
  if (::close(STDOUT_FILENO) != 0 && errno != EBADF && out.good()) {
    err << "tailor: error: cannot write to standard output: " << std::strerror(errno) << "\n";
    if (rc < 128) rc = 3;
  }
  err.flush();
  return rc;
}
