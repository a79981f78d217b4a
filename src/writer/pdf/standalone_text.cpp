// Text drawn on its own, outside a paragraph: bullet signs, running heads, page numbers and
// the agency header and footer lines. Like body text, what the style's face lacks comes from a
// fallback face.
#include "base/utf8.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

std::vector<Op> Engine::standalone_text(std::string_view text, int face, double size, Color color,
                                        const SourceSpan& span, double& width) {
  Piece p = piece(text, face, size, color, span);
  width = 0;
  if (p.text.empty() || face < 0) return {};
  bool covered = true;
  for (std::size_t i = 0; i < p.text.size() && covered;) {
    covered = f(face).has(base::decode_next(p.text, i));
  }
  if (covered) {
    // One op in the style's face, shaped whole by shape_unshaped() once the page is known.
    width = f(face).text_width(p.text, size);
    Op t;
    t.kind = Op::Kind::Text;
    t.face = face;
    t.size = size;
    t.color = color;
    t.text = p.text;
    return {t};
  }
  // Itemised, shaped and ordered as one line of a paragraph, wide enough never to break.
  std::vector<Piece> ps{p};
  std::vector<Line> lines = break_lines(ps, 1e9, 1e9);
  std::vector<Op> out;
  for (const Line& line : lines) {
    Box b = line_box(ps, line, width, line.width, Align::Left, 0);
    for (Op& op : b.ops) out.push_back(std::move(op));
    width += line.width;
  }
  return out;
}

}  // namespace tailor::writer::pdf::detail
