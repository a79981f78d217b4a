// Readers: files in, one document model out. Every problem becomes a located Diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/source_manager.hpp"

namespace tailor::reader {

enum class InputFormat { Resume, JsonResume, RenderCv, YamlResume, LinkedIn };

/// The format for a path alone: ".json" is JSON Resume, ".zip" a LinkedIn export, ".yaml" and
/// ".yml" RenderCV (detect_format looks inside), anything else our markup.
InputFormat input_format_for(const std::string& path);

/// The format by extension and content (reader/detect.cpp): a ZIP signature is a LinkedIn
/// export whatever the name; YAML (by extension, or a first key of cv: or content:) is RenderCV
/// when it has cv: at the top, YAMLResume when it has content:. nullopt with `problem` set when
/// the content does not say (a .yaml with neither key, or both).
std::optional<InputFormat> detect_format(const std::string& path, std::string_view raw,
                                         std::string& problem);

/// The format for a --from name: resume, json, rendercv, yamlresume, linkedin.
std::optional<InputFormat> format_from_name(const std::string& name);

/// Reads a file, rejects invalid UTF-8 at the first bad byte (line:col), accepts a BOM and
/// CRLF, registers the normalised text with `sources` and parses it. Enforces the limits of
/// base/limits.hpp (size, line length, entries). nullopt on any error.
std::optional<model::Document> read_document(const std::string& path, model::SourceManager& sources,
                                             diag::Diagnostics& diags);

/// Reads and checks a resource text file, which must be a regular file (size, UTF-8, BOM, CRLF,
/// line length unless it is .json) and registers it; returns its file_id, or 0 after adding an
/// error. Shared by every file-reading stage (rules, styles, postings).
std::uint32_t load_source(const std::string& path, model::SourceManager& sources,
                          diag::Diagnostics& diags);

/// Checks a parsed document against base::kMaxEntries and base::kMaxBlocks; adds an error at
/// the first item past a limit and returns false.
bool check_document_limits(const model::Document& doc, diag::Diagnostics& diags);

/// Like load_source, for bytes already in memory (fuzzers, stdin): checks and registers `raw`
/// under the name `path`; returns its file_id, or 0 after adding an error.
std::uint32_t add_source(const std::string& path, std::string_view raw,
                         model::SourceManager& sources, diag::Diagnostics& diags);

/// Like read_document, for bytes already in memory; `path` names them and picks the format.
std::optional<model::Document> read_document_bytes(const std::string& path, std::string_view raw,
                                                   model::SourceManager& sources,
                                                   diag::Diagnostics& diags);

/// Like add_source and read_document_bytes, in a format given explicitly (`--from`, stdin).
std::uint32_t add_source(const std::string& path, std::string_view raw, InputFormat format,
                         model::SourceManager& sources, diag::Diagnostics& diags);
std::optional<model::Document> read_document_bytes(const std::string& path, std::string_view raw,
                                                   InputFormat format,
                                                   model::SourceManager& sources,
                                                   diag::Diagnostics& diags);

/// Parses our .resume markup (grammar/resume.ebnf). `text` is the registered text of file_id.
std::optional<model::Document> parse_resume(std::uint32_t file_id, std::string_view text,
                                            diag::Diagnostics& diags);

/// Parses a RenderCV YAML file (reader/rendercv.cpp) / a YAMLResume file (reader/yamlresume.cpp).
std::optional<model::Document> parse_rendercv(std::uint32_t file_id, std::string_view text,
                                              diag::Diagnostics& diags);
std::optional<model::Document> parse_yamlresume(std::uint32_t file_id, std::string_view text,
                                                diag::Diagnostics& diags);

/// Reads a LinkedIn data export (reader/linkedin.cpp): the bytes of its ZIP, or the folder it
/// unzips to. Each CSV read is registered as "PATH:Positions.csv" (or the file in the folder).
std::optional<model::Document> read_linkedin_zip(const std::string& path, std::string_view raw,
                                                 model::SourceManager& sources,
                                                 diag::Diagnostics& diags);
std::optional<model::Document> read_linkedin_folder(const std::string& path,
                                                    model::SourceManager& sources,
                                                    diag::Diagnostics& diags);

/// True when `path` is a folder holding at least one file of a LinkedIn export.
bool is_linkedin_folder(const std::string& path);
/// The names and bytes of the export files in such a folder, one after another (for hashes);
/// nullopt with err set when one cannot be read.
std::optional<std::string> linkedin_folder_fingerprint(const std::string& path, std::string& err);

/// Parses a JSON Resume v1 document into the model.
std::optional<model::Document> parse_json_resume(std::uint32_t file_id, std::string_view text,
                                                 diag::Diagnostics& diags);

}  // namespace tailor::reader
