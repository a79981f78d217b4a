// The structure tree: one element per Begin op, one marked-content sequence per stretch of an
// element's content on a page, and the parent tree that maps both back.
#include "writer/pdf/tagging.hpp"

#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

namespace {

HPDF_Dict indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (d) HPDF_Xref_Add(pdf->xref, d);
  return d;
}

void put_utf16(std::string& out, unsigned v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xFF);
}

}  // namespace

HPDF_Binary pdf_text_string(HPDF_MMgr mm, const std::string& utf8) {
  std::string b = "\xFE\xFF";
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = base::decode_next(utf8, i);
    if (cp >= 0x10000) {
      put_utf16(b, 0xD800 + ((cp - 0x10000) >> 10));
      put_utf16(b, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put_utf16(b, static_cast<unsigned>(cp));
    }
  }
  return HPDF_Binary_New(mm, reinterpret_cast<HPDF_BYTE*>(b.data()),
                         static_cast<HPDF_UINT>(b.size()));
}

StructTree::StructTree(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages)
    : pdf_(pdf), pages_(pages), mcids_(pages.size()) {
  root_ = indirect_dict(pdf_);
  HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
  HPDF_Dict doc = indirect_dict(pdf_);
  HPDF_Dict_AddName(doc, "Type", "StructElem");
  HPDF_Dict_AddName(doc, "S", "Document");
  HPDF_Dict_Add(doc, "P", root_);
  HPDF_Dict_Add(root_, "K", doc);
  HPDF_Array kids = HPDF_Array_New(pdf_->mmgr);
  HPDF_Dict_Add(doc, "K", kids);
  open_.push_back(Open{doc, kids, "Document", -1});
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    HPDF_Dict_AddNumber(pages_[i], "StructParents", static_cast<HPDF_INT32>(i));
    // Tab order follows the structure (PDF/UA-1, 7.18.3).
    HPDF_Dict_AddName(pages_[i], "Tabs", "S");
  }
}

void StructTree::begin(const std::string& type, const std::string& alt) {
  // /Type /StructElem is optional (ISO 32000-1, table 323) and would add 18 bytes to each of
  // the hundred or so elements of a resume.
  HPDF_Dict e = indirect_dict(pdf_);
  HPDF_Dict_AddName(e, "S", type.c_str());
  HPDF_Dict_Add(e, "P", open_.back().dict);
  if (!alt.empty()) HPDF_Dict_Add(e, "Alt", pdf_text_string(pdf_->mmgr, alt));
  HPDF_Array kids = HPDF_Array_New(pdf_->mmgr);
  HPDF_Dict_Add(e, "K", kids);
  HPDF_Array_Add(open_.back().kids, e);
  open_.push_back(Open{e, kids, type, -1});
}

void StructTree::end() {
  if (open_.size() > 1) open_.pop_back();
}

std::string StructTree::open_content(int page, const std::string& lang,
                                     const std::string& actual_hex) {
  Open& o = open_.back();
  auto& on_page = mcids_[static_cast<std::size_t>(page)];
  int mcid = static_cast<int>(on_page.size());
  on_page.push_back(o.dict);
  HPDF_Page pg = pages_[static_cast<std::size_t>(page)];
  if (o.page < 0) {
    o.page = page;
    HPDF_Dict_Add(o.dict, "Pg", pg);
  }
  if (o.page == page) {
    HPDF_Array_AddNumber(o.kids, mcid);
  } else {
    // Content on another page than the element's /Pg: a marked-content reference.
    HPDF_Dict mcr = HPDF_Dict_New(pdf_->mmgr);
    HPDF_Dict_AddName(mcr, "Type", "MCR");
    HPDF_Dict_Add(mcr, "Pg", pg);
    HPDF_Dict_AddNumber(mcr, "MCID", mcid);
    HPDF_Array_Add(o.kids, mcr);
  }
  std::string props = "<</MCID " + std::to_string(mcid);
  // A language tag is letters, digits and hyphens only (Locale-canonicalised), so it is a
  // literal string as it is.
  if (!lang.empty()) props += " /Lang (" + lang + ")";
  if (!actual_hex.empty()) props += " /ActualText <" + actual_hex + ">";
  // Poppler honours /ActualText only in a sequence tagged Span; the element's type is its
  // /S in the tree either way.
  return "/" + (actual_hex.empty() ? o.type : std::string("Span")) + " " + props + ">> BDC\n";
}

void StructTree::annotation(HPDF_Dict annot, int page) {
  Open& o = open_.back();
  HPDF_Dict_AddNumber(annot, "StructParent",
                      static_cast<HPDF_INT32>(pages_.size() + annots_.size()));
  annots_.push_back(o.dict);
  HPDF_Dict objr = HPDF_Dict_New(pdf_->mmgr);
  HPDF_Dict_AddName(objr, "Type", "OBJR");
  HPDF_Dict_Add(objr, "Pg", pages_[static_cast<std::size_t>(page)]);
  HPDF_Dict_Add(objr, "Obj", annot);
  HPDF_Array_Add(o.kids, objr);
}

void StructTree::bbox(double x0, double y0, double x1, double y1) {
  HPDF_Dict a = HPDF_Dict_New(pdf_->mmgr);
  HPDF_Dict_AddName(a, "O", "Layout");
  HPDF_Array box = HPDF_Array_New(pdf_->mmgr);
  for (double v : {x0, y0, x1, y1}) HPDF_Array_AddReal(box, static_cast<HPDF_REAL>(v));
  HPDF_Dict_Add(a, "BBox", box);
  HPDF_Dict_Add(open_.back().dict, "A", a);
}

void StructTree::finish() {
  HPDF_Dict tree = indirect_dict(pdf_);
  HPDF_Array nums = HPDF_Array_New(pdf_->mmgr);
  HPDF_Dict_Add(tree, "Nums", nums);
  for (std::size_t p = 0; p < mcids_.size(); ++p) {
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array elems = HPDF_Array_New(pdf_->mmgr);
    HPDF_Array_Add(nums, elems);
    for (HPDF_Dict e : mcids_[p]) HPDF_Array_Add(elems, e);
  }
  for (std::size_t i = 0; i < annots_.size(); ++i) {
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(pages_.size() + i));
    HPDF_Array_Add(nums, annots_[i]);
  }
  HPDF_Dict_Add(root_, "ParentTree", tree);
  HPDF_Dict_AddNumber(root_, "ParentTreeNextKey",
                      static_cast<HPDF_INT32>(pages_.size() + annots_.size()));
  HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root_);
  HPDF_Dict mark = HPDF_Dict_New(pdf_->mmgr);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark);
}

}  // namespace tailor::writer::pdf
