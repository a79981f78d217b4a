// Case rules of the text's own language, after NFC normalisation (ICU 72).
// Turkish and Azerbaijani lower "I" to "ı" and "İ" to "i"; German "ß" stays; NFC joins
// "e" + U+0301 into "é", so a decomposed spelling matches a composed one.
#pragma once

#include <string>
#include <string_view>

namespace tailor::transform {

/// The language whose case rules fit `text`, guessed from its letters: "az" (ə), "tr" (ı, İ,
/// ş, ğ), "ru" (Cyrillic), "de" (ß, ä, ö, ü), "" for anything else (root rules). ASCII-only
/// text gives "".
std::string guess_language(std::string_view text);

/// NFC, then lower case with the rules of `lang` ("" = root). ASCII-only words in a language
/// other than tr/az take a fast path with the same result.
std::string fold_case(std::string_view word, const std::string& lang);

/// Whether `text` has a letter of a script other than Latin (Cyrillic, Greek, Arabic, ...).
bool has_non_latin_letters(std::string_view text);

}  // namespace tailor::transform
