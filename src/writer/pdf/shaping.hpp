// Shaping: UTF-8 text in one face and one direction to positioned glyphs, through HarfBuzz
// (kerning, ligatures, Arabic joining, Indic reordering, mark positioning come from the font).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tailor::writer::pdf {

class Face;

/// One drawn glyph of a run.
struct Glyph {
  unsigned gid = 0;     ///< Glyph ID in the installed face.
  double x = 0, y = 0;  ///< Origin relative to the run's start (points; y up).
  /// The source text this glyph stands for, as a ToUnicode entry should give it back: a
  /// ligature stands for several characters (reversed within a right-to-left run, the order
  /// poppler reads such entries in); empty for the second and later glyphs of one cluster.
  std::string text;
  friend bool operator==(const Glyph&, const Glyph&) = default;
};

enum class Direction { Auto, LTR, RTL };

struct Shaped {
  std::vector<Glyph> glyphs;  ///< In visual order, left to right.
  double width = 0;           ///< Sum of the shaped advances (points).
  /// Some cluster has several glyphs (Thai, Devanagari): a per-glyph mapping cannot give the
  /// text back, so the run needs /ActualText.
  bool clustered = false;
};

/// Shapes text at a size. Direction::Auto takes the direction of the text's script.
/// Default-ignorable characters (ZWSP, ZWJ, bidi controls, BOM, soft hyphen) are not drawn.
Shaped shape(const Face& face, std::string_view utf8, double size, Direction dir);

/// The width shape() gives, without copying the glyphs.
double shaped_width(const Face& face, std::string_view utf8, double size, Direction dir);

/// shape() at 1 pt, from the per-thread cache of shaped words: valid until the next call.
const Shaped& shape_unit_cached(const Face& face, std::string_view utf8, Direction dir);

}  // namespace tailor::writer::pdf
