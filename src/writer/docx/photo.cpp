// The header's photo in the DOCX: read as the PDF reads it, cropped to a square by a:srcRect
// and shaped by the picture's preset geometry (rect, roundRect, ellipse).
#include <algorithm>
#include <filesystem>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "writer/docx/internal.hpp"

namespace tailor::writer::docx {

std::optional<Logo> load_photo(const model::Header& h, const style::Style& st, const Metrics& m,
                               diag::Diagnostics& diags) {
  if (st.photo_size <= 0 || h.photo_file.empty()) return std::nullopt;
  auto warn = [&](const std::string& message) {
    diag::Diagnostic& d = diags.warning(h.photo.span, message);
    if (!h.photo.span.known()) d.path = "document";
    d.hints.push_back("photo: names a PNG or JPEG file, relative to the resume's folder");
    return std::nullopt;
  };
  std::string err;
  // read_regular_file opens only a regular file: never a FIFO or a device.
  std::optional<std::string> data = base::read_regular_file(h.photo_file, err);
  if (!data)
    return warn("cannot read the photo '" + h.photo_file + "': " + err + "; it is left out");
  Logo photo;
  unsigned w = 0, hgt = 0;
  if (!image_size(*data, photo.extension, w, hgt)) {
    return warn("the photo '" + h.photo_file + "' is not a PNG or JPEG image; it is left out");
  }
  photo.data = std::move(*data);
  photo.name = "Photo";
  photo.media = "photo";
  photo.id = 2;
  // As the PDF: at most a third of the text width; beside the logo, on the left.
  double size = std::min(st.photo_size, m.text_width() / 20.0 / 3);
  photo.cx = photo.cy = static_cast<long>(size * 12700);
  photo.align = st.photo_left || !st.logo.empty() ? "left" : "right";
  if (st.layout == style::Layout::Sidebar) {
    // At the top of the sidebar's cell, centred, the contact details below it.
    photo.align = "center";
    photo.in_cell = true;
  }
  photo.geometry = st.photo_shape == style::PhotoShape::Circle    ? "ellipse"
                   : st.photo_shape == style::PhotoShape::Rounded ? "roundRect"
                                                                  : "rect";
  // Cover the square: cut the longer side's overflow equally from both ends.
  if (w > hgt) {
    long cut = static_cast<long>((1.0 - static_cast<double>(hgt) / w) / 2 * 100000);
    photo.crop_l = photo.crop_r = cut;
  } else if (hgt > w) {
    long cut = static_cast<long>((1.0 - static_cast<double>(w) / hgt) / 2 * 100000);
    photo.crop_t = photo.crop_b = cut;
  }
  return photo;
}

}  // namespace tailor::writer::docx
