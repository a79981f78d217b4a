// Units, schema-ordered property emitters, text cleaning and relationships for the DOCX parts.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "base/utf8.hpp"
#include "writer/docx/internal.hpp"

namespace tailor::writer::docx {

Metrics::Metrics(const style::Style& st, const RenderOptions& options)
    : st_(st), spacing_scale_(options.spacing_scale), font_scale_(options.font_scale) {
  if (!(spacing_scale_ > 0)) spacing_scale_ = 1;
  if (!(font_scale_ > 0)) font_scale_ = 1;
  style::PageSize size = style::page_size(options.paper ? *options.paper : st.paper);
  page_width = twips(size.width);
  page_height = twips(size.height);
  const style::Style m = style::with_margins_shrunk(st, options.margin_shrink);
  margin_top = twips(m.margin_top);
  margin_right = twips(m.margin_right);
  margin_bottom = twips(m.margin_bottom);
  margin_left = twips(m.margin_left);
}

int Metrics::twips(double pt) { return static_cast<int>(std::lround(pt * 20)); }

int Metrics::gap(double pt) const {
  return std::max(0, static_cast<int>(std::lround(pt * 20 * spacing_scale_)));
}

int Metrics::half_points(double pt) const {
  return std::max(2, static_cast<int>(std::lround(pt * 2 * font_scale_)));
}

int Metrics::body_half_points() const {
  double size = st_.body_size * font_scale_;
  // Fit-to-pages never shrinks the body below 9 pt (unless the style itself is smaller).
  size = std::max(size, std::min(st_.body_size, 9.0));
  return std::max(2, static_cast<int>(std::lround(size * 2)));
}

int Metrics::line_pitch() const {
  double lh = st_.line_height > 0 ? st_.line_height : 1.0;
  // As the PDF layout does: fit-to-pages shrinks the extra leading with the other gaps.
  double leading = 1.0 + (lh - 1.0) * spacing_scale_;
  return static_cast<int>(std::lround(body_half_points() * 10 * leading));
}

std::string hex(const style::Color& c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

namespace {

void val(pugi::xml_node parent, const char* name, const std::string& v) {
  parent.append_child(name).append_attribute("w:val") = v.c_str();
}

void val(pugi::xml_node parent, const char* name, int v) {
  parent.append_child(name).append_attribute("w:val") = v;
}

}  // namespace

void append_ppr(pugi::xml_node parent, const ParaProps& p, bool force) {
  bool any = !p.style.empty() || p.keep_next.has_value() || p.keep_lines || p.widow_control ||
             p.num_id != 0 || p.border != Border::None || !p.shading.empty() ||
             !p.right_tabs.empty() || p.before || p.after || p.line || p.ind_left ||
             p.ind_hanging || !p.jc.empty() || p.outline_level;
  if (!any && !force) return;
  // Children in CT_PPrBase order: pStyle, keepNext, keepLines, widowControl, numPr, pBdr, shd,
  // tabs, spacing, ind, jc, outlineLvl. Word rejects files where these are out of order.
  pugi::xml_node ppr = parent.append_child("w:pPr");
  if (!p.style.empty()) val(ppr, "w:pStyle", p.style);
  if (p.keep_next) {
    pugi::xml_node keep = ppr.append_child("w:keepNext");
    if (!*p.keep_next) keep.append_attribute("w:val") = "0";
  }
  if (p.keep_lines) ppr.append_child("w:keepLines");
  if (p.widow_control) ppr.append_child("w:widowControl");
  if (p.num_id != 0) {
    pugi::xml_node num = ppr.append_child("w:numPr");
    val(num, "w:ilvl", 0);
    val(num, "w:numId", p.num_id);
  }
  if (p.border != Border::None) {
    pugi::xml_node bdr = ppr.append_child("w:pBdr");
    pugi::xml_node b = bdr.append_child(p.border == Border::Bottom ? "w:bottom" : "w:left");
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = p.border_size;
    b.append_attribute("w:space") = p.border_space;
    b.append_attribute("w:color") = p.border_color.c_str();
  }
  if (!p.shading.empty()) {
    pugi::xml_node shd = ppr.append_child("w:shd");
    shd.append_attribute("w:val") = "clear";
    shd.append_attribute("w:color") = "auto";
    shd.append_attribute("w:fill") = p.shading.c_str();
  }
  if (!p.right_tabs.empty()) {
    pugi::xml_node tabs = ppr.append_child("w:tabs");
    for (int pos : p.right_tabs) {
      pugi::xml_node t = tabs.append_child("w:tab");
      t.append_attribute("w:val") = "right";
      t.append_attribute("w:pos") = pos;
    }
  }
  if (p.before || p.after || p.line) {
    pugi::xml_node sp = ppr.append_child("w:spacing");
    if (p.before) sp.append_attribute("w:before") = *p.before;
    if (p.after) sp.append_attribute("w:after") = *p.after;
    if (p.line) {
      sp.append_attribute("w:line") = *p.line;
      sp.append_attribute("w:lineRule") = p.line_at_least ? "atLeast" : "auto";
    }
  }
  if (p.ind_left || p.ind_hanging) {
    pugi::xml_node ind = ppr.append_child("w:ind");
    if (p.ind_left) ind.append_attribute("w:left") = *p.ind_left;
    if (p.ind_hanging) ind.append_attribute("w:hanging") = *p.ind_hanging;
  }
  if (!p.jc.empty()) val(ppr, "w:jc", p.jc);
  if (p.outline_level) val(ppr, "w:outlineLvl", *p.outline_level);
}

void append_rpr(pugi::xml_node parent, const RunProps& r, bool force) {
  bool any = !r.style.empty() || !r.font.empty() || r.bold || r.italic || r.caps || r.small_caps ||
             r.spacing != 0 || !r.color.empty() || r.half_points != 0 || r.underline;
  if (!any && !force) return;
  // CT_RPr order: rStyle, rFonts, b, bCs, i, iCs, caps, smallCaps, color, spacing, sz, szCs,
  // u.
  pugi::xml_node rpr = parent.append_child("w:rPr");
  if (!r.style.empty()) val(rpr, "w:rStyle", r.style);
  if (!r.font.empty()) {
    pugi::xml_node f = rpr.append_child("w:rFonts");
    for (const char* a : {"w:ascii", "w:hAnsi"}) f.append_attribute(a) = r.font.c_str();
    f.append_attribute("w:eastAsia") =
        (r.font_east_asia.empty() ? r.font : r.font_east_asia).c_str();
    f.append_attribute("w:cs") = (r.font_complex.empty() ? r.font : r.font_complex).c_str();
  }
  if (r.bold) {
    rpr.append_child("w:b");
    rpr.append_child("w:bCs");
  }
  if (r.italic) {
    rpr.append_child("w:i");
    rpr.append_child("w:iCs");
  }
  if (r.caps) rpr.append_child("w:caps");
  if (r.small_caps) rpr.append_child("w:smallCaps");
  if (!r.color.empty()) val(rpr, "w:color", r.color);
  if (r.spacing != 0) val(rpr, "w:spacing", r.spacing);
  if (r.half_points != 0) {
    val(rpr, "w:sz", r.half_points);
    val(rpr, "w:szCs", r.half_points);
  }
  if (r.underline) val(rpr, "w:u", "single");
  if (!r.lang.empty()) {
    pugi::xml_node l = rpr.append_child("w:lang");
    l.append_attribute("w:val") = r.lang.c_str();
    if (!r.lang_east_asia.empty()) l.append_attribute("w:eastAsia") = r.lang_east_asia.c_str();
    if (!r.lang_bidi.empty()) l.append_attribute("w:bidi") = r.lang_bidi.c_str();
  }
}

void append_run(pugi::xml_node parent, std::string_view text, const RunProps& props) {
  if (text.empty()) return;
  pugi::xml_node r = parent.append_child("w:r");
  append_rpr(r, props);
  std::string chunk;
  auto flush = [&] {
    if (chunk.empty()) return;
    pugi::xml_node t = r.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(chunk.c_str());
    chunk.clear();
  };
  for (char c : text) {
    if (c == '\t') {
      flush();
      r.append_child("w:tab");
    } else if (c == '\n') {
      flush();
      r.append_child("w:br");
    } else if (c != '\r') {
      chunk += c;
    }
  }
  flush();
}

std::string clean_text(std::string_view text, const model::SourceSpan& span,
                       diag::Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  std::vector<char32_t> dropped;
  bool malformed = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t cp = base::decode_next(text, i);
    if (cp == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      malformed = true;
      base::append_utf8(out, 0xFFFD);
      continue;
    }
    bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                   (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed) {
      if (std::find(dropped.begin(), dropped.end(), cp) == dropped.end()) dropped.push_back(cp);
      continue;
    }
    out.append(text.substr(start, i - start));
  }
  if (!dropped.empty()) {
    std::string list;
    for (char32_t cp : dropped) list += (list.empty() ? "" : ", ") + base::describe_code_point(cp);
    diags
        .warning(span, "dropped " + list + " from the DOCX output: XML 1.0 does not allow " +
                           (dropped.size() == 1 ? "this character" : "these characters"))
        .hints.push_back("remove control characters from the source text");
  }
  if (malformed) {
    diags.warning(span, "malformed UTF-8 replaced by U+FFFD in the DOCX output");
  }
  return out;
}

std::string uri_escape(std::string_view url) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    bool escape = c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' ||
                  c == '^' || c == '`' || c == '{' || c == '|' || c == '}';
    if (escape) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string Relationships::add(const std::string& type_suffix, const std::string& target) {
  std::string id = "rId" + std::to_string(rels_.size() + 1);
  rels_.push_back({id, kRelBase + type_suffix, target, false});
  return id;
}

std::string Relationships::hyperlink(const std::string& url) {
  std::string target = uri_escape(url);
  for (const Rel& r : rels_) {
    if (r.external && r.target == target) return r.id;
  }
  std::string id = "rId" + std::to_string(rels_.size() + 1);
  rels_.push_back({id, std::string(kRelBase) + "hyperlink", target, true});
  return id;
}

void add_declaration(pugi::xml_document& doc) {
  pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
}

std::string to_bytes(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  // format_no_declaration only suppresses the automatic one; ours is a node in the tree.
  return out.str();
}

}  // namespace tailor::writer::docx
