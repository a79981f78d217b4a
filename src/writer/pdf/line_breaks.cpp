#include "writer/pdf/line_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <memory>

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

namespace {

bool unspaced_script(char32_t cp) {
  if (cp < 0x0E00) return false;
  UErrorCode ec = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(cp), &ec)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::set<std::size_t> unspaced_breaks(std::string_view utf8) {
  std::set<std::size_t> out;
  std::vector<bool> unspaced(utf8.size() + 1, false);
  bool any = false;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t at = i;
    char32_t cp = base::decode_next(utf8, i);
    if (unspaced_script(cp)) {
      for (std::size_t k = at; k < i; ++k) unspaced[k] = true;
      any = true;
    }
  }
  if (!any) return out;
  UErrorCode ec = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &ec);
  if (U_FAILURE(ec)) return out;
  // The root locale: the dictionaries (Thai) and the kinsoku classes do not depend on it.
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), ec));
  if (U_FAILURE(ec) || !it) {
    utext_close(text);
    return out;
  }
  it->setText(text, ec);
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    auto at = static_cast<std::size_t>(b);
    if (at == 0 || at >= utf8.size()) continue;
    // Only between two characters of these scripts (or their punctuation next to them):
    // between Latin words the space already breaks, and a hyphen never does.
    bool before = unspaced[at - 1], after = unspaced[at];
    char prev = utf8[at - 1];
    if ((before || after) && prev != ' ') out.insert(at);
  }
  utext_close(text);
  return out;
}

}  // namespace tailor::writer::pdf
