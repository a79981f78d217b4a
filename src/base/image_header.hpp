// What a PNG or JPEG file is, read from its first bytes: its kind and pixel size. The DOCX
// and HTML writers embed the bytes as they are and need no more than this.
#pragma once

#include <string>

namespace tailor::base {

/// Width and height from a PNG IHDR or a JPEG start-of-frame marker; ext is "png" or "jpeg".
/// False for anything else (and for a zero size).
bool image_size(const std::string& data, std::string& ext, unsigned& w, unsigned& h);

}  // namespace tailor::base
