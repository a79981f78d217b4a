// small_caps_runs: a code point is lower case when the language's upper-casing changes it.
#include "writer/pdf/small_caps.hpp"

#include <unicode/uchar.h>

#include "base/utf8.hpp"
#include "writer/pdf/text_case.hpp"

namespace tailor::writer::pdf {

std::vector<CapsRun> small_caps_runs(const std::string& utf8, const std::string& lang) {
  std::vector<CapsRun> runs;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t from = i;
    char32_t cp = base::decode_next(utf8, i);
    std::string original = utf8.substr(from, i - from);
    bool mark = u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
                (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
    std::string upper = to_upper(original, lang);
    bool reduced = mark && !runs.empty() ? runs.back().reduced : upper != original;
    if (runs.empty() || runs.back().reduced != reduced) runs.push_back({{}, reduced});
    runs.back().text += reduced ? upper : original;
  }
  return runs;
}

}  // namespace tailor::writer::pdf
