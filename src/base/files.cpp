#include "base/files.hpp"

#include "base/regular_files.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

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

namespace {
std::atomic<int> g_sync_fault{0};
std::atomic<std::size_t> g_group_syncs{0};
}  // namespace

void inject_sync_fault_for_testing(int errno_value) { g_sync_fault = errno_value; }

std::size_t group_syncs() { return g_group_syncs.load(); }

namespace {

/// Twelve letters and digits for a temporary file's name, from a per-thread generator seeded
/// by the kernel: unguessable, so no other process can take or predict the name.
std::string temp_name_suffix() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::uint64_t state = [] {
    std::uint64_t seed = 0;
    if (::getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed)) {
      seed = static_cast<std::uint64_t>(::getpid()) << 32 ^ reinterpret_cast<std::uintptr_t>(&seed);
    }
    return seed;
  }();
  std::string out(12, 'x');
  for (char& c : out) {
    // splitmix64
    state += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    c = kAlphabet[z % (sizeof kAlphabet - 1)];
  }
  return out;
}

}  // namespace

bool stage_file(const std::string& path, std::string_view bytes, StagedFile& out, std::string& err,
                TempFileTracker* tracker) {
  namespace fs = std::filesystem;
  out = StagedFile{};
  // Outputs are regular files or nothing: never rename over a FIFO, a device or a link.
  if (!check_output_target(path, err)) return false;
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  const std::string stem = (dir / ("." + target.filename().string() + ".tmp-")).string();
  // The tracker learns the name before the file exists (TempFileTracker), so the name is ours
  // rather than mkostemp's; O_EXCL and O_NOFOLLOW keep its guarantees.
  std::string tmpl;
  void* token = nullptr;
  int fd = -1;
  int mk_errno = 0;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    tmpl = stem + temp_name_suffix();
    if (tracker && !tracker->reserve(tmpl, token)) {
      tracker->released(token);
      err = "interrupted while writing " + path;
      return false;
    }
    fd = ::open(tmpl.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    mk_errno = errno;
    if (fd < 0) {
      if (tracker) tracker->released(token);
      token = nullptr;
      if (mk_errno != EEXIST) break;
    }
  }
  if (fd < 0) {
    err = "cannot create a temporary file in " + dir.string() + ": " + std::strerror(mk_errno);
    return false;
  }
  if (tracker && !tracker->created(token)) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    tracker->released(token);
    err = "interrupted while writing " + path;
    return false;
  }
  out.path = path;
  out.temp = tmpl;
  out.fd = fd;
  out.token = token;
  out.tracker = tracker;
  auto fail = [&](const std::string& what) {
    err = what + ": " + std::strerror(errno);
    discard_staged(out);
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
        return fail("cannot write " + path);
      }
      want = std::min(want, after - done);
    }
    ssize_t n = ::write(fd, bytes.data() + done, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write " + path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail("cannot set the mode of " + path);
  return true;
}

void discard_staged(StagedFile& f) {
  int saved = errno;
  if (f.fd >= 0) ::close(f.fd);
  f.fd = -1;
  if (!f.temp.empty()) ::unlink(f.temp.c_str());
  f.temp.clear();
  if (f.tracker) f.tracker->released(f.token);
  f.tracker = nullptr;
  errno = saved;
}

namespace {

/// Closes a staged file and renames it into place; the file's data is already durable.
bool place(StagedFile& f, std::string& err) {
  auto fail = [&](const std::string& what) {
    err = what + ": " + std::strerror(errno);
    discard_staged(f);
    return false;
  };
  int fd = f.fd;
  f.fd = -1;
  if (::close(fd) != 0) return fail("cannot close " + f.path);
  if (::rename(f.temp.c_str(), f.path.c_str()) != 0) {
    return fail("cannot rename into place " + f.path);
  }
  f.temp.clear();
  if (f.tracker) f.tracker->released(f.token);
  f.tracker = nullptr;
  return true;
}

}  // namespace

std::vector<std::string> commit_staged(std::vector<StagedFile>& files) {
  std::vector<std::string> errs(files.size());
  // One syncfs per file system the group writes to: it makes every file's data and inode
  // durable at once, where an fsync per file waits for a journal commit per file.
  struct Device {
    dev_t dev;
    int err;        ///< errno of its sync; 0: durable
    bool per_file;  ///< no syncfs here (ENOSYS): an fsync per file instead
  };
  std::vector<Device> synced;
  std::vector<dev_t> devs(files.size());
  std::vector<int> stat_err(files.size(), 0);
  for (std::size_t i = 0; i < files.size(); ++i) {
    struct stat st {};
    if (files[i].fd >= 0 && ::fstat(files[i].fd, &st) != 0) stat_err[i] = errno;
    devs[i] = st.st_dev;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    StagedFile& f = files[i];
    if (f.fd < 0) continue;
    int e = stat_err[i];
    // The only file of the group on its file system: its own fsync is the cheaper sync.
    if (e == 0 && std::count(devs.begin(), devs.end(), devs[i]) == 1) {
      e = ::fsync(f.fd) == 0 ? 0 : errno;
      if (g_sync_fault.load() != 0) e = g_sync_fault.load();
    } else if (e == 0) {
      auto it = std::find_if(synced.begin(), synced.end(),
                             [&](const Device& d) { return d.dev == devs[i]; });
      if (it == synced.end()) {
        // Every file of the group is written by now, so this one call covers them all.
        g_group_syncs.fetch_add(1);
        int fault = g_sync_fault.load();
        Device d{devs[i], 0, false};
        if (fault != 0) {
          d.err = fault;
        } else if (::syncfs(f.fd) != 0) {
          d.per_file = errno == ENOSYS;
          d.err = d.per_file ? 0 : errno;
        }
        synced.push_back(d);
        it = synced.end() - 1;
      }
      e = it->per_file ? (::fsync(f.fd) == 0 ? 0 : errno) : it->err;
    }
    if (e != 0) {
      errno = e;
      errs[i] = "cannot flush " + f.path + ": " + std::strerror(e);
      discard_staged(f);
    }
  }
  // Only now, with every file of the group durable, does any of them replace its output: a
  // crash leaves each output either as it was or complete, as an fsync per file would.
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].fd >= 0) place(files[i], errs[i]);
  }
  return errs;
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err,
                       TempFileTracker* tracker) {
  StagedFile f;
  if (!stage_file(path, bytes, f, err, tracker)) return false;
  if (::fsync(f.fd) != 0) {
    err = "cannot flush " + path + ": " + std::strerror(errno);
    discard_staged(f);
    return false;
  }
  return place(f, err);
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace tailor::base
