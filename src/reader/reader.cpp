#include "reader/reader.hpp"

#include <filesystem>

#include "base/files.hpp"
#include "base/utf8.hpp"

namespace tailor::reader {

InputFormat input_format_for(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json" ? InputFormat::JsonResume : InputFormat::Resume;
}

std::uint32_t add_source(const std::string& path, std::string_view raw,
                         model::SourceManager& sources, diag::Diagnostics& diags) {
  std::string text = base::normalise_newlines(raw);
  std::uint32_t id = sources.add(path, text);
  if (auto bad = base::validate_utf8(sources.text(id))) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", bad->byte);
    model::SourceSpan span{id, bad->line, bad->col, bad->line, bad->col + 1};
    diags.error(span, std::string("invalid UTF-8 byte ") + buf)
        .hints.push_back("save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)");
    return 0;
  }
  return id;
}

std::uint32_t load_source(const std::string& path, model::SourceManager& sources,
                          diag::Diagnostics& diags) {
  std::string err;
  std::optional<std::string> raw = base::read_file(path, err);
  if (!raw) {
    diag::Diagnostic d;
    d.path = path;
    d.message = "cannot read file: " + err;
    diags.add(std::move(d));
    return 0;
  }
  return add_source(path, *raw, sources, diags);
}

namespace {

std::optional<model::Document> parse_registered(const std::string& path, std::uint32_t id,
                                                const model::SourceManager& sources,
                                                diag::Diagnostics& diags) {
  if (id == 0) return std::nullopt;
  const std::string& text = sources.text(id);
  return input_format_for(path) == InputFormat::JsonResume ? parse_json_resume(id, text, diags)
                                                           : parse_resume(id, text, diags);
}

}  // namespace

std::optional<model::Document> read_document_bytes(const std::string& path, std::string_view raw,
                                                   model::SourceManager& sources,
                                                   diag::Diagnostics& diags) {
  return parse_registered(path, add_source(path, raw, sources, diags), sources, diags);
}

std::optional<model::Document> read_document(const std::string& path, model::SourceManager& sources,
                                             diag::Diagnostics& diags) {
  return parse_registered(path, load_source(path, sources, diags), sources, diags);
}

}  // namespace tailor::reader
