// Line breaking on measured widths, boxes with keep-with-next, pagination, running heads.
#include "writer/pdf/layout.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

#include "base/links.hpp"
#include "base/utf8.hpp"
#include "writer/format.hpp"

namespace tailor::writer::pdf {

const Face* installed_face(const FaceKey& key) { return cached_face(key); }

namespace {

char32_t upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c < 0x80) return c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0xFF) return 0x178;
  if (c == 0x131) return 'I';  // dotless ı (Azerbaijani, Turkish)
  if (c == 0x17F) return 'S';
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
  if (c == 0x259) return 0x18F;  // ə -> Ə
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) {
    return (c & 1) ? c - 1 : c;
  }
  return c;
}

}  // namespace

std::string to_upper(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();)
    base::append_utf8(out, upper(base::decode_next(utf8, i)));
  return out;
}

std::optional<std::pair<int, int>> image_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(26, '\0');
  in.read(head.data(), 26);
  if (in.gcount() < 26) return std::nullopt;
  auto u8 = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  auto be32 = [&](std::size_t i) {
    return static_cast<int>((u8(i) << 24) | (u8(i + 1) << 16) | (u8(i + 2) << 8) | u8(i + 3));
  };
  if (head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && head.compare(12, 4, "IHDR") == 0) {
    int w = be32(16), h = be32(20);
    if (w > 0 && h > 0) return std::make_pair(w, h);
    return std::nullopt;
  }
  if (u8(0) != 0xFF || u8(1) != 0xD8) return std::nullopt;
  // JPEG: walk the segments to a start-of-frame marker (SOF0..SOF15 but DHT/JPG/DAC).
  in.clear();
  in.seekg(2);
  for (int guard = 0; guard < 1000; ++guard) {
    unsigned char m[4];
    if (!in.read(reinterpret_cast<char*>(m), 4) || m[0] != 0xFF) return std::nullopt;
    int len = (m[2] << 8) | m[3];
    if (m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 && m[1] != 0xC8 && m[1] != 0xCC) {
      unsigned char f[5];
      if (!in.read(reinterpret_cast<char*>(f), 5)) return std::nullopt;
      int h = (f[1] << 8) | f[2], w = (f[3] << 8) | f[4];
      if (w > 0 && h > 0) return std::make_pair(w, h);
      return std::nullopt;
    }
    if (len < 2) return std::nullopt;
    in.seekg(len - 2, std::ios::cur);
  }
  return std::nullopt;
}

std::string tel_uri(const std::string& phone) {
  std::string out = "tel:";
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && out.size() == 4)) out += c;
  }
  return out;
}

namespace {

using model::SourceSpan;
using style::Color;

/// A run of text with one look, before line breaking.
struct Piece {
  std::string text;  ///< Already cleaned: only code points the face has.
  int face = 0;
  double size = 0;
  Color color;
  std::string uri;  ///< Non-empty: the piece is a link.
};

/// A vertical unit: one line of text (or a rule) with the gap above it.
struct Box {
  double before = 0;    ///< Gap above; dropped at the top of a page.
  double height = 0;    ///< Advance.
  double baseline = 0;  ///< From the box's top to the text baseline.
  bool keep_next = false;
  std::vector<Op> ops;  ///< y relative to the baseline.
};

struct Chunk {
  int piece = 0;
  std::string text;
  double width = 0;
};

struct Word {
  std::vector<Chunk> chunks;
  double width = 0;
  int space_piece = -1;  ///< The piece of the space before the word; -1 at the start.
};

struct Segment {
  int piece = 0;
  std::string text;
  double x = 0, width = 0;
};

struct Line {
  std::vector<Segment> segs;
  double width = 0;
};

enum class Align { Left, Center, Right };

class Engine {
 public:
  Engine(const model::Document& doc, const style::Style& st, const LayoutParams& params,
         const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags)
      : doc_(doc), st_(st), params_(params), faces_(faces), out_(out), diags_(diags) {}

  bool run();

 private:
  // ---- fonts and text -------------------------------------------------------------------
  int face(const std::string& family, bool bold, bool italic);
  const Face& f(int idx) const { return *out_.face_ptrs[static_cast<std::size_t>(idx)]; }
  std::string clean(std::string_view text, int face, const SourceSpan& span);
  Piece piece(std::string_view text, int face, double size, Color color, const SourceSpan& span,
              std::string uri = {}) {
    return Piece{clean(text, face, span), face, size, color, std::move(uri)};
  }
  std::string link_for(const std::string& url, const SourceSpan& span);
  double fs(double size) const { return size * params_.font_scale; }
  double gap(double g) const { return g * params_.spacing_scale; }
  double leading() const { return 1.0 + (st_.line_height - 1.0) * params_.spacing_scale; }
  int body() { return face(st_.body_font, false, false); }
  int body_bold() { return face(st_.body_font, true, false); }
  int head() { return face(st_.heading_font, true, false); }

  // ---- line breaking --------------------------------------------------------------------
  double space_width(const std::vector<Piece>& ps, int piece) const {
    const Piece& p = ps[static_cast<std::size_t>(piece)];
    return f(p.face).width1000(U' ') * p.size / 1000.0;
  }
  double fc_width(const std::vector<Piece>& ps, int piece, char32_t cp) const {
    const Piece& p = ps[static_cast<std::size_t>(piece)];
    return f(p.face).width1000(cp) * p.size / 1000.0;
  }
  std::vector<Line> break_lines(const std::vector<Piece>& ps, double first_width,
                                double rest_width) const;
  void place(const std::vector<Piece>& ps, Line& line, const Word& w) const;
  Box line_box(const std::vector<Piece>& ps, const Line& line, double x0, double avail, Align align,
               double before) const;
  /// Appends the lines of a paragraph as boxes; returns how many were added.
  std::size_t paragraph(const std::vector<Piece>& ps, double x0, double width, double before,
                        Align align = Align::Left);

  // ---- blocks ---------------------------------------------------------------------------
  std::vector<Piece> inlines(const model::Inlines& runs, int regular, double size, Color color);
  void header();
  void section(const model::Section& s, bool first);
  void entry(const model::Entry& e, double before);
  void bullet(const model::Inlines& text, const SourceSpan& span, double x0, double width,
              double before);
  void skills(const model::SkillGroup& g, double before);
  void paginate();

  const model::Document& doc_;
  const style::Style& st_;
  const LayoutParams& params_;
  const FaceProvider& faces_;
  DisplayList& out_;
  diag::Diagnostics* diags_;
  bool failed_ = false;
  std::vector<Box> boxes_;
  std::vector<Op> page1_ops_;  ///< Absolutely placed on the first page (the logo).
  std::set<std::tuple<char32_t, std::uint32_t, std::uint32_t>> warned_chars_;
  std::set<std::string> warned_families_;
  double left_ = 0, width_ = 0;
};

int Engine::face(const std::string& family, bool bold, bool italic) {
  FaceKey key{family, bold, italic};
  for (std::size_t i = 0; i < out_.faces.size(); ++i) {
    if (out_.faces[i] == key) return static_cast<int>(i);
  }
  const Face* fp = faces_(key);
  if (diags_ && fp) {
    FontMatch m;
    cached_face(key, &m);
    if (!m.exact && warned_families_.insert(family).second) {
      diag::Diagnostic d;
      d.severity = diag::Severity::Warning;
      d.path = st_.source_path.empty() ? "style" : st_.source_path;
      d.message = "font family '" + family + "' is not installed; using '" + m.family + "'";
      d.hints.push_back("fc-list : family lists the installed families");
      diags_->add(std::move(d));
    }
  }
  if (!fp) {
    if (!failed_ && diags_) {
      diag::Diagnostic d;
      d.path = st_.source_path.empty() ? "style" : st_.source_path;
      d.message = "no TrueType font found for '" + key.label() + "'";
      d.hints.push_back("install fonts-dejavu-core or fonts-liberation2, or change the style");
      diags_->add(std::move(d));
    }
    failed_ = true;
    // Keep going with index 0 if there is one, so the caller gets one clear error.
    if (out_.faces.empty()) return -1;
    return 0;
  }
  out_.faces.push_back(key);
  out_.face_ptrs.push_back(fp);
  return static_cast<int>(out_.faces.size() - 1);
}

std::string Engine::clean(std::string_view text, int fidx, const SourceSpan& span) {
  std::string out;
  if (fidx < 0) return out;
  const Face& fc = f(fidx);
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = base::decode_next(text, i);
    if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
    if (fc.has(cp) || cp == ' ') {
      base::append_utf8(out, cp);
      continue;
    }
    char32_t repl = fc.has(0xFFFD) ? char32_t{0xFFFD} : char32_t{'?'};
    base::append_utf8(out, repl);
    if (diags_ && warned_chars_.insert({cp, span.file_id, span.line}).second) {
      std::string shown = repl == '?' ? "'?'" : "U+FFFD";
      std::string why = cp > 0xFFFF ? "is outside the Basic Multilingual Plane, which the PDF "
                                      "writer cannot embed"
                                    : "has no glyph in the font '" +
                                          out_.faces[static_cast<std::size_t>(fidx)].label() + "'";
      diag::Diagnostic& d =
          diags_->warning(span, "character " + base::describe_code_point(cp) + " " + why +
                                    "; the PDF shows " + shown + " instead");
      if (span.file_id == 0) d.path = "document";
      d.hints.push_back(cp > 0xFFFF
                            ? "replace it with a character from the Basic Multilingual Plane"
                            : "use a style whose fonts cover it (DejaVu covers the most)");
    }
  }
  return out;
}

std::string Engine::link_for(const std::string& url, const SourceSpan& span) {
  if (url.empty()) return {};
  std::string n = base::normalise_link(url);
  // An unsafe scheme was already reported by the reader, which keeps the address as text.
  if (n.empty() && diags_ && base::check_link(url) != base::LinkCheck::UnsafeScheme) {
    std::string scheme = base::link_scheme(url);
    diag::Diagnostic& d = diags_->warning(
        span,
        "link '" + url + "' is not an https, http, mailto or tel address; it stays plain text");
    if (span.file_id == 0) d.path = "document";
    if (!scheme.empty()) d.hints.push_back("the '" + scheme + ":' scheme is never made clickable");
  }
  return n;
}

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

std::vector<Piece> Engine::inlines(const model::Inlines& runs, int regular, double size,
                                   Color color) {
  std::vector<Piece> out;
  for (const model::Run& r : runs) {
    bool bold = r.strong || r.keyword;
    int fi = regular;
    if (bold || r.emph) fi = face(st_.body_font, bold, r.emph);
    std::string uri = link_for(r.url, r.span);
    out.push_back(piece(r.text, fi, size, uri.empty() ? color : st_.accent, r.span, uri));
  }
  return out;
}

/// The visible part of a URL in the contact line: no scheme, no trailing slash.
std::string display_url(const std::string& url) {
  std::string s = url;
  for (const char* p : {"https://", "http://", "mailto:", "tel:"}) {
    std::string pre = p;
    if (s.size() > pre.size() && base::link_scheme(s) + ":" == pre.substr(0, pre.find(':') + 1) &&
        s.compare(0, pre.size(), pre) == 0) {
      s = s.substr(pre.size());
      break;
    }
  }
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

void Engine::header() {
  const model::Header& h = doc_.header;
  Align align = st_.header_centered ? Align::Center : Align::Left;
  // Agency branding: a logo at the top right of the first page; the header text makes room.
  double logo_h = 0;
  const double full_width = width_;
  if (!st_.logo.empty()) {
    auto dims = image_size(st_.logo);
    if (!dims) {
      if (diags_) {
        diag::Diagnostic d;
        d.severity = diag::Severity::Warning;
        d.path = st_.source_path.empty() ? "style" : st_.source_path;
        d.message = "cannot read the logo '" + st_.logo + "' as PNG or JPEG; it is left out";
        diags_->add(std::move(d));
      }
    } else {
      logo_h = std::min(54.0, fs(st_.name_size) * 2.2);
      double w = logo_h * dims->first / dims->second;
      if (w > full_width / 3) {
        w = full_width / 3;
        logo_h = w * dims->second / dims->first;
      }
      Op img;
      img.kind = Op::Kind::Image;
      img.x = left_ + full_width - w;
      img.y = out_.page_height - st_.margin_top - logo_h;
      img.w = w;
      img.h = logo_h;
      img.text = st_.logo;
      page1_ops_.push_back(img);
      width_ = full_width - w - 12;
    }
  }
  std::size_t header_first = boxes_.size();
  if (!h.name.empty()) {
    paragraph({piece(h.name.value, head(), fs(st_.name_size), st_.accent, h.name.span)}, left_,
              width_, 0, align);
  }
  if (!h.headline.empty()) {
    paragraph({piece(h.headline.value, body(), fs(st_.headline_size), st_.muted, h.headline.span)},
              left_, width_, gap(2), align);
  }
  // Contact items are packed whole onto lines, so a separator never ends a line.
  std::vector<Piece> items;
  double small = fs(st_.small_size);
  auto add = [&](const std::string& text, const SourceSpan& span, const std::string& uri) {
    if (!text.empty()) items.push_back(piece(text, body(), small, st_.text, span, uri));
  };
  if (!h.email.empty()) {
    add(h.email.value, h.email.span, link_for("mailto:" + h.email.value, h.email.span));
  }
  if (!h.phone.empty()) add(h.phone.value, h.phone.span, tel_uri(h.phone.value));
  add(h.address.value, h.address.span, {});
  add(h.location.value, h.location.span, {});
  for (const model::Link& l : h.links) {
    std::string uri = link_for(l.url, l.span);
    add(uri.empty() ? l.url : display_url(uri), l.span, uri);
  }
  Piece sep = piece("  \u00B7  ", body(), small, st_.muted, {});
  double sep_w = f(sep.face).text_width(sep.text, small);
  std::vector<Piece> line;
  double line_w = 0;
  double before = gap(5);
  for (const Piece& it : items) {
    double w = f(it.face).text_width(it.text, small);
    if (!line.empty() && line_w + sep_w + w > width_) {
      paragraph(line, left_, width_, before, align);
      before = 0;
      line.clear();
      line_w = 0;
    }
    if (!line.empty()) {
      line.push_back(sep);
      line_w += sep_w;
    }
    line.push_back(it);
    line_w += w;
  }
  if (!line.empty()) paragraph(line, left_, width_, before, align);
  width_ = full_width;
  if (logo_h > 0) {
    double used = 0;
    for (std::size_t i = header_first; i < boxes_.size(); ++i) {
      used += (i == header_first ? 0 : boxes_[i].before) + boxes_[i].height;
    }
    if (used < logo_h) {
      Box spacer;
      spacer.height = logo_h - used;
      boxes_.push_back(spacer);
    }
  }
}

void Engine::bullet(const model::Inlines& text, const SourceSpan& span, double x0, double width,
                    double before) {
  double size = fs(st_.body_size);
  double indent = st_.bullet_indent * params_.font_scale;
  std::vector<Piece> ps = inlines(text, body(), size, st_.text);
  std::vector<Line> lines = break_lines(ps, width - indent, width - indent);
  std::size_t first = boxes_.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    boxes_.push_back(
        line_box(ps, lines[i], x0 + indent, width - indent, Align::Left, i == 0 ? before : 0));
  }
  if (boxes_.size() == first) return;
  // The bullet sign hangs in the indent, on the first line's baseline.
  Piece sign = piece(st_.bullet, body(), size, st_.muted, span);
  double bw = f(sign.face).text_width(sign.text, size);
  Op t;
  t.kind = Op::Kind::Text;
  t.x = x0 + std::max(0.0, (indent - bw) / 2 - 1);
  t.face = sign.face;
  t.size = size;
  t.color = sign.color;
  t.text = sign.text;
  boxes_[first].ops.insert(boxes_[first].ops.begin(), t);
  // A bullet's lines stay together when short (no single orphaned line).
  if (lines.size() <= 3) {
    for (std::size_t i = first; i + 1 < boxes_.size(); ++i) boxes_[i].keep_next = true;
  }
}

void Engine::skills(const model::SkillGroup& g, double before) {
  double size = fs(st_.body_size);
  std::vector<Piece> ps;
  if (!g.label.empty()) ps.push_back(piece(g.label + ": ", body_bold(), size, st_.text, g.span));
  for (std::size_t i = 0; i < g.items.size(); ++i) {
    const model::Skill& sk = g.items[i];
    ps.push_back(piece(sk.name, sk.keyword ? body_bold() : body(), size, st_.text, sk.span));
    if (i + 1 < g.items.size()) ps.push_back(piece(", ", body(), size, st_.text, g.span));
  }
  paragraph(ps, left_, width_, before);
}

void Engine::entry(const model::Entry& e, double before) {
  double size = fs(st_.body_size), small = fs(st_.small_size);
  std::string dates = format_range(e.dates, st_.date_format);
  std::size_t first = boxes_.size();

  // The words of a laid-out line as an extractor should read them: a space where the layout
  // leaves one between segments.
  auto line_words = [](const Line& l) {
    std::string out;
    for (std::size_t i = 0; i < l.segs.size(); ++i) {
      const Segment& sg = l.segs[i];
      if (i > 0 && sg.x > l.segs[i - 1].x + l.segs[i - 1].width + 0.01) out += ' ';
      out += sg.text;
    }
    return out;
  };
  // The left part and the right-aligned part of a heading line become one marked-content span
  // whose ActualText is their words in order. Poppler's default (reading-order) mode otherwise
  // reads a right-aligned part after the whole block beside it, unless a line below reaches
  // under it: a wide gap makes it a separate block, and a block entirely to the right of
  // another is read after it. For a span with ActualText poppler adds that text as characters
  // spread over the span's whole extent, so the line reaches the right margin and stays one
  // line. Spaces cannot bridge the gap (poppler drops whitespace before it measures), and a
  // visible filler would change the design. Nothing is drawn differently.
  auto mark_span = [](Box& b, const std::string& words) {
    Op* opens = nullptr;
    Op* closes = nullptr;
    for (Op& op : b.ops) {
      if (op.kind != Op::Kind::Text) return;  // only plain text lines (no links) are spanned
      if (op.text.empty()) continue;
      if (!opens) opens = &op;
      closes = &op;
    }
    if (!opens) return;
    opens->actual_text = words;
    closes->end_span = true;
  };

  // A heading line: `left` wraps in the space `right` leaves; `right` is right-aligned.
  auto heading_line = [&](std::vector<Piece> left, std::vector<Piece> right, double bf) {
    double rw = 0;
    std::vector<Line> rlines;
    if (!right.empty()) {
      rlines = break_lines(right, width_, width_);
      if (!rlines.empty()) rw = rlines.front().width;
    }
    bool right_alone = rw > width_ * 0.6 || rlines.size() > 1;
    double lw = right_alone || rw == 0 ? width_ : width_ - rw - 12 * params_.font_scale;
    std::vector<Line> llines = break_lines(left, lw, lw);
    for (std::size_t i = 0; i < llines.size(); ++i) {
      Box b = line_box(left, llines[i], left_, lw, Align::Left, i == 0 ? bf : 0);
      if (i == 0 && !rlines.empty() && !right_alone) {
        Box r = line_box(right, rlines.front(), left_, width_, Align::Right, 0);
        // Share the taller line's baseline.
        double base = std::max(b.baseline, r.baseline);
        double shift_b = base - b.baseline, shift_r = base - r.baseline;
        b.height = std::max(b.height + shift_b, r.height + shift_r);
        b.baseline = base;
        for (Op& op : r.ops) b.ops.push_back(op);
        mark_span(b, line_words(llines[i]) + " " + line_words(rlines.front()));
      }
      boxes_.push_back(std::move(b));
    }
    if (llines.empty() && !rlines.empty() && !right_alone) {
      boxes_.push_back(line_box(right, rlines.front(), left_, width_, Align::Right, bf));
    } else if (right_alone) {
      for (const Line& l : rlines) {
        boxes_.push_back(line_box(right, l, left_, width_, Align::Right, 0));
      }
    }
  };

  SourceSpan sp = e.span;
  if (st_.entry_inline) {
    std::vector<Piece> left, right;
    if (!e.role.empty()) left.push_back(piece(e.role, head(), size, st_.text, sp));
    if (!e.organisation.empty()) {
      left.push_back(piece(e.role.empty() ? e.organisation : ", " + e.organisation, body(), size,
                           st_.text, sp));
    }
    if (!e.location.empty()) right.push_back(piece(e.location, body(), small, st_.muted, sp));
    if (!dates.empty()) {
      right.push_back(
          piece((e.location.empty() ? "" : "  \u00B7  ") + dates, body(), small, st_.muted, sp));
    }
    heading_line(left, right, before);
  } else {
    std::string top = e.role.empty() ? e.organisation : e.role;
    std::string second = e.role.empty() ? std::string() : e.organisation;
    std::vector<Piece> l1, r1, l2, r2;
    if (!top.empty()) l1.push_back(piece(top, head(), size, st_.text, sp));
    if (!dates.empty()) r1.push_back(piece(dates, body(), small, st_.muted, sp));
    heading_line(l1, r1, before);
    if (!second.empty()) {
      l2.push_back(piece(second, face(st_.body_font, false, true), size, st_.text, sp));
    }
    if (!e.location.empty()) r2.push_back(piece(e.location, body(), small, st_.muted, sp));
    if (!l2.empty() || !r2.empty()) heading_line(l2, r2, 0);
  }
  if (!e.url.empty()) {
    std::string uri = link_for(e.url, sp);
    paragraph({piece(uri.empty() ? e.url : display_url(uri), body(), small,
                     uri.empty() ? st_.muted : st_.accent, sp, uri)},
              left_, width_, 0);
  }
  std::size_t heading_end = boxes_.size();
  double ps = gap(st_.paragraph_spacing);
  bool first_item = true;
  for (const model::Paragraph& p : e.description) {
    paragraph(inlines(p.text, body(), size, st_.text), left_, width_, first_item ? gap(1.5) : ps);
    first_item = false;
  }
  for (const model::Bullet& b : e.bullets) {
    bullet(b.text, b.span, left_, width_, first_item ? gap(1.5) : ps);
    first_item = false;
  }
  // Keep the heading with the whole of the first bullet or description paragraph.
  for (std::size_t i = first; i < heading_end && i < boxes_.size(); ++i) {
    boxes_[i].keep_next = true;
  }
  if (heading_end < boxes_.size()) {
    // Extend through the first item's lines (they share `before` == 0 after the first).
    std::size_t i = heading_end;
    while (i + 1 < boxes_.size() && boxes_[i + 1].before == 0) boxes_[i++].keep_next = true;
  } else if (heading_end > first) {
    boxes_[heading_end - 1].keep_next = false;
  }
}

void Engine::section(const model::Section& s, bool first) {
  double hsize = fs(st_.heading_size);
  std::string title = st_.heading_uppercase ? to_upper(s.title) : s.title;
  int hf = head();
  Piece hp = piece(title, hf, hsize, st_.accent, s.span);
  double bar = st_.heading_style == style::HeadingStyle::Bar ? 8 * params_.font_scale : 0;
  std::size_t at = boxes_.size();
  paragraph({hp}, left_ + bar, width_ - bar,
            first ? gap(st_.section_spacing_before) * 0.8 : gap(st_.section_spacing_before));
  if (boxes_.size() > at) {
    const Face& fc = f(hf);
    Box& last = boxes_.back();
    if (st_.heading_style == style::HeadingStyle::Rule) {
      double below = -fc.descender() * hsize / 1000.0 + 1.5;
      Op l;
      l.kind = Op::Kind::Line;
      l.x = left_;
      l.y = -below;
      l.w = width_;
      l.size = 0.6;
      l.color = st_.accent;
      last.ops.push_back(l);
      last.height = std::max(last.height, last.baseline + below + 1);
    } else if (st_.heading_style == style::HeadingStyle::Bar) {
      for (std::size_t i = at; i < boxes_.size(); ++i) {
        Op r;
        r.kind = Op::Kind::Rect;
        r.x = left_;
        r.y = fc.descender() * hsize / 1000.0 * 0.5;
        r.w = 3 * params_.font_scale;
        r.h = fc.ascender() * hsize / 1000.0 * 0.8 - r.y;
        r.color = st_.accent;
        boxes_[i].ops.insert(boxes_[i].ops.begin(), r);
      }
    }
    for (std::size_t i = at; i < boxes_.size(); ++i) boxes_[i].keep_next = true;
  }
  double after = gap(st_.section_spacing_after);
  double ps = gap(st_.paragraph_spacing);
  bool first_block = true;
  for (const model::Block& b : s.blocks) {
    double before = first_block ? after : ps;
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            paragraph(inlines(v.text, body(), fs(st_.body_size), st_.text), left_, width_, before);
          } else if constexpr (std::is_same_v<T, model::Bullet>) {
            bullet(v.text, v.span, left_, width_, before);
          } else if constexpr (std::is_same_v<T, model::SkillGroup>) {
            skills(v, before);
          } else {
            entry(v, first_block ? after : gap(st_.entry_spacing));
          }
        },
        b);
    first_block = false;
  }
}

void Engine::paginate() {
  const double top = out_.page_height - st_.margin_top;
  const double bottom = st_.margin_bottom;
  const double small = fs(st_.small_size);
  int rh = body();
  const Face& rf = f(rh);
  const double run_height = small * leading() + gap(8);
  std::vector<std::size_t> page_number_ops;

  int page = 0;
  double cursor = 0;
  double content_top = top;  // below the running head on pages 2+
  bool at_top = true;
  auto new_page = [&] {
    ++page;
    at_top = true;
    cursor = top;
    if (!st_.header_text.empty()) {
      Piece p = piece(st_.header_text, rh, small, st_.muted, {});
      double w = rf.text_width(p.text, small);
      out_.ops.push_back(Op{Op::Kind::Text, page, left_ + (width_ - w) / 2,
                            top + st_.margin_top / 2, 0, 0, rh, small, st_.muted, p.text});
    }
    if (page == 1) {
      for (Op op : page1_ops_) {
        op.page = 1;
        out_.ops.push_back(op);
      }
    }
    if (page > 1) {
      // Running head: the name on the left, "page N of M" on the right (M filled in later).
      double base = top - small;
      if (!doc_.header.name.empty()) {
        Piece n = piece(doc_.header.name.value, rh, small, st_.muted, doc_.header.name.span);
        out_.ops.push_back(
            Op{Op::Kind::Text, page, left_, base, 0, 0, rh, small, st_.muted, n.text});
      }
      page_number_ops.push_back(out_.ops.size());
      out_.ops.push_back(Op{Op::Kind::Text, page, 0, base, 0, 0, rh, small, st_.muted, {}});
      out_.ops.push_back(Op{Op::Kind::Line,
                            page,
                            left_,
                            base + rf.descender() * small / 1000.0 - 2,
                            width_,
                            0,
                            0,
                            0.4,
                            st_.muted,
                            {}});
      cursor -= run_height;
    }
    content_top = cursor;
    if (!st_.footer_text.empty()) {
      Piece p = piece(st_.footer_text, rh, small, st_.muted, {});
      double w = rf.text_width(p.text, small);
      out_.ops.push_back(Op{Op::Kind::Text, page, left_ + (width_ - w) / 2, bottom / 2, 0, 0, rh,
                            small, st_.muted, p.text});
    }
  };
  new_page();
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    const Box& b = boxes_[i];
    double g = at_top ? 0 : b.before;
    // Everything chained to this box by keep-with-next must fit on this page too.
    double need = g + b.height;
    for (std::size_t j = i; j + 1 < boxes_.size() && boxes_[j].keep_next; ++j) {
      need += boxes_[j + 1].before + boxes_[j + 1].height;
    }
    if (!at_top && cursor - need < bottom - 1e-6) {
      new_page();
      g = 0;
    }
    double base = cursor - g - b.baseline;
    for (Op op : b.ops) {
      op.page = page;
      op.y += base;
      out_.ops.push_back(std::move(op));
    }
    cursor -= g + b.height;
    at_top = false;
  }
  out_.pages = page;
  out_.last_page_used = content_top - cursor;
  for (std::size_t idx : page_number_ops) {
    Op& op = out_.ops[idx];
    op.text = "page " + std::to_string(op.page) + " of " + std::to_string(page);
    op.x = left_ + width_ - rf.text_width(op.text, small);
  }
}

bool Engine::run() {
  style::PageSize ps = style::page_size(params_.paper);
  out_.page_width = ps.width;
  out_.page_height = ps.height;
  left_ = st_.margin_left;
  width_ = ps.width - st_.margin_left - st_.margin_right;
  if (body() < 0 || failed_) return false;
  header();
  bool first = true;
  for (const model::Section& s : doc_.sections) {
    section(s, first);
    first = false;
  }
  if (failed_) return false;
  paginate();
  return !failed_;
}

}  // namespace

bool layout_document(const model::Document& doc, const style::Style& st, const LayoutParams& params,
                     const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags) {
  out = DisplayList{};
  Engine e(doc, st, params, faces, out, diags);
  return e.run();
}

}  // namespace tailor::writer::pdf
