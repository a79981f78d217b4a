#include "writer/pdf/shaping.hpp"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

#include "base/utf8.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::writer::pdf {

namespace {

/// One buffer per thread, reused: creating a buffer per word would cost more than shaping it.
hb_buffer_t* thread_buffer() {
  struct Holder {
    hb_buffer_t* b = hb_buffer_create();
    ~Holder() { hb_buffer_destroy(b); }
  };
  thread_local Holder h;
  return h.b;
}

/// One shape plan per face and segment properties (direction, script, language), made once
/// per thread. hb_shape would look the plan up in the face's list on every call, which cost a
/// third as much as shaping a Latin word.
hb_shape_plan_t* plan_for(hb_face_t* face, const hb_segment_properties_t& props) {
  struct Entry {
    hb_face_t* face;
    hb_segment_properties_t props;
    hb_shape_plan_t* plan;
  };
  struct Plans {
    std::vector<Entry> entries;
    ~Plans() {
      for (Entry& e : entries) hb_shape_plan_destroy(e.plan);
    }
  };
  thread_local Plans plans;
  for (const Entry& e : plans.entries) {
    if (e.face == face && hb_segment_properties_equal(&e.props, &props)) return e.plan;
  }
  hb_shape_plan_t* plan = hb_shape_plan_create_cached(face, &props, nullptr, 0, nullptr);
  plans.entries.push_back({face, props, plan});
  return plan;
}

/// The text of [from, to) without default-ignorable code points (they are not drawn, so
/// they are not given back either).
std::string visible_text(std::string_view s, std::size_t from, std::size_t to, bool reverse) {
  to = std::min(to, s.size());
  if (from >= to) return {};
  // Printable ASCII has no default-ignorable code point: the common case needs no decoding.
  bool ascii = true;
  for (std::size_t i = from; i < to && ascii; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    ascii = c >= 0x20 && c < 0x7F;
  }
  if (ascii) {
    std::string out(s.substr(from, to - from));
    if (reverse) std::reverse(out.begin(), out.end());
    return out;
  }
  std::vector<char32_t> cps;
  for (std::size_t i = from; i < to && i < s.size();) {
    char32_t cp = base::decode_next(s, i);
    if (!u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      cps.push_back(cp);
    }
  }
  if (reverse) std::reverse(cps.begin(), cps.end());
  std::string out;
  for (char32_t cp : cps) base::append_utf8(out, cp);
  return out;
}

}  // namespace

namespace {

/// Shapes at 1 pt: positions scale linearly with the size.
Shaped shape_unit(const Face& face, std::string_view utf8, Direction dir) {
  Shaped out;
  hb_buffer_t* buf = thread_buffer();
  hb_buffer_clear_contents(buf);
  int len = static_cast<int>(utf8.size());
  hb_buffer_add_utf8(buf, utf8.data(), len, 0, len);
  if (dir != Direction::Auto) {
    hb_buffer_set_direction(buf, dir == Direction::RTL ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  }
  hb_buffer_guess_segment_properties(buf);
  // Marks keep their own clusters where the script allows it, so each glyph maps back to
  // its own characters (Arabic harakat); Indic reordering still merges clusters.
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_flags(buf, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
  hb_segment_properties_t props;
  hb_buffer_get_segment_properties(buf, &props);
  hb_font_t* font = face.hb_font();
  hb_shape_plan_execute(plan_for(hb_font_get_face(font), props), font, buf, nullptr, 0);
  bool rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::vector<unsigned> clusters;
  clusters.reserve(n);
  for (unsigned i = 0; i < n; ++i) clusters.push_back(info[i].cluster);
  std::sort(clusters.begin(), clusters.end());
  clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
  double scale = 1.0 / static_cast<double>(face.upem());
  double pen = 0;
  out.glyphs.resize(n);
  for (unsigned i = 0; i < n; ++i) {
    Glyph& g = out.glyphs[i];
    g.gid = info[i].codepoint;
    g.x = (pen + pos[i].x_offset) * scale;
    g.y = pos[i].y_offset * scale;
    pen += pos[i].x_advance;
    // The glyph that carries a cluster's text is its first in logical order: the first in
    // the array left to right, the last one right to left.
    unsigned c = info[i].cluster;
    bool first =
        rtl ? (i + 1 == n || info[i + 1].cluster != c) : (i == 0 || info[i - 1].cluster != c);
    if (!first) {
      out.clustered = true;
      continue;
    }
    auto next = std::upper_bound(clusters.begin(), clusters.end(), c);
    std::size_t end = next == clusters.end() ? utf8.size() : *next;
    g.text = visible_text(utf8, c, end, rtl);
  }
  out.width = pen * scale;
  return out;
}

}  // namespace

const Shaped& shape_unit_cached(const Face& face, std::string_view utf8, Direction dir) {
  // A resume repeats its words ("the", "and", the space), and fit-to-pages lays it out again:
  // each (face, direction, text) is shaped once per thread. Faces live for the process. The
  // words are looked up by view, so a hit allocates nothing; the few (face, direction)
  // tables are found by a linear scan.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Words = std::unordered_map<std::string, Shaped, Hash, std::equal_to<>>;
  struct Table {
    const Face* face;
    Direction dir;
    Words words;
  };
  thread_local std::vector<std::unique_ptr<Table>> cache;
  thread_local std::size_t cached = 0;
  if (cached > 20000) {
    cache.clear();
    cached = 0;
  }
  Table* table = nullptr;
  for (const auto& t : cache) {
    if (t->face == &face && t->dir == dir) {
      table = t.get();
      break;
    }
  }
  if (!table) {
    cache.push_back(std::make_unique<Table>(Table{&face, dir, {}}));
    table = cache.back().get();
  }
  auto it = table->words.find(utf8);
  if (it == table->words.end()) {
    it = table->words.emplace(std::string(utf8), shape_unit(face, utf8, dir)).first;
    ++cached;
  }
  return it->second;
}

Shaped shape(const Face& face, std::string_view utf8, double size, Direction dir) {
  if (utf8.empty()) return {};
  const Shaped& unit = shape_unit_cached(face, utf8, dir);
  Shaped out;
  out.glyphs.reserve(unit.glyphs.size());
  for (const Glyph& u : unit.glyphs) {
    Glyph& g = out.glyphs.emplace_back(u);
    g.x *= size;
    g.y *= size;
  }
  out.width = unit.width * size;
  out.clustered = unit.clustered;
  return out;
}

double shaped_width(const Face& face, std::string_view utf8, double size, Direction dir) {
  if (utf8.empty()) return 0;
  return shape_unit_cached(face, utf8, dir).width * size;
}

}  // namespace tailor::writer::pdf
