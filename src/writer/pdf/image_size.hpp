// Pixel size of a logo image, read from its header.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace tailor::writer::pdf {

/// Pixel width and height of a PNG or JPEG file; nullopt when it is neither or unreadable.
std::optional<std::pair<int, int>> image_size(const std::string& path);

}  // namespace tailor::writer::pdf
