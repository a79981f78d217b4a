// The Unicode bidirectional algorithm (UAX #9) through ICU's ubidi: embedding levels of a
// paragraph, the visual order of a line's runs, and a document's base direction.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tailor::writer::pdf {

/// True when the text holds a right-to-left character or a bidi control: only then does a
/// paragraph need the algorithm (Latin-only text skips ICU entirely).
bool needs_bidi(std::string_view utf8);

/// The embedding level of every byte of a UTF-8 paragraph (a character's bytes share its
/// level). The base level comes from the first strong character, else `rtl_default`.
/// `base` receives the paragraph level (0 or 1).
std::vector<std::uint8_t> bidi_levels(std::string_view utf8, bool rtl_default, int* base);

/// Indices of runs in visual order (left to right), given their levels (UAX #9 rule L2).
std::vector<int> visual_order(const std::vector<std::uint8_t>& levels);

/// The direction of the first strong character: 1 right to left, 0 left to right, -1 none.
int first_strong_direction(std::string_view utf8);

}  // namespace tailor::writer::pdf
