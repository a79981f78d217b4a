// Alternative text for the header's pictures, the same in every format that shows them (the
// PDF's Figure /Alt, the HTML's alt attribute).
#pragma once

#include <string>

#include "model/document.hpp"

namespace tailor::writer {

/// The photo's: whose photo it is ("Photo of Aysel Hüseynova"; "Photo" without a name).
std::string photo_alt(const model::Document& doc);
/// A logo's: its file name without folder and extension, words apart ("acme-logo.png" says
/// "acme logo"), since a style names no other.
std::string logo_alt(const std::string& path);

}  // namespace tailor::writer
