// The page's CSS, derived from the same style file as the PDF and DOCX: fonts, colours,
// sizes, spacing, heading look and margins; a print stylesheet sets the paper and margins so
// the browser's "print to PDF" comes close to Tailor's own PDF.
#include <cstdio>

#include "base/utf8.hpp"
#include "writer/html/html.hpp"

namespace tailor::writer::html {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string pt(double v) { return num(v) + "pt"; }

std::string color(const style::Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

/// A CSS string literal: every character but ASCII letters, digits and spaces as a hex
/// escape, so nothing in a style file can end the string, the rule or the <style> element.
std::string css_string(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = base::decode_next(s, i);
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
        cp == ' ') {
      out += static_cast<char>(cp);
    } else if (cp >= 0x20 && cp != 0x7F) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\%X ", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  return out + "\"";
}

/// A font stack: the style's family, then the generic family it belongs to.
std::string family(const std::string& name) {
  const char* generic = name.find("Mono") != std::string::npos   ? "monospace"
                        : name.find("Sans") != std::string::npos ? "sans-serif"
                                                                 : "serif";
  return css_string(name) + ", " + generic;
}

}  // namespace

std::string style_sheet(const style::Style& st) {
  style::PageSize page = style::page_size(st.paper);
  std::string margins = pt(st.margin_top) + " " + pt(st.margin_right) + " " + pt(st.margin_bottom) +
                        " " + pt(st.margin_left);
  std::string css;
  css += ":root { --text: " + color(st.text) + "; --accent: " + color(st.accent) +
         "; --muted: " + color(st.muted) + "; }\n";
  css += "html { background: #fff; }\n";
  css += "body { margin: 0 auto; max-width: " + pt(page.width) + "; padding: " + margins +
         "; box-sizing: border-box; font-family: " + family(st.body_font) +
         "; font-size: " + pt(st.body_size) + "; line-height: " + num(st.line_height) +
         "; color: var(--text); }\n";
  css += "h1, h2, h3 { font-family: " + family(st.heading_font) + "; margin: 0; }\n";
  css += "body > header { text-align: " + std::string(st.header_centered ? "center" : "start") +
         "; }\n";
  css += "h1 { font-size: " + pt(st.name_size) + "; color: var(--accent); line-height: 1.2; }\n";
  css += ".headline { font-size: " + pt(st.headline_size) +
         "; color: var(--muted); margin: 2pt 0 0; }\n";
  css += ".contact { font-size: " + pt(st.small_size) +
         "; list-style: none; margin: 5pt 0 0; padding: 0; }\n";
  css += ".contact li { display: inline; }\n";
  css += ".contact li + li::before { content: \"\\A0\\B7\\A0\\A0\"; color: var(--muted); }\n";
  css += "a { color: var(--accent); text-decoration: none; }\n";
  css += "a:hover, a:focus { text-decoration: underline; }\n";
  css += "section { margin-top: " + pt(st.section_spacing_before) + "; }\n";
  css += "h2 { font-size: " + pt(st.heading_size) +
         "; color: var(--accent); margin-bottom: " + pt(st.section_spacing_after) + ";";
  if (st.heading_uppercase) css += " text-transform: uppercase;";
  if (st.heading_style == style::HeadingStyle::Rule) {
    css += " border-bottom: 0.6pt solid var(--accent); padding-bottom: 1.5pt;";
  } else if (st.heading_style == style::HeadingStyle::Bar) {
    css += " border-inline-start: 3pt solid var(--accent); padding-inline-start: 5pt;";
  }
  css += " }\n";
  css += "article + article { margin-top: " + pt(st.entry_spacing) + "; }\n";
  css += "h3 { font-size: " + pt(st.body_size) + "; }\n";
  css += ".org { font-weight: normal;" +
         std::string(st.entry_inline ? "" : " font-style: italic; display: block;") + " }\n";
  css += ".meta { font-size: " + pt(st.small_size) + "; color: var(--muted); margin: 0; }\n";
  css += "p { margin: " + pt(st.paragraph_spacing) + " 0 0; }\n";
  css += "ul.bullets { margin: " + pt(st.paragraph_spacing) +
         " 0 0; padding-inline-start: " + pt(st.bullet_indent) +
         "; list-style: " + css_string(st.bullet + " ") + "; }\n";
  css += "ul.bullets li + li { margin-top: " + pt(st.paragraph_spacing) + "; }\n";
  css += "ul.bullets li::marker { color: var(--muted); }\n";
  css += ".skills b, .keyword { font-weight: bold; }\n";
  // Print: the style's paper and margins, no screen padding, entries and headings kept whole.
  css += "@page { size: " + std::string(st.paper == style::Paper::A4 ? "A4" : "letter") +
         "; margin: " + margins + "; }\n";
  css +=
      "@media print {\n  body { max-width: none; padding: 0; }\n"
      "  h2, h3 { break-after: avoid; }\n  li, .meta { break-inside: avoid; }\n"
      "  a { color: inherit; }\n}\n";
  css += "@media screen and (max-width: 40em) { body { padding: 1em; } }\n";
  return css;
}

}  // namespace tailor::writer::html
