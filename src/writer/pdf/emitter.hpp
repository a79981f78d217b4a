// Emitter: the PDF writer's libharu document, shared by the files that emit its parts.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/pdf/display_list.hpp"
#include "writer/pdf/xmp.hpp"
#include "writer/writer.hpp"

namespace tailor::writer::pdf {

/// libharu reports errors through this callback; record the first and let the C code
/// return its status (never throw through C frames).
struct HaruStatus {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

/// Emits a laid-out display list as a PDF: the pages and their structure tree (emitter.cpp),
/// the embedded fonts (embedded_fonts.cpp), the Info dictionary and catalog (document_info.cpp).
class Emitter {
 public:
  Emitter(const model::Document& doc, const RenderOptions& options, diag::Diagnostics& diags);
  ~Emitter();
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  bool emit(const DisplayList& dl, const std::vector<std::string>& subsets, std::string& out);

 private:
  /// True while libharu has reported no error; else adds an error that says what was being done.
  bool check(const char* what);
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

}  // namespace tailor::writer::pdf
