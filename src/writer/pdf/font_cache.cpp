#include "writer/pdf/font_cache.hpp"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string_view>

namespace tailor::writer::pdf {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "tailor font cache 1";
/// Environment variables that change what fontconfig loads or prefers (FcDefaultSubstitute
/// takes the language from the locale).
constexpr const char* kEnvironment[] = {"FONTCONFIG_FILE",
                                        "FONTCONFIG_PATH",
                                        "FONTCONFIG_SYSROOT",
                                        "HOME",
                                        "XDG_CONFIG_HOME",
                                        "XDG_DATA_HOME",
                                        "XDG_CACHE_HOME",
                                        "FC_LANG",
                                        "LC_ALL",
                                        "LC_CTYPE",
                                        "LANG",
                                        "LANGUAGE"};
/// A font tree deeper or wider than this is not worth stamping; such a machine goes uncached.
constexpr std::size_t kMaxStamps = 4096;

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string(fallback);
}

/// What a path is now: "mtime.ns size inode", or "-" when it does not exist.
std::string signature(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
         std::to_string(st.st_size) + " " + std::to_string(st.st_ino);
}

/// Whether `path` is now in the state `expected` records, as signature() writes it, formatted
/// in a stack buffer: a PDF build checks about 80 stamps and needs no string for each.
bool signature_is(const std::string& path, std::string_view expected) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return expected == "-";
  char buf[96];
  std::size_t n = 0;
  auto number = [&](auto value) {
    n = static_cast<std::size_t>(std::to_chars(buf + n, buf + sizeof buf, value).ptr - buf);
  };
  auto sep = [&](char c) {
    if (n < sizeof buf) buf[n++] = c;
  };
  number(st.st_mtim.tv_sec);
  sep('.');
  number(st.st_mtim.tv_nsec);
  sep(' ');
  number(st.st_size);
  sep(' ');
  number(st.st_ino);
  return std::string_view(buf, n) == expected;
}

/// The whole file, or nothing if it cannot be read.
std::optional<std::string> read_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return bytes;
}

/// The tab-separated fields of one line, as views into it.
std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    std::size_t tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line.remove_prefix(tab + 1);
  }
}

bool printable_field(const std::string& s) {
  return s.find_first_of("\t\n\r") == std::string::npos;
}

void add_list(FcStrList* list, std::set<std::string>& out) {
  if (!list) return;
  while (FcChar8* s = FcStrListNext(list)) out.insert(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
}

/// Everything fontconfig's current answers depend on, read from the loaded configuration.
std::vector<std::string> collect_stamps(FcConfig* config) {
  std::set<std::string> paths;
  add_list(FcConfigGetConfigFiles(config), paths);
  add_list(FcConfigGetConfigDirs(config), paths);
  add_list(FcConfigGetCacheDirs(config), paths);
  std::set<std::string> font_dirs;
  add_list(FcConfigGetFontDirs(config), font_dirs);
  for (const std::string& dir : font_dirs) {
    paths.insert(dir);
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec)) paths.insert(it->path().string());
      if (paths.size() > kMaxStamps) return {};
    }
  }
  return {paths.begin(), paths.end()};
}

}  // namespace

std::string FontMatchCache::default_path() {
  if (env_or("TAILOR_FONT_CACHE", "") == "off") return "";
  std::string dir = env_or("TAILOR_CACHE_DIR", "");
  if (dir.empty()) {
    std::string xdg = env_or("XDG_CACHE_HOME", "");
    std::string home = env_or("HOME", "");
    if (!xdg.empty()) {
      dir = xdg + "/tailor";
    } else if (!home.empty()) {
      dir = home + "/.cache/tailor";
    } else {
      return "";
    }
  }
  return dir + "/fonts-1.cache";
}

void FontMatchCache::load(const std::string& path) {
  path_ = path;
  faces_.clear();
  if (path.empty()) return;
  std::optional<std::string> bytes = read_file(path);
  if (!bytes) return;
  std::string_view rest = *bytes;
  // The next line without its newline; a last line without one counts, as getline read it.
  auto next_line = [&rest](std::string_view& line) {
    if (rest.empty()) return false;
    std::size_t nl = rest.find('\n');
    line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line != kHeader) return;
  std::map<FaceKey, FontMatch> faces;
  std::vector<std::pair<std::string, std::string_view>> stamps;  // path, recorded state
  bool complete = false;
  const std::string version = std::to_string(FcGetVersion());
  while (next_line(line)) {
    std::vector<std::string_view> f = split_tabs(line);
    if (f[0] == "end" && f.size() == 1) {
      complete = true;
      break;
    }
    if (f[0] == "fontconfig" && f.size() == 2) {
      if (f[1] != version) return;
    } else if (f[0] == "env" && f.size() == 3) {
      const char* v = std::getenv(std::string(f[1]).c_str());
      if ((v ? "=" + std::string(v) : std::string("unset")) != f[2]) return;
    } else if (f[0] == "stamp" && f.size() == 3) {
      stamps.emplace_back(std::string(f[2]), f[1]);
    } else if (f[0] == "face" && f.size() == 8) {
      FaceKey key{std::string(f[1]), f[2] == "1", f[3] == "1"};
      FontMatch m;
      m.index = static_cast<unsigned>(std::strtoul(std::string(f[4]).c_str(), nullptr, 10));
      m.exact = f[5] == "1";
      m.family = f[6];
      m.file = f[7];
      faces[key] = m;
    } else {
      return;  // not a line this version writes: treat the whole file as stale
    }
  }
  if (!complete) return;
  // Configuration and folders now; the faces' own files when find() first hands them out.
  std::set<std::string_view> face_files;
  for (const auto& [k, m] : faces) face_files.insert(m.file);
  std::vector<std::string> stamped;
  std::map<std::string, std::string> unchecked;
  for (auto& [stamp, state] : stamps) {
    if (face_files.count(stamp) != 0) {
      unchecked.emplace(stamp, state);
    } else if (!signature_is(stamp, state)) {
      return;
    }
    stamped.push_back(std::move(stamp));
  }
  faces_ = std::move(faces);
  stamped_ = std::move(stamped);
  unchecked_files_ = std::move(unchecked);
  stamps_known_ = true;
}

void FontMatchCache::forget() {
  faces_.clear();
  stamped_.clear();
  unchecked_files_.clear();
  stamps_known_ = false;
}

std::optional<FontMatch> FontMatchCache::find(const FaceKey& key) {
  auto it = faces_.find(key);
  if (it == faces_.end()) return std::nullopt;
  auto unchecked = unchecked_files_.find(it->second.file);
  if (unchecked != unchecked_files_.end()) {
    if (!signature_is(unchecked->first, unchecked->second)) {
      forget();  // a font file changed in place: nothing in the record is trusted
      return std::nullopt;
    }
    unchecked_files_.erase(unchecked);
  }
  return it->second;
}

void FontMatchCache::add(const FaceKey& key, const FontMatch& match) {
  if (path_.empty()) return;
  if (!printable_field(key.family) || !printable_field(match.family) ||
      !printable_field(match.file)) {
    return;
  }
  // The rewritten record stamps every face's file as it is now, so a recorded face whose file
  // changed since this process loaded the record must not be carried over unchecked.
  for (const auto& [file, state] : unchecked_files_) {
    if (!signature_is(file, state)) {
      forget();
      break;
    }
  }
  unchecked_files_.clear();
  if (!stamps_known_) {
    // fontconfig is loaded by now (the caller just asked it), so this costs no extra parse.
    stamped_ = collect_stamps(FcConfigGetCurrent());
    if (stamped_.empty()) return;
    stamps_known_ = true;
  }
  faces_[key] = match;
  std::set<std::string> stamps(stamped_.begin(), stamped_.end());
  for (const auto& [k, m] : faces_) {
    if (!m.file.empty()) stamps.insert(m.file);
  }
  std::ostringstream out;
  out << kHeader << "\n";
  out << "fontconfig\t" << FcGetVersion() << "\n";
  for (const char* name : kEnvironment) {
    const char* v = std::getenv(name);
    out << "env\t" << name << "\t" << (v ? "=" + std::string(v) : std::string("unset")) << "\n";
  }
  for (const std::string& p : stamps) {
    if (!printable_field(p)) return;
    out << "stamp\t" << signature(p) << "\t" << p << "\n";
  }
  for (const auto& [k, m] : faces_) {
    out << "face\t" << k.family << "\t" << k.bold << "\t" << k.italic << "\t" << m.index << "\t"
        << m.exact << "\t" << m.family << "\t" << m.file << "\n";
  }
  out << "end\n";

  std::error_code ec;
  fs::path target(path_);
  fs::create_directories(target.parent_path(), ec);
  std::string tmp = path_ + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  std::string bytes = out.str();
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path_.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace tailor::writer::pdf
