// Line breaking on shaped widths: pieces to words (itemised by face, fallback face and bidi
// level), words to lines, lines to boxes with their runs in visual order.
#include <unicode/uchar.h>

#include <algorithm>
#include <functional>

#include "base/utf8.hpp"
#include "writer/pdf/bidi.hpp"
#include "writer/pdf/fallback.hpp"
#include "writer/pdf/layout_engine.hpp"
#include "writer/pdf/line_breaks.hpp"

namespace tailor::writer::pdf::detail {

namespace {

/// Two pieces drawn alike: one face, size and colour, and no link (a link keeps its own
/// rectangle, so two links to one address stay two).
bool same_look(const std::vector<Piece>& ps, int a, int b) {
  if (a == b) return true;
  const Piece& x = ps[static_cast<std::size_t>(a)];
  const Piece& y = ps[static_cast<std::size_t>(b)];
  return x.face == y.face && x.size == y.size && x.color == y.color && x.uri.empty() &&
         y.uri.empty();
}

/// Appends glyphs moved right by dx.
void append_shifted(std::vector<Glyph>& to, std::vector<Glyph>&& gs, double dx) {
  for (Glyph& g : gs) {
    g.x += dx;
    to.push_back(std::move(g));
  }
}

}  // namespace

void Engine::shape_chunk(const std::vector<Piece>& ps, Chunk& ch) const {
  const Piece& p = ps[static_cast<std::size_t>(ch.piece)];
  Shaped s = shape(f(ch.face), ch.text, p.size, ch.level % 2 ? Direction::RTL : Direction::LTR);
  ch.glyphs = std::move(s.glyphs);
  ch.width = s.width;
  ch.clustered = s.clustered;
  if (p.tracking > 0) {
    // Letter-spacing: each cluster (a glyph that carries text) moves on by the tracking, so
    // marks and the parts of a ligature keep their places within their cluster.
    double shift = 0;
    for (Glyph& g : ch.glyphs) {
      if (!g.text.empty() && &g != &ch.glyphs.front()) shift += p.tracking;
      g.x += shift;
    }
    ch.width += shift + p.tracking;
  }
}

int Engine::fallback_face(char32_t cp, int base, const SourceSpan& span) {
  int script = script_of(cp);
  auto key = std::make_tuple(script, base);
  if (auto it = fallback_of_.find(key); it != fallback_of_.end()) {
    int fi = it->second;
    if (fi >= 0 && f(fi).has(cp)) return fi;
  }
  const FaceKey& bk = out_.faces[static_cast<std::size_t>(base)];
  std::string family = fallback_family(cp, f(base).descriptor().serif);
  int fi = -1;
  if (!family.empty()) {
    FaceKey k{family, bk.bold, bk.italic};
    for (std::size_t i = 0; i < out_.faces.size() && fi < 0; ++i) {
      if (out_.faces[i] == k) fi = static_cast<int>(i);
    }
    if (fi < 0) {
      if (const Face* fp = faces_(k); fp && fp->has(cp)) {
        out_.faces.push_back(k);
        out_.face_ptrs.push_back(fp);
        fi = static_cast<int>(out_.faces.size() - 1);
      }
    }
  }
  if (fi >= 0 && !f(fi).has(cp)) fi = -1;
  if (fi < 0 && diags_ && warned_scripts_.insert(script).second) {
    diag::Diagnostic& d =
        diags_->warning(span, "no installed font has the " + script_name(script) +
                                  " script (first: " + base::describe_code_point(cp) +
                                  "); its characters are left out of the PDF");
    if (span.file_id == 0) d.path = "document";
    d.hints.push_back("install " + script_package(script) +
                      " (Debian), or use a style whose fonts cover it");
  }
  if (fi >= 0 || !fallback_of_.count(key)) fallback_of_[key] = fi;
  return fi;
}

void Engine::place(const std::vector<Piece>& ps, Line& line, Word& w) const {
  bool first_in_line = line.segs.empty();
  double sw = first_in_line || w.space_piece < 0 ? 0 : space_width(ps, w.space_piece);
  double x = line.width + sw;
  for (std::size_t c = 0; c < w.chunks.size(); ++c) {
    Chunk& ch = w.chunks[c];
    bool spaced = c == 0 && sw > 0;
    Segment* last = line.segs.empty() ? nullptr : &line.segs.back();
    // Same look, face and direction, and the space drawn in that look: extend the segment,
    // so extraction sees real spaces and the viewer's advances match ours. Pieces of the same
    // look ("a", ", ", "b" in a skill group) share a segment too: one text op per run of a
    // look, not one per piece, so many tiny items cost their glyphs and no more. A change of
    // script that changes the run's language (its /Lang in the structure) starts a segment.
    if (last && same_look(ps, last->piece, ch.piece) && last->face == ch.face &&
        last->level == ch.level && (!spaced || same_look(ps, w.space_piece, ch.piece)) &&
        joins_run_language(last->text, ch.text)) {
      std::vector<Glyph> space;
      if (spaced) {
        space = shape(f(ch.face), " ", ps[static_cast<std::size_t>(ch.piece)].size, Direction::LTR)
                    .glyphs;
      }
      double gap = x - (last->x + last->width);
      if (ch.level % 2) {
        // Right to left: the new word goes to the left of what the segment holds.
        std::vector<Glyph> gs = std::move(ch.glyphs);
        gs.reserve(gs.size() + space.size() + last->glyphs.size());
        append_shifted(gs, std::move(space), ch.width);
        append_shifted(gs, std::move(last->glyphs), ch.width + gap);
        last->glyphs = std::move(gs);
      } else {
        append_shifted(last->glyphs, std::move(space), last->width);
        append_shifted(last->glyphs, std::move(ch.glyphs), x - last->x);
      }
      last->text += (spaced ? " " : "") + ch.text;
      last->width = x + ch.width - last->x;
      last->clustered = last->clustered || ch.clustered;
    } else {
      Segment s{ch.piece,
                std::move(ch.text),
                x,
                ch.width,
                ch.face,
                ch.level,
                std::move(ch.glyphs),
                ch.clustered,
                0};
      s.gap = c == 0 && !first_in_line ? sw : 0;
      s.space_before = c == 0 && w.space_piece >= 0;
      line.segs.push_back(std::move(s));
    }
    x += ch.width;
  }
  line.width = x;
}

std::vector<Line> Engine::break_lines(const std::vector<Piece>& ps, double first_width,
                                      double rest_width) {
  std::vector<Line> lines;
  break_lines(ps, first_width, rest_width, [&](Line&& l) { lines.push_back(std::move(l)); });
  return lines;
}

void Engine::break_lines(const std::vector<Piece>& ps, double first_width, double rest_width,
                         const std::function<void(Line&&)>& take) {
  // 0. The paragraph as one text: bidi levels and break opportunities need all of it.
  std::string all;
  std::vector<std::size_t> start;
  for (const Piece& p : ps) {
    start.push_back(all.size());
    all += p.text;
  }
  std::vector<std::uint8_t> levels;
  int base_level = params_.mirror ? 1 : 0;
  if (needs_bidi(all) || params_.mirror) levels = bidi_levels(all, params_.mirror, &base_level);
  std::set<std::size_t> breaks = unspaced_breaks(all);

  // 1. Greedy filling, fed word by word as step 2 makes them; a word wider than a whole line
  // is cut between code points.
  Line line;
  line.rtl = base_level % 2 != 0;
  double avail = first_width;
  auto finish = [&] {
    take(std::move(line));
    line = Line{};
    line.rtl = base_level % 2 != 0;
    avail = rest_width;
  };
  auto add_hyphen = [&] {
    if (line.segs.empty()) return;
    const Segment& s = line.segs.back();
    Word h;
    Chunk ch{s.piece, "-", 0, s.face, s.level, {}, false};
    shape_chunk(ps, ch);
    h.width = ch.width;
    h.chunks.push_back(std::move(ch));
    place(ps, line, h);
  };
  auto fill = [&](Word& w, bool break_before) {
    double sw = line.segs.empty() || w.space_piece < 0 ? 0 : space_width(ps, w.space_piece);
    if (!line.segs.empty() && (line.width + sw + w.width > avail + 1e-6 || break_before)) {
      if (w.after_soft_hyphen) add_hyphen();
      finish();
    }
    if (line.segs.empty() && w.width > avail + 1e-6) {
      Word part;
      part.space_piece = -1;
      for (const Chunk& ch : w.chunks) {
        for (std::size_t i = 0; i < ch.text.size();) {
          std::size_t from = i;
          base::decode_next(ch.text, i);
          Chunk one{ch.piece, ch.text.substr(from, i - from), 0, ch.face, ch.level, {}, false};
          shape_chunk(ps, one);
          double cw = one.width;
          if (part.width + cw > avail + 1e-6 && part.width > 0) {
            // Never end a cut line with '-': text extractors take it for a hyphenation
            // and drop it ("segment-388" would come back as "segment388").
            Word carry;
            Chunk& tail = part.chunks.back();
            if (tail.text.size() > 1 && tail.text.back() == '-') {
              tail.text.pop_back();
              carry.chunks.push_back(Chunk{tail.piece, "-", 0, tail.face, tail.level, {}, false});
            }
            for (Chunk& c : part.chunks) shape_chunk(ps, c);
            place(ps, line, part);
            finish();
            part = std::move(carry);
            part.width = 0;
            for (Chunk& c : part.chunks) {
              shape_chunk(ps, c);
              part.width += c.width;
            }
          }
          if (part.chunks.empty() || part.chunks.back().piece != ch.piece ||
              part.chunks.back().face != ch.face || part.chunks.back().level != ch.level) {
            part.chunks.push_back(Chunk{ch.piece, {}, 0, ch.face, ch.level, {}, false});
          }
          part.chunks.back().text += one.text;
          part.width += cw;
        }
      }
      if (!part.chunks.empty()) {
        for (Chunk& c : part.chunks) shape_chunk(ps, c);
        place(ps, line, part);
      }
      return;
    }
    place(ps, line, w);
  };

  // 2. Words: runs of non-space characters, possibly spanning pieces ("**Go**,"), cut where
  // the face or the direction changes into chunks, and cut into words where a script written
  // without spaces may break.
  auto each_word = [&](const std::function<void(Word&)>& use) {
    Word cur;
    bool any_word = false;
    bool pending_space = false;
    bool pending_shy = false;
    int space_piece = -1;
    auto end_word = [&] {
      if (!cur.chunks.empty()) {
        cur.width = 0;
        for (Chunk& ch : cur.chunks) {
          shape_chunk(ps, ch);
          cur.width += ch.width;
        }
        use(cur);
        any_word = true;
      }
      cur = Word{};
    };
    for (std::size_t p = 0; p < ps.size(); ++p) {
      const Piece& pc = ps[p];
      if (pc.face < 0) continue;
      const Face& fc = f(pc.face);
      for (std::size_t i = 0; i < pc.text.size();) {
        std::size_t from = i;
        char32_t cp = base::decode_next(pc.text, i);
        std::size_t at = start[p] + from;
        if (cp == ' ') {
          end_word();
          pending_space = true;
          pending_shy = false;
          space_piece = static_cast<int>(p);
          continue;
        }
        if (cp == 0xAD) {  // soft hyphen: a break opportunity, drawn only where a line breaks
          end_word();
          pending_shy = any_word;
          continue;
        }
        if (breaks.count(at) && !cur.chunks.empty()) end_word();
        if (cur.chunks.empty()) {
          cur.space_piece = pending_space && any_word ? space_piece : -1;
          cur.after_soft_hyphen = pending_shy && !pending_space;
          pending_space = false;
          pending_shy = false;
        }
        int face = pc.face;
        bool ignorable =
            u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
        if (!ignorable && !fc.has(cp)) {
          int fb = fallback_face(cp, pc.face, pc.span);
          if (fb < 0) continue;  // warned once for the script; never drawn as '?'
          face = fb;
        } else if (ignorable && !cur.chunks.empty()) {
          face = cur.chunks.back().face;  // ZWJ and friends stay with their neighbours
        }
        int level = levels.empty() ? 0 : levels[at];
        if (cur.chunks.empty() || cur.chunks.back().piece != static_cast<int>(p) ||
            cur.chunks.back().face != face || cur.chunks.back().level != level) {
          Chunk ch;
          ch.piece = static_cast<int>(p);
          ch.face = face;
          ch.level = level;
          cur.chunks.push_back(std::move(ch));
        }
        cur.chunks.back().text.append(pc.text, from, i - from);
      }
    }
    end_word();
  };
  // A short paragraph is held whole, so that a last line of one word can take a word from
  // the line above when that one keeps two words and half its width (no one-word last lines
  // where a better break exists). A long one (many tiny items) is filled as its words are
  // made and never held at once: a widow there is one line in thousands.
  constexpr std::size_t kHeldWhole = 4096;  // bytes of text
  if (all.size() <= kHeldWhole) {
    std::vector<Word> words;
    each_word([&](Word& w) { words.push_back(std::move(w)); });
    const std::size_t widow_break = better_last_break(ps, words, first_width, rest_width);
    for (std::size_t wi = 0; wi < words.size(); ++wi) fill(words[wi], wi == widow_break);
  } else {
    each_word([&](Word& w) { fill(w, false); });
  }

  if (!line.segs.empty()) take(std::move(line));
}

std::size_t Engine::better_last_break(const std::vector<Piece>& ps, const std::vector<Word>& words,
                                      double first_width, double rest_width) const {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  if (words.size() < 4) return kNone;
  // The greedy breaks, as the filling loop below finds them; a word wider than a line (cut
  // between code points) leaves the breaks alone.
  std::vector<std::size_t> starts{0};
  std::vector<double> widths;  // of each line
  double avail = first_width;
  double w = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].width > std::min(first_width, rest_width) + 1e-6) return kNone;
    double sw =
        i == starts.back() || words[i].space_piece < 0 ? 0 : space_width(ps, words[i].space_piece);
    if (i != starts.back() && w + sw + words[i].width > avail + 1e-6) {
      widths.push_back(w);
      starts.push_back(i);
      avail = rest_width;
      w = words[i].width;
    } else {
      w += sw + words[i].width;
    }
  }
  if (starts.size() < 2 || starts.back() != words.size() - 1) return kNone;
  const std::size_t last = starts.back();
  const std::size_t prev = starts[starts.size() - 2];
  const Word& moved = words[last - 1];
  // Only between spaced words, never at a soft hyphen, and the line above keeps two words.
  if (last - prev < 3 || moved.space_piece < 0 || words[last].space_piece < 0 ||
      words[last].after_soft_hyphen || moved.after_soft_hyphen) {
    return kNone;
  }
  double joined = moved.width + space_width(ps, words[last].space_piece) + words[last].width;
  if (joined > rest_width + 1e-6) return kNone;
  double prev_avail = prev == 0 ? first_width : rest_width;
  double shorter = widths.back() - moved.width - space_width(ps, moved.space_piece);
  if (shorter < prev_avail / 2) return kNone;
  return last - 1;
}

Box Engine::line_box(const std::vector<Piece>& ps, Line line, double x0, double avail, Align align,
                     double before) const {
  Box b;
  b.before = before;
  double size = 0;
  int big_face = -1;
  for (const Segment& s : line.segs) {
    const Piece& p = ps[static_cast<std::size_t>(s.piece)];
    if (p.size > size) {
      size = p.size;
      big_face = s.face;
    }
  }
  if (big_face < 0) return b;
  const Face& fc = f(big_face);
  b.height = size * leading();
  b.baseline = b.height / 2 + (fc.ascender() + fc.descender()) / 2.0 * size / 1000.0;
  // A right-to-left paragraph starts at the right edge. In a mirrored document the whole
  // page is flipped afterwards, so its lines are set from the left here.
  if (line.rtl != params_.mirror && align == Align::Left) align = Align::Right;
  if (align == Align::Start) align = Align::Left;
  double dx = align == Align::Center  ? (avail - line.width) / 2
              : align == Align::Right ? avail - line.width
                                      : 0;
  // The runs in visual order (UAX #9, L2), packed left to right. Each word space between
  // two runs is an item of its own, at the lower of their levels (a space between Latin and
  // Hebrew takes the paragraph's direction), so it lands between the right runs.
  std::vector<double> xs(line.segs.size());
  bool mixed = false;
  for (const Segment& s : line.segs) mixed = mixed || s.level != 0;
  // Taken before the segments' text moves into the ops.
  std::string logical =
      !params_.mirror && line.rtl && mixed ? logical_order_text(line) : std::string();
  if (mixed) {
    std::vector<std::uint8_t> lv;
    std::vector<int> seg_of;  // item -> segment, or -1 - segment for the gap before it
    for (std::size_t i = 0; i < line.segs.size(); ++i) {
      const Segment& s = line.segs[i];
      if (i > 0 && s.gap > 0) {
        lv.push_back(static_cast<std::uint8_t>(std::min(s.level, line.segs[i - 1].level)));
        seg_of.push_back(-1 - static_cast<int>(i));
      }
      lv.push_back(static_cast<std::uint8_t>(s.level));
      seg_of.push_back(static_cast<int>(i));
    }
    double x = 0;
    for (int item : visual_order(lv)) {
      int si = seg_of[static_cast<std::size_t>(item)];
      if (si < 0) {
        x += line.segs[static_cast<std::size_t>(-1 - si)].gap;
        continue;
      }
      xs[static_cast<std::size_t>(si)] = x;
      x += line.segs[static_cast<std::size_t>(si)].width;
    }
  } else {
    for (std::size_t i = 0; i < line.segs.size(); ++i) xs[i] = line.segs[i].x;
  }
  for (std::size_t i = 0; i < line.segs.size(); ++i) {
    Segment& s = line.segs[i];
    const Piece& p = ps[static_cast<std::size_t>(s.piece)];
    double sx = xs[i];
    // The page is mirrored later: set each run where its mirror image belongs.
    if (params_.mirror) sx = line.width - sx - s.width;
    Op t;
    t.kind = Op::Kind::Text;
    t.x = x0 + dx + sx;
    t.y = 0;
    t.w = s.width;
    t.face = s.face;
    t.size = p.size;
    t.color = p.color;
    t.text = std::move(s.text);
    // Packed: the display list keeps every glyph until the PDF is written.
    t.glyphs = pack_glyphs(s.glyphs, f(s.face), p.size, out_.glyph_table);
    std::vector<Glyph>().swap(s.glyphs);
    t.clustered = s.clustered;
    t.lang = run_language(t.text);
    t.space_before = s.space_before;
    if (!p.uri.empty()) {
      const Face& pf = f(s.face);
      Op l;
      l.kind = Op::Kind::Link;
      l.x = t.x;
      l.y = pf.descender() * p.size / 1000.0;
      l.w = s.width;
      l.h = (pf.ascender() - pf.descender()) * p.size / 1000.0;
      l.text = p.uri;
      b.ops.push_back(Op::open("Link"));
      b.ops.push_back(std::move(t));
      b.ops.push_back(std::move(l));
      b.ops.push_back(Op::close());
      continue;
    }
    b.ops.push_back(std::move(t));
  }
  if (!logical.empty()) mark_logical_order(std::move(logical), b);
  return b;
}

std::string Engine::logical_order_text(const Line& line) const {
  // A right-to-left paragraph with a left-to-right run ("Go") on a left-to-right page: poppler
  // orders a line's runs by the page's direction, so pdftotext would give the runs in visual
  // order (the last Hebrew words first). One ActualText span over the line gives its text
  // instead. Poppler reads an ActualText as characters laid out left to right and reverses
  // each right-to-left run, as it does with drawn glyphs; so the text is written in logical
  // order with each right-to-left run reversed, and comes back logical.
  bool ltr_run = false;
  for (const Segment& s : line.segs) ltr_run = ltr_run || s.level % 2 == 0;
  if (!ltr_run) return {};
  std::string text;
  for (std::size_t i = 0; i < line.segs.size(); ++i) {
    const Segment& s = line.segs[i];
    if (i > 0 && s.gap > 0) text += ' ';
    if (s.level % 2 == 0) {
      text += s.text;
      continue;
    }
    std::vector<char32_t> cps;
    for (std::size_t k = 0; k < s.text.size();) cps.push_back(base::decode_next(s.text, k));
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) base::append_utf8(text, *it);
  }
  return text;
}

void Engine::mark_logical_order(std::string text, Box& b) const {
  Op* opens = nullptr;
  Op* closes = nullptr;
  for (Op& op : b.ops) {
    if (op.kind != Op::Kind::Text || op.text.empty()) continue;
    if (!opens) opens = &op;
    closes = &op;
  }
  if (!opens) return;
  opens->actual_text = std::move(text);
  opens->actual_text_reordered = true;
  closes->end_span = true;
}

std::size_t Engine::paragraph(const std::vector<Piece>& ps, double x0, double width, double before,
                              Align align) {
  // Each line becomes its box as soon as it is made: a paragraph of megabytes is never held
  // as shaped lines (56 bytes a glyph) all at once.
  std::size_t n = 0;
  break_lines(ps, width, width, [&](Line&& line) {
    boxes_.push_back(line_box(ps, std::move(line), x0, width, align, n++ == 0 ? before : 0));
  });
  return n;
}

}  // namespace tailor::writer::pdf::detail
