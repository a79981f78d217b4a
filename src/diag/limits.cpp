#include "diag/limits.hpp"

#include "base/limits.hpp"

namespace tailor::diag {

void report_read_failure(const std::string& path, const std::string& what, const std::string& err,
                         bool too_large, model::SourceManager& sources, Diagnostics& diags) {
  if (!too_large) {
    Diagnostic d;
    d.path = path;
    d.message = what + ": " + err;
    diags.add(std::move(d));
    return;
  }
  // Line 0: the span names the file but no line, so nothing is quoted.
  model::SourceSpan whole{sources.add(path, std::string()), 0, 0, 0, 0};
  diags.error(whole, err)
      .hints.push_back("Tailor reads files of up to " + base::describe_bytes(base::kMaxInputBytes) +
                       "; is this the right file? (docs/limits.md)");
}

bool check_line_lengths(std::uint32_t file_id, std::string_view text, Diagnostics& diags) {
  std::size_t start = 0;
  std::uint32_t line = 1;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end - start > base::kMaxLineBytes) {
      // The column of the first byte past the limit, counted in code points.
      std::uint32_t col = 1;
      for (std::size_t i = start; i < start + base::kMaxLineBytes; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
      }
      model::SourceSpan at{file_id, line, col, line, col + 1};
      diags
          .error(at, "line " + std::to_string(line) + " is " + base::group_digits(end - start) +
                         " bytes long; the limit is " + base::describe_bytes(base::kMaxLineBytes))
          .hints.push_back(
              "break the text into shorter lines; a paragraph may continue on the "
              "next line (docs/limits.md)");
      return false;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    ++line;
  }
  return true;
}

}  // namespace tailor::diag
