// Break opportunities inside text written without spaces (Chinese, Japanese, Thai, Lao,
// Khmer, Myanmar), from ICU's UAX #14 line break iterator (with its Thai dictionary).
#pragma once

#include <set>
#include <string_view>

namespace tailor::writer::pdf {

/// UTF-8 offsets, inside runs of such scripts, where a line may break without a space;
/// kinsoku (no break before "。" or after "「") and Thai word boundaries come from ICU. Empty
/// (and ICU not touched) when the text has none of these scripts.
std::set<std::size_t> unspaced_breaks(std::string_view utf8);

}  // namespace tailor::writer::pdf
