// Unicode normalisation (NFC, through ICU) of the text the PDF draws.
#pragma once

#include <string>
#include <string_view>

namespace tailor::writer::pdf {

/// The NFC form of UTF-8 text. ASCII and text already in NFC come back unchanged without a
/// copy through UTF-16.
std::string nfc(std::string_view utf8);

}  // namespace tailor::writer::pdf
