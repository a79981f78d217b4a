// The ToUnicode CMap of an embedded font: each CID back to the text its glyph stands for.
#include "writer/pdf/to_unicode.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "writer/pdf/pdf_syntax.hpp"

namespace tailor::writer::pdf {

std::string to_unicode_cmap(const std::vector<std::pair<unsigned, std::string>>& cids) {
  std::vector<std::size_t> mapped;
  for (std::size_t i = 1; i < cids.size(); ++i) {
    if (!cids[i].second.empty()) mapped.push_back(i);
  }
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < mapped.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, mapped.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      s += '<';
      hex4(s, static_cast<unsigned>(mapped[k]));
      s += "> <";
      const std::string& t = cids[mapped[k]].second;
      for (std::size_t j = 0; j < t.size();) append_utf16be(s, base::decode_next(t, j));
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace tailor::writer::pdf
