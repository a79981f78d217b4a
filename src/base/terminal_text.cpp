#include "base/terminal_text.hpp"

#include <cstdio>

#include "base/utf8.hpp"

namespace tailor::base {

namespace {

/// Length of the UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

void append_hex(std::string& out, const char* fmt, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, fmt, value);
  out += buf;
}

}  // namespace

bool is_terminal_unsafe(char32_t cp, bool keep_line_breaks) {
  if (cp < 0x20) return !(keep_line_breaks && (cp == U'\n' || cp == U'\t'));
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0x202A && cp <= 0x202E) return true;
  return cp >= 0x2066 && cp <= 0x2069;
}

void TerminalSanitiser::emit(char32_t cp, std::string_view bytes, std::string& out) const {
  if (!is_terminal_unsafe(cp, keep_)) {
    out.append(bytes);
  } else if (cp < 0x20) {
    append_utf8(out, 0x2400 + cp);  // U+2400 CONTROL PICTURE FOR NULL onwards
  } else if (cp == 0x7F) {
    append_utf8(out, 0x2421);
  } else {
    append_hex(out, "<U+%04X>", static_cast<unsigned>(cp));
  }
}

void TerminalSanitiser::feed(std::string_view piece, std::string& out) {
  std::string joined;
  if (!pending_.empty()) {
    joined = pending_;
    joined.append(piece);
    pending_.clear();
    piece = joined;
  }
  out.reserve(out.size() + piece.size());
  std::size_t i = 0;
  while (i < piece.size()) {
    auto b = static_cast<unsigned char>(piece[i]);
    if (b >= 0x20 && b < 0x7F) {  // the common case: printable ASCII
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    std::size_t len = sequence_length(b);
    if (len > 1 && i + len > piece.size()) {
      // Possibly a sequence split between pieces: keep it if what arrived is well-formed.
      bool continuation = true;
      for (std::size_t k = i + 1; k < piece.size(); ++k) {
        continuation = continuation && (static_cast<unsigned char>(piece[k]) & 0xC0) == 0x80;
      }
      if (continuation) {
        pending_.assign(piece.substr(i));
        return;
      }
    }
    std::size_t start = i;
    char32_t cp = decode_next(piece, i);
    if (cp == 0xFFFD && i - start == 1) {  // one invalid byte (a real U+FFFD takes three)
      append_hex(out, "<0x%02X>", static_cast<unsigned char>(piece[start]));
      continue;
    }
    emit(cp, piece.substr(start, i - start), out);
  }
}

void TerminalSanitiser::finish(std::string& out) {
  for (char c : pending_) append_hex(out, "<0x%02X>", static_cast<unsigned char>(c));
  pending_.clear();
}

std::string terminal_safe(std::string_view text, bool keep_line_breaks) {
  TerminalSanitiser s(keep_line_breaks);
  std::string out;
  s.feed(text, out);
  s.finish(out);
  return out;
}

}  // namespace tailor::base
