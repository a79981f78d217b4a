// Visual style shared by the PDF and DOCX writers, loaded from templates/styles/*.style.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace tailor::style {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

enum class Paper { A4, Letter };

/// How the page is divided. Both writers honour every value.
enum class Layout {
  Single,      ///< One column.
  Sidebar,     ///< A sidebar (contact details and the sidebar_sections) beside the main column.
  DateColumn,  ///< Dates in a left column beside each entry (moderncv).
};

/// The outline a photo is clipped to.
enum class PhotoShape { Square, Rounded, Circle };

/// How section headings look. Both writers honour every value.
enum class HeadingStyle {
  Rule,   ///< Heading text with a thin line under it.
  Plain,  ///< Heading text only.
  Bar,    ///< A filled accent bar to the left of the heading.
};

/// All lengths are in PostScript points (1/72 in). Sizes are font sizes in points.
struct Style {
  std::string name;         ///< "classic"
  std::string description;  ///< One line for `tailor styles`.

  Paper paper = Paper::A4;
  double margin_top = 54, margin_right = 54, margin_bottom = 54, margin_left = 54;
  /// How far --max-pages may narrow the margins (min_margin); below 0: they never shrink.
  double min_margin = -1;

  std::string body_font = "DejaVu Serif";     ///< fontconfig family name.
  std::string heading_font = "DejaVu Serif";  ///< Name, section headings, entry roles.

  double name_size = 22;
  double headline_size = 12;
  double heading_size = 12;
  double body_size = 10;
  double small_size = 9;  ///< Contact line, dates, locations.

  Color text{0x22, 0x22, 0x22};
  Color accent{0x22, 0x22, 0x22};  ///< Name, headings, rules, links.
  Color muted{0x55, 0x55, 0x55};   ///< Dates, locations, contact line.

  double line_height = 1.25;           ///< Multiple of the font size.
  double paragraph_spacing = 3;        ///< After a paragraph or bullet.
  double section_spacing_before = 12;  ///< Before a section heading.
  double section_spacing_after = 4;    ///< After a section heading.
  double entry_spacing = 6;            ///< Between entries.
  double bullet_indent = 12;           ///< Hanging indent of bullet text.
  std::string bullet = "\u2022";

  HeadingStyle heading_style = HeadingStyle::Rule;
  bool heading_uppercase = false;
  /// Title case by word in the document's language, through ICU ("ilk iş" -> "İlk İş" in tr,
  /// "ijsselmeer" -> "IJsselmeer" in nl); the rest of each word is kept as written ("iOS").
  /// heading_uppercase wins when both are set.
  bool heading_titlecase = false;
  bool heading_small_caps = false;    ///< Lower-case letters as small capitals.
  double heading_letter_spacing = 0;  ///< Extra space after each character of a heading.
  /// Straight quotes, apostrophes and `--`/`---` set as the language's quotation marks, ’ and
  /// en and em dashes in the PDF, DOCX and HTML (writer/smart_text.hpp).
  bool smart_punctuation = true;
  std::string date_format = "mon yyyy";  ///< "mon yyyy" (Apr 2021) or "yyyy-mm" (2021-04).

  /// Added for the PDF layout; the DOCX writer may honour them too.
  bool header_centered = false;  ///< Name, headline and contact line centred (else left).
  /// "Email: …", "Phone: …", "GitHub: …" in the contact line, the labels in the document's
  /// language (templates/locales); else the values alone.
  bool contact_labels = false;
  bool entry_inline = false;  ///< "Role, Organisation ... Location · Dates" on one line
                              ///< instead of role/dates over organisation/location.
  bool link_labels = false;   ///< Header links show their labels ("GitHub"), else their
                              ///< addresses ("github.com/aysel-h"); the key contact_links.

  /// Section order when no role profile sets one; SectionKind::Custom is the '*' slot. Kinds
  /// not listed keep their place after the section written before them.
  std::vector<model::SectionKind> section_order;

  Layout layout = Layout::Single;
  double sidebar_width = 165;  ///< Sidebar layout: the sidebar's width.
  bool sidebar_right = false;  ///< Sidebar layout: the sidebar on the right (else the left).
  /// Sidebar layout: the sections set in the sidebar, in this order, after the contact details.
  std::vector<model::SectionKind> sidebar_sections;
  double date_column_width = 78;  ///< Date-column layout: the dates' column.

  /// The header's photo (`photo:` in the resume). 0 leaves it out.
  double photo_size = 0;
  PhotoShape photo_shape = PhotoShape::Square;
  bool photo_left = false;  ///< Beside the header on the left (else the right).

  // Agency branding (recruiters). Empty means none.
  std::string logo;         ///< Path to a PNG or JPEG, resolved relative to the style file.
  std::string header_text;  ///< A line at the top of every page.
  std::string footer_text;  ///< A line at the bottom of every page.

  std::string source_path;  ///< File the style came from; empty for the built-in default.
};

}  // namespace tailor::style

namespace tailor::style {

/// Page width and height in points (A4: 595.28 x 841.89; Letter: 612 x 792).
struct PageSize {
  double width = 0, height = 0;
};
PageSize page_size(Paper paper);

/// The style with each margin narrowed by `shrink` points, never below min_margin (a margin
/// already narrower stays). --max-pages uses it as its last step before failing.
Style with_margins_shrunk(const Style& st, double shrink);

/// The most with_margins_shrunk can take off any margin of this style.
double max_margin_shrink(const Style& st);
const char* to_string(Paper paper);

}  // namespace tailor::style
