// PDF syntax for text and numbers: hex digits, UTF-16BE hex strings, content-stream numbers.
#include "writer/pdf/pdf_syntax.hpp"

#include <charconv>
#include <cmath>

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

/// Four upper-case hex digits.
void hex4(std::string& out, unsigned v) {
  static const char* digits = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

/// cp as UTF-16BE hex digits (a surrogate pair past U+FFFF).
void append_utf16be(std::string& out, char32_t cp) {
  if (cp >= 0x10000) {
    hex4(out, 0xD800 + ((cp - 0x10000) >> 10));
    hex4(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    hex4(out, static_cast<unsigned>(cp));
  }
}

/// A PDF text string as the hex digits of UTF-16BE with a byte order mark (for /ActualText).
std::string utf16be_hex(const std::string& utf8) {
  std::string out = "FEFF";
  for (std::size_t i = 0; i < utf8.size();) append_utf16be(out, base::decode_next(utf8, i));
  return out;
}

/// A number for a content stream: at most three decimals, no trailing zeros, never a
/// locale's decimal comma.
std::string num(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, std::round(v * 1000) / 1000,
                         std::chars_format::fixed, 3);
  std::string s(buf, r.ptr);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace tailor::writer::pdf
