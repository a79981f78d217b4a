#include "base/slug.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <mutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "base/sha256.hpp"
#include "base/utf8.hpp"
#include "slug_rules.hpp"

namespace tailor::base {

namespace {

/// Any script to lower-case ASCII through ICU, by the rules in slug.rules (kSlugRules).
/// The transliterator is built once (about 16 ms: its registry) and shared; ICU's transliterators
/// keep per-call state, so calls are serialised.
std::string transliterate(std::string_view text) {
  // ASCII needs no transliteration, and ICU's transliterator registry costs about 150M
  // instructions to build: a build whose names are ASCII never starts it.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  static std::mutex mu;
  static std::unique_ptr<icu::Transliterator> tr = [] {
    UParseError pe;
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "tailor-slug", icu::UnicodeString(kSlugRules), UTRANS_FORWARD, pe, ec));
    return U_FAILURE(ec) ? nullptr : std::move(t);
  }();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (tr) {
    std::lock_guard<std::mutex> lock(mu);
    tr->transliterate(s);
  }
  std::string out;
  s.toUTF8String(out);
  return out;
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
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9')) {
    return std::string(1, static_cast<char>(cp));
  }
  if (cp >= U'A' && cp <= U'Z') return std::string(1, static_cast<char>(cp + 32));
  if (cp < 0x80) return {};
  std::string one;
  append_utf8(one, cp);
  std::string out;
  for (char c : transliterate(one)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
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
  // Invalid bytes become U+FFFD on the way into ICU, which is not letter-like: a separator.
  std::string latin = transliterate(text);
  std::size_t i = 0;
  while (i < latin.size()) {
    char32_t cp = decode_next(latin, i);
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9')) {
      emit(std::string(1, static_cast<char>(cp)));
    } else if (cp >= U'A' && cp <= U'Z') {
      emit(std::string(1, static_cast<char>(cp + 32)));
    } else if (is_letter_like(cp)) {
      // A letter no rule knows (Abkhaz ԥ, Chechen ӏ) keeps its code point.
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
