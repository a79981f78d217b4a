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
#include "writer/pdf/glyph_run.hpp"
#include "writer/pdf/shaping.hpp"

namespace tailor::writer::pdf {

/// One drawing operation. Coordinates are PDF points from the page's bottom-left corner;
/// for text, (x, y) is the start of the baseline.
struct Op {
  /// Begin and End bracket the ops of one structure element (tagged PDF): Begin opens an
  /// element whose type is `text` ("Sect", "H2", "LI", "Link"), End closes the innermost open
  /// one. The layout brackets each part of the model, in the model's order.
  enum class Kind { Text, Line, Rect, Link, Image, Begin, End };
  Kind kind = Kind::Text;
  int page = 1;  ///< 1-based.
  double x = 0, y = 0;
  double w = 0, h = 0;  ///< Rect and Link: size; Line: end point is (x + w, y + h).
  int face = 0;         ///< Text: index into DisplayList::faces.
  double size = 0;      ///< Text: font size; Line: line width.
  style::Color color;
  std::string text;  ///< Text: UTF-8 (only code points the face has); Link: the URI;
                     ///< Image: the file (PNG or JPEG); Begin: the structure type.
  /// Text: opens a marked-content span before this op whose /ActualText is this (UTF-8), closed
  /// after the op with `end_span`. An entry heading line (role ... dates) is one span, so that
  /// poppler's reading order keeps the right-aligned part with the left one (see layout.cpp).
  std::string actual_text{};
  bool end_span = false;  ///< Text: closes the span opened by an earlier op.
  /// Text: `actual_text` holds right-to-left characters already in the order poppler reads
  /// an ActualText back in (each right-to-left run reversed), so the emitter writes it as is
  /// instead of leaving it out (see line_box: mixed lines of a right-to-left paragraph).
  bool actual_text_reordered = false;
  /// Text: read as nothing (an empty /ActualText): its text is already in the next span's
  /// ActualText. A right-to-left bullet's sign beside a line spanned for its logical order.
  bool silent = false;
  /// Text: the shaped glyphs in visual order, positioned from (x, y), packed (their pairs of
  /// glyph ID and text are in DisplayList::glyph_table); `text` stays the logical source text
  /// they stand for.
  GlyphRun glyphs{};
  bool clustered = false;  ///< Text: some cluster has several glyphs (needs /ActualText).
  /// Text: a word space precedes it that no glyph draws (a gap between runs, or a line broken
  /// at a space). The emitter writes an invisible space glyph, so the tagged content's text
  /// keeps its word spaces for readers that take text from the structure.
  bool space_before = false;
  /// Text, Line, Rect: not part of the content (running heads, page numbers, rules, bars).
  bool artifact = false;
  /// Text: the BCP 47 language of a run in another language than the document's; Begin: the
  /// element's alternative text (a Figure's /Alt).
  std::string lang{};
  std::string alt{};
  /// Image: (x, y, w, h) is a frame the image covers (scaled to fill it, centred, the rest
  /// cut off) and is clipped to, with corners of this radius (w / 2 for a circle).
  bool clip = false;
  double radius = 0;
  friend bool operator==(const Op&, const Op&) = default;

  /// A Begin op for an element of `type`, and the End op that closes the innermost element.
  static Op open(std::string type) {
    Op op;
    op.kind = Kind::Begin;
    op.text = std::move(type);
    return op;
  }
  static Op close() {
    Op op;
    op.kind = Kind::End;
    return op;
  }
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
  GlyphTable glyph_table;              ///< The (glyph ID, text) pairs the ops' glyphs name.
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
