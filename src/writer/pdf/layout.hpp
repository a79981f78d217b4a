// The PDF layout engine: model::Document + Style -> DisplayList (pages of positioned runs).
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "writer/pdf/display_list.hpp"

namespace tailor::writer::pdf {

struct LayoutParams {
  style::Paper paper = style::Paper::A4;
  double spacing_scale = 1.0;  ///< Multiplies vertical gaps and leading (--max-pages).
  double font_scale = 1.0;     ///< Multiplies font sizes (--max-pages).
  /// The document reads right to left: lines are set for a page that is then mirrored
  /// (headings, bullets and indents on the right, dates on the left); see mirror_page().
  bool mirror = false;
};

/// Supplies the face to measure with: the installed face in the first pass, the subset in
/// the second. Returns nullptr when there is none.
using FaceProvider = std::function<const Face*(const FaceKey&)>;

/// The installed faces, found through fontconfig and cached for the process.
const Face* installed_face(const FaceKey& key);

/// Lays out the document. Returns false when a face is missing. Diagnostics (characters the
/// font lacks, links with unsafe schemes, substituted families, missing fonts) go to `diags`
/// when it is not null; later passes over the same document pass null to avoid repeats.
bool layout_document(const model::Document& doc, const style::Style& st, const LayoutParams& params,
                     const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags);

/// Flips every op left to right about the page's centre (text keeps its own glyph order).
void mirror_page(DisplayList& dl);

/// Shapes text ops that the layout placed without glyphs (bullet signs, running heads, page
/// numbers that the style's face covers) and sets every text op's width.
void shape_unshaped(DisplayList& dl);

/// True when the document reads right to left: its language is a right-to-left one (fa, ur,
/// he...), or its first strong character (name first) is right to left.
bool document_is_rtl(const model::Document& doc);

/// "tel:+994501234567" from "+994 50 123 45 67": keeps digits and a leading '+'.
std::string tel_uri(const std::string& phone);

}  // namespace tailor::writer::pdf
