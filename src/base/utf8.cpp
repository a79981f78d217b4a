#include "base/utf8.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>

#include "base/terminal_text.hpp"

namespace tailor::base {

namespace {

// Length of a well-formed sequence starting at text[i], or 0 if it is malformed.
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::optional<Utf8Error> validate_utf8(std::string_view text) {
  std::uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = valid_sequence_length(text, i);
    if (len == 0) {
      return Utf8Error{i, line, col, static_cast<unsigned char>(text[i])};
    }
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return std::nullopt;
}

char32_t decode_next(std::string_view text, std::size_t& i) {
  std::size_t len = valid_sequence_length(text, i);
  if (len == 0) {
    ++i;
    return 0xFFFD;
  }
  auto c = static_cast<unsigned char>(text[i]);
  char32_t cp = len == 1 ? c : (c & (0x7F >> len));
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) decode_next(text, i);
  return n;
}

namespace {
std::atomic<std::uint64_t> g_position_work{0};
}  // namespace

std::uint64_t position_work() { return g_position_work.load(std::memory_order_relaxed); }

void add_position_work(std::uint64_t bytes) {
  g_position_work.fetch_add(bytes, std::memory_order_relaxed);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
  add_position_work(text.size());
}

LineCol LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t index = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t from = starts_[index];
  std::uint32_t col = 1;
  if (cache_line_ == index && cache_off_ <= offset) {
    from = cache_off_;
    col = cache_col_;
  }
  for (std::size_t i = from; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  add_position_work(offset - from + 1);
  cache_line_ = index;
  cache_off_ = offset;
  cache_col_ = col;
  return LineCol{static_cast<std::uint32_t>(index + 1), col};
}

LineCol line_col_at(std::string_view text, std::size_t offset) {
  add_position_work(std::min(offset, text.size()) + 1);
  LineCol lc;
  for (std::size_t i = 0; i < text.size() && i < offset;) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.col = 1;
      ++i;
    } else {
      decode_next(text, i);
      ++lc.col;
    }
  }
  return lc;
}

std::string printable_line(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    char32_t cp = decode_next(line, i);
    if (cp == '\t') cp = ' ';
    // The terminal sanitiser's classes (C0, DEL, C1, bidi controls), one column each here so
    // the caret below still lines up.
    if (is_terminal_unsafe(cp, false)) cp = 0xFFFD;
    append_utf8(out, cp);
  }
  return out;
}

std::string describe_code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  std::string out = buf;
  // Invisible, and usually left by joining files: named rather than quoted.
  if (cp == 0xFEFF) return out + " (a byte order mark)";
  if (cp >= 0x20 && cp != 0x7F && !(cp >= 0xD800 && cp <= 0xDFFF)) {
    out += " '";
    append_utf8(out, cp);
    out += "'";
  }
  return out;
}

std::string normalise_newlines(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      // CRLF (Windows) is one break; a lone CR (classic Mac OS) is a break of its own.
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace tailor::base
