// The header's pictures in the page: the style's logo and the resume's photo, embedded as
// data: URIs so the page stays one self-contained file, each sized, shaped and placed as the
// PDF draws it. A picture that cannot be embedded is a warning, as in the PDF and DOCX.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "base/base64.hpp"
#include "base/image_header.hpp"
#include "base/regular_files.hpp"
#include "writer/html/html.hpp"
#include "writer/image_alt.hpp"

namespace tailor::writer::html {

namespace {

std::string pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6gpt", v);
  return buf;
}

/// The file's bytes when it is a PNG or JPEG image, with its type and pixel size; else a
/// reason to give the user.
struct Picture {
  std::string data, ext;
  unsigned w = 0, h = 0;
};

std::optional<Picture> read_picture(const std::string& path, std::string& err) {
  // read_regular_file opens only a regular file: never a FIFO or a device.
  std::optional<std::string> data = base::read_regular_file(path, err);
  if (!data) return std::nullopt;
  Picture p;
  if (!base::image_size(*data, p.ext, p.w, p.h)) {
    err = "not a PNG or JPEG image";
    return std::nullopt;
  }
  p.data = std::move(*data);
  return p;
}

std::string img(const Picture& p, const std::string& cls, const std::string& alt) {
  return "<img class=\"" + cls + "\" src=\"data:image/" + p.ext + ";base64," +
         base::base64(p.data) + "\" alt=\"" + escape(alt) + "\">\n";
}

}  // namespace

HeaderImages header_images(const model::Document& doc, const style::Style& st,
                           diag::Diagnostics& diags) {
  HeaderImages out;
  style::PageSize page = style::page_size(st.paper);
  const double text_width = page.width - st.margin_left - st.margin_right;
  // The logo (agency branding) at the top right (the end of the line), as high as 2.2 times
  // the name (at most 54 pt) and at most a third of the text width.
  if (!st.logo.empty()) {
    std::filesystem::path path(st.logo);
    if (path.is_relative() && !st.source_path.empty()) {
      path = std::filesystem::path(st.source_path).parent_path() / path;
    }
    std::string err;
    if (std::optional<Picture> p = read_picture(path.string(), err)) {
      double h = std::min(54.0, st.name_size * 2.2);
      double w = h * p->w / p->h;
      if (w > text_width / 3) {
        w = text_width / 3;
        h = w * p->h / p->w;
      }
      out.html += img(*p, "logo", logo_alt(st.logo));
      out.css += "img.logo { float: inline-end; width: " + pt(w) + "; height: " + pt(h) +
                 "; margin-inline-start: 12pt; }\n";
    } else {
      diag::Diagnostic d;
      d.severity = diag::Severity::Warning;
      d.path = st.source_path.empty() ? path.string() : st.source_path;
      d.message = "cannot read the logo '" + path.string() + "': " + err + "; it is left out";
      d.hints.push_back("logo: names a PNG or JPEG file, relative to the style file");
      diags.add(std::move(d));
    }
  }
  // The photo: a square of the style's size (at most a third of the text width), the image
  // covering it, clipped to a square, rounded square or circle; beside the name on the
  // style's side, or the start side when a logo holds the end.
  const model::Header& h = doc.header;
  if (st.photo_size > 0 && !h.photo.empty()) {
    auto warn = [&](const std::string& message) {
      diag::Diagnostic& d = diags.warning(h.photo.span, message);
      if (!h.photo.span.known()) d.path = "document";
      d.hints.push_back("photo: names a PNG or JPEG file, relative to the resume's folder");
    };
    std::string err;
    std::optional<Picture> p;
    if (h.photo_file.empty()) {
      // An address: the page fetches nothing, and neither does Tailor.
      warn("the photo '" + h.photo.value + "' is an address, which is not fetched; it is left out");
    } else if (!(p = read_picture(h.photo_file, err))) {
      warn("cannot read the photo '" + h.photo_file + "': " + err + "; it is left out");
    } else {
      double size = std::min(st.photo_size, text_width / 3);
      bool start = st.photo_left || !out.html.empty();
      const char* radius = st.photo_shape == style::PhotoShape::Circle    ? "50%"
                           : st.photo_shape == style::PhotoShape::Rounded ? "16.6667%"
                                                                          : "0";
      out.html += img(*p, "photo", photo_alt(doc));
      out.css += std::string("img.photo { float: ") + (start ? "inline-start" : "inline-end") +
                 "; width: " + pt(size) + "; height: " + pt(size) +
                 "; object-fit: cover; border-radius: " + radius + "; margin-inline-" +
                 (start ? "end" : "start") + ": 14pt; }\n";
    }
  }
  // The header holds its floats: the next section starts below the taller of text and image.
  if (!out.html.empty()) out.css += "body > header { display: flow-root; }\n";
  return out;
}

}  // namespace tailor::writer::html
