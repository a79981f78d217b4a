// UTF-8 helpers shared by readers and writers. Columns are counted in code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::base {

/// Position of the first invalid byte, 1-based line and code-point column.
struct Utf8Error {
  std::size_t offset = 0;
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  unsigned char byte = 0;
};

/// Checks that text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
std::optional<Utf8Error> validate_utf8(std::string_view text);

/// Decodes the code point at text[i] and advances i. Invalid bytes decode to U+FFFD (one byte).
char32_t decode_next(std::string_view text, std::size_t& i);

/// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points (invalid bytes count one each).
std::size_t count_code_points(std::string_view text);

/// 1-based line and code-point column of a byte offset.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};
/// Scans from the start of text: O(offset). For many lookups in one text use LineIndex.
LineCol line_col_at(std::string_view text, std::size_t offset);

/// Line and column lookups in one text without rescanning it: the line starts are indexed once
/// (O(n)), a lookup binary-searches its line and counts code points from the line start, or
/// from the previous lookup when it moves forward on the same line. So parsers that ask for
/// the position of every token stay linear (a line is at most kMaxLineBytes long).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineCol at(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  mutable std::size_t cache_line_ = static_cast<std::size_t>(-1), cache_off_ = 0;
  mutable std::uint32_t cache_col_ = 1;
};

/// Bytes examined by position lookups (line_col_at, LineIndex, SourceManager::line) since the
/// program started: an operation count, so tests can prove such work grows linearly with the
/// input instead of timing it. Relaxed atomic; never reset.
std::uint64_t position_work();
void add_position_work(std::uint64_t bytes);

/// A quoted source line for a terminal: tabs become a single space, and invalid bytes and
/// what base::is_terminal_unsafe refuses (controls, bidi overrides) U+FFFD, one column each.
std::string printable_line(std::string_view line);

/// "U+0259 'ə'" for messages about a character.
std::string describe_code_point(char32_t cp);

/// Removes a leading UTF-8 byte order mark and turns CRLF and a lone CR into LF. Offsets of the
/// result are what every later stage reports against.
std::string normalise_newlines(std::string_view text);

}  // namespace tailor::base
