// The PDF's layout passes: fit to --max-pages, then lay out, subset the faces, lay out again.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "writer/pdf/layout.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf/render_error.hpp"
#include "writer/pdf/shared_streams.hpp"
#include "writer/smart_text.hpp"

namespace tailor::writer::pdf {

namespace {

style::Paper paper_of(const RenderOptions& o) { return o.paper.value_or(o.style->paper); }

bool run_layout(const model::Document& doc, const RenderOptions& o, double spacing, double font,
                const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags,
                double margin_shrink = -1) {
  const style::Style st =
      style::with_margins_shrunk(*o.style, margin_shrink < 0 ? o.margin_shrink : margin_shrink);
  LayoutParams p;
  p.paper = paper_of(o);
  p.spacing_scale = spacing;
  p.font_scale = font;
  p.mirror = document_is_rtl(doc);
  if (!layout_document(doc, st, p, faces, out, diags)) return false;
  shape_unshaped(out);
  if (p.mirror) mirror_page(out);
  out.mirrored = p.mirror;
  return true;
}

std::string fmt_pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", std::ceil(v));
  return buf;
}

}  // namespace

std::optional<FitFactors> fit_to_pages(const model::Document& source, const RenderOptions& options,
                                       diag::Diagnostics& diags) {
  if (options.max_pages <= 0) return FitFactors{};
  // Measured as write_pdf sets it: a dash or a quotation mark is not as wide as what was typed.
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  DisplayList dl;
  auto fits = [&](double s, double f, double m = 0) {
    if (!run_layout(doc, options, s, f, installed_face, dl, nullptr, m)) return false;
    return dl.pages <= options.max_pages;
  };
  // Warnings about the text come from the writer's own pass; keep only errors from here.
  diag::Diagnostics first;
  if (!run_layout(doc, options, 1, 1, installed_face, dl, &first, 0)) {
    for (const diag::Diagnostic& d : first.items()) {
      if (d.severity == diag::Severity::Error) diags.add(d);
    }
    return std::nullopt;
  }
  if (dl.pages <= options.max_pages) return FitFactors{};
  constexpr double kMinSpacing = 0.4;
  for (int step = 1; step <= 12; ++step) {
    double s = 1.0 - 0.05 * step;
    if (fits(s, 1.0)) return FitFactors{s, 1.0, 0};
  }
  double body = options.style->body_size;
  double min_font = body > 9 ? 9.0 / body : 1.0;
  for (double f = 0.975; f > min_font; f -= 0.025) {
    if (fits(kMinSpacing, f)) return FitFactors{kMinSpacing, f, 0};
  }
  if (min_font < 1.0 && fits(kMinSpacing, min_font)) return FitFactors{kMinSpacing, min_font, 0};
  // Last, the margins: 2 pt at a time down to the style's minimum.
  const double max_shrink = style::max_margin_shrink(*options.style);
  for (double m = 2; m < max_shrink + 2; m += 2) {
    double shrink = std::min(m, max_shrink);
    if (fits(kMinSpacing, min_font, shrink)) return FitFactors{kMinSpacing, min_font, shrink};
  }
  run_layout(doc, options, kMinSpacing, min_font, installed_face, dl, nullptr, max_shrink);
  int n = options.max_pages;
  // How much is over, in body lines at the tightest setting: the pages past the limit (each a
  // full page of content) and what the last one holds.
  const style::Style st = style::with_margins_shrunk(*options.style, max_shrink);
  double content = dl.page_height - st.margin_top - st.margin_bottom;
  double over_pt = (dl.pages - n - 1) * content + dl.last_page_used;
  double line_pt = body * min_font * (1.0 + (st.line_height - 1.0) * kMinSpacing);
  int lines = static_cast<int>(std::ceil(over_pt / line_pt - 1e-9));
  std::string msg = "the resume does not fit on " + std::to_string(n) +
                    (n == 1 ? " page" : " pages") + ": at the tightest spacing and smallest type " +
                    "it is " + std::to_string(lines) + (lines == 1 ? " line" : " lines") +
                    " too long (" + fmt_pt(over_pt) + " pt past the end of page " +
                    std::to_string(n) + ")";
  render_error(diags, doc, msg)
      .hints.push_back(
          "raise --max-pages, choose the compact style, or tailor with fewer "
          "bullets (--max-bullets)");
  return std::nullopt;
}

bool layout_two_pass(const model::Document& doc, const RenderOptions& options, DisplayList& out,
                     std::vector<std::string>& subsets, diag::Diagnostics& diags) {
  double spacing = options.spacing_scale, font = options.font_scale;
  double margins = options.margin_shrink;
  // Pass 1: installed faces. This is where warnings about characters and links come from.
  if (!run_layout(doc, options, spacing, font, installed_face, out, &diags)) return false;
  if (options.max_pages > 0 && out.pages > options.max_pages) {
    auto f = fit_to_pages(doc, options, diags);
    if (!f) return false;
    spacing = f->spacing;
    font = f->font;
    margins = f->margin_shrink;
    if (!run_layout(doc, options, spacing, font, installed_face, out, nullptr, margins)) {
      return false;
    }
  }
  // Subset each installed face once, to the union of the glyphs every key using it draws.
  // The display list keeps the installed faces' glyph IDs; out.subset_gids renumbers them.
  std::vector<std::set<unsigned>> used = out.glyph_ids();
  std::map<const Face*, std::set<unsigned>> per_face;
  for (std::size_t i = 0; i < out.faces.size(); ++i) {
    per_face[out.face_ptrs[i]].insert(used[i].begin(), used[i].end());
  }
  // A batch draws the same glyphs of a face again and again: the subset is made once per
  // face and glyph set in the process (shared_streams.hpp), the same bytes either way.
  std::map<const Face*, std::shared_ptr<const SharedSubset>> made;
  for (const auto& [face, gids] : per_face) {
    std::shared_ptr<const SharedSubset> s = shared_subset(*face, gids);
    if (!s) {
      render_error(diags, doc, "cannot subset the font " + face->path() + " (hb-subset failed)");
      return false;
    }
    made[face] = std::move(s);
  }
  subsets.clear();
  out.subset_gids.clear();
  for (const Face* f : out.face_ptrs) {
    subsets.push_back(made[f]->bytes);
    out.subset_gids.push_back(made[f]->old_to_new);
  }
  return true;
}

}  // namespace tailor::writer::pdf
