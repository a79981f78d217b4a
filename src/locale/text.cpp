#include "locale/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace tailor::locale {

namespace {

icu::Locale icu_locale(const std::string& lang) {
  if (lang.empty()) return icu::Locale::getRoot();
  UErrorCode ec = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(lang, ec);
  return U_FAILURE(ec) ? icu::Locale::getRoot() : l;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::string to_upper(const std::string& text, const std::string& lang) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  return utf8(s.toUpper(icu_locale(lang)));
}

std::string to_title(const std::string& text, const std::string& lang) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  icu::Locale l = icu_locale(lang);
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(l, ec));
  if (U_FAILURE(ec)) return text;
  // Only the first letter of each word changes; the rest is kept as written ("iOS").
  return utf8(s.toTitle(words.get(), l, U_TITLECASE_NO_LOWERCASE));
}

std::string nfc(const std::string& text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) return text;
  icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(text), ec);
  return U_FAILURE(ec) ? text : utf8(out);
}

std::string fold_key(const std::string& text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(nfc(text));
  s.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode ec = U_ZERO_ERROR;
  // Folding can decompose (İ -> i + U+0307); compose again so both sides compare alike.
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
  if (U_SUCCESS(ec)) s = n->normalize(s, ec);
  std::string out;
  bool blank = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    // Full folding writes İ as i + U+0307; the dot over an i is redundant, and dropping it
    // makes "İŞ TƏCRÜBƏSİ" and "İş təcrübəsi" fold alike.
    if (c == 0x0307 && !out.empty() && out.back() == 'i') continue;
    if (u_isUWhiteSpace(c)) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    icu::UnicodeString one(c);
    one.toUTF8String(out);
  }
  return out;
}

bool is_rtl_paragraph(const std::string& text) {
  // Below U+0580 (every UTF-8 byte below 0xD6) no character is right to left or a directional
  // control: Latin, Greek, Cyrillic and Armenian text is left to right without asking ICU, as
  // DOCX writing does for every paragraph (Direction.NoCodePointBelowTheFastPathIsRightToLeft).
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < kFirstRtlLeadByte; })) {
    return false;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  UErrorCode ec = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(s.length(), 0, &ec);
  if (U_FAILURE(ec)) return false;
  ubidi_setPara(bidi, s.getBuffer(), s.length(), UBIDI_DEFAULT_LTR, nullptr, &ec);
  bool rtl = U_SUCCESS(ec) && (ubidi_getParaLevel(bidi) & 1) == 1;
  ubidi_close(bidi);
  return rtl;
}

bool is_rtl_language(const std::string& tag) {
  if (tag.empty()) return false;
  UErrorCode ec = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(tag, ec);
  return U_SUCCESS(ec) && !l.isBogus() && l.isRightToLeft();
}

std::string canonical_tag(const std::string& tag) {
  if (tag.empty() || tag.size() > 64) return {};
  for (char c : tag) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return {};
  }
  UErrorCode ec = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(tag, ec);
  if (U_FAILURE(ec) || std::string(l.getLanguage()).empty()) return {};
  std::string out = l.toLanguageTag<std::string>(ec);
  return U_FAILURE(ec) ? std::string() : out;
}

std::string language_of(const std::string& tag) {
  auto dash = tag.find('-');
  return dash == std::string::npos ? tag : tag.substr(0, dash);
}

}  // namespace tailor::locale
