// Located errors for the input limits of base/limits.hpp, shared by every file-reading stage
// (resumes, rules, styles, job postings) so each limit reads the same wherever it is hit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"

namespace tailor::diag {

/// Reports a file that base::read_file could not read. A file past the size limit is bad
/// input (exit 1): it is registered (with no text) so the error names the file; anything else
/// is an I/O error (exit 3) reported against the bare path. `what` is e.g. "cannot read file".
void report_read_failure(const std::string& path, const std::string& what, const std::string& err,
                         bool too_large, model::SourceManager& sources, Diagnostics& diags);

/// Adds an error at the first line longer than base::kMaxLineBytes, pointing at the first
/// character past the limit. Returns false when there was one.
bool check_line_lengths(std::uint32_t file_id, std::string_view text, Diagnostics& diags);

}  // namespace tailor::diag
