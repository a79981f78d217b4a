// Emitter::emit: the pages' content, links, images and structure tree, then the PDF's bytes.
#include "writer/pdf/emitter.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstdint>
#include <cstdio>
#include <fstream>

#include "writer/pdf/bidi.hpp"
#include "writer/pdf/image_clip.hpp"
#include "writer/pdf/image_size.hpp"
#include "writer/pdf/object_streams.hpp"
#include "writer/pdf/page_seal.hpp"
#include "writer/pdf/pdf_syntax.hpp"
#include "writer/pdf/png_wide.hpp"
#include "writer/pdf/render_error.hpp"
#include "writer/pdf/tagging.hpp"

namespace tailor::writer::pdf {

namespace {

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

}  // namespace

Emitter::Emitter(const model::Document& doc, const RenderOptions& options, diag::Diagnostics& diags)
    : doc_(doc), options_(options), diags_(diags) {
  pdf_ = HPDF_New(&on_haru_error, &status_);
  // A tagged PDF (PDF/UA-1 is built on PDF 1.7); libharu 2.3 has no setter for the header
  // version, and only ever raises it itself.
  if (pdf_) pdf_->pdf_version = HPDF_VER_17;
}

Emitter::~Emitter() {
  if (pdf_) HPDF_Free(pdf_);
}

bool Emitter::check(const char* what) {
  if (status_.error == HPDF_OK) return true;
  char buf[160];
  std::snprintf(buf, sizeof buf, "libharu failed while %s (error 0x%04X, detail %u)", what,
                static_cast<unsigned>(status_.error), static_cast<unsigned>(status_.detail));
  render_error(diags_, doc_, buf);
  return false;
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

}  // namespace tailor::writer::pdf
