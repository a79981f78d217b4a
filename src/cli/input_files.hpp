// Inputs named on the command line. Each is read exactly once, into memory, before it is
// parsed, so a pipe ("-", /dev/stdin, <(...)) gives the same document as a regular file.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/source_manager.hpp"

namespace tailor::cli {

/// "-" names standard input.
inline bool is_stdin(const std::string& path) { return path == "-"; }

/// How an input is named in messages: "<stdin>" for "-", else the path as given.
std::string input_display_name(const std::string& path);

/// Reads one input to its end: "-" from file descriptor 0, anything else by opening it (a
/// FIFO or a pipe is read as it comes). nullopt with err set; too_large past the input limit.
/// `stop`: a signal flag that ends a read blocked on a silent pipe (base::read_fd).
std::optional<std::string> read_input(const std::string& path, std::string& err, bool& too_large,
                                      const std::atomic<int>* stop = nullptr);

/// Parses bytes read by read_input. `from` (--from resume|json|rendercv|yamlresume|linkedin)
/// chooses the format; when it is empty the extension and the content do
/// (reader::detect_format).
std::optional<model::Document> parse_input(const std::string& path, std::string_view bytes,
                                           const std::string& from, model::SourceManager& sources,
                                           diag::Diagnostics& diags);

/// Sets header.photo_file: the photo's path taken from the resume's folder (`resume_path`;
/// empty for standard input, whose photo is taken from the working folder). A URL is left out.
void resolve_photo(model::Document& doc, const std::string& resume_path);

/// read_input then parse_input; a read failure becomes a diagnostic naming the input. A folder
/// is read as an unzipped LinkedIn export.
std::optional<model::Document> load_input(const std::string& path, const std::string& from,
                                          model::SourceManager& sources, diag::Diagnostics& diags);

/// The usage errors of a list of inputs: standard input named more than once (it can be read
/// only once), an unknown --from value. Empty when the inputs are fine.
std::string check_inputs(const std::vector<std::string>& paths, const std::string& from);

}  // namespace tailor::cli
