// Case folding with ICU (see casefold.hpp and ../shared notes: pass the language to case mapping).
#include "transform/casefold.hpp"

#include <map>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace tailor::transform {

namespace {

bool ascii_only(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

namespace {

// The language a single word's letters point to ("" when none).
std::string word_language(std::string_view w) {
  bool tr = false, ru = false, de = false;
  std::size_t i = 0;
  while (i < w.size()) {
    char32_t cp = base::decode_next(w, i);
    if (cp == U'\u0259' || cp == U'\u018F') return "az";  // ə Ə
    if (cp == U'\u0131' || cp == U'\u0130' || cp == U'\u015F' || cp == U'\u015E' ||
        cp == U'\u011F' || cp == U'\u011E') {
      tr = true;
    } else if (cp >= 0x0400 && cp <= 0x04FF) {
      ru = true;
    } else if (cp == U'\u00DF' || cp == U'\u00E4' || cp == U'\u00F6' || cp == U'\u00FC' ||
               cp == U'\u00C4' || cp == U'\u00D6' || cp == U'\u00DC') {
      de = true;
    }
  }
  if (tr) return "tr";
  if (ru) return "ru";
  if (de) return "de";
  return {};
}

}  // namespace

std::string guess_language(std::string_view text) {
  if (ascii_only(text)) return {};
  // A text is in a language when at least a third of its words show that language's letters:
  // an Azerbaijani name inside an English bullet leaves "Infrastructure" to English rules.
  std::map<std::string, int> votes;
  int words = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    std::size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i == b) continue;
    ++words;
    std::string l = word_language(text.substr(b, i - b));
    if (!l.empty()) ++votes[l];
  }
  std::string best;
  int n = 0;
  for (const auto& [l, v] : votes) {
    if (v > n) {
      best = l;
      n = v;
    }
  }
  return n * 3 >= words ? best : std::string();
}

std::string fold_case(std::string_view word, const std::string& lang) {
  bool dotted = lang == "tr" || lang == "az";
  if (ascii_only(word) && !(dotted && word.find('I') != std::string_view::npos)) {
    return base::lower_ascii(word);
  }
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
  if (U_SUCCESS(ec)) {
    icu::UnicodeString n = nfc->normalize(u, ec);
    if (U_SUCCESS(ec)) u = n;
  }
  u.toLower(icu::Locale(lang.c_str()));
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool has_non_latin_letters(std::string_view text) {
  if (ascii_only(text)) return false;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = base::decode_next(text, i);
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &ec);
    if (U_SUCCESS(ec) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) {
      return true;
    }
  }
  return false;
}

}  // namespace tailor::transform
