#include "cli/input_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <filesystem>

#include "base/files.hpp"
#include "base/links.hpp"
#include "diag/limits.hpp"
#include "reader/reader.hpp"

namespace tailor::cli {

std::string input_display_name(const std::string& path) {
  return is_stdin(path) ? "<stdin>" : path;
}

std::optional<std::string> read_input(const std::string& path, std::string& err, bool& too_large,
                                      const std::atomic<int>* stop) {
  if (is_stdin(path)) {
    return base::read_fd(STDIN_FILENO, err, base::kMaxInputBytes, &too_large, stop);
  }
  if (reader::is_linkedin_folder(path)) {
    // Its files, names and all: what a batch manifest hashes. parse_input reads the folder.
    return reader::linkedin_folder_fingerprint(path, err);
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  auto bytes = base::read_fd(fd, err, base::kMaxInputBytes, &too_large, stop);
  ::close(fd);
  return bytes;
}

std::optional<model::Document> parse_input(const std::string& path, std::string_view bytes,
                                           const std::string& from, model::SourceManager& sources,
                                           diag::Diagnostics& diags) {
  // A LinkedIn export unzipped is a folder of CSV files; read_input gave only a fingerprint.
  std::optional<model::Document> doc;
  if (!is_stdin(path) && reader::is_linkedin_folder(path) && (from.empty() || from == "linkedin")) {
    doc = reader::read_linkedin_folder(path, sources, diags);
    if (doc && !reader::check_document_limits(*doc, diags)) return std::nullopt;
  } else if (from.empty()) {
    // Without --from, the extension and the content choose (reader::detect_format).
    doc = reader::read_document_bytes(input_display_name(path), bytes, sources, diags);
  } else {
    doc = reader::read_document_bytes(input_display_name(path), bytes,
                                      *reader::format_from_name(from), sources, diags);
  }
  if (doc) resolve_photo(*doc, is_stdin(path) ? std::string() : path);
  return doc;
}

void resolve_photo(model::Document& doc, const std::string& resume_path) {
  const std::string& photo = doc.header.photo.value;
  doc.header.photo_file.clear();
  if (photo.empty() || !base::link_scheme(photo).empty()) return;  // a URL is never fetched
  std::filesystem::path p(photo);
  if (p.is_relative() && !resume_path.empty()) {
    p = std::filesystem::path(resume_path).parent_path() / p;
  }
  doc.header.photo_file = p.string();
}

std::optional<model::Document> load_input(const std::string& path, const std::string& from,
                                          model::SourceManager& sources, diag::Diagnostics& diags) {
  std::string err;
  bool too_large = false;
  auto bytes = read_input(path, err, too_large);
  if (!bytes) {
    diag::report_read_failure(input_display_name(path), "cannot read file", err, too_large, sources,
                              diags);
    return std::nullopt;
  }
  return parse_input(path, *bytes, from, sources, diags);
}

std::string check_inputs(const std::vector<std::string>& paths, const std::string& from) {
  if (!from.empty() && !reader::format_from_name(from)) {
    return "--from must be resume, json, rendercv, yamlresume or linkedin, not '" + from + "'";
  }
  if (std::count_if(paths.begin(), paths.end(), is_stdin) > 1) {
    return "standard input ('-') can be read only once; name it once";
  }
  return "";
}

}  // namespace tailor::cli
