// Upper-casing for headings set in capitals: ICU's full case mapping by language, so the
// length may change (ß -> SS) and Azerbaijani and Turkish keep the dot on İ.
#include "writer/pdf/text_case.hpp"

#include "locale/text.hpp"

namespace tailor::writer::pdf {

std::string to_upper(const std::string& utf8, const std::string& lang) {
  return locale::to_upper(utf8, lang);
}

}  // namespace tailor::writer::pdf
