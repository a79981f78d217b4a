// The agency logo: read the PNG or JPEG named by the style, find its pixel size, and anchor
// it at the top right of the first page as a DrawingML picture, where the PDF draws it.
#include <algorithm>
#include <filesystem>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "writer/docx/internal.hpp"

namespace tailor::writer::docx {

std::optional<Logo> load_logo(const style::Style& st, const Metrics& m, diag::Diagnostics& diags) {
  if (st.logo.empty()) return std::nullopt;
  std::filesystem::path path(st.logo);
  if (path.is_relative() && !st.source_path.empty()) {
    path = std::filesystem::path(st.source_path).parent_path() / path;
  }
  auto warn = [&](const std::string& message) {
    diag::Diagnostic d;
    d.severity = diag::Severity::Warning;
    d.path = st.source_path.empty() ? path.string() : st.source_path;
    d.message = message;
    d.hints.push_back("the DOCX is written without the logo");
    diags.add(std::move(d));
    return std::nullopt;
  };
  std::string err;
  std::optional<std::string> data = base::read_regular_file(path.string(), err);
  if (!data) return warn("cannot read the logo '" + path.string() + "': " + err);
  Logo logo;
  unsigned w = 0, h = 0;
  if (!image_size(*data, logo.extension, w, h)) {
    return warn("the logo '" + path.string() + "' is not a PNG or JPEG image");
  }
  logo.data = std::move(*data);
  double height_pt = std::min(54.0, m.scaled(st.name_size) * 2.2);
  double width_pt = height_pt * w / h;
  double max_width = m.text_width() / 20.0 / 3;
  if (width_pt > max_width) {
    height_pt = max_width * h / w;
    width_pt = max_width;
  }
  logo.cx = static_cast<long>(width_pt * 12700);
  logo.cy = static_cast<long>(height_pt * 12700);
  return logo;
}

void append_logo_run(pugi::xml_node paragraph, const Logo& logo, const std::string& rel_id) {
  pugi::xml_node drawing = paragraph.append_child("w:r").append_child("w:drawing");
  pugi::xml_node anchor;
  if (logo.in_cell) {
    // In a table cell (the sidebar): inline, in a paragraph of its own, as any line.
    anchor = drawing.append_child("wp:inline");
    for (const char* a : {"distT", "distB", "distL", "distR"}) anchor.append_attribute(a) = 0;
    pugi::xml_node extent = anchor.append_child("wp:extent");
    extent.append_attribute("cx") = logo.cx;
    extent.append_attribute("cy") = logo.cy;
    pugi::xml_node effect = anchor.append_child("wp:effectExtent");
    for (const char* a : {"l", "t", "r", "b"}) effect.append_attribute(a) = 0;
  } else {
    anchor = drawing.append_child("wp:anchor");
    // CT_Anchor: every attribute is required; children in schema order below.
    anchor.append_attribute("distT") = 0;
    anchor.append_attribute("distB") = 0;
    // 12 pt between the text and the image, on the text's side.
    anchor.append_attribute("distL") = logo.align == "left" ? 0 : 152400;
    anchor.append_attribute("distR") = logo.align == "left" ? 152400 : 0;
    anchor.append_attribute("simplePos") = 0;
    anchor.append_attribute("relativeHeight") = 1;
    anchor.append_attribute("behindDoc") = 0;
    anchor.append_attribute("locked") = 0;
    anchor.append_attribute("layoutInCell") = 1;
    anchor.append_attribute("allowOverlap") = 0;
    pugi::xml_node simple = anchor.append_child("wp:simplePos");
    simple.append_attribute("x") = 0;
    simple.append_attribute("y") = 0;
    pugi::xml_node h = anchor.append_child("wp:positionH");
    h.append_attribute("relativeFrom") = "margin";
    h.append_child("wp:align").text().set(logo.align.c_str());
    pugi::xml_node v = anchor.append_child("wp:positionV");
    v.append_attribute("relativeFrom") = "margin";
    v.append_child("wp:align").text().set("top");
    pugi::xml_node extent = anchor.append_child("wp:extent");
    extent.append_attribute("cx") = logo.cx;
    extent.append_attribute("cy") = logo.cy;
    pugi::xml_node effect = anchor.append_child("wp:effectExtent");
    for (const char* a : {"l", "t", "r", "b"}) effect.append_attribute(a) = 0;
    anchor.append_child("wp:wrapSquare").append_attribute("wrapText") = "bothSides";
  }
  pugi::xml_node doc_pr = anchor.append_child("wp:docPr");
  doc_pr.append_attribute("id") = logo.id;
  doc_pr.append_attribute("name") = logo.name.c_str();
  anchor.append_child("wp:cNvGraphicFramePr");
  pugi::xml_node graphic = anchor.append_child("a:graphic");
  graphic.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
  pugi::xml_node data = graphic.append_child("a:graphicData");
  data.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
  pugi::xml_node pic = data.append_child("pic:pic");
  pic.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
  pugi::xml_node nv = pic.append_child("pic:nvPicPr");
  pugi::xml_node c_nv = nv.append_child("pic:cNvPr");
  c_nv.append_attribute("id") = 0;
  c_nv.append_attribute("name") = (logo.media + "." + logo.extension).c_str();
  nv.append_child("pic:cNvPicPr");
  pugi::xml_node fill = pic.append_child("pic:blipFill");
  fill.append_child("a:blip").append_attribute("r:embed") = rel_id.c_str();
  bool crop = logo.crop_l || logo.crop_t || logo.crop_r || logo.crop_b;
  if (crop && logo.geometry == "rect") {
    pugi::xml_node src = fill.append_child("a:srcRect");
    src.append_attribute("l") = logo.crop_l;
    src.append_attribute("t") = logo.crop_t;
    src.append_attribute("r") = logo.crop_r;
    src.append_attribute("b") = logo.crop_b;
  }
  pugi::xml_node rect = fill.append_child("a:stretch").append_child("a:fillRect");
  if (crop && logo.geometry != "rect") {
    // LibreOffice drops the picture of a shaped frame (ellipse, roundRect) that has a
    // srcRect; the same cut is said as a fill larger than the frame, which Word honours.
    // (LibreOffice then fits the whole picture in the frame.)
    auto overflow = [](long cut_a, long cut_b) {
      double kept = 1.0 - (cut_a + cut_b) / 100000.0;
      return -static_cast<long>((1.0 / kept - 1.0) / 2 * 100000 + 0.5);
    };
    if (logo.crop_l || logo.crop_r) {
      rect.append_attribute("l") = overflow(logo.crop_l, logo.crop_r);
      rect.append_attribute("r") = overflow(logo.crop_l, logo.crop_r);
    }
    if (logo.crop_t || logo.crop_b) {
      rect.append_attribute("t") = overflow(logo.crop_t, logo.crop_b);
      rect.append_attribute("b") = overflow(logo.crop_t, logo.crop_b);
    }
  }
  pugi::xml_node sp = pic.append_child("pic:spPr");
  pugi::xml_node xfrm = sp.append_child("a:xfrm");
  pugi::xml_node off = xfrm.append_child("a:off");
  off.append_attribute("x") = 0;
  off.append_attribute("y") = 0;
  pugi::xml_node ext = xfrm.append_child("a:ext");
  ext.append_attribute("cx") = logo.cx;
  ext.append_attribute("cy") = logo.cy;
  pugi::xml_node geom = sp.append_child("a:prstGeom");
  geom.append_attribute("prst") = logo.geometry.c_str();
  geom.append_child("a:avLst");
}

}  // namespace tailor::writer::docx
