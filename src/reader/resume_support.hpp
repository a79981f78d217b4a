// Helpers of the .resume reader that need no Spirit: source positions, escapes, inline markup.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "grammar/resume/parse_tree.hpp"
#include "model/document.hpp"

namespace tailor::reader::resume {

/// Byte pointers into one buffer -> 1-based line and code-point column spans.
class Locator {
 public:
  Locator(std::uint32_t file_id, std::string_view text);
  /// Span of [b, e); e is exclusive, so end_col is the column just after the last character.
  model::SourceSpan span(const char* b, const char* e) const;
  /// Span of the single character at a byte offset.
  model::SourceSpan span_at(std::size_t offset) const;

 private:
  void line_col(const char* p, std::uint32_t& line, std::uint32_t& col) const;
  std::uint32_t file_id_;
  std::string_view text_;
  /// Byte offset of each line start. 32 bits: inputs are at most base::kMaxInputBytes, and a
  /// file of blank lines then costs 4 bytes a line here, not 8.
  std::vector<std::uint32_t> starts_;
  /// UTF-8 continuation bytes before each multiple of 64 bytes: a column is then found by
  /// counting at most 64 bytes, so lookups in any order (errors are found after the text
  /// that follows them) stay cheap on a long line.
  std::vector<std::uint32_t> continuations_;
  std::size_t continuations_before(std::size_t offset) const;
};

/// Several source lines joined with single spaces (continuation lines, paragraph lines),
/// remembering where each byte came from so inline spans point into the file.
struct Joined {
  struct Segment {
    std::size_t at;   ///< Offset in text.
    const char* src;  ///< Where the segment starts in the source.
    std::size_t len;
  };
  std::string text;
  std::vector<Segment> segments;

  void add(const char* b, const char* e);
  /// The source byte for an offset in text (the joining space maps to the line's end).
  const char* source(std::size_t offset) const;
};

/// True for the ASCII punctuation that a backslash escapes.
bool is_escapable(char c);

/// How many bytes after a backslash at p[-1] it escapes: 1 for ASCII punctuation, 3 for the
/// bullet sign "•" (U+2022, a bullet marker at the start of a line), 0 when it escapes nothing.
std::size_t escaped_length(const char* p, const char* end);

/// Resolves backslash escapes ("\*" -> "*"); a backslash before anything else stays.
std::string unescape(grammar::resume::ast::Range r);

/// Splits "Go, C++, AWS (EKS, RDS)" at commas outside parentheses; "\," does not split.
std::vector<grammar::resume::ast::Range> split_items(grammar::resume::ast::Range r);

/// Parses **bold**, *italic*, [label](url), <https://...> autolinks and escapes into runs.
/// Unterminated markup and stray braces are errors; unsafe link schemes are warnings.
/// Scanning stops once max_runs runs are made (the caller's share of the pieces limit).
model::Inlines parse_inlines(const Joined& text, const Locator& loc, diag::Diagnostics& diags,
                             std::size_t max_runs);

}  // namespace tailor::reader::resume
