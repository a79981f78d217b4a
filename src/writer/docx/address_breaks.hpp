// Keeping addresses whole in the DOCX (issue 16): where Word or LibreOffice would wrap a
// paragraph inside a URL, e-mail address or phone number (after a hyphen or a slash), a line
// break goes before the address instead. The line breaking is simulated with the style's own
// font metrics, as the contact line is (contact_lines.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace tailor::writer::docx {

/// True for a word (no spaces; leading and trailing punctuation allowed) that reads as an
/// address: anything with "://", "www.…", an e-mail address, a domain with a path
/// ("github.com/aysel") or with a hyphen ("ledger-kit.dev"), or a phone number written with
/// hyphens or dots ("+1-555-010-0199", "555.010.0199"). These are what a word processor may wrap
/// inside.
bool is_address(std::string_view word);

/// Width in points of text[begin, end), as the paragraph's runs set it.
using MeasureText = std::function<double(std::size_t begin, std::size_t end)>;

/// The byte offsets of the spaces in `text` (one paragraph; '\n' is a line break already
/// there, '\t' counts as a space) that should become line breaks so that no address word
/// straddles the end of a line `width` points wide. Lines are filled greedily, as Word and
/// LibreOffice fill them, breaking at spaces and after hyphens and slashes inside ordinary
/// words; an address is treated as one unbreakable word. Word and LibreOffice set text a
/// little narrower or wider than we measure it, so the lines are filled with the measured
/// widths times each of `scales` in turn, and an address gets a break before it when in any
/// of them it would not fit on the rest of the line it starts on. An address longer than
/// the whole line cannot be kept whole and gets none.
std::vector<std::size_t> address_breaks(std::string_view text, const MeasureText& measure,
                                        double width, const std::vector<double>& scales);

}  // namespace tailor::writer::docx
