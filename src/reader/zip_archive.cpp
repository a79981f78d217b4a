#include "reader/zip_archive.hpp"

#include <zip.h>

#include <memory>

#include "base/limits.hpp"

namespace tailor::reader {

namespace {

bool same_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

bool zip_name_escapes(std::string_view name) {
  if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // a drive letter
  if (name.find('\\') != std::string_view::npos) return true;
  if (name.find('\0') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    if (name.substr(start, slash - start) == "..") return true;
    start = slash + 1;
  }
  return false;
}

std::optional<std::vector<ZipFile>> read_zip(const std::string& path, std::string_view raw,
                                             const std::vector<std::string>& wanted,
                                             model::SourceManager& sources,
                                             diag::Diagnostics& diags) {
  // Messages about the archive name it, or "archive:entry"; line 0 quotes nothing.
  auto fail = [&](const std::string& where, std::string message, std::string hint) {
    model::SourceSpan at{sources.add(where, std::string()), 0, 0, 0, 0};
    diags.error(at, std::move(message)).hints.push_back(std::move(hint));
    return std::nullopt;
  };
  const char* kLimits =
      "a LinkedIn data export is a few hundred kilobytes of CSV files "
      "(docs/limits.md)";
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(raw.data(), raw.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    return fail(path, "cannot read the ZIP archive", "is this the right file?");
  }
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!zip) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    return fail(path, "not a readable ZIP archive: " + why,
                "a LinkedIn data export is the .zip LinkedIn sends, or the folder it unzips to");
  }
  zip_error_fini(&err);
  zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > base::kMaxZipEntries) {
    return fail(path,
                "too many files in the archive: " +
                    base::group_digits(static_cast<std::uint64_t>(count < 0 ? 0 : count)) +
                    "; the limit is " + base::group_digits(base::kMaxZipEntries),
                kLimits);
  }
  std::vector<ZipFile> found(wanted.size());
  std::vector<bool> have(wanted.size(), false);
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS, &st) != 0 ||
        !(st.valid & ZIP_STAT_NAME)) {
      return fail(path, "entry " + std::to_string(i + 1) + " of the archive is damaged",
                  "unzip -t shows what is wrong");
    }
    std::string name = st.name;
    if (zip_name_escapes(name)) {
      return fail(path + ":" + name,
                  "an archive entry names a path outside the archive's folder; the archive "
                  "is refused",
                  "names in a ZIP must be relative, without .. or a drive; a LinkedIn export "
                  "never has one");
    }
    std::string_view base = name;
    if (std::size_t slash = base.rfind('/'); slash != std::string_view::npos) {
      base = base.substr(slash + 1);
    }
    std::size_t w = 0;
    while (w < wanted.size() && !same_nocase(base, wanted[w])) ++w;
    if (w == wanted.size() || have[w]) continue;
    std::string where = path + ":" + name;
    std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (size > base::kMaxZipEntryBytes) {
      return fail(where,
                  "unpacks to " + base::group_digits(size) + " bytes; the limit is " +
                      base::describe_bytes(base::kMaxZipEntryBytes) + " a file",
                  kLimits);
    }
    if (size > 1024 * 1024 && size > base::kMaxZipRatio * (packed == 0 ? 1 : packed)) {
      return fail(where,
                  "unpacks " + base::group_digits(packed) + " bytes into " +
                      base::group_digits(size) + " (more than " +
                      std::to_string(base::kMaxZipRatio) + " times): a ZIP bomb?",
                  kLimits);
    }
    total += size;
    if (total > base::kMaxZipTotalBytes) {
      return fail(where,
                  "the files read unpack to more than " +
                      base::describe_bytes(base::kMaxZipTotalBytes) + " together",
                  kLimits);
    }
    std::unique_ptr<zip_file_t, FileCloser> f(
        zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(i), 0));
    if (!f) {
      return fail(where, std::string("cannot unpack: ") + zip_strerror(zip.get()),
                  "unzip -t shows what is wrong");
    }
    // Read one byte past the size the directory states: a lying header is caught here, and
    // never costs more than the limit.
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size) + 1);
    std::size_t got = 0;
    while (got < bytes.size()) {
      zip_int64_t n = zip_fread(f.get(), bytes.data() + got, bytes.size() - got);
      if (n < 0) {
        return fail(where, std::string("cannot unpack: ") + zip_file_strerror(f.get()),
                    "the archive is damaged; download the export again");
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    if (got != size) {
      return fail(where,
                  "unpacks to a size other than its directory entry states (" +
                      base::group_digits(size) + " bytes)",
                  "the archive is damaged or forged; download the export again");
    }
    bytes.resize(got);
    found[w] = ZipFile{wanted[w], name, std::move(bytes)};
    have[w] = true;
  }
  std::vector<ZipFile> out;
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    if (have[w]) out.push_back(std::move(found[w]));
  }
  return out;
}

}  // namespace tailor::reader
