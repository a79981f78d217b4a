#include "writer/pdf/cursive.hpp"

#include <unicode/uchar.h>

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

bool has_joining_letters(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = base::decode_next(utf8, i);
    if (cp < 0x80) continue;
    switch (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_JOINING_TYPE)) {
      case U_JT_DUAL_JOINING:
      case U_JT_RIGHT_JOINING:
      case U_JT_LEFT_JOINING:
      case U_JT_JOIN_CAUSING:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace tailor::writer::pdf
