#include "writer/pdf/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace tailor::writer::pdf {

std::string nfc(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec) || !n) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (n->isNormalized(s, ec) && U_SUCCESS(ec)) return std::string(utf8);
  ec = U_ZERO_ERROR;
  icu::UnicodeString norm = n->normalize(s, ec);
  if (U_FAILURE(ec)) return std::string(utf8);
  std::string out;
  norm.toUTF8String(out);
  return out;
}

}  // namespace tailor::writer::pdf
