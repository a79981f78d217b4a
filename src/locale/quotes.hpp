// Quotation marks by language, from CLDR through ICU (ulocdata_getDelimiter).
#pragma once

#include <string>

namespace tailor::locale {

/// The marks a language opens and closes a quotation with, and those of a quotation inside
/// one: en “…” ‘…’, de „…“ ‚…‘, fr « … », ru «…» „…“, ja 「…」 『…』. UTF-8.
struct QuoteMarks {
  std::string open, close;
  std::string inner_open, inner_close;
};

/// CLDR's marks for a BCP 47 tag; the root locale's (“…” ‘…’) for an empty or unknown tag.
/// Never depends on the machine's locale. Thread-safe; each language is looked up once.
const QuoteMarks& quote_marks(const std::string& lang);

}  // namespace tailor::locale
