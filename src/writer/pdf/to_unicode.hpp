// The ToUnicode CMap of an embedded font: each CID back to the text its glyph stands for.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tailor::writer::pdf {

/// The ToUnicode CMap of one embedded font: each two-byte CID to the text its glyph stands for
/// (several characters for a ligature). Glyphs that are the second part of a cluster stand for
/// nothing on their own and get no entry: their run carries /ActualText.
std::string to_unicode_cmap(const std::vector<std::pair<unsigned, std::string>>& cids);

}  // namespace tailor::writer::pdf
