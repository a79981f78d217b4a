// 16-bit PNGs: libpng reduces them to 8-bit RGB; libharu embeds the pixels (Flate-compressed
// by its stream filter, as any image).
#include "writer/pdf/png_wide.hpp"

#include <png.h>

#include <cstring>
#include <fstream>
#include <vector>

namespace tailor::writer::pdf {

bool is_png_16(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[25] = {};
  if (!in.read(head, sizeof head)) return false;
  return std::memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0 && std::memcmp(head + 12, "IHDR", 4) == 0 &&
         head[24] == 16;
}

HPDF_Image load_png_as_rgb8(HPDF_Doc pdf, const std::string& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) return nullptr;
  image.format = PNG_FORMAT_RGB;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&image, &white, pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    return nullptr;
  }
  return HPDF_LoadRawImageFromMem(pdf, pixels.data(), image.width, image.height, HPDF_CS_DEVICE_RGB,
                                  8);
}

}  // namespace tailor::writer::pdf
