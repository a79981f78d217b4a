// Safe file-name pieces from arbitrary text: ASCII, lower-case, no separators, bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tailor::base {

/// Default bound for one slug, in bytes (all slugs are ASCII).
inline constexpr std::size_t kSlugMaxLength = 64;

/// Turns text into a file-name piece made only of [a-z0-9-]:
/// - every script is transliterated to ASCII through ICU ("Məmmədova" -> "memmedova",
///   "Щукин" -> "shchukin", "中文" -> "zhong-wen", "ქართული" -> "kartuli"); a letter no
///   transliterator knows becomes its code point in hex ("һ" -> "u04bb");
/// - every other character (spaces, punctuation, '/', '\\', '.', NUL, controls, invalid UTF-8)
///   becomes a single '-'; runs collapse and the ends are trimmed, so ".." or "/" can never
///   survive;
/// - text with nothing usable gives "untitled" (empty input) or "untitled-HASH8";
/// - a result longer than max_length is cut and ends in "-HASH8" (hash of the full text), so
///   two long names that share a prefix stay distinct;
/// - Windows device names (con, nul, com1, ...) get "-file" appended.
/// max_length is clamped to at least 16.
std::string slugify(std::string_view text, std::size_t max_length = kSlugMaxLength);

/// ASCII folding of one code point, through the same transliteration as slugify: the
/// replacement (possibly several letters, "shch" for "щ"), or empty when there is none.
std::string fold_to_ascii(char32_t cp);

}  // namespace tailor::base
