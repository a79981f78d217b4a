// The document's language and text direction in WordprocessingML: w:lang on runs and in the
// defaults, w:bidi on right-to-left paragraphs and w:rtl on right-to-left runs, so Word and
// LibreOffice choose the right fonts, spell-checking language and paragraph direction; a
// right-to-left document (locale/direction.hpp) makes every paragraph right to left.
#include <array>
#include <cstring>

#include "locale/direction.hpp"
#include "locale/text.hpp"
#include "writer/docx/internal.hpp"
#include "writer/format.hpp"

namespace tailor::writer::docx {

namespace {

bool is_east_asian(const std::string& lang) { return lang == "zh" || lang == "ja" || lang == "ko"; }

/// Appends the text of every w:t below `node`, in document order (what ".//w:t" selects,
/// walked directly: an XPath query compiled per paragraph and run was 4 % of a DOCX build).
void append_text_of(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (std::strcmp(c.name(), "w:t") == 0) out += c.text().get();
    append_text_of(c, out);
  }
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  append_text_of(node, out);
  return out;
}

/// True when the text holds any strong right-to-left character (ubidi finds the first
/// strong character; a run "Go" inside a Hebrew paragraph stays left to right).
bool has_rtl(const std::string& text) { return locale::is_rtl_paragraph(text); }

/// A line of the page's layout: the name, headline and contact lines, a section heading,
/// an entry's heading and details lines, or any line with a tab (text, then its dates).
bool is_layout_line(pugi::xml_node p) {
  static constexpr std::array<const char*, 6> kStyles = {
      "Title", "Headline", "Contact", "Heading1", "EntryHeading", "EntryDetails"};
  const char* style = p.child("w:pPr").child("w:pStyle").attribute("w:val").value();
  for (const char* name : kStyles) {
    if (std::strcmp(style, name) == 0) return true;
  }
  return static_cast<bool>(p.select_node(".//w:tab"));
}

/// CT_PPrBase puts w:bidi after the tabs and before spacing, indentation and alignment.
void add_bidi(pugi::xml_node p) {
  pugi::xml_node ppr = p.child("w:pPr");
  if (!ppr) ppr = p.prepend_child("w:pPr");
  static constexpr std::array<const char*, 12> kAfter = {
      "w:adjustRightInd",    "w:snapToGrid",    "w:spacing",         "w:ind",
      "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
      "w:textDirection",     "w:textAlignment", "w:outlineLvl",      "w:rPr"};
  for (pugi::xml_node c : ppr.children()) {
    for (const char* name : kAfter) {
      if (std::strcmp(c.name(), name) == 0) {
        ppr.insert_child_before("w:bidi", c);
        return;
      }
    }
  }
  ppr.append_child("w:bidi");
}

}  // namespace

RunProps language_run_props(const model::Document& doc) {
  RunProps r;
  const std::string& tag = doc.header.language.value;
  if (tag.empty()) return r;
  std::string lang = locale::language_of(tag);
  const locale::LocaleData* l = document_locale(doc);
  r.lang = tag;
  if (is_east_asian(lang)) r.lang_east_asia = tag;
  if (l && (l->rtl || !l->font_complex.empty())) r.lang_bidi = tag;
  if (l) {
    r.font_east_asia = l->font_east_asia;
    r.font_complex = l->font_complex;
  }
  return r;
}

void mark_language(pugi::xml_node root, const model::Document& doc) {
  RunProps lang = language_run_props(doc);
  // In a right-to-left document the lines that make the page's layout are right to left
  // whatever their text, as on the mirrored PDF page: an entry line that opens with a Latin
  // role ("Senior Go Engineer") or organisation starts at the right, with its dates at the
  // left, and so do a Latin name and contact line. Prose and bullets take the direction of
  // their first strong character (an English sentence keeps its full stop at its end).
  const bool rtl_document = locale::is_rtl_document(doc);
  for (pugi::xpath_node xp : root.select_nodes(".//w:p")) {
    pugi::xml_node p = xp.node();
    if ((rtl_document && is_layout_line(p)) || has_rtl(text_of(p))) add_bidi(p);
  }
  for (pugi::xpath_node xr : root.select_nodes(".//w:r")) {
    pugi::xml_node r = xr.node();
    bool rtl = has_rtl(text_of(r));
    if (!rtl && lang.lang.empty()) continue;
    pugi::xml_node rpr = r.child("w:rPr");
    if (!rpr) rpr = r.prepend_child("w:rPr");
    // CT_RPr ends with ... u, rtl, cs, lang: the emitter writes nothing after w:u.
    if (rtl) rpr.append_child("w:rtl");
    if (!lang.lang.empty()) {
      pugi::xml_node l = rpr.append_child("w:lang");
      l.append_attribute("w:val") = lang.lang.c_str();
      if (!lang.lang_east_asia.empty())
        l.append_attribute("w:eastAsia") = lang.lang_east_asia.c_str();
      if (!lang.lang_bidi.empty()) l.append_attribute("w:bidi") = lang.lang_bidi.c_str();
    }
  }
}

}  // namespace tailor::writer::docx
