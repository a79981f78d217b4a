// PNGs with 16 bits a sample, which libharu's loader misreads, read through libpng.
#pragma once

#include <hpdf.h>

#include <string>

namespace tailor::writer::pdf {

/// True when the file is a PNG with 16-bit samples (IHDR bit depth 16).
bool is_png_16(const std::string& path);

/// Reads a PNG through libpng's simplified API as 8-bit RGB, any alpha composited on white,
/// and hands the pixels to libharu as a raw image. nullptr when libpng cannot read it.
HPDF_Image load_png_as_rgb8(HPDF_Doc pdf, const std::string& path);

}  // namespace tailor::writer::pdf
