// Drawing an image that fills a frame and is clipped to it (the header's photo).
#pragma once

#include <hpdf.h>

#include "writer/pdf/display_list.hpp"

namespace tailor::writer::pdf {

/// Draws `img` scaled to cover the op's frame (centred; the overflow is cut off), clipped to
/// the frame with the op's corner radius: 0 a square, half the side a circle.
void draw_clipped(HPDF_Page page, HPDF_Image img, const Op& op);

}  // namespace tailor::writer::pdf
