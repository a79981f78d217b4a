// Helpers shared by the DOCX writer's parts: units, schema-ordered property emitters, text
// cleaning and the hyperlink relationship table. Not part of the writer's public API.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/image_header.hpp"
#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "writer/writer.hpp"

namespace tailor::writer::docx {

// Namespaces used by the parts.
inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kNsRels =
    "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* kRelBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// Lengths and sizes derived from the style and the fit-to-pages factors.
class Metrics {
 public:
  Metrics(const style::Style& st, const RenderOptions& options);

  /// Points to twentieths of a point (twips), unscaled: margins, page, indents.
  static int twips(double pt);
  /// A vertical gap in twips, multiplied by spacing_scale.
  int gap(double pt) const;
  /// A font size in half-points, multiplied by font_scale (the body never below 9 pt).
  int half_points(double pt) const;
  /// Body size in half-points (floored at 9 pt when scaled down).
  int body_half_points() const;
  /// A size in points multiplied by font_scale, unrounded.
  double scaled(double pt) const { return pt * font_scale_; }
  /// The body's line pitch in twips: body size x (1 + (line_height - 1) x spacing_scale),
  /// as the PDF lays lines out.
  /// Used with lineRule="atLeast", so larger text still gets the room it needs.
  int line_pitch() const;

  int page_width = 0, page_height = 0;  ///< twips
  int margin_top = 0, margin_right = 0, margin_bottom = 0, margin_left = 0;
  int text_width() const { return page_width - margin_left - margin_right; }

 private:
  const style::Style& st_;
  double spacing_scale_ = 1, font_scale_ = 1;
};

/// "1F4E79" for w:color and w:fill.
std::string hex(const style::Color& c);

enum class Border { None, Bottom, Left };

/// Paragraph properties; append_ppr writes them in CT_PPrBase schema order.
struct ParaProps {
  std::string style;
  /// Unset: as the style says; false writes w:keepNext w:val="0" over a style that keeps.
  std::optional<bool> keep_next;
  bool keep_lines = false;
  bool widow_control = false;
  int num_id = 0;  ///< 0: not numbered.
  Border border = Border::None;
  int border_size = 0;  ///< eighths of a point
  int border_space = 0;
  std::string border_color;
  std::string shading;          ///< fill colour, empty for none
  std::vector<int> right_tabs;  ///< tab stop positions in twips
  std::optional<int> before, after, line;
  bool line_at_least = false;  ///< line is twips (atLeast), not 240ths of a line (auto)
  std::optional<int> ind_left, ind_hanging;
  std::string jc;
  std::optional<int> outline_level;
};

/// Run properties; append_rpr writes them in CT_RPr schema order.
struct RunProps {
  std::string style;
  std::string font;
  bool bold = false;
  bool italic = false;
  bool caps = false;
  bool small_caps = false;
  std::string color;
  int spacing = 0;      ///< w:spacing: extra space after each character, in twips
  int half_points = 0;  ///< 0: inherit
  bool underline = false;
  /// Font slots for East Asian and complex-script text (w:eastAsia, w:cs); empty: `font`.
  std::string font_east_asia, font_complex;
  /// w:lang: the language of Latin (val), East Asian (eastAsia) and complex-script (bidi)
  /// text; empty attributes are left out.
  std::string lang, lang_east_asia, lang_bidi;
};

/// Appends <w:pPr> (when empty only if force is set). Call it before adding runs.
void append_ppr(pugi::xml_node parent, const ParaProps& p, bool force = false);
/// Appends <w:rPr> when any property is set (or force).
void append_rpr(pugi::xml_node parent, const RunProps& r, bool force = false);

/// Appends <w:r> with text. Tabs become <w:tab/>, line breaks <w:br/>; w:t keeps spaces.
void append_run(pugi::xml_node parent, std::string_view text, const RunProps& props);

/// Removes characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF),
/// replaces malformed UTF-8 with U+FFFD, and warns once per string at span.
std::string clean_text(std::string_view text, const model::SourceSpan& span,
                       diag::Diagnostics& diags);

/// Percent-encodes what a URI may not contain (spaces, non-ASCII bytes, quotes, <>).
std::string uri_escape(std::string_view url);

/// The document's relationships: fixed ones first, then one per distinct hyperlink target,
/// numbered in order of first use, so ids never depend on anything but the document.
class Relationships {
 public:
  struct Rel {
    std::string id, type, target;
    bool external = false;
  };
  std::string add(const std::string& type_suffix, const std::string& target);
  std::string hyperlink(const std::string& url);
  const std::vector<Rel>& items() const { return rels_; }

 private:
  std::vector<Rel> rels_;
};

/// Serialises an XML document compactly with a standalone="yes" declaration.
std::string to_bytes(const pugi::xml_document& doc);
/// Adds <?xml version="1.0" encoding="UTF-8" standalone="yes"?>.
void add_declaration(pugi::xml_document& doc);

/// An image anchored on page one: the style's logo (logo.cpp) or the header's photo
/// (photo.cpp).
struct Logo {
  std::string data;
  std::string extension;          ///< "png" or "jpeg"
  long cx = 0, cy = 0;            ///< size on the page in EMU (1/12700 pt)
  std::string name = "Logo";      ///< wp:docPr name
  std::string media = "logo";     ///< word/media/MEDIA.EXT
  int id = 1;                     ///< wp:docPr id, unique in the document
  std::string align = "right";    ///< wp:positionH alignment within the margins
  std::string geometry = "rect";  ///< a:prstGeom: rect, roundRect or ellipse
  /// Inline in a paragraph of its own at the top of a table cell (the sidebar).
  bool in_cell = false;
  /// a:srcRect cropping, in thousandths of a percent of each side (0: none).
  long crop_l = 0, crop_t = 0, crop_r = 0, crop_b = 0;
};
/// Width and height from a PNG IHDR or a JPEG start-of-frame marker (base/image_header.hpp).
using base::image_size;
/// Reads Style::logo (relative to the style file) and sizes it as the PDF does: as high as
/// 2.2 x the name size (at most 54 pt), at most a third of the text width. A missing or
/// unreadable image is a warning: the document is still useful without it.
std::optional<Logo> load_logo(const style::Style& st, const Metrics& m, diag::Diagnostics& diags);
/// Reads the header's photo (Header::photo_file) when the style shows one (photo_size > 0),
/// cropped to a square of that size, shaped and placed as the PDF draws it (photo.cpp).
std::optional<Logo> load_photo(const model::Header& h, const style::Style& st, const Metrics& m,
                               diag::Diagnostics& diags);
/// Appends a run holding the image anchored at the top of the page's text area, at its
/// alignment, with text wrapping beside it, where the PDF draws it (the part declares the wp
/// namespace).
void append_logo_run(pugi::xml_node paragraph, const Logo& logo, const std::string& rel_id);

/// The column widths (twips) of the sidebar and date-column layouts, as the PDF sets them:
/// the narrow column, the gap after it, and the main column (the text width in one column).
struct ColumnWidths {
  int side = 0, gutter = 0, main = 0;
};
ColumnWidths column_widths(const style::Style& st, const Metrics& m);

/// A borderless table of fixed column widths (twips) for a two-column or date-column layout
/// (columns.cpp). Rows and cells are added with layout_row and layout_cell; every cell must
/// be finished with finish_cell after its paragraphs.
pugi::xml_node layout_table(pugi::xml_node parent, const std::vector<int>& columns);
/// A row; keep_whole forbids a page break inside it (w:cantSplit).
pugi::xml_node layout_row(pugi::xml_node table, bool keep_whole);
/// A cell of `twips` width with the given inner left and right margins.
pugi::xml_node layout_cell(pugi::xml_node row, int twips, int gap_left = 0, int gap_right = 0);
void finish_cell(pugi::xml_node cell);

/// Word and LibreOffice lay text out with their own hinting and rounding (and Word on
/// Windows with a metric-compatible substitute, such as Times New Roman for Liberation Serif),
/// so a line the style's font measures at exactly the text width may not fit there: the
/// contact line is split for a slightly narrower line, and addresses in paragraphs are kept
/// whole for text this much narrower or wider (address_breaks.hpp). LibreOffice 7.4 set the
/// URLs of tests/clients/docx_contact.resume (Liberation Serif, 9.5 pt) within 0.3% of
/// HarfBuzz's width, and the LinkedIn address of samples/infrastructure.resume (Liberation
/// Sans, 8.5 pt) 1.6% wider; 3% covers both.
inline constexpr double kMetricSafety = 0.97;
/// LibreOffice 7.4 set the words of ten letters or more of tests/clients/docx_addresses.resume
/// in classic, compact, sidebar and datecolumn from 0.28% narrower to 1.5% wider than
/// HarfBuzz measures them. Addresses in paragraphs are kept whole for text set as measured,
/// 0.5% narrower (kMetricNarrow) and 1/kMetricSafety wider (address_breaks.hpp). Trying 3%
/// narrower as well made one-word lines: a word the simulation kept at a line's end had
/// already wrapped in LibreOffice, and then the address too.
inline constexpr double kMetricNarrow = 0.995;

/// The separator between contact items, glued to the item before it by a no-break space, so
/// a line never starts with it. Inside an item spaces stay plain: python-docx and pandoc
/// would return U+00A0 inside a phone number or place, and a recruiter's search would miss it.
inline constexpr const char* kContactSeparator = "\u00A0\u00B7 ";
/// Where the header's contact line breaks (contact_lines.cpp): the end index of each line,
/// as balanced_breaks packs the items measured in the style's body font at the contact size,
/// on the text width less `beside_pt` (a logo or photo beside the header) and a small margin
/// for Word's and LibreOffice's own metrics. One line when the font cannot be found.
std::vector<std::size_t> contact_line_ends(const std::vector<std::string>& items,
                                           const style::Style& st, const Metrics& m,
                                           double beside_pt);

/// The size (half-points) for a contact item standing alone on a line `width_twips` wide (the
/// sidebar): 0 when it fits at the contact size, else the largest size down to four fifths of
/// it at which it fits whole; 0 too when even that is too small, and it wraps.
int contact_item_half_points(const std::string& item, const style::Style& st, const Metrics& m,
                             int width_twips);

/// Parts built by document.cpp.
struct BodyParts {
  std::string document;
  std::string rels;
  std::string header;  ///< empty when the style has no header_text
  std::string footer;
  std::optional<Logo> logo;
  std::optional<Logo> photo;
};
BodyParts build_body(const model::Document& doc, const style::Style& st,
                     const RenderOptions& options, const Metrics& m, diag::Diagnostics& diags);

/// The document language's w:lang attributes and script fonts (language.cpp): val is the
/// tag; eastAsia is set for zh, ja and ko, bidi for right-to-left and complex scripts.
RunProps language_run_props(const model::Document& doc);
/// Marks the direction and language of every paragraph and run under `root` (language.cpp):
/// w:bidi on a paragraph whose first strong character is right-to-left (ICU ubidi), w:rtl
/// on a run holding right-to-left text, and w:lang on every run.
void mark_language(pugi::xml_node root, const model::Document& doc);

/// Parts built by styles.cpp.
std::string build_styles(const style::Style& st, const Metrics& m, const model::Document& doc);
std::string build_numbering(const style::Style& st, const Metrics& m, diag::Diagnostics& diags);
std::string build_settings();
std::string build_font_table(const style::Style& st);

}  // namespace tailor::writer::docx
