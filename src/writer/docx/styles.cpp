// word/styles.xml, numbering.xml, settings.xml and fontTable.xml, all derived from the Style,
// as named styles a recruiter can restyle in Word instead of direct formatting.
#include <algorithm>

#include "base/utf8.hpp"
#include "writer/docx/internal.hpp"

namespace tailor::writer::docx {

namespace {

pugi::xml_node root(pugi::xml_document& doc, const char* name) {
  add_declaration(doc);
  pugi::xml_node r = doc.append_child(name);
  r.append_attribute("xmlns:w") = kNsW;
  return r;
}

struct StyleDef {
  const char* type;  // paragraph | character
  const char* id;
  const char* name;
  const char* based_on = nullptr;
  const char* next = nullptr;
  int ui_priority = -1;
  bool is_default = false;
  bool semi_hidden = false;
  bool q_format = true;
};

// Children of w:style in CT_Style order: name, basedOn, next, uiPriority, semiHidden,
// unhideWhenUsed, qFormat, pPr, rPr.
void add_style(pugi::xml_node styles, const StyleDef& d, const ParaProps* ppr,
               const RunProps* rpr) {
  pugi::xml_node s = styles.append_child("w:style");
  s.append_attribute("w:type") = d.type;
  if (d.is_default) s.append_attribute("w:default") = 1;
  s.append_attribute("w:styleId") = d.id;
  s.append_child("w:name").append_attribute("w:val") = d.name;
  if (d.based_on) s.append_child("w:basedOn").append_attribute("w:val") = d.based_on;
  if (d.next) s.append_child("w:next").append_attribute("w:val") = d.next;
  if (d.ui_priority >= 0) s.append_child("w:uiPriority").append_attribute("w:val") = d.ui_priority;
  if (d.semi_hidden) {
    s.append_child("w:semiHidden");
    s.append_child("w:unhideWhenUsed");
  }
  if (d.q_format) s.append_child("w:qFormat");
  if (ppr) append_ppr(s, *ppr);
  if (rpr) append_rpr(s, *rpr);
}

}  // namespace

std::string build_styles(const style::Style& st, const Metrics& m, const model::Document& resume) {
  pugi::xml_document doc;
  pugi::xml_node styles = root(doc, "w:styles");
  const std::string text = hex(st.text), accent = hex(st.accent), muted = hex(st.muted);

  // Document defaults carry the body font, size, colour and line spacing, so Normal is empty
  // and every other style only states how it differs.
  pugi::xml_node defaults = styles.append_child("w:docDefaults");
  // The document's language and its script fonts are the defaults of every run.
  RunProps body_run = language_run_props(resume);
  body_run.font = st.body_font;
  body_run.color = text;
  body_run.half_points = m.body_half_points();
  append_rpr(defaults.append_child("w:rPrDefault"), body_run, true);
  ParaProps body_para;
  body_para.widow_control = true;  // no single line of a paragraph alone at a page edge
  body_para.before = 0;
  body_para.after = m.gap(st.paragraph_spacing);
  body_para.line = m.line_pitch();
  body_para.line_at_least = true;
  append_ppr(defaults.append_child("w:pPrDefault"), body_para, true);

  add_style(styles, {"paragraph", "Normal", "Normal", nullptr, nullptr, -1, true}, nullptr,
            nullptr);
  add_style(styles,
            {"character", "DefaultParagraphFont", "Default Paragraph Font", nullptr, nullptr, 1,
             true, true, false},
            nullptr, nullptr);

  {  // Title: the person's name.
    ParaProps p;
    p.keep_next = true;
    p.after = m.gap(2);
    p.line = 240;
    if (st.header_centered) p.jc = "center";
    RunProps r;
    r.font = st.heading_font;
    r.bold = true;
    r.color = accent;
    r.half_points = m.half_points(st.name_size);
    add_style(styles, {"paragraph", "Title", "Title", "Normal", "Normal", 10}, &p, &r);
  }
  {  // Headline: the line under the name. Not Word's "Subtitle": pandoc turns that into
     // metadata and drops it from the text.
    ParaProps p;
    p.keep_next = true;
    p.after = m.gap(4);
    if (st.header_centered) p.jc = "center";
    RunProps r;
    r.font = st.heading_font;
    r.color = muted;
    r.half_points = m.half_points(st.headline_size);
    add_style(styles, {"paragraph", "Headline", "Headline", "Normal", "Normal", 11}, &p, &r);
  }
  {  // Contact: e-mail, phone, location and links under the headline.
    ParaProps p;
    p.after = m.gap(2);
    if (st.header_centered) p.jc = "center";
    RunProps r;
    r.color = muted;
    r.half_points = m.half_points(st.small_size);
    add_style(styles, {"paragraph", "Contact", "Contact", "Normal", "Normal", 12}, &p, &r);
  }
  {  // Heading 1: section titles, in the navigation pane (outline level 0).
    ParaProps p;
    p.keep_next = true;
    p.keep_lines = true;
    p.before = m.gap(st.section_spacing_before);
    p.after = m.gap(st.section_spacing_after);
    p.outline_level = 0;
    if (st.heading_style == style::HeadingStyle::Rule) {
      p.border = Border::Bottom;
      p.border_size = 6;  // 3/4 pt
      p.border_space = 1;
      p.border_color = accent;
    } else if (st.heading_style == style::HeadingStyle::Bar) {
      p.border = Border::Left;
      p.border_size = 18;  // a 2.25 pt filled bar, as thin as the PDF's
      p.border_space = 6;
      p.border_color = accent;
      p.ind_left = Metrics::twips(9);
    }
    RunProps r;
    r.font = st.heading_font;
    r.bold = true;
    r.caps = st.heading_uppercase;
    r.small_caps = st.heading_small_caps && !st.heading_uppercase;
    r.spacing = Metrics::twips(st.heading_letter_spacing * m.scaled(1));
    r.color = accent;
    r.half_points = m.half_points(st.heading_size);
    add_style(styles, {"paragraph", "Heading1", "heading 1", "Normal", "Normal", 9}, &p, &r);
  }
  {  // Entry Heading: role, organisation, and the dates on a right tab at the text width.
    ParaProps p;
    p.keep_next = true;
    p.keep_lines = true;
    p.right_tabs.push_back(column_widths(st, m).main);
    p.before = m.gap(st.entry_spacing);
    p.after = 0;  // role, organisation and bullets sit close, as in the PDF
    RunProps r;
    r.font = st.heading_font;
    add_style(styles, {"paragraph", "EntryHeading", "Entry Heading", "Normal", "Normal", 12}, &p,
              &r);
  }
  {  // Entry Details: organisation (and link) under the role, location at the right margin.
    ParaProps p;
    p.keep_next = true;
    p.keep_lines = true;
    p.right_tabs.push_back(column_widths(st, m).main);
    p.after = 0;
    add_style(styles, {"paragraph", "EntryDetails", "Entry Details", "Normal", "Normal", 12}, &p,
              nullptr);
  }
  {  // Skill Group: "Label: item, item".
    add_style(styles, {"paragraph", "SkillGroup", "Skill Group", "Normal", "Normal", 12}, nullptr,
              nullptr);
  }
  {  // List Bullet: Word's built-in bullet style, tied to numbering.xml.
    ParaProps p;
    p.num_id = 1;
    p.ind_left = Metrics::twips(st.bullet_indent);
    p.ind_hanging = Metrics::twips(st.bullet_indent);
    add_style(styles, {"paragraph", "ListBullet", "List Bullet", "Normal", nullptr, 36}, &p,
              nullptr);
  }
  if (!st.header_text.empty() || !st.footer_text.empty()) {
    ParaProps p;
    p.jc = "center";
    p.after = 0;
    RunProps r;
    r.color = muted;
    r.half_points = m.half_points(st.small_size);
    add_style(styles, {"paragraph", "Header", "header", "Normal", nullptr, 99, false, true, false},
              &p, &r);
    add_style(styles, {"paragraph", "Footer", "footer", "Normal", nullptr, 99, false, true, false},
              &p, &r);
  }
  {  // Hyperlink: accent colour and no underline, as in the PDF.
    RunProps r;
    r.color = accent;
    add_style(styles,
              {"character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", nullptr, 99, false,
               true, false},
              nullptr, &r);
  }
  {  // Keyword: skills and phrases the rule engine emphasised for the target role.
    RunProps r;
    r.bold = true;
    add_style(styles,
              {"character", "Keyword", "Keyword", "DefaultParagraphFont", nullptr, 20, false, false,
               true},
              nullptr, &r);
  }
  {  // Entry Meta: dates and location at the right margin of an entry.
    RunProps r;
    r.color = muted;
    r.half_points = m.half_points(st.small_size);
    add_style(styles,
              {"character", "EntryMeta", "Entry Meta", "DefaultParagraphFont", nullptr, 21, false,
               false, true},
              nullptr, &r);
  }
  return to_bytes(doc);
}

std::string build_numbering(const style::Style& st, const Metrics& m, diag::Diagnostics& diags) {
  (void)m;
  pugi::xml_document doc;
  pugi::xml_node num = root(doc, "w:numbering");
  pugi::xml_node abs = num.append_child("w:abstractNum");
  abs.append_attribute("w:abstractNumId") = 0;
  // CT_AbstractNum: nsid, multiLevelType, tmpl, name, styleLink, numStyleLink, lvl.
  abs.append_child("w:multiLevelType").append_attribute("w:val") = "singleLevel";
  pugi::xml_node lvl = abs.append_child("w:lvl");
  lvl.append_attribute("w:ilvl") = 0;
  // CT_Lvl: start, numFmt, lvlRestart, pStyle, isLgl, suff, lvlText, lvlPicBulletId, legacy,
  // lvlJc, pPr, rPr.
  lvl.append_child("w:start").append_attribute("w:val") = 1;
  lvl.append_child("w:numFmt").append_attribute("w:val") = "bullet";
  lvl.append_child("w:pStyle").append_attribute("w:val") = "ListBullet";
  std::string bullet = clean_text(st.bullet, {}, diags);
  if (bullet.empty()) bullet = "\u2022";
  lvl.append_child("w:lvlText").append_attribute("w:val") = bullet.c_str();
  lvl.append_child("w:lvlJc").append_attribute("w:val") = "left";
  ParaProps p;
  p.ind_left = Metrics::twips(st.bullet_indent);
  p.ind_hanging = Metrics::twips(st.bullet_indent);
  append_ppr(lvl, p);
  RunProps r;
  r.font = st.body_font;
  append_rpr(lvl, r);
  pugi::xml_node n = num.append_child("w:num");
  n.append_attribute("w:numId") = 1;
  n.append_child("w:abstractNumId").append_attribute("w:val") = 0;
  return to_bytes(doc);
}

std::string build_settings() {
  pugi::xml_document doc;
  pugi::xml_node s = root(doc, "w:settings");
  // CT_Settings order: ... defaultTabStop ... characterSpacingControl ... compat.
  s.append_child("w:defaultTabStop").append_attribute("w:val") = 720;
  s.append_child("w:characterSpacingControl").append_attribute("w:val") = "doNotCompress";
  pugi::xml_node cs = s.append_child("w:compat").append_child("w:compatSetting");
  cs.append_attribute("w:name") = "compatibilityMode";
  cs.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
  cs.append_attribute("w:val") = 15;
  return to_bytes(doc);
}

std::string build_font_table(const style::Style& st) {
  pugi::xml_document doc;
  pugi::xml_node fonts = root(doc, "w:fonts");
  std::vector<std::string> names;
  for (const std::string& f : {st.body_font, st.heading_font}) {
    if (!f.empty() && std::find(names.begin(), names.end(), f) == names.end()) names.push_back(f);
  }
  for (const std::string& name : names) {
    pugi::xml_node f = fonts.append_child("w:font");
    f.append_attribute("w:name") = name.c_str();
    // A hint for substitution on machines without the font: serif or sans.
    bool serif = name.find("Serif") != std::string::npos && name.find("Sans") == std::string::npos;
    f.append_child("w:family").append_attribute("w:val") = serif ? "roman" : "swiss";
    f.append_child("w:pitch").append_attribute("w:val") = "variable";
  }
  return to_bytes(doc);
}

}  // namespace tailor::writer::docx
