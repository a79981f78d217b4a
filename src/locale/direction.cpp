#include "locale/direction.hpp"

#include <unicode/uchar.h>

#include <string>

#include "base/utf8.hpp"
#include "locale/text.hpp"

namespace tailor::locale {

int first_strong_direction(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = base::decode_next(utf8, i);
    switch (u_charDirection(static_cast<UChar32>(cp))) {
      case U_LEFT_TO_RIGHT:
        return 0;
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
        return 1;
      default:
        break;
    }
  }
  return -1;
}

bool is_rtl_document(const model::Document& doc) {
  if (is_rtl_language(doc.header.language.value)) return true;
  for (const std::string* s : {&doc.header.name.value, &doc.header.headline.value}) {
    int d = first_strong_direction(*s);
    if (d >= 0) return d == 1;
  }
  for (const model::Section& s : doc.sections) {
    int d = first_strong_direction(s.title);
    if (d >= 0) return d == 1;
  }
  return false;
}

}  // namespace tailor::locale
