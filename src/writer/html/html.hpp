// One self-contained HTML5 page: semantic markup (header, sections, an article per entry,
// lists, <time>), CSS derived from the style file with a print stylesheet, the logo and photo
// as data: URIs, schema.org Person data as JSON-LD, no script and nothing fetched.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

bool write_html(const model::Document& doc, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags);

namespace html {

/// Text as HTML character data or an attribute value: & < > " ' escaped, controls dropped.
std::string escape(const std::string& text);
/// The style sheet for a style: fonts, colours, sizes and spacing, plus print rules.
std::string style_sheet(const style::Style& st);
/// schema.org Person as JSON-LD, safe inside <script>: every '<', '>' and '&' is escaped.
std::string person_json_ld(const model::Document& doc);

/// The header's logo and photo as <img> elements with data: URIs, and the CSS that sizes,
/// shapes and places them as the PDF does. A picture that cannot be read is a warning.
struct HeaderImages {
  std::string html;  ///< the <img> elements, first in the header
  std::string css;   ///< their rules, after the style sheet
};
HeaderImages header_images(const model::Document& doc, const style::Style& st,
                           diag::Diagnostics& diags);

}  // namespace html

}  // namespace tailor::writer
