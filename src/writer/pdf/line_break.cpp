// Line breaking on measured widths: pieces to words, words to lines, lines to boxes.
#include "base/utf8.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

void Engine::place(const std::vector<Piece>& ps, Line& line, const Word& w) const {
  bool first_in_line = line.segs.empty();
  double sw = first_in_line || w.space_piece < 0 ? 0 : space_width(ps, w.space_piece);
  double x = line.width + sw;
  for (std::size_t c = 0; c < w.chunks.size(); ++c) {
    const Chunk& ch = w.chunks[c];
    bool spaced = c == 0 && sw > 0;
    Segment* last = line.segs.empty() ? nullptr : &line.segs.back();
    // Same look and the space drawn in that look: extend the segment, so extraction sees
    // real spaces and the viewer's advances match ours.
    if (last && last->piece == ch.piece && (!spaced || w.space_piece == ch.piece)) {
      last->text += (spaced ? " " : "") + ch.text;
      last->width = x + ch.width - last->x;
    } else {
      line.segs.push_back(Segment{ch.piece, ch.text, x, ch.width});
    }
    x += ch.width;
  }
  line.width = x;
}

std::vector<Line> Engine::break_lines(const std::vector<Piece>& ps, double first_width,
                                      double rest_width) const {
  // 1. Words: runs of non-space characters, possibly spanning pieces ("**Go**,").
  std::vector<Word> words;
  Word cur;
  bool pending_space = false;
  int space_piece = -1;
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const Piece& pc = ps[p];
    const Face& fc = f(pc.face);
    for (std::size_t i = 0; i < pc.text.size();) {
      std::size_t start = i;
      char32_t cp = base::decode_next(pc.text, i);
      if (cp == ' ') {
        if (!cur.chunks.empty()) {
          words.push_back(std::move(cur));
          cur = Word{};
        }
        pending_space = true;
        space_piece = static_cast<int>(p);
        continue;
      }
      if (cur.chunks.empty()) {
        cur.space_piece = pending_space && !words.empty() ? space_piece : -1;
        pending_space = false;
      }
      double w = fc.width1000(cp) * pc.size / 1000.0;
      if (cur.chunks.empty() || cur.chunks.back().piece != static_cast<int>(p)) {
        cur.chunks.push_back(Chunk{static_cast<int>(p), {}, 0});
      }
      cur.chunks.back().text.append(pc.text, start, i - start);
      cur.chunks.back().width += w;
      cur.width += w;
    }
  }
  if (!cur.chunks.empty()) words.push_back(std::move(cur));

  // 2. Greedy filling; a word wider than a whole line is cut between code points.
  std::vector<Line> lines;
  Line line;
  double avail = first_width;
  auto finish = [&] {
    lines.push_back(std::move(line));
    line = Line{};
    avail = rest_width;
  };
  for (Word& w : words) {
    double sw = line.segs.empty() || w.space_piece < 0 ? 0 : space_width(ps, w.space_piece);
    if (!line.segs.empty() && line.width + sw + w.width > avail + 1e-6) finish();
    if (line.segs.empty() && w.width > avail + 1e-6) {
      Word part;
      part.space_piece = -1;
      for (const Chunk& ch : w.chunks) {
        const Piece& pc = ps[static_cast<std::size_t>(ch.piece)];
        const Face& fc = f(pc.face);
        for (std::size_t i = 0; i < ch.text.size();) {
          std::size_t start = i;
          char32_t cp = base::decode_next(ch.text, i);
          double cw = fc.width1000(cp) * pc.size / 1000.0;
          if (part.width + cw > avail + 1e-6 && part.width > 0) {
            // Never end a cut line with '-': text extractors take it for a hyphenation
            // and drop it ("segment-388" would come back as "segment388").
            Word carry;
            Chunk& tail = part.chunks.back();
            if (tail.text.size() > 1 && tail.text.back() == '-') {
              double hw = fc_width(ps, tail.piece, U'-');
              tail.text.pop_back();
              tail.width -= hw;
              part.width -= hw;
              carry.chunks.push_back(Chunk{tail.piece, "-", hw});
              carry.width = hw;
            }
            place(ps, line, part);
            finish();
            part = std::move(carry);
          }
          if (part.chunks.empty() || part.chunks.back().piece != ch.piece) {
            part.chunks.push_back(Chunk{ch.piece, {}, 0});
          }
          part.chunks.back().text.append(ch.text, start, i - start);
          part.chunks.back().width += cw;
          part.width += cw;
        }
      }
      if (!part.chunks.empty()) place(ps, line, part);
      continue;
    }
    place(ps, line, w);
  }
  if (!line.segs.empty()) lines.push_back(std::move(line));
  return lines;
}

Box Engine::line_box(const std::vector<Piece>& ps, const Line& line, double x0, double avail,
                     Align align, double before) const {
  Box b;
  b.before = before;
  double size = 0;
  int big_face = -1;
  for (const Segment& s : line.segs) {
    const Piece& p = ps[static_cast<std::size_t>(s.piece)];
    if (p.size > size) {
      size = p.size;
      big_face = p.face;
    }
  }
  if (big_face < 0) return b;
  const Face& fc = f(big_face);
  b.height = size * leading();
  b.baseline = b.height / 2 + (fc.ascender() + fc.descender()) / 2.0 * size / 1000.0;
  double dx = align == Align::Center  ? (avail - line.width) / 2
              : align == Align::Right ? avail - line.width
                                      : 0;
  for (const Segment& s : line.segs) {
    const Piece& p = ps[static_cast<std::size_t>(s.piece)];
    Op t;
    t.kind = Op::Kind::Text;
    t.x = x0 + dx + s.x;
    t.y = 0;
    t.face = p.face;
    t.size = p.size;
    t.color = p.color;
    t.text = s.text;
    b.ops.push_back(t);
    if (!p.uri.empty()) {
      const Face& pf = f(p.face);
      Op l;
      l.kind = Op::Kind::Link;
      l.x = t.x;
      l.y = pf.descender() * p.size / 1000.0;
      l.w = s.width;
      l.h = (pf.ascender() - pf.descender()) * p.size / 1000.0;
      l.text = p.uri;
      b.ops.push_back(l);
    }
  }
  return b;
}

std::size_t Engine::paragraph(const std::vector<Piece>& ps, double x0, double width, double before,
                              Align align) {
  std::vector<Line> lines = break_lines(ps, width, width);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    boxes_.push_back(line_box(ps, lines[i], x0, width, align, i == 0 ? before : 0));
  }
  return lines.size();
}

}  // namespace tailor::writer::pdf::detail
