// The header's photo: a square frame beside the name, on the side the style chooses, with the
// image clipped to a square, rounded square or circle.
#include <algorithm>
#include <filesystem>

#include "base/regular_files.hpp"
#include "writer/image_alt.hpp"
#include "writer/pdf/image_size.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

double Engine::photo() {
  const model::Header& h = doc_.header;
  if (st_.photo_size <= 0 || h.photo_file.empty()) return 0;
  auto warn = [&](const std::string& message) {
    if (!diags_) return 0.0;
    diag::Diagnostic& d = diags_->warning(h.photo.span, message);
    if (!h.photo.span.known()) d.path = "document";
    d.hints.push_back("photo: names a PNG or JPEG file, relative to the resume's folder");
    return 0.0;
  };
  // Opened only when it is a regular file: never a FIFO or a device.
  std::string err;
  if (!base::check_regular_resource(h.photo_file, err)) {
    return warn("cannot read the photo '" + h.photo_file + "': " + err + "; it is left out");
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(h.photo_file, ec)) {
    return warn("cannot read the photo '" + h.photo_file + "': no such file; it is left out");
  }
  if (!image_size(h.photo_file)) {
    return warn("the photo '" + h.photo_file + "' is not a PNG or JPEG image; it is left out");
  }
  double size = std::min(st_.photo_size, width_ / 3);
  Op img;
  img.kind = Op::Kind::Image;
  img.w = img.h = size;
  img.y = out_.page_height - st_.margin_top - size;
  img.text = h.photo_file;
  img.clip = true;
  img.radius = st_.photo_shape == style::PhotoShape::Circle    ? size / 2
               : st_.photo_shape == style::PhotoShape::Rounded ? size / 6
                                                               : 0;
  // The logo (agency branding) keeps the top right; the photo then goes to the left.
  bool left = st_.photo_left || !st_.logo.empty();
  const double gutter = 14;
  if (left) {
    img.x = left_;
    left_ += size + gutter;
  } else {
    img.x = left_ + width_ - size;
  }
  width_ -= size + gutter;
  // A Figure with alternative text, for screen readers (PDF/UA): whose photo it is.
  Op fig = Op::open("Figure");
  fig.alt = photo_alt(doc_);
  page1_ops_.push_back(fig);
  page1_ops_.push_back(img);
  page1_ops_.push_back(Op::close());
  return size;
}

}  // namespace tailor::writer::pdf::detail
