#include "base/slug.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "base/sha256.hpp"
#include "base/utf8.hpp"

namespace tailor::base {

namespace {

struct Fold {
  char32_t cp;
  const char* ascii;
};

// Latin letters with diacritics (Azerbaijani, Turkish and the common European ones).
constexpr Fold kLatin[] = {
    {U'ß', "ss"}, {U'à', "a"},  {U'á', "a"},  {U'â', "a"}, {U'ã', "a"}, {U'ä', "a"}, {U'å', "a"},
    {U'æ', "ae"}, {U'ç', "c"},  {U'è', "e"},  {U'é', "e"}, {U'ê', "e"}, {U'ë', "e"}, {U'ì', "i"},
    {U'í', "i"},  {U'î', "i"},  {U'ï', "i"},  {U'ð', "d"}, {U'ñ', "n"}, {U'ò', "o"}, {U'ó', "o"},
    {U'ô', "o"},  {U'õ', "o"},  {U'ö', "o"},  {U'ø', "o"}, {U'ù', "u"}, {U'ú', "u"}, {U'û', "u"},
    {U'ü', "u"},  {U'ý', "y"},  {U'þ', "th"}, {U'ÿ', "y"}, {U'ā', "a"}, {U'ă', "a"}, {U'ą', "a"},
    {U'ć', "c"},  {U'ĉ', "c"},  {U'ċ', "c"},  {U'č', "c"}, {U'ď', "d"}, {U'đ', "d"}, {U'ē', "e"},
    {U'ĕ', "e"},  {U'ė', "e"},  {U'ę', "e"},  {U'ě', "e"}, {U'ĝ', "g"}, {U'ğ', "g"}, {U'ġ', "g"},
    {U'ģ', "g"},  {U'ĥ', "h"},  {U'ħ', "h"},  {U'ĩ', "i"}, {U'ī', "i"}, {U'ĭ', "i"}, {U'į', "i"},
    {U'ı', "i"},  {U'ĳ', "ij"}, {U'ĵ', "j"},  {U'ķ', "k"}, {U'ĺ', "l"}, {U'ļ', "l"}, {U'ľ', "l"},
    {U'ŀ', "l"},  {U'ł', "l"},  {U'ń', "n"},  {U'ņ', "n"}, {U'ň', "n"}, {U'ŋ', "n"}, {U'ō', "o"},
    {U'ŏ', "o"},  {U'ő', "o"},  {U'œ', "oe"}, {U'ŕ', "r"}, {U'ŗ', "r"}, {U'ř', "r"}, {U'ś', "s"},
    {U'ŝ', "s"},  {U'ş', "s"},  {U'š', "s"},  {U'ţ', "t"}, {U'ť', "t"}, {U'ŧ', "t"}, {U'ũ', "u"},
    {U'ū', "u"},  {U'ŭ', "u"},  {U'ů', "u"},  {U'ű', "u"}, {U'ų', "u"}, {U'ŵ', "w"}, {U'ŷ', "y"},
    {U'ź', "z"},  {U'ż', "z"},  {U'ž', "z"},  {U'ș', "s"}, {U'ț', "t"}, {U'ə', "e"},
};

// Russian, Ukrainian and Azerbaijani Cyrillic (lower case; upper case is mapped first).
constexpr Fold kCyrillic[] = {
    {U'а', "a"},  {U'б', "b"},    {U'в', "v"},  {U'г', "g"},  {U'д', "d"},  {U'е', "e"},
    {U'ж', "zh"}, {U'з', "z"},    {U'и', "i"},  {U'й', "y"},  {U'к', "k"},  {U'л', "l"},
    {U'м', "m"},  {U'н', "n"},    {U'о', "o"},  {U'п', "p"},  {U'р', "r"},  {U'с', "s"},
    {U'т', "t"},  {U'у', "u"},    {U'ф', "f"},  {U'х', "kh"}, {U'ц', "ts"}, {U'ч', "ch"},
    {U'ш', "sh"}, {U'щ', "shch"}, {U'ъ', ""},   {U'ы', "y"},  {U'ь', ""},   {U'э', "e"},
    {U'ю', "yu"}, {U'я', "ya"},   {U'ё', "yo"}, {U'є', "ye"}, {U'і', "i"},  {U'ї', "yi"},
    {U'ј', "y"},  {U'ғ', "gh"},   {U'ҝ', "g"},  {U'ү', "u"},  {U'ҹ', "j"},  {U'һ', "h"},
    {U'ә', "e"},  {U'ө', "o"},    {U'ґ', "g"},
};

char32_t to_lower(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 32;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;  // Latin-1 capitals
  if (cp == U'İ') return U'i';
  if (cp == U'Ə') return U'ə';
  if (cp == U'Ș') return U'ș';
  if (cp == U'Ț') return U'ț';
  if (cp == 0x178) return U'ÿ';
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A mostly pairs capital/small as even/odd, with two shifted runs.
    bool shifted = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (shifted ? (cp % 2 == 1) : (cp % 2 == 0 && cp != 0x138)) return cp + 1;
    return cp;
  }
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                    // А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                    // Ѐ..Џ
  if (cp >= 0x4C1 && cp <= 0x4CE) return cp % 2 == 1 ? cp + 1 : cp;  // shifted pairs
  if (cp >= 0x460 && cp <= 0x4FF && cp != 0x4C0 && cp % 2 == 0) return cp + 1;
  return cp;
}

const char* lookup(const Fold* table, std::size_t n, char32_t cp) {
  for (std::size_t i = 0; i < n; ++i) {
    if (table[i].cp == cp) return table[i].ascii;
  }
  return nullptr;
}

bool is_letter_like(char32_t cp) {
  // Anything outside ASCII, the C1 controls, Latin-1 punctuation, general punctuation and
  // the private/special ranges is treated as a letter and gets a hex fallback.
  if (cp < 0x80) return false;
  if (cp < 0xC0) return false;  // C1 controls, NBSP, Latin-1 punctuation and symbols
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;    // punctuation, symbols, arrows, boxes
  if (cp >= 0x3000 && cp <= 0x303F) return false;    // CJK punctuation
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;    // surrogates, private use
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;    // variation selectors
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  if (cp >= 0x0300 && cp <= 0x036F) return false;    // combining marks: dropped
  return cp <= 0x10FFFF;
}

bool is_windows_device(const std::string& s) {
  static constexpr std::array<const char*, 4> kPlain = {"con", "prn", "aux", "nul"};
  for (const char* d : kPlain) {
    if (s == d) return true;
  }
  return s.size() == 4 && (s.compare(0, 3, "com") == 0 || s.compare(0, 3, "lpt") == 0) &&
         s[3] >= '0' && s[3] <= '9';
}

}  // namespace

std::string fold_to_ascii(char32_t cp) {
  char32_t lc = to_lower(cp);
  if ((lc >= U'a' && lc <= U'z') || (lc >= U'0' && lc <= U'9')) {
    return std::string(1, static_cast<char>(lc));
  }
  if (const char* s = lookup(kLatin, std::size(kLatin), lc)) return s;
  if (const char* s = lookup(kCyrillic, std::size(kCyrillic), lc)) return s;
  return {};
}

std::string slugify(std::string_view text, std::size_t max_length) {
  max_length = std::max<std::size_t>(max_length, 16);
  std::string out;
  bool pending_dash = false;
  auto emit = [&](const std::string& piece) {
    if (piece.empty()) return;
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out += piece;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    // Invalid bytes decode to U+FFFD, which is not letter-like: they become separators.
    char32_t cp = decode_next(text, i);
    std::string folded = fold_to_ascii(cp);
    if (!folded.empty()) {
      emit(folded);
    } else if (cp == 0x44A || cp == 0x44C || cp == 0x42A || cp == 0x42C) {
      // Hard and soft signs transliterate to nothing and do not split the word.
    } else if (is_letter_like(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "u%04x", static_cast<unsigned>(cp));
      pending_dash = true;  // keep hex pieces apart so they read back unambiguously
      emit(buf);
      pending_dash = true;
    } else {
      pending_dash = true;
    }
  }
  if (out.empty()) {
    return text.empty() ? "untitled" : "untitled-" + sha256_hex(text).substr(0, 8);
  }
  if (out.size() > max_length) {
    std::string hash = sha256_hex(text).substr(0, 8);
    out.resize(max_length - hash.size() - 1);
    while (!out.empty() && out.back() == '-') out.pop_back();
    out += '-' + hash;
  }
  if (is_windows_device(out)) out += "-file";
  return out;
}

}  // namespace tailor::base
