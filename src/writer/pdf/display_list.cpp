#include "writer/pdf/display_list.hpp"

#include <cmath>
#include <cstdio>

#include "base/utf8.hpp"
#include "writer/pdf/layout.hpp"

namespace tailor::writer::pdf {

std::vector<std::set<char32_t>> DisplayList::code_points() const {
  // Every face keeps the space: a face whose text is all spaces (or an empty document's body
  // face) still needs one real glyph for hb-subset and libharu.
  std::vector<std::set<char32_t>> out(faces.size(), std::set<char32_t>{U' '});
  for (const Op& op : ops) {
    if (op.kind != Op::Kind::Text) continue;
    for (std::size_t i = 0; i < op.text.size();) out[op.face].insert(base::decode_next(op.text, i));
  }
  return out;
}

void shape_unshaped(DisplayList& dl) {
  for (Op& op : dl.ops) {
    if (op.kind != Op::Kind::Text || !op.glyphs.empty() || op.text.empty()) continue;
    const Face* face = dl.face_ptrs[static_cast<std::size_t>(op.face)];
    if (!face) continue;
    Shaped s = shape(*face, op.text, op.size, Direction::Auto);
    // Only texts the face covers are left unshaped (Engine::standalone_text itemises the
    // others with fallback faces); a .notdef is still never drawn.
    std::erase_if(s.glyphs, [](const Glyph& g) { return g.gid == 0; });
    op.glyphs = pack_glyphs(s.glyphs, *face, op.size, dl.glyph_table);
    op.clustered = s.clustered;
    op.w = s.width;
  }
}

std::vector<std::set<unsigned>> DisplayList::glyph_ids() const {
  std::vector<std::set<unsigned>> out(faces.size());
  for (std::size_t i = 0; i < faces.size(); ++i) {
    // Every face keeps its space glyph: a face with no text still needs one real glyph.
    if (face_ptrs.size() > i && face_ptrs[i]) out[i].insert(face_ptrs[i]->glyph(U' '));
  }
  // Which pairs each face draws first (a glyph is drawn many times, a pair is named once).
  std::vector<std::vector<bool>> drawn(faces.size());
  for (const Op& op : ops) {
    if (op.kind != Op::Kind::Text || op.glyphs.empty()) continue;
    std::vector<bool>& d = drawn[static_cast<std::size_t>(op.face)];
    if (d.empty()) d.resize(glyph_table.size());
    for (GlyphRun::Reader r(op.glyphs); auto g = r.next();) d[g->ref] = true;
  }
  for (std::size_t i = 0; i < faces.size(); ++i) {
    for (std::size_t ref = 0; ref < drawn[i].size(); ++ref) {
      if (drawn[i][ref]) out[i].insert(glyph_table.gid(static_cast<std::uint32_t>(ref)));
    }
  }
  return out;
}

namespace {

std::string num(double v) {
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0) r = 0;  // no "-0.00"
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", r);
  return buf;
}

std::string hex(const style::Color& c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

}  // namespace

std::string DisplayList::dump() const {
  std::string out = "page-size " + num(page_width) + " " + num(page_height) + "\npages " +
                    std::to_string(pages) + "\n";
  for (std::size_t i = 0; i < faces.size(); ++i) {
    out += "face " + std::to_string(i) + " " + faces[i].label() + "\n";
  }
  for (const Op& op : ops) {
    std::string p = "p" + std::to_string(op.page) + " ";
    switch (op.kind) {
      case Op::Kind::Text:
        out += p + "text f" + std::to_string(op.face) + " " + num(op.size) + " " + num(op.x) + " " +
               num(op.y) + " " + hex(op.color) + " \"" + op.text + "\"";
        if (!op.actual_text.empty()) out += " span \"" + op.actual_text + "\"";
        if (op.end_span) out += " end-span";
        if (op.silent) out += " silent";
        if (op.artifact) out += " artifact";
        if (op.space_before) out += " space-before";
        if (!op.lang.empty()) out += " lang " + op.lang;
        out += "\n";
        break;
      case Op::Kind::Begin:
        out += p + "begin " + op.text + (op.alt.empty() ? "" : " alt \"" + op.alt + "\"") + "\n";
        break;
      case Op::Kind::End:
        out += p + "end\n";
        break;
      case Op::Kind::Line:
        out += p + "line " + num(op.x) + " " + num(op.y) + " " + num(op.x + op.w) + " " +
               num(op.y + op.h) + " w" + num(op.size) + " " + hex(op.color) + "\n";
        break;
      case Op::Kind::Rect:
        out += p + "rect " + num(op.x) + " " + num(op.y) + " " + num(op.w) + " " + num(op.h) + " " +
               hex(op.color) + "\n";
        break;
      case Op::Kind::Image:
        out += p + "image " + num(op.x) + " " + num(op.y) + " " + num(op.w) + " " + num(op.h) +
               " " + op.text.substr(op.text.find_last_of('/') + 1) +
               (op.clip ? " clip " + num(op.radius) : std::string()) + "\n";
        break;
      case Op::Kind::Link:
        out += p + "link " + num(op.x) + " " + num(op.y) + " " + num(op.w) + " " + num(op.h) + " " +
               op.text + "\n";
        break;
    }
  }
  return out;
}

}  // namespace tailor::writer::pdf
