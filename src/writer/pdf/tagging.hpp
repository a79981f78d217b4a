// The structure tree of a tagged PDF (ISO 32000-1, 14.7-14.8; PDF/UA-1), built through
// libharu's object layer while the emitter draws the pages in one pass over the display list.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string>
#include <vector>

namespace tailor::writer::pdf {

class StructTree {
 public:
  /// A tree whose root holds one Document element; `pages` in order.
  StructTree(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages);

  /// Opens a child of the innermost open element. `alt`: its /Alt (Figure), if any.
  void begin(const std::string& type, const std::string& alt);
  /// Closes the innermost open element (never the Document).
  void end();
  /// The innermost open element's type ("Document" when none is open).
  const std::string& current_type() const { return open_.back().type; }
  /// Marks content on page `page` (0-based) as the innermost element's next marked-content
  /// sequence: returns the operator that opens it ("/P <</MCID 3>> BDC\n") and records its
  /// MCID in the element's /K and the page's parent-tree entry. `lang`: its /Lang, if any;
  /// `actual_hex`: its /ActualText as hex digits of UTF-16BE, if any.
  std::string open_content(int page, const std::string& lang, const std::string& actual_hex = {});
  /// Makes an annotation on page `page` part of the innermost element (an OBJR in its /K,
  /// /StructParent on the annotation): a Link's annotation.
  void annotation(HPDF_Dict annot, int page);
  /// Sets the innermost element's layout bounding box (a Figure's /BBox).
  void bbox(double x0, double y0, double x1, double y1);
  /// Writes the parent tree and hangs the tree and /MarkInfo on the catalog.
  void finish();

 private:
  struct Open {
    HPDF_Dict dict;
    HPDF_Array kids;
    std::string type;
    int page;  ///< The page of its /Pg; -1 before its first content.
  };
  HPDF_Doc pdf_;
  std::vector<HPDF_Page> pages_;
  HPDF_Dict root_ = nullptr;
  std::vector<Open> open_;                     ///< The path from the Document element.
  std::vector<std::vector<HPDF_Dict>> mcids_;  ///< Per page: the element of each MCID.
  std::vector<HPDF_Dict> annots_;              ///< The element of each annotation's key.
};

/// A PDF text string as a hex string of UTF-16BE with a byte order mark.
HPDF_Binary pdf_text_string(HPDF_MMgr mm, const std::string& utf8);

}  // namespace tailor::writer::pdf
