#include "transform/letter_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace tailor::transform {

LetterRole letter_role(char32_t cp) {
  auto c = static_cast<UChar32>(cp);
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return LetterRole::Invisible;
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return LetterRole::Mark;
  }
  return LetterRole::Text;
}

std::string without_marks(char32_t cp) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  icu::UnicodeString decomposition;
  if (U_FAILURE(ec) || !nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) return {};
  icu::UnicodeString bases;
  for (int32_t i = 0; i < decomposition.length();) {
    UChar32 c = decomposition.char32At(i);
    i += U16_LENGTH(c);
    if (letter_role(static_cast<char32_t>(c)) == LetterRole::Text) bases.append(c);
  }
  std::string out;
  bases.toUTF8String(out);
  return out;
}

}  // namespace tailor::transform
