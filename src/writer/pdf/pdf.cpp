// write_pdf: layout in two passes around hb-subset, then emission through libharu.
#include "writer/pdf/pdf.hpp"

#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>

#include "base/utf8.hpp"
#include "writer/pdf/bidi.hpp"
#include "writer/pdf/image_clip.hpp"
#include "writer/pdf/image_size.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/pdf/object_streams.hpp"
#include "writer/pdf/page_seal.hpp"
#include "writer/pdf/png_wide.hpp"
#include "writer/pdf/shared_streams.hpp"
#include "writer/pdf/tagging.hpp"
#include "writer/pdf/xmp.hpp"
#include "writer/smart_text.hpp"

namespace tailor::writer::pdf {

namespace {

style::Paper paper_of(const RenderOptions& o) { return o.paper.value_or(o.style->paper); }

bool run_layout(const model::Document& doc, const RenderOptions& o, double spacing, double font,
                const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags,
                double margin_shrink = -1) {
  const style::Style st =
      style::with_margins_shrunk(*o.style, margin_shrink < 0 ? o.margin_shrink : margin_shrink);
  LayoutParams p;
  p.paper = paper_of(o);
  p.spacing_scale = spacing;
  p.font_scale = font;
  p.mirror = document_is_rtl(doc);
  if (!layout_document(doc, st, p, faces, out, diags)) return false;
  shape_unshaped(out);
  if (p.mirror) mirror_page(out);
  out.mirrored = p.mirror;
  return true;
}

diag::Diagnostic& render_error(diag::Diagnostics& diags, const model::Document& doc,
                               std::string message) {
  diag::Diagnostic d;
  // Point at the input file (no line): the problem is the document as a whole.
  d.span.file_id = doc.header.name.span.file_id;
  d.message = std::move(message);
  return diags.add(std::move(d));
}

std::string fmt_pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", std::ceil(v));
  return buf;
}

}  // namespace

std::string pdf_title(const model::Document& doc) {
  std::string t = doc.header.name.value;
  if (!doc.header.headline.empty()) t += (t.empty() ? "" : " \u2014 ") + doc.header.headline.value;
  return t;
}

std::optional<FitFactors> fit_to_pages(const model::Document& source, const RenderOptions& options,
                                       diag::Diagnostics& diags) {
  if (options.max_pages <= 0) return FitFactors{};
  // Measured as write_pdf sets it: a dash or a quotation mark is not as wide as what was typed.
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  DisplayList dl;
  auto fits = [&](double s, double f, double m = 0) {
    if (!run_layout(doc, options, s, f, installed_face, dl, nullptr, m)) return false;
    return dl.pages <= options.max_pages;
  };
  // Warnings about the text come from the writer's own pass; keep only errors from here.
  diag::Diagnostics first;
  if (!run_layout(doc, options, 1, 1, installed_face, dl, &first, 0)) {
    for (const diag::Diagnostic& d : first.items()) {
      if (d.severity == diag::Severity::Error) diags.add(d);
    }
    return std::nullopt;
  }
  if (dl.pages <= options.max_pages) return FitFactors{};
  constexpr double kMinSpacing = 0.4;
  for (int step = 1; step <= 12; ++step) {
    double s = 1.0 - 0.05 * step;
    if (fits(s, 1.0)) return FitFactors{s, 1.0, 0};
  }
  double body = options.style->body_size;
  double min_font = body > 9 ? 9.0 / body : 1.0;
  for (double f = 0.975; f > min_font; f -= 0.025) {
    if (fits(kMinSpacing, f)) return FitFactors{kMinSpacing, f, 0};
  }
  if (min_font < 1.0 && fits(kMinSpacing, min_font)) return FitFactors{kMinSpacing, min_font, 0};
  // Last, the margins: 2 pt at a time down to the style's minimum.
  const double max_shrink = style::max_margin_shrink(*options.style);
  for (double m = 2; m < max_shrink + 2; m += 2) {
    double shrink = std::min(m, max_shrink);
    if (fits(kMinSpacing, min_font, shrink)) return FitFactors{kMinSpacing, min_font, shrink};
  }
  run_layout(doc, options, kMinSpacing, min_font, installed_face, dl, nullptr, max_shrink);
  int n = options.max_pages;
  // How much is over, in body lines at the tightest setting: the pages past the limit (each a
  // full page of content) and what the last one holds.
  const style::Style st = style::with_margins_shrunk(*options.style, max_shrink);
  double content = dl.page_height - st.margin_top - st.margin_bottom;
  double over_pt = (dl.pages - n - 1) * content + dl.last_page_used;
  double line_pt = body * min_font * (1.0 + (st.line_height - 1.0) * kMinSpacing);
  int lines = static_cast<int>(std::ceil(over_pt / line_pt - 1e-9));
  std::string msg = "the resume does not fit on " + std::to_string(n) +
                    (n == 1 ? " page" : " pages") + ": at the tightest spacing and smallest type " +
                    "it is " + std::to_string(lines) + (lines == 1 ? " line" : " lines") +
                    " too long (" + fmt_pt(over_pt) + " pt past the end of page " +
                    std::to_string(n) + ")";
  render_error(diags, doc, msg)
      .hints.push_back(
          "raise --max-pages, choose the compact style, or tailor with fewer "
          "bullets (--max-bullets)");
  return std::nullopt;
}

bool layout_two_pass(const model::Document& doc, const RenderOptions& options, DisplayList& out,
                     std::vector<std::string>& subsets, diag::Diagnostics& diags) {
  double spacing = options.spacing_scale, font = options.font_scale;
  double margins = options.margin_shrink;
  // Pass 1: installed faces. This is where warnings about characters and links come from.
  if (!run_layout(doc, options, spacing, font, installed_face, out, &diags)) return false;
  if (options.max_pages > 0 && out.pages > options.max_pages) {
    auto f = fit_to_pages(doc, options, diags);
    if (!f) return false;
    spacing = f->spacing;
    font = f->font;
    margins = f->margin_shrink;
    if (!run_layout(doc, options, spacing, font, installed_face, out, nullptr, margins)) {
      return false;
    }
  }
  // Subset each installed face once, to the union of the glyphs every key using it draws.
  // The display list keeps the installed faces' glyph IDs; out.subset_gids renumbers them.
  std::vector<std::set<unsigned>> used = out.glyph_ids();
  std::map<const Face*, std::set<unsigned>> per_face;
  for (std::size_t i = 0; i < out.faces.size(); ++i) {
    per_face[out.face_ptrs[i]].insert(used[i].begin(), used[i].end());
  }
  // A batch draws the same glyphs of a face again and again: the subset is made once per
  // face and glyph set in the process (shared_streams.hpp), the same bytes either way.
  std::map<const Face*, std::shared_ptr<const SharedSubset>> made;
  for (const auto& [face, gids] : per_face) {
    std::shared_ptr<const SharedSubset> s = shared_subset(*face, gids);
    if (!s) {
      render_error(diags, doc, "cannot subset the font " + face->path() + " (hb-subset failed)");
      return false;
    }
    made[face] = std::move(s);
  }
  subsets.clear();
  out.subset_gids.clear();
  for (const Face* f : out.face_ptrs) {
    subsets.push_back(made[f]->bytes);
    out.subset_gids.push_back(made[f]->old_to_new);
  }
  return true;
}

namespace {

/// libharu reports errors through this callback; record the first and let the C code
/// return its status (never throw through C frames).
struct HaruStatus {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

extern "C" void on_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* st = static_cast<HaruStatus*>(user);
  if (st->error == HPDF_OK) {
    st->error = error_no;
    st->detail = detail_no;
  }
}

/// Non-ASCII bytes and characters that may not appear raw in a URI are percent-encoded.
std::string uri_escape(const std::string& uri) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c >= 0x80 || c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' ||
        c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// Four upper-case hex digits.
void hex4(std::string& out, unsigned v) {
  static const char* digits = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

/// cp as UTF-16BE hex digits (a surrogate pair past U+FFFF).
void append_utf16be(std::string& out, char32_t cp) {
  if (cp >= 0x10000) {
    hex4(out, 0xD800 + ((cp - 0x10000) >> 10));
    hex4(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    hex4(out, static_cast<unsigned>(cp));
  }
}

/// A PDF text string as the hex digits of UTF-16BE with a byte order mark (for /ActualText).
std::string utf16be_hex(const std::string& utf8) {
  std::string out = "FEFF";
  for (std::size_t i = 0; i < utf8.size();) append_utf16be(out, base::decode_next(utf8, i));
  return out;
}

/// A number for a content stream: at most three decimals, no trailing zeros, never a
/// locale's decimal comma.
std::string num(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, std::round(v * 1000) / 1000,
                         std::chars_format::fixed, 3);
  std::string s(buf, r.ptr);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

/// The ToUnicode CMap of one embedded font: each two-byte CID to the text its glyph stands for
/// (several characters for a ligature). Glyphs that are the second part of a cluster stand for
/// nothing on their own and get no entry: their run carries /ActualText.
std::string to_unicode_cmap(const std::vector<std::pair<unsigned, std::string>>& cids) {
  std::vector<std::size_t> mapped;
  for (std::size_t i = 1; i < cids.size(); ++i) {
    if (!cids[i].second.empty()) mapped.push_back(i);
  }
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < mapped.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, mapped.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      s += '<';
      hex4(s, static_cast<unsigned>(mapped[k]));
      s += "> <";
      const std::string& t = cids[mapped[k]].second;
      for (std::size_t j = 0; j < t.size();) append_utf16be(s, base::decode_next(t, j));
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

class Emitter {
 public:
  Emitter(const model::Document& doc, const RenderOptions& options, diag::Diagnostics& diags)
      : doc_(doc), options_(options), diags_(diags) {
    pdf_ = HPDF_New(&on_haru_error, &status_);
    // A tagged PDF (PDF/UA-1 is built on PDF 1.7); libharu 2.3 has no setter for the header
    // version, and only ever raises it itself.
    if (pdf_) pdf_->pdf_version = HPDF_VER_17;
  }
  ~Emitter() {
    if (pdf_) HPDF_Free(pdf_);
  }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  bool emit(const DisplayList& dl, const std::vector<std::string>& subsets, std::string& out);

 private:
  bool check(const char* what) {
    if (status_.error == HPDF_OK) return true;
    char buf[160];
    std::snprintf(buf, sizeof buf, "libharu failed while %s (error 0x%04X, detail %u)", what,
                  static_cast<unsigned>(status_.error), static_cast<unsigned>(status_.detail));
    render_error(diags_, doc_, buf);
    return false;
  }
  bool load_fonts(const DisplayList& dl, const std::vector<std::string>& subsets);
  /// Names every embedded font in the page's /Resources /Font dictionary.
  bool add_font_resources(HPDF_Page page);
  /// A text op's glyphs as TJ arrays (and Ts for raised or lowered marks), from its origin.
  std::string glyph_operators(const Op& op) const;
  void info();
  /// The catalog's /Lang, /ViewerPreferences and XMP /Metadata (PDF/UA-1).
  void catalog(const XmpFields& fields);

  /// One embedded font: CIDs 1..n are the (glyph, text) pairs it draws, in that order. A
  /// glyph that stands for different texts (a space glyph for U+0020 and U+00A0) gets one
  /// CID per text, so each maps back exactly.
  struct Font {
    HPDF_Dict dict = nullptr;  ///< The Type 0 font.
    std::string resource;      ///< "F1": its name in the pages' resources.
    const Face* face = nullptr;
    std::vector<std::pair<unsigned, std::string>> cids;
    std::map<std::pair<unsigned, std::string>, unsigned> cid_of;
    std::vector<unsigned> cid_of_ref;  ///< By DisplayList::glyph_table number.
  };

  const model::Document& doc_;
  const RenderOptions& options_;
  diag::Diagnostics& diags_;
  HaruStatus status_;
  HPDF_Doc pdf_ = nullptr;
  std::vector<Font> fonts_;               ///< One per installed face drawn with.
  std::vector<std::size_t> font_of_key_;  ///< Parallel to DisplayList::faces: index in fonts_.
  std::map<std::string, HPDF_Image> images_;
};

// Fonts are embedded by hand, as Type 0 fonts over CIDFontType2, through libharu's object
// layer. libharu's own TrueType path (HPDF_LoadTTFontFromFile + HPDF_GetFont) parses the font
// again, copies 12 of its 13 tables whole, asks its cmap for all 65,536 code points and
// deflates a 128 KB CIDToGIDMap and a /W array over every glyph: most of a PDF's CPU time and
// bytes. Here the hb-subset output is embedded as it is, and each font's CIDs are simply
// 1..n over the code points it draws, so the CIDToGIDMap, /W and ToUnicode cover n entries.
bool Emitter::load_fonts(const DisplayList& dl, const std::vector<std::string>& subsets) {
  // The (glyph, text) pairs per installed face (keys may share a file).
  std::map<const Face*, std::set<std::pair<unsigned, std::string>>> per_face;
  for (std::size_t i = 0; i < dl.faces.size(); ++i) {
    per_face[dl.face_ptrs[i]].insert({dl.face_ptrs[i]->glyph(U' '), " "});
  }
  // The glyph table's pairs each face draws, marked first: a pair is drawn many times.
  std::map<const Face*, std::vector<bool>> drawn;
  for (const Op& op : dl.ops) {
    if (op.kind != Op::Kind::Text || op.glyphs.empty()) continue;
    std::vector<bool>& d = drawn[dl.face_ptrs[static_cast<std::size_t>(op.face)]];
    if (d.empty()) d.resize(dl.glyph_table.size());
    for (GlyphRun::Reader r(op.glyphs); auto g = r.next();) d[g->ref] = true;
  }
  for (const auto& [face, d] : drawn) {
    auto& set = per_face[face];
    for (std::size_t ref = 0; ref < d.size(); ++ref) {
      if (d[ref]) set.insert(dl.glyph_table.pair(static_cast<std::uint32_t>(ref)));
    }
  }
  HPDF_MMgr mm = pdf_->mmgr;
  HPDF_Xref xref = pdf_->xref;
  std::map<const Face*, std::size_t> loaded;
  for (std::size_t i = 0; i < dl.faces.size(); ++i) {
    const Face* face = dl.face_ptrs[i];
    if (auto it = loaded.find(face); it != loaded.end()) {
      font_of_key_.push_back(it->second);
      continue;
    }
    const std::string& bytes = subsets[i];
    Font f;
    f.face = face;
    f.resource = "F" + std::to_string(fonts_.size() + 1);
    f.cids.push_back({0, {}});  // CID 0 is .notdef
    for (const auto& pair : per_face[face]) {
      f.cid_of[pair] = static_cast<unsigned>(f.cids.size());
      f.cids.push_back(pair);
    }
    if (face->cff()) {
      // CFF outlines are embedded as a CIDFontType0 over the whole OpenType subset, which has
      // no CIDToGIDMap: the CIDs are the glyph IDs, and each glyph maps back to the first text
      // it stands for.
      std::vector<std::pair<unsigned, std::string>> by_gid;
      for (const auto& pair : per_face[face]) {
        auto it = dl.subset_gids[i].find(pair.first);
        unsigned cid = it == dl.subset_gids[i].end() ? 0 : it->second;
        if (cid >= by_gid.size()) by_gid.resize(cid + 1);
        if (by_gid[cid].second.empty()) by_gid[cid] = pair;
        f.cid_of[pair] = cid;
      }
      f.cids = std::move(by_gid);
      if (pdf_->pdf_version < HPDF_VER_16) pdf_->pdf_version = HPDF_VER_16;  // FontFile3
    }
    // The CID of each pair of the glyph table this font draws (0 for the others).
    f.cid_of_ref.assign(dl.glyph_table.size(), 0);
    if (auto d = drawn.find(face); d != drawn.end()) {
      for (std::size_t ref = 0; ref < d->second.size(); ++ref) {
        if (!d->second[ref]) continue;
        auto it = f.cid_of.find(dl.glyph_table.pair(static_cast<std::uint32_t>(ref)));
        if (it != f.cid_of.end()) f.cid_of_ref[ref] = it->second;
      }
    }
    if (f.cids.size() > 0xFFFF) {
      render_error(diags_, doc_, "the font " + dl.faces[i].label() + " draws too many glyphs");
      return false;
    }
    Face::Descriptor fd = face->descriptor();
    // A subset's name starts with six capitals that identify it (ISO 32000-1, 9.6.4); these
    // come from the subset's bytes, so the same text always gives the same name.
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a: deterministic and cheap
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    std::string tag;
    for (int k = 0; k < 6; ++k, h /= 26) tag += static_cast<char>('A' + h % 26);
    std::string base_font = tag + "+" + fd.postscript_name;

    HPDF_Dict file = HPDF_DictStream_New(mm, xref);
    if (!file) return check("embedding a font");
    // The font program, its CIDToGIDMap and its ToUnicode recur across a batch: each is
    // deflated once per content (shared_streams.hpp), to the bytes libharu would write.
    if (!write_deflated(file, bytes)) return check("embedding a font");
    if (face->cff()) {
      HPDF_Dict_AddName(file, "Subtype", "OpenType");
    } else {
      HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(bytes.size()));
    }

    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_Xref_Add(xref, desc);
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", base_font.c_str());
    int flags = 32;  // nonsymbolic: the font's own cmap covers Unicode
    if (fd.fixed_pitch) flags |= 1;
    if (fd.serif) flags |= 2;
    if (fd.italic) flags |= 64;
    HPDF_Dict_AddNumber(desc, "Flags", flags);
    HPDF_Array bbox = HPDF_Array_New(mm);
    HPDF_Dict_Add(desc, "FontBBox", bbox);
    for (int v : fd.bbox) HPDF_Array_AddNumber(bbox, v);
    HPDF_Dict_AddReal(desc, "ItalicAngle", static_cast<HPDF_REAL>(fd.italic_angle));
    HPDF_Dict_AddNumber(desc, "Ascent", face->ascender());
    HPDF_Dict_AddNumber(desc, "Descent", face->descender());
    HPDF_Dict_AddNumber(desc, "CapHeight", fd.cap_height);
    HPDF_Dict_AddNumber(desc, "StemV", 80);
    HPDF_Dict_Add(desc, face->cff() ? "FontFile3" : "FontFile2", file);

    HPDF_Dict map = HPDF_DictStream_New(mm, xref);
    if (!map) return check("embedding a font");
    std::string gids;
    HPDF_Array widths = HPDF_Array_New(mm);
    HPDF_Array run = nullptr;
    for (std::size_t cid = 0; cid < f.cids.size(); ++cid) {
      unsigned gid = f.cids[cid].first;  // in the installed face
      auto sub = dl.subset_gids[i].find(gid);
      unsigned sub_gid = sub == dl.subset_gids[i].end() ? 0 : sub->second;
      gids += static_cast<char>(sub_gid >> 8);
      gids += static_cast<char>(sub_gid & 0xFF);
      if (cid == 0) continue;
      if (face->cff() && f.cids[cid].second.empty() && !f.cid_of.count(f.cids[cid])) {
        run = nullptr;  // a glyph ID this document does not draw
        continue;
      }
      if (!run) {
        HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(cid));
        run = HPDF_Array_New(mm);
        HPDF_Array_Add(widths, run);
      }
      // The font's own advance; the content stream moves each glyph to its shaped position
      // relative to it (kerning).
      HPDF_Array_AddReal(run, static_cast<HPDF_REAL>(face->glyph_width1000(gid)));
    }
    if (!write_deflated(map, gids)) return check("embedding a font");

    HPDF_Dict cid_font = HPDF_Dict_New(mm);
    HPDF_Xref_Add(xref, cid_font);
    HPDF_Dict_AddName(cid_font, "Type", "Font");
    HPDF_Dict_AddName(cid_font, "Subtype", face->cff() ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str());
    HPDF_Dict info = HPDF_Dict_New(mm);
    HPDF_Dict_Add(cid_font, "CIDSystemInfo", info);
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid_font, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid_font, "DW", 0);
    HPDF_Dict_Add(cid_font, "W", widths);
    if (!face->cff()) HPDF_Dict_Add(cid_font, "CIDToGIDMap", map);

    HPDF_Dict to_unicode = HPDF_DictStream_New(mm, xref);
    if (!to_unicode) return check("embedding a font");
    if (!write_deflated(to_unicode, to_unicode_cmap(f.cids))) return check("embedding a font");

    HPDF_Dict type0 = HPDF_Dict_New(mm);
    HPDF_Xref_Add(xref, type0);
    HPDF_Dict_AddName(type0, "Type", "Font");
    HPDF_Dict_AddName(type0, "Subtype", "Type0");
    HPDF_Dict_AddName(type0, "BaseFont", base_font.c_str());
    HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(mm);
    HPDF_Dict_Add(type0, "DescendantFonts", descendants);
    HPDF_Array_Add(descendants, cid_font);
    HPDF_Dict_Add(type0, "ToUnicode", to_unicode);
    if (!check(("embedding the font " + dl.faces[i].label()).c_str())) return false;

    f.dict = type0;
    loaded[face] = fonts_.size();
    font_of_key_.push_back(fonts_.size());
    fonts_.push_back(std::move(f));
  }
  return check("embedding fonts");
}

bool Emitter::add_font_resources(HPDF_Page page) {
  auto* resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
  if (!resources) {
    resources = HPDF_Dict_New(pdf_->mmgr);
    if (!resources || HPDF_Dict_Add(page, "Resources", resources) != HPDF_OK) return false;
  }
  HPDF_Dict fonts = HPDF_Dict_New(pdf_->mmgr);
  if (!fonts || HPDF_Dict_Add(resources, "Font", fonts) != HPDF_OK) return false;
  for (const Font& f : fonts_) {
    if (HPDF_Dict_Add(fonts, f.resource.c_str(), f.dict) != HPDF_OK) return false;
  }
  return true;
}

std::string Emitter::glyph_operators(const Op& op) const {
  const Font& f = fonts_[font_of_key_[static_cast<std::size_t>(op.face)]];
  std::string out;
  double rise = 0;  // the current Ts
  bool open = false;
  if (op.space_before && !needs_bidi(op.text)) {
    // An invisible space glyph just before the run, ending where the run starts: the word
    // space that the layout left as a gap becomes text for readers of the tagged content.
    auto sp = f.cid_of.find({f.face->glyph(U' '), " "});
    if (sp != f.cid_of.end() && sp->second != 0) {
      double w = f.face->glyph_width1000(sp->first.first) * op.size / 1000.0;
      out += "[" + num(w * 1000.0 / op.size) + " <";
      hex4(out, sp->second);
      out += "> ";
      open = true;
    }
  }
  // The adjustments were worked out when the glyphs were packed (pack_glyphs).
  for (GlyphRun::Reader r(op.glyphs); auto g = r.next();) {
    if (g->rise) {
      if (open) out += "] TJ\n";
      open = false;
      out += num(*g->rise) + " Ts\n";
      rise = *g->rise;
    }
    if (!open) {
      out += "[";
      open = true;
    }
    if (g->adjust) {
      append_adjust(out, *g->adjust);
      out += ' ';
    }
    unsigned cid = g->ref < f.cid_of_ref.size() ? f.cid_of_ref[g->ref] : 0;
    out += '<';
    hex4(out, cid);
    out += "> ";
  }
  if (open) out += "] TJ\n";
  if (rise != 0) out += "0 Ts\n";
  return out;
}

namespace {

/// The Info dictionary's key for a text entry, as libharu names it.
const char* info_key(HPDF_InfoType t) {
  switch (t) {
    case HPDF_INFO_AUTHOR:
      return "Author";
    case HPDF_INFO_CREATOR:
      return "Creator";
    case HPDF_INFO_PRODUCER:
      return "Producer";
    case HPDF_INFO_TITLE:
      return "Title";
    case HPDF_INFO_SUBJECT:
      return "Subject";
    case HPDF_INFO_KEYWORDS:
      return "Keywords";
    default:
      return "Trapped";
  }
}

}  // namespace

void Emitter::info() {
  const model::Header& h = doc_.header;
  // libharu refuses a string over 65,535 bytes (HPDF_STRING_OUT_OF_RANGE, 0x105B) and may
  // write UTF-16 (two bytes per UTF-8 byte at worst): metadata is cut at a code point
  // boundary well below that. The page itself still shows the whole text.
  // The XMP packet repeats each value exactly as the Info dictionary has it.
  XmpFields xmp;
  // The Info dictionary, made as libharu's HPDF_SetInfoAttr makes it on first use.
  if (!pdf_->info) {
    pdf_->info = HPDF_Dict_New(pdf_->mmgr);
    if (!pdf_->info || HPDF_Xref_Add(pdf_->xref, pdf_->info) != HPDF_OK) return;
  }
  HPDF_Dict info = pdf_->info;
  auto set = [&](HPDF_InfoType t, const std::string& v) {
    if (v.empty()) return;
    constexpr std::size_t kMaxInfoBytes = 30000;
    std::size_t n = std::min(v.size(), kMaxInfoBytes);
    while (n < v.size() && n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
    std::string cut = v.substr(0, n);
    // What HPDF_SetInfoAttr writes with libharu's UTF-8 encoder (a UTF-16BE string with its
    // byte-order mark, in hex), without setting that encoder up for six strings per document.
    HPDF_Dict_Add(info, info_key(t), pdf_text_string(pdf_->mmgr, cut));
    switch (t) {
      case HPDF_INFO_TITLE:
        xmp.title = cut;
        break;
      case HPDF_INFO_AUTHOR:
        xmp.author = cut;
        break;
      case HPDF_INFO_SUBJECT:
        xmp.subject = cut;
        break;
      case HPDF_INFO_KEYWORDS:
        xmp.keywords = cut;
        break;
      case HPDF_INFO_CREATOR:
        xmp.creator_tool = cut;
        break;
      case HPDF_INFO_PRODUCER:
        xmp.producer = cut;
        break;
      default:
        break;
    }
  };
  set(HPDF_INFO_TITLE, pdf_title(doc_));
  set(HPDF_INFO_AUTHOR, h.name.value);
  set(HPDF_INFO_SUBJECT, doc_.meta.target_role);
  // The emphasised skills: the rule engine's list, else the skills it marked as keywords.
  std::vector<std::string> words = doc_.meta.keywords;
  if (words.empty()) {
    for (const model::Section& s : doc_.sections) {
      for (const model::Block& b : s.blocks) {
        if (const auto* g = std::get_if<model::SkillGroup>(&b)) {
          for (const model::Skill& sk : g->items) {
            if (sk.keyword) words.push_back(sk.name);
          }
        }
      }
    }
  }
  std::string kw;
  for (const std::string& k : words) kw += (kw.empty() ? "" : ", ") + k;
  set(HPDF_INFO_KEYWORDS, kw);
  set(HPDF_INFO_CREATOR, "Tailor " + options_.version);
  set(HPDF_INFO_PRODUCER, "Tailor " + options_.version + " (libharu " HPDF_VERSION_TEXT ")");
  if (options_.source_date_epoch) {
    std::time_t t = static_cast<std::time_t>(*options_.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, d);
  }
  xmp.epoch = options_.source_date_epoch;
  xmp.lang = doc_.header.language.value;
  catalog(xmp);
}

void Emitter::catalog(const XmpFields& fields) {
  HPDF_MMgr mm = pdf_->mmgr;
  // The document's language; "und" (undetermined, BCP 47) when the resume does not say, so a
  // screen reader keeps its own default rather than assuming one.
  std::string lang = fields.lang.empty() ? "und" : fields.lang;
  HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(mm, lang.c_str(), nullptr));
  // Viewers show the title, not the file name (PDF/UA-1, 7.1).
  HPDF_Dict prefs = HPDF_Dict_New(mm);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(pdf_->catalog, "ViewerPreferences", prefs);
  HPDF_Dict meta = HPDF_DictStream_New(mm, pdf_->xref);
  if (!meta) return;
  meta->filter = HPDF_STREAM_FILTER_NONE;  // XMP stays readable to tools that scan for it
  HPDF_Dict_AddName(meta, "Type", "Metadata");
  HPDF_Dict_AddName(meta, "Subtype", "XML");
  std::string packet = xmp_packet(fields);
  HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                    static_cast<HPDF_UINT>(packet.size()));
  HPDF_Dict_Add(pdf_->catalog, "Metadata", meta);
}

bool Emitter::emit(const DisplayList& dl, const std::vector<std::string>& subsets,
                   std::string& out) {
  if (!pdf_) {
    render_error(diags_, doc_, "libharu could not create a document (out of memory?)");
    return false;
  }
  HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
  // The text is encoded by hand (encode()), and so are the Info dictionary's strings (info()):
  // libharu needs no encoder.
  if (!load_fonts(dl, subsets)) return false;
  info();
  if (!check("writing the document information")) return false;

  std::vector<HPDF_Page> pages;
  for (int p = 0; p < dl.pages; ++p) {
    HPDF_Page page = HPDF_AddPage(pdf_);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(dl.page_width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(dl.page_height));
    if (page && !add_font_resources(page)) return check("adding fonts to a page");
    pages.push_back(page);
  }
  if (!check("adding pages")) return false;

  // Per page: consecutive text ops share one BT..ET block; font and colour change only
  // when they differ from the previous run.
  HPDF_Page page = nullptr;
  int cur_page = 0;
  bool in_text = false;
  int cur_face = -1;
  double cur_size = -1;
  style::Color cur_fill;
  bool have_fill = false;
  auto rgb = [](std::uint8_t v) { return static_cast<HPDF_REAL>(v / 255.0); };
  // The structure tree grows as the ops pass: Begin and End ops open and close elements, and
  // each stretch of an element's text on a page is one marked-content sequence with an MCID.
  // libharu has no call for BDC/EMC, so they go straight into the page's content stream;
  // marked content opened inside BT..ET is closed before ET (they nest).
  StructTree tree(pdf_, pages);
  bool in_content = false;  // a marked-content sequence of the innermost element is open
  // That sequence carries an /ActualText that covers ops up to the one with end_span (an
  // entry heading line; see Op::actual_text). ActualText, like /Lang, goes in the sequence's
  // own property list: poppler (22.12, pdfinfo -struct-text) ends an MCID's content at the
  // first EMC of any nested sequence, so nothing is nested inside a tagged sequence.
  bool in_span = false;
  auto raw = [&](const std::string& s) {
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page->attr)->stream, s.c_str());
  };
  auto end_content = [&] {
    if (in_content) raw("EMC\n");
    in_content = false;
    in_span = false;
  };
  auto end_text = [&] {
    end_content();
    if (in_text) HPDF_Page_EndText(page);
    in_text = false;
  };
  // Each page's last drawing op: once the emitter has left a page for good, its content is
  // final and is deflated at once (seal_page) rather than held uncompressed to the end. Pages
  // are left for good in order, except in the sidebar layout, which comes back to page 1.
  std::vector<std::size_t> last_op(pages.size() + 1, 0);
  for (std::size_t i = 0; i < dl.ops.size(); ++i) {
    const Op& op = dl.ops[i];
    if (op.kind != Op::Kind::Begin && op.kind != Op::Kind::End && op.page >= 1 &&
        static_cast<std::size_t>(op.page) <= pages.size()) {
      last_op[static_cast<std::size_t>(op.page)] = i;
    }
  }
  std::vector<bool> sealed(pages.size() + 1, false);
  auto seal = [&](int p) {
    if (p < 1 || sealed[static_cast<std::size_t>(p)]) return true;
    sealed[static_cast<std::size_t>(p)] = true;
    if (seal_page(pages[static_cast<std::size_t>(p - 1)])) return true;
    if (check("compressing a page")) {
      render_error(diags_, doc_, "zlib failed while compressing page " + std::to_string(p));
    }
    return false;
  };
  for (std::size_t i = 0; i < dl.ops.size(); ++i) {
    const Op& op = dl.ops[i];
    if (op.page != cur_page && op.kind != Op::Kind::Begin && op.kind != Op::Kind::End) {
      end_text();
      if (cur_page >= 1 && last_op[static_cast<std::size_t>(cur_page)] < i && !seal(cur_page)) {
        return false;
      }
      cur_page = op.page;
      page = pages[static_cast<std::size_t>(op.page - 1)];
      cur_face = -1;
      cur_size = -1;
      have_fill = false;
    }
    auto fill = [&](const style::Color& c) {
      if (!have_fill || !(cur_fill == c)) {
        HPDF_Page_SetRGBFill(page, rgb(c.r), rgb(c.g), rgb(c.b));
        cur_fill = c;
        have_fill = true;
      }
    };
    switch (op.kind) {
      case Op::Kind::Begin:
        if (page) end_content();
        tree.begin(op.text, op.alt);
        break;
      case Op::Kind::End:
        if (page) end_content();
        tree.end();
        break;
      case Op::Kind::Text: {
        if (op.glyphs.empty()) break;
        if (!in_text) {
          HPDF_Page_BeginText(page);
          in_text = true;
          cur_face = -1;
        }
        // A sequence of its own, with its /ActualText or /Lang in the property list: a heading
        // line's span (until end_span), a cluster of several glyphs (Thai, Devanagari: they
        // cannot map back glyph by glyph), a run in another language. Poppler reverses an
        // /ActualText that holds right-to-left characters (on pages of either direction);
        // such runs rely on their per-glyph ToUnicode instead.
        std::string actual;
        bool own = false;
        // Its text is in the next span's ActualText: an empty ActualText of its own.
        const bool silent = !op.artifact && !in_span && op.silent;
        if (silent) {
          own = true;
        } else if (!op.artifact && !in_span) {
          // A right-to-left line on a left-to-right page carries its text in logical order
          // (mark_logical_order): poppler takes that one as written.
          if (!op.actual_text.empty() &&
              (op.actual_text_reordered || !needs_bidi(op.actual_text))) {
            actual = (op.space_before ? " " : "") + op.actual_text;
          } else if (op.clustered && !needs_bidi(op.text)) {
            // The invisible word space (Op::space_before) is drawn inside the sequence, so
            // the text that replaces it starts with that space.
            actual = (op.space_before ? " " : "") + op.text;
            own = true;
          }
          own = own || (actual.empty() && !op.lang.empty());
        }
        if (op.artifact) {
          end_content();
        } else if (!in_content || !actual.empty() || own) {
          end_content();
          raw(tree.open_content(cur_page - 1, own ? op.lang : std::string(),
                                silent           ? std::string("FEFF")
                                : actual.empty() ? std::string()
                                                 : utf16be_hex(actual)));
          in_content = true;
          in_span = !own && !actual.empty();
        }
        if (op.face != cur_face || op.size != cur_size) {
          raw("/" + fonts_[font_of_key_[static_cast<std::size_t>(op.face)]].resource + " " +
              num(op.size) + " Tf\n");
          cur_face = op.face;
          cur_size = op.size;
        }
        fill(op.color);
        if (op.artifact) raw("/Artifact BMC\n");
        raw("1 0 0 1 " + num(op.x) + " " + num(op.y) + " Tm\n" + glyph_operators(op));
        if (op.artifact) raw("EMC\n");
        if (own || (in_span && op.end_span)) end_content();
        break;
      }
      case Op::Kind::Line:
        // Rules are decoration: artifacts.
        end_text();
        raw("/Artifact BMC\n");
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(op.size));
        HPDF_Page_SetRGBStroke(page, rgb(op.color.r), rgb(op.color.g), rgb(op.color.b));
        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y));
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(op.x + op.w),
                         static_cast<HPDF_REAL>(op.y + op.h));
        HPDF_Page_Stroke(page);
        raw("EMC\n");
        break;
      case Op::Kind::Rect:
        end_text();
        raw("/Artifact BMC\n");
        fill(op.color);
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                            static_cast<HPDF_REAL>(op.w), static_cast<HPDF_REAL>(op.h));
        HPDF_Page_Fill(page);
        raw("EMC\n");
        break;
      case Op::Kind::Image: {
        end_text();
        HPDF_Image img = nullptr;
        if (auto it = images_.find(op.text); it != images_.end()) {
          img = it->second;
        } else {
          auto dims = image_size(op.text);
          std::ifstream in(op.text, std::ios::binary);
          char sig[2] = {0, 0};
          in.read(sig, 2);
          img = sig[0] != '\x89'     ? HPDF_LoadJpegImageFromFile(pdf_, op.text.c_str())
                : is_png_16(op.text) ? load_png_as_rgb8(pdf_, op.text)
                                     : HPDF_LoadPngImageFromFile(pdf_, op.text.c_str());
          const char* what = op.clip ? "the photo " : "the logo ";
          if (!check((std::string("loading ") + what + op.text).c_str())) return false;
          if (!dims || !img) {
            render_error(diags_, doc_, std::string("cannot embed ") + what + op.text);
            return false;
          }
          images_[op.text] = img;
        }
        if (img) {
          // A Figure's content (with its bounding box), else decoration.
          bool figure = tree.current_type() == "Figure";
          if (figure) {
            tree.bbox(op.x, op.y, op.x + op.w, op.y + op.h);
            raw(tree.open_content(cur_page - 1, {}));
          } else {
            raw("/Artifact BMC\n");
          }
          if (op.clip) {
            draw_clipped(page, img, op);  // a photo, cut to its frame's shape
          } else {
            HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(op.x),
                                static_cast<HPDF_REAL>(op.y), static_cast<HPDF_REAL>(op.w),
                                static_cast<HPDF_REAL>(op.h));
          }
          raw("EMC\n");
        }
        break;
      }
      case Op::Kind::Link: {
        HPDF_Rect r{static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                    static_cast<HPDF_REAL>(op.x + op.w), static_cast<HPDF_REAL>(op.y + op.h)};
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, uri_escape(op.text).c_str());
        if (a) {
          HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
          // A link annotation describes itself (PDF/UA-1, 7.18.5) and belongs to its Link.
          HPDF_Dict_Add(a, "Contents", pdf_text_string(pdf_->mmgr, op.text));
          tree.annotation(a, cur_page - 1);
        }
        break;
      }
    }
    if (status_.error != HPDF_OK) break;
  }
  end_text();
  for (int p = 1; p <= static_cast<int>(pages.size()); ++p) {
    if (!seal(p)) return false;
  }
  tree.finish();
  if (!check("drawing the pages")) return false;

  HPDF_SaveToStream(pdf_);
  if (!check("writing the PDF")) return false;
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf_);
  out.clear();
  out.reserve(size);
  // The document is a memory stream: its blocks are copied out whole, where
  // HPDF_ReadFromStream copies byte by byte (2 % of a warm document's instructions).
  HPDF_Stream stream = pdf_->stream;
  for (HPDF_UINT i = 0; stream && i < HPDF_MemStream_GetBufCount(stream); ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, i, &len);
    if (!p) break;
    out.append(reinterpret_cast<const char*>(p), len);
  }
  status_.error = HPDF_OK;
  if (out.size() != size) {
    render_error(diags_, doc_, "libharu returned a truncated PDF");
    return false;
  }
  // The structure tree's many small dictionaries, and every other object that is not a
  // stream, go into one compressed object stream (PDF 1.5).
  if (std::optional<std::string> packed = pack_object_streams(out)) out = std::move(*packed);
  return true;
}

}  // namespace

}  // namespace tailor::writer::pdf

namespace tailor::writer {

bool write_pdf(const model::Document& source, const RenderOptions& options, std::string& out,
               diag::Diagnostics& diags) {
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  pdf::DisplayList dl;
  std::vector<std::string> subsets;
  std::size_t errors = diags.error_count();
  bool ok = pdf::layout_two_pass(doc, options, dl, subsets, diags);
  std::string bytes;
  if (ok) {
    pdf::Emitter e(doc, options, diags);
    ok = e.emit(dl, subsets, bytes);
  }
  if (!ok) {
    // The contract: false only with an error. Guard it, so a missed path cannot fail silently.
    if (diags.error_count() == errors) {
      pdf::render_error(diags, doc, "internal error: the PDF could not be written");
    }
    return false;
  }
  out = std::move(bytes);
  return true;
}

}  // namespace tailor::writer
