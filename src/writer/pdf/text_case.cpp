// Upper-casing for headings set in capitals: a case table for the scripts the default fonts cover.
#include "writer/pdf/text_case.hpp"

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

namespace {

char32_t upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c < 0x80) return c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0xFF) return 0x178;
  if (c == 0x131) return 'I';  // dotless ı (Azerbaijani, Turkish)
  if (c == 0x17F) return 'S';
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
  if (c == 0x259) return 0x18F;  // ə -> Ə
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) {
    return (c & 1) ? c - 1 : c;
  }
  return c;
}

}  // namespace

std::string to_upper(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();)
    base::append_utf8(out, upper(base::decode_next(utf8, i)));
  return out;
}

}  // namespace tailor::writer::pdf
