#include "base/utf8.hpp"
#include "writer/html/html.hpp"

namespace tailor::writer::html {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    char32_t cp = base::decode_next(text, i);
    // Controls (but tab and newline) and noncharacters are not allowed in HTML text.
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0) ||
        (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.append(text, at, i - at);
    }
  }
  return out;
}

}  // namespace tailor::writer::html
