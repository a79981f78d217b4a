// The embedded fonts: Type 0 fonts over the hb-subset output, their page resources and TJ text.
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <map>
#include <set>

#include "writer/pdf/bidi.hpp"
#include "writer/pdf/emitter.hpp"
#include "writer/pdf/pdf_syntax.hpp"
#include "writer/pdf/render_error.hpp"
#include "writer/pdf/shared_streams.hpp"
#include "writer/pdf/to_unicode.hpp"

namespace tailor::writer::pdf {

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

}  // namespace tailor::writer::pdf
