// The laid-out document: positioned text runs, rules, bars and link rectangles per page.
// The layout engine produces it, the libharu emitter draws it, and golden tests dump it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "style/style.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/pdf/shaping.hpp"

namespace tailor::writer::pdf {

/// One drawing operation. Coordinates are PDF points from the page's bottom-left corner;
/// for text, (x, y) is the start of the baseline.
struct Op {
  enum class Kind { Text, Line, Rect, Link, Image };
  Kind kind = Kind::Text;
  int page = 1;  ///< 1-based.
  double x = 0, y = 0;
  double w = 0, h = 0;  ///< Rect and Link: size; Line: end point is (x + w, y + h).
  int face = 0;         ///< Text: index into DisplayList::faces.
  double size = 0;      ///< Text: font size; Line: line width.
  style::Color color;
  std::string text;  ///< Text: UTF-8 (only code points the face has); Link: the URI;
                     ///< Image: the file (PNG or JPEG).
  /// Text: opens a marked-content span before this op whose /ActualText is this (UTF-8), closed
  /// after the op with `end_span`. An entry heading line (role ... dates) is one span, so that
  /// poppler's reading order keeps the right-aligned part with the left one (see layout.cpp).
  std::string actual_text{};
  bool end_span = false;  ///< Text: closes the span opened by an earlier op.
  /// Text: the shaped glyphs in visual order, positioned from (x, y); `text` stays the
  /// logical source text they stand for.
  std::vector<Glyph> glyphs{};
  bool clustered = false;  ///< Text: some cluster has several glyphs (needs /ActualText).
  /// Image: (x, y, w, h) is a frame the image covers (scaled to fill it, centred, the rest
  /// cut off) and is clipped to, with corners of this radius (w / 2 for a circle).
  bool clip = false;
  double radius = 0;
  friend bool operator==(const Op&, const Op&) = default;
};

struct DisplayList {
  double page_width = 0, page_height = 0;
  int pages = 0;
  bool mirrored = false;  ///< A right-to-left document: the page was laid out mirrored.
  /// Parallel to faces, once subset: each drawn glyph's ID in the embedded subset.
  std::vector<std::map<unsigned, unsigned>> subset_gids;
  std::vector<FaceKey> faces;
  std::vector<const Face*> face_ptrs;  ///< Parallel to faces; what the layout measured with.
  std::vector<Op> ops;                 ///< In reading order.
  /// Height the content uses on the last page, below the top margin and the running head
  /// (for "needs N pages and X pt").
  double last_page_used = 0;

  /// The code points each face draws.
  std::vector<std::set<char32_t>> code_points() const;
  /// The glyphs each face draws, for subsetting.
  std::vector<std::set<unsigned>> glyph_ids() const;
  /// A text dump, one op per line, values rounded to 0.01 pt (golden tests).
  std::string dump() const;
};

}  // namespace tailor::writer::pdf
