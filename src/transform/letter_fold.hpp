// Unicode facts the anonymiser needs to see a name however it is spelled: NFC or NFD
// ("e" + U+0301), or with an invisible character inside ("Ay\u00ADsel", "Ay\u200Bsel").
// Backed by ICU (uchar.h, Normalizer2), not by hand-written tables.
#pragma once

#include <string>

namespace tailor::transform {

/// How one code point takes part in matching a name.
enum class LetterRole {
  Text,       ///< Matched by its folded spelling.
  Mark,       ///< A combining mark (U+0301): part of the letter before it, no spelling.
  Invisible,  ///< A default-ignorable code point (soft hyphen, zero-width space, joiners): none.
};

LetterRole letter_role(char32_t cp);

/// The canonical decomposition's base letters without marks, as UTF-8 ("é" -> "e", "ǻ" -> "a"),
/// or an empty string when cp does not decompose.
std::string without_marks(char32_t cp);

}  // namespace tailor::transform
