// write_pdf: layout in two passes around hb-subset, then emission through libharu.
#include "writer/pdf/pdf.hpp"

#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>

#include "base/utf8.hpp"
#include "writer/pdf/layout.hpp"

namespace tailor::writer::pdf {

namespace {

style::Paper paper_of(const RenderOptions& o) { return o.paper.value_or(o.style->paper); }

bool run_layout(const model::Document& doc, const RenderOptions& o, double spacing, double font,
                const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags) {
  LayoutParams p;
  p.paper = paper_of(o);
  p.spacing_scale = spacing;
  p.font_scale = font;
  return layout_document(doc, *o.style, p, faces, out, diags);
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

std::optional<std::pair<double, double>> fit_to_pages(const model::Document& doc,
                                                      const RenderOptions& options,
                                                      diag::Diagnostics& diags) {
  if (options.max_pages <= 0) return std::make_pair(1.0, 1.0);
  DisplayList dl;
  auto fits = [&](double s, double f) {
    if (!run_layout(doc, options, s, f, installed_face, dl, nullptr)) return false;
    return dl.pages <= options.max_pages;
  };
  // Warnings about the text come from the writer's own pass; keep only errors from here.
  diag::Diagnostics first;
  if (!run_layout(doc, options, 1, 1, installed_face, dl, &first)) {
    for (const diag::Diagnostic& d : first.items()) {
      if (d.severity == diag::Severity::Error) diags.add(d);
    }
    return std::nullopt;
  }
  if (dl.pages <= options.max_pages) return std::make_pair(1.0, 1.0);
  constexpr double kMinSpacing = 0.4;
  for (int step = 1; step <= 12; ++step) {
    double s = 1.0 - 0.05 * step;
    if (fits(s, 1.0)) return std::make_pair(s, 1.0);
  }
  double body = options.style->body_size;
  double min_font = body > 9 ? 9.0 / body : 1.0;
  for (double f = 0.975; f > min_font; f -= 0.025) {
    if (fits(kMinSpacing, f)) return std::make_pair(kMinSpacing, f);
  }
  if (min_font < 1.0 && fits(kMinSpacing, min_font)) return std::make_pair(kMinSpacing, min_font);
  run_layout(doc, options, kMinSpacing, min_font, installed_face, dl, nullptr);
  int n = options.max_pages;
  std::string msg = "the resume does not fit on " + std::to_string(n) +
                    (n == 1 ? " page" : " pages") + ": at the tightest spacing and smallest type " +
                    "it needs " + std::to_string(dl.pages - 1) +
                    (dl.pages - 1 == 1 ? " page" : " pages") + " and " + fmt_pt(dl.last_page_used) +
                    " pt; --max-pages " + std::to_string(n) + " allows " + std::to_string(n);
  render_error(diags, doc, msg)
      .hints.push_back(
          "raise --max-pages, choose the compact style, or tailor with fewer "
          "bullets (--max-bullets)");
  return std::nullopt;
}

bool layout_two_pass(const model::Document& doc, const RenderOptions& options, DisplayList& out,
                     std::vector<std::string>& subsets, diag::Diagnostics& diags) {
  double spacing = options.spacing_scale, font = options.font_scale;
  // Pass 1: installed faces. This is where warnings about characters and links come from.
  if (!run_layout(doc, options, spacing, font, installed_face, out, &diags)) return false;
  if (options.max_pages > 0 && out.pages > options.max_pages) {
    auto f = fit_to_pages(doc, options, diags);
    if (!f) return false;
    spacing = f->first;
    font = f->second;
    if (!run_layout(doc, options, spacing, font, installed_face, out, nullptr)) return false;
  }
  // Subset each installed face once, to the union of what every key using it draws.
  std::vector<std::set<char32_t>> used = out.code_points();
  std::map<const Face*, std::set<char32_t>> per_face;
  for (std::size_t i = 0; i < out.faces.size(); ++i) {
    per_face[out.face_ptrs[i]].insert(used[i].begin(), used[i].end());
  }
  std::map<const Face*, std::string> bytes;
  std::map<const Face*, std::unique_ptr<Face>> subset_faces;
  for (const auto& [face, cps] : per_face) {
    std::string b = face->subset(cps);
    hb_blob_t* blob = b.empty() ? nullptr
                                : hb_blob_create(b.data(), static_cast<unsigned>(b.size()),
                                                 HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
    std::unique_ptr<Face> sf = blob ? Face::from_blob(blob) : nullptr;
    if (blob) hb_blob_destroy(blob);
    if (!sf) {
      render_error(diags, doc, "cannot subset the font " + face->path() + " (hb-subset failed)");
      return false;
    }
    bytes[face] = std::move(b);
    subset_faces[face] = std::move(sf);
  }
  // Pass 2: measure with the subsets. Advances are the same glyph metrics, so the layout
  // must not move; if it did, the PDF would draw text where the layout did not put it.
  std::vector<FaceKey> keys = out.faces;
  std::vector<const Face*> installed = out.face_ptrs;
  std::string first_dump = out.dump();
  FaceProvider sub = [&](const FaceKey& k) -> const Face* {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == k) return subset_faces[installed[i]].get();
    }
    return nullptr;
  };
  if (!run_layout(doc, options, spacing, font, sub, out, nullptr) || out.dump() != first_dump) {
    render_error(diags, doc, "internal error: the layout changed after font subsetting");
    return false;
  }
  out.face_ptrs = installed;  // the subset faces die with this function
  subsets.clear();
  for (const Face* f : installed) subsets.push_back(bytes[f]);
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

/// A ToUnicode CMap mapping each two-byte code (libharu's UTF-8 encoder writes the code
/// point itself) to that code point. Replaces libharu 2.3's invalid begincidrange CMap.
/// A PDF text string as the hex digits of UTF-16BE with a byte order mark (for /ActualText).
std::string utf16be_hex(const std::string& utf8) {
  static const char* digits = "0123456789ABCDEF";
  std::string out = "FEFF";
  auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(u >> shift) & 0xF];
  };
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = base::decode_next(utf8, i);
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(cp));
    }
  }
  return out;
}

std::string to_unicode_cmap(const std::set<char32_t>& cps) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> v(cps.begin(), cps.end());
  char buf[32];
  for (std::size_t i = 0; i < v.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, v.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%04X> <%04X>\n", static_cast<unsigned>(v[k]),
                    static_cast<unsigned>(v[k]));
      s += buf;
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
    // Heading lines carry /ActualText marked content (reading order), a PDF 1.5 feature;
    // libharu 2.3 has no setter for the header version, and only ever raises it itself.
    if (pdf_) pdf_->pdf_version = HPDF_VER_15;
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
  void info();

  const model::Document& doc_;
  const RenderOptions& options_;
  diag::Diagnostics& diags_;
  HaruStatus status_;
  HPDF_Doc pdf_ = nullptr;
  std::vector<HPDF_Font> fonts_;  ///< Parallel to DisplayList::faces.
  std::map<std::string, HPDF_Image> images_;
};

bool Emitter::load_fonts(const DisplayList& dl, const std::vector<std::string>& subsets) {
  std::vector<std::set<char32_t>> used = dl.code_points();
  std::map<const Face*, std::pair<HPDF_Font, std::set<char32_t>>> loaded;
  // Union of code points per installed face (keys may share a file).
  std::map<const Face*, std::set<char32_t>> per_face;
  for (std::size_t i = 0; i < dl.faces.size(); ++i) {
    per_face[dl.face_ptrs[i]].insert(used[i].begin(), used[i].end());
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string dir = tmpdir && *tmpdir ? tmpdir : "/tmp";
  for (std::size_t i = 0; i < dl.faces.size(); ++i) {
    const Face* key = dl.face_ptrs[i];
    if (auto it = loaded.find(key); it != loaded.end()) {
      fonts_.push_back(it->second.first);
      continue;
    }
    // libharu 2.3 loads TrueType only from a file: write the subset to a private temp file.
    std::string path = dir + "/tailor-font-XXXXXX.ttf";
    int fd = mkstemps(path.data(), 4);
    if (fd < 0) {
      render_error(diags_, doc_, "cannot create a temporary font file in " + dir);
      return false;
    }
    const std::string& b = subsets[i];
    std::size_t off = 0;
    while (off < b.size()) {
      ssize_t n = write(fd, b.data() + off, b.size() - off);
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
    close(fd);
    if (off != b.size()) {
      unlink(path.c_str());
      render_error(diags_, doc_, "cannot write a temporary font file in " + dir);
      return false;
    }
    const char* name = HPDF_LoadTTFontFromFile(pdf_, path.c_str(), HPDF_TRUE);
    // libharu keeps the file open until the document is written, so unlinking is safe.
    unlink(path.c_str());
    if (!check(("loading the font " + dl.faces[i].label()).c_str())) return false;
    if (!name) {
      render_error(diags_, doc_, "libharu could not load the font " + dl.faces[i].label());
      return false;
    }
    HPDF_Font font = HPDF_GetFont(pdf_, name, "UTF-8");
    if (!check("selecting a font")) return false;
    if (!font) {
      render_error(diags_, doc_, "libharu could not select the font " + dl.faces[i].label());
      return false;
    }
    // Bug 1 of libharu 2.3: replace the ToUnicode CMap.
    auto* tu = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (tu && tu->stream) {
      HPDF_MemStream_FreeData(tu->stream);
      HPDF_Stream_WriteStr(tu->stream, to_unicode_cmap(per_face[key]).c_str());
    }
    // The layout measured with HarfBuzz; libharu must agree, or glyphs would drift.
    for (char32_t cp : per_face[key]) {
      HPDF_INT w = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
      if (w != key->width1000(cp)) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "internal error: width of U+%04X differs (%d vs %d)",
                      static_cast<unsigned>(cp), static_cast<int>(w), key->width1000(cp));
        render_error(diags_, doc_, buf);
        return false;
      }
    }
    loaded[key] = {font, per_face[key]};
    fonts_.push_back(font);
  }
  return check("loading fonts");
}

void Emitter::info() {
  const model::Header& h = doc_.header;
  auto set = [&](HPDF_InfoType t, const std::string& v) {
    if (!v.empty()) HPDF_SetInfoAttr(pdf_, t, v.c_str());
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
}

bool Emitter::emit(const DisplayList& dl, const std::vector<std::string>& subsets,
                   std::string& out) {
  if (!pdf_) {
    render_error(diags_, doc_, "libharu could not create a document (out of memory?)");
    return false;
  }
  HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf_);
  HPDF_SetCurrentEncoder(pdf_, "UTF-8");
  if (!check("setting up the UTF-8 encoder")) return false;
  if (!load_fonts(dl, subsets)) return false;
  info();
  if (!check("writing the document information")) return false;

  std::vector<HPDF_Page> pages;
  for (int p = 0; p < dl.pages; ++p) {
    HPDF_Page page = HPDF_AddPage(pdf_);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(dl.page_width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(dl.page_height));
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
  // Marked-content spans with /ActualText (entry heading lines; see Op::actual_text). libharu
  // has no call for BDC/EMC, so they go straight into the page's content stream; they stay
  // inside the BT..ET they began in.
  bool in_span = false;
  auto raw = [&](const std::string& s) {
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page->attr)->stream, s.c_str());
  };
  auto end_span = [&] {
    if (in_span) raw("EMC\n");
    in_span = false;
  };
  auto end_text = [&] {
    end_span();
    if (in_text) HPDF_Page_EndText(page);
    in_text = false;
  };
  for (const Op& op : dl.ops) {
    if (op.page != cur_page) {
      end_text();
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
      case Op::Kind::Text: {
        if (op.text.empty()) break;
        if (!in_text) {
          HPDF_Page_BeginText(page);
          in_text = true;
          cur_face = -1;
        }
        if (op.face != cur_face || op.size != cur_size) {
          HPDF_Page_SetFontAndSize(page, fonts_[static_cast<std::size_t>(op.face)],
                                   static_cast<HPDF_REAL>(op.size));
          cur_face = op.face;
          cur_size = op.size;
        }
        fill(op.color);
        if (!op.actual_text.empty()) {
          end_span();
          raw("/Span <</ActualText <" + utf16be_hex(op.actual_text) + ">>> BDC\n");
          in_span = true;
        }
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                          op.text.c_str());
        if (op.end_span) end_span();
        break;
      }
      case Op::Kind::Line:
        end_text();
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(op.size));
        HPDF_Page_SetRGBStroke(page, rgb(op.color.r), rgb(op.color.g), rgb(op.color.b));
        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y));
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(op.x + op.w),
                         static_cast<HPDF_REAL>(op.y + op.h));
        HPDF_Page_Stroke(page);
        break;
      case Op::Kind::Rect:
        end_text();
        fill(op.color);
        HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                            static_cast<HPDF_REAL>(op.w), static_cast<HPDF_REAL>(op.h));
        HPDF_Page_Fill(page);
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
          img = sig[0] == '\x89' ? HPDF_LoadPngImageFromFile(pdf_, op.text.c_str())
                                 : HPDF_LoadJpegImageFromFile(pdf_, op.text.c_str());
          if (!check(("loading the logo " + op.text).c_str())) return false;
          if (!dims || !img) {
            render_error(diags_, doc_, "cannot embed the logo " + op.text);
            return false;
          }
          images_[op.text] = img;
        }
        if (img) {
          HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                              static_cast<HPDF_REAL>(op.w), static_cast<HPDF_REAL>(op.h));
        }
        break;
      }
      case Op::Kind::Link: {
        HPDF_Rect r{static_cast<HPDF_REAL>(op.x), static_cast<HPDF_REAL>(op.y),
                    static_cast<HPDF_REAL>(op.x + op.w), static_cast<HPDF_REAL>(op.y + op.h)};
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, uri_escape(op.text).c_str());
        if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        break;
      }
    }
    if (status_.error != HPDF_OK) break;
  }
  end_text();
  if (!check("drawing the pages")) return false;

  HPDF_SaveToStream(pdf_);
  if (!check("writing the PDF")) return false;
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf_);
  HPDF_ResetStream(pdf_);
  out.clear();
  out.reserve(size);
  char buf[8192];
  for (;;) {
    HPDF_UINT32 len = sizeof buf;
    HPDF_STATUS st = HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(buf), &len);
    out.append(buf, len);
    if (st == HPDF_STREAM_EOF || len == 0) break;
    if (st != HPDF_OK) break;
  }
  status_.error = HPDF_OK;  // HPDF_STREAM_EOF is reported through the handler too
  if (out.size() != size) {
    render_error(diags_, doc_, "libharu returned a truncated PDF");
    return false;
  }
  return true;
}

}  // namespace

}  // namespace tailor::writer::pdf

namespace tailor::writer {

bool write_pdf(const model::Document& doc, const RenderOptions& options, std::string& out,
               diag::Diagnostics& diags) {
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
