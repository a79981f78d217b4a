#include "writer/pdf/fallback.hpp"

#include <unicode/uscript.h>

#include <map>
#include <mutex>
#include <vector>

#include "writer/pdf/fonts.hpp"

namespace tailor::writer::pdf {

namespace {

/// Families tried first for a script, serif variants before sans when the body is serif.
/// fontconfig alone picks DejaVu for Arabic and Hebrew and a CFF face for CJK, which the
/// writer cannot embed as TrueType.
std::vector<std::string> preferred(int script, bool serif) {
  auto noto = [&](const std::string& name) {
    std::vector<std::string> v;
    if (serif) v.push_back("Noto Serif " + name);
    v.push_back("Noto Sans " + name);
    return v;
  };
  switch (script) {
    case USCRIPT_ARABIC:
      return serif ? std::vector<std::string>{"Noto Naskh Arabic", "Noto Sans Arabic"}
                   : std::vector<std::string>{"Noto Sans Arabic", "Noto Naskh Arabic"};
    case USCRIPT_HEBREW:
      return noto("Hebrew");
    case USCRIPT_DEVANAGARI:
      return noto("Devanagari");
    case USCRIPT_BENGALI:
      return noto("Bengali");
    case USCRIPT_TAMIL:
      return noto("Tamil");
    case USCRIPT_THAI:
      return noto("Thai");
    case USCRIPT_GEORGIAN:
      return noto("Georgian");
    case USCRIPT_ARMENIAN:
      return noto("Armenian");
    case USCRIPT_ETHIOPIC:
      return noto("Ethiopic");
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
      return {"Droid Sans Fallback", "WenQuanYi Micro Hei"};
    default:
      return serif ? std::vector<std::string>{"Noto Serif", "Noto Sans", "DejaVu Serif",
                                              "DejaVu Sans"}
                   : std::vector<std::string>{"Noto Sans", "DejaVu Sans"};
  }
}

}  // namespace

int script_of(char32_t cp) {
  UErrorCode ec = U_ZERO_ERROR;
  int s = uscript_getScript(static_cast<UChar32>(cp), &ec);
  return U_FAILURE(ec) ? USCRIPT_UNKNOWN : s;
}

std::string script_name(int script) {
  const char* n = uscript_getName(static_cast<UScriptCode>(script));
  return n ? n : "Unknown";
}

std::string script_package(int script) {
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return "fonts-droid-fallback (TrueType CJK; fonts-noto-cjk is CFF)";
    case USCRIPT_SYMBOLS_EMOJI:
      return "fonts-symbola";
    default:
      return "fonts-noto-core";
  }
}

std::string fallback_family(char32_t cp, bool serif) {
  static std::mutex mu;
  static std::map<std::pair<char32_t, bool>, std::string> memo;
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(cp, serif);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  std::string found;
  for (const std::string& fam : preferred(script_of(cp), serif)) {
    FontMatch m;
    const Face* f = cached_face(FaceKey{fam, false, false}, &m);
    if (f && m.exact && f->has(cp)) {
      found = fam;
      break;
    }
  }
  if (found.empty()) found = family_with_char(cp);
  memo[key] = found;
  return found;
}

}  // namespace tailor::writer::pdf
