// Upper-casing for headings set in capitals, by the rules of the document's language.
#pragma once

#include <string>

namespace tailor::writer::pdf {

/// Upper-cases any script through ICU's case mapping for `lang` (BCP 47): "iş" becomes
/// "İŞ" in az and tr, "straße" becomes "STRASSE" in de. An empty lang uses the root rules.
std::string to_upper(const std::string& utf8, const std::string& lang = "");

}  // namespace tailor::writer::pdf
