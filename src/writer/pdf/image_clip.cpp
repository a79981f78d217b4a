// draw_clipped: q, a rounded-rectangle clipping path (Bézier quarter circles), W n, the image,
// Q. A radius of half the side makes the path a circle.
#include "writer/pdf/image_clip.hpp"

#include <algorithm>

namespace tailor::writer::pdf {

namespace {

HPDF_REAL r(double v) { return static_cast<HPDF_REAL>(v); }

/// Control-point distance for a quarter circle of radius 1 drawn as one cubic Bézier.
constexpr double kKappa = 0.5522847498;

void rounded_rect(HPDF_Page page, double x, double y, double w, double h, double rad) {
  rad = std::clamp(rad, 0.0, std::min(w, h) / 2);
  if (rad <= 0) {
    HPDF_Page_Rectangle(page, r(x), r(y), r(w), r(h));
    return;
  }
  double k = rad * kKappa;
  HPDF_Page_MoveTo(page, r(x + rad), r(y));
  HPDF_Page_LineTo(page, r(x + w - rad), r(y));
  HPDF_Page_CurveTo(page, r(x + w - rad + k), r(y), r(x + w), r(y + rad - k), r(x + w), r(y + rad));
  HPDF_Page_LineTo(page, r(x + w), r(y + h - rad));
  HPDF_Page_CurveTo(page, r(x + w), r(y + h - rad + k), r(x + w - rad + k), r(y + h),
                    r(x + w - rad), r(y + h));
  HPDF_Page_LineTo(page, r(x + rad), r(y + h));
  HPDF_Page_CurveTo(page, r(x + rad - k), r(y + h), r(x), r(y + h - rad + k), r(x), r(y + h - rad));
  HPDF_Page_LineTo(page, r(x), r(y + rad));
  HPDF_Page_CurveTo(page, r(x), r(y + rad - k), r(x + rad - k), r(y), r(x + rad), r(y));
  HPDF_Page_ClosePath(page);
}

}  // namespace

void draw_clipped(HPDF_Page page, HPDF_Image img, const Op& op) {
  double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
  if (iw <= 0 || ih <= 0) return;
  double scale = std::max(op.w / iw, op.h / ih);
  double dw = iw * scale, dh = ih * scale;
  HPDF_Page_GSave(page);
  rounded_rect(page, op.x, op.y, op.w, op.h, op.radius);
  HPDF_Page_Clip(page);
  HPDF_Page_EndPath(page);
  HPDF_Page_DrawImage(page, img, r(op.x + (op.w - dw) / 2), r(op.y + (op.h - dh) / 2), r(dw),
                      r(dh));
  HPDF_Page_GRestore(page);
}

}  // namespace tailor::writer::pdf
