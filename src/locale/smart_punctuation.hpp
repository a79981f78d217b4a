// Smart punctuation: straight quotes become the language's quotation marks, an apostrophe
// inside or after a word becomes ’, `--` an en dash and `---` an em dash. Code-like text
// (URLs, e-mail addresses, command-line flags such as --jobs, key="value") is never touched.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "locale/quotes.hpp"

namespace tailor::locale {

/// Replace text[pos, pos + len) with `text`. Edits are sorted and never overlap.
struct TextEdit {
  std::size_t pos = 0;
  std::size_t len = 0;
  std::string text;
};

/// The edits that set `text` typographically with `marks`. `quote_space` (U+202F for French,
/// or empty) goes inside each pair of quotation marks. Rules:
/// - `"` after a space, an opening bracket or a dash, and before a non-space, opens; before a
///   space or punctuation it closes. A `"` inside another takes the inner marks; `'` always
///   does. An opening mark that is never closed stays an opening mark.
/// - `'` between a letter or digit and a letter (don't, O'Neil, 90's), before a year ('90s),
///   after a word with no single quote open (students'), or never closed ('tis) is ’.
/// - After a digit, `'` and `"` with no quotation open are feet and inches (5'11"): kept.
/// - `---` is —; `--` is – between spaces, digits (2019--2021) or letters; any other `--`
///   (a flag, i--) is kept. Longer runs of hyphens are kept.
std::vector<TextEdit> smart_punctuation_edits(std::string_view text, const QuoteMarks& marks,
                                              const std::string& quote_space = "");

/// `text` with `edits` applied.
std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

/// smart_punctuation_edits, applied.
std::string smart_punctuation(std::string_view text, const QuoteMarks& marks,
                              const std::string& quote_space = "");

}  // namespace tailor::locale
