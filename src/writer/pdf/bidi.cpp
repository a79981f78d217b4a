#include "writer/pdf/bidi.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <memory>

#include "base/utf8.hpp"
#include "locale/direction.hpp"

namespace tailor::writer::pdf {

namespace {

struct Utf16 {
  std::vector<UChar> units;
  std::vector<std::size_t> byte_of;  ///< UTF-8 offset of each UTF-16 unit.
};

Utf16 to_utf16(std::string_view s) {
  Utf16 out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    char32_t cp = base::decode_next(s, i);
    if (cp > 0xFFFF) {
      out.units.push_back(static_cast<UChar>(U16_LEAD(cp)));
      out.units.push_back(static_cast<UChar>(U16_TRAIL(cp)));
      out.byte_of.push_back(at);
      out.byte_of.push_back(at);
    } else {
      out.units.push_back(static_cast<UChar>(cp));
      out.byte_of.push_back(at);
    }
  }
  return out;
}

struct BidiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

}  // namespace

bool needs_bidi(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = base::decode_next(utf8, i);
    switch (u_charDirection(static_cast<UChar32>(cp))) {
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
      case U_RIGHT_TO_LEFT_EMBEDDING:
      case U_RIGHT_TO_LEFT_OVERRIDE:
      case U_RIGHT_TO_LEFT_ISOLATE:
      case U_LEFT_TO_RIGHT_EMBEDDING:
      case U_LEFT_TO_RIGHT_OVERRIDE:
      case U_LEFT_TO_RIGHT_ISOLATE:
      case U_FIRST_STRONG_ISOLATE:
        return true;
      default:
        break;
    }
  }
  return false;
}

std::vector<std::uint8_t> bidi_levels(std::string_view utf8, bool rtl_default, int* base) {
  std::vector<std::uint8_t> out(utf8.size(), rtl_default ? 1 : 0);
  if (base) *base = rtl_default ? 1 : 0;
  Utf16 t = to_utf16(utf8);
  if (t.units.empty()) return out;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> b(
      ubidi_openSized(static_cast<int32_t>(t.units.size()), 0, &ec));
  if (U_FAILURE(ec)) return out;
  ubidi_setPara(b.get(), t.units.data(), static_cast<int32_t>(t.units.size()),
                rtl_default ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR, nullptr, &ec);
  if (U_FAILURE(ec)) return out;
  const UBiDiLevel* lv = ubidi_getLevels(b.get(), &ec);
  if (U_FAILURE(ec) || !lv) return out;
  if (base) *base = ubidi_getParaLevel(b.get()) & 1;
  for (std::size_t u = 0; u < t.units.size(); ++u) {
    std::size_t from = t.byte_of[u];
    std::size_t to = u + 1 < t.units.size() ? t.byte_of[u + 1] : utf8.size();
    for (std::size_t k = from; k < to; ++k) out[k] = lv[u];
  }
  return out;
}

std::vector<int> visual_order(const std::vector<std::uint8_t>& levels) {
  std::vector<int> map(levels.size());
  for (std::size_t i = 0; i < map.size(); ++i) map[i] = static_cast<int>(i);
  if (levels.empty()) return map;
  std::vector<UBiDiLevel> lv(levels.begin(), levels.end());
  ubidi_reorderVisual(lv.data(), static_cast<int32_t>(lv.size()), map.data());
  return map;
}

int first_strong_direction(std::string_view utf8) { return locale::first_strong_direction(utf8); }

}  // namespace tailor::writer::pdf
