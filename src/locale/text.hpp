// Language-aware text operations through ICU: case mapping, case folding, normalisation,
// the direction of a paragraph, and checking BCP 47 tags.
#pragma once

#include <string>

namespace tailor::locale {

/// Upper case by the rules of `lang` (BCP 47): "istanbul" -> "İSTANBUL" for az and tr,
/// "straße" -> "STRASSE" for de. An empty lang uses the root rules.
std::string to_upper(const std::string& utf8, const std::string& lang);
/// Title case by word (ICU's word break iterator) in `lang`: "ilk iş" -> "İlk İş" for tr.
std::string to_title(const std::string& utf8, const std::string& lang);
/// NFC normalisation.
std::string nfc(const std::string& utf8);
/// The key two spellings of a word share: NFC, full case folding, blanks collapsed and the
/// ends trimmed. Used to match localised headings and "present" words on input.
std::string fold_key(const std::string& utf8);
/// True when the first strong character is right-to-left (ICU ubidi paragraph level).
bool is_rtl_paragraph(const std::string& utf8);
/// The lead byte of U+0580: text without a byte from here up holds only code points below
/// U+0580, none of them right to left, and is_rtl_paragraph answers it without ICU.
inline constexpr unsigned char kFirstRtlLeadByte = 0xD6;
/// True when the language (BCP 47) is written right to left by default: its likely script,
/// from CLDR through ICU, is ("ar", "he", "fa", "ur", "yi", "az-Arab"; not "az" or "ku").
bool is_rtl_language(const std::string& tag);
/// The canonical form of a BCP 47 tag ("DE-at" -> "de-AT"), or empty when it is not one.
std::string canonical_tag(const std::string& tag);
/// The language subtag ("pt-BR" -> "pt").
std::string language_of(const std::string& tag);

}  // namespace tailor::locale
