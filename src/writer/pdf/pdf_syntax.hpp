// PDF syntax for text and numbers: hex digits, UTF-16BE hex strings, content-stream numbers.
#pragma once

#include <string>

namespace tailor::writer::pdf {

/// Four upper-case hex digits.
void hex4(std::string& out, unsigned v);

/// cp as UTF-16BE hex digits (a surrogate pair past U+FFFF).
void append_utf16be(std::string& out, char32_t cp);

/// A PDF text string as the hex digits of UTF-16BE with a byte order mark (for /ActualText).
std::string utf16be_hex(const std::string& utf8);

/// A number for a content stream: at most three decimals, no trailing zeros, never a
/// locale's decimal comma.
std::string num(double v);

}  // namespace tailor::writer::pdf
