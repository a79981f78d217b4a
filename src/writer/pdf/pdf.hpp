// The PDF writer: layout (two passes around hb-subset), libharu emission, fit to pages.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "writer/pdf/display_list.hpp"
#include "writer/writer.hpp"

namespace tailor::writer::pdf {

/// The spacing and font factors that make the document fit options.max_pages pages:
/// spacing is tightened first (down to 0.4), then type (body never below 9 pt), then the
/// margins (down to the style's min_margin, when it sets one). Returns {1, 1, 0} when there is no
/// limit or it already fits; nullopt after adding an error that says how much is over ("it is 12
/// lines too long (140 pt past the end of page 1)"). The CLI computes this once and hands the
/// factors to every writer (DOCX tightens alike).
struct FitFactors {
  double spacing = 1;        ///< RenderOptions::spacing_scale
  double font = 1;           ///< RenderOptions::font_scale
  double margin_shrink = 0;  ///< RenderOptions::margin_shrink
};
std::optional<FitFactors> fit_to_pages(const model::Document& doc, const RenderOptions& options,
                                       diag::Diagnostics& diags);

/// Both layout passes: measure with the installed faces, subset every face to the code
/// points it draws, lay out again with the subsets (the result must be identical).
/// `subsets` receives the TrueType bytes per face of out.faces. False after an error.
bool layout_two_pass(const model::Document& doc, const RenderOptions& options, DisplayList& out,
                     std::vector<std::string>& subsets, diag::Diagnostics& diags);

/// The info dictionary's title: "Name — Headline" (or the name alone).
std::string pdf_title(const model::Document& doc);

}  // namespace tailor::writer::pdf

namespace tailor::writer {

/// The registry's entry point for "pdf".
bool write_pdf(const model::Document& doc, const RenderOptions& options, std::string& out,
               diag::Diagnostics& diags);

}  // namespace tailor::writer
