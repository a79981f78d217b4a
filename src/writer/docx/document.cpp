// word/document.xml and its relationships: the resume as paragraphs in named styles, links
// as relationship hyperlinks, dates on a right-aligned tab stop, sections in model order.
#include <algorithm>

#include "base/links.hpp"
#include "locale/text.hpp"
#include "writer/contact_text.hpp"
#include "writer/docx/address_breaks.hpp"
#include "writer/docx/internal.hpp"
#include "writer/format.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::writer::docx {

namespace {

using namespace tailor::model;

constexpr const char* kSeparator = " \u00B7 ";  // middle dot between contact items

class BodyWriter {
 public:
  BodyWriter(const Document& doc, const style::Style& st, const Metrics& m,
             diag::Diagnostics& diags)
      : doc_(doc), lang_(doc.header.language.value), st_(st), m_(m), diags_(diags) {}

  Relationships rels;

  pugi::xml_node paragraph(pugi::xml_node body, const ParaProps& props) {
    pugi::xml_node p = body.append_child("w:p");
    append_ppr(p, props);
    return p;
  }

  pugi::xml_node paragraph(pugi::xml_node body, const char* style) {
    ParaProps props;
    props.style = style;
    return paragraph(body, props);
  }

  void text(pugi::xml_node p, const std::string& s, const SourceSpan& span,
            const RunProps& props = {}) {
    append_run(p, clean_text(s, span, diags_), props);
  }

  /// A link when the URL passes the shared policy; plain text (and a warning) otherwise.
  void link(pugi::xml_node p, const std::string& label, const std::string& url,
            const SourceSpan& span, RunProps props = {}) {
    std::string safe = base::normalise_link(url);
    if (safe.empty()) {
      // An unsafe scheme was already reported by the reader, which keeps the address as text.
      if (!url.empty() && base::check_link(url) != base::LinkCheck::UnsafeScheme) {
        diags_
            .warning(span, "link '" + clean_text(url, span, diags_) +
                               "' is written as plain text in the DOCX output")
            .hints.push_back("only https, http, mailto and tel links become clickable");
      }
      text(p, label, span, props);
      return;
    }
    pugi::xml_node h = p.append_child("w:hyperlink");
    h.append_attribute("r:id") = rels.hyperlink(safe).c_str();
    h.append_attribute("w:history") = 1;
    props.style = "Hyperlink";
    text(h, label, span, props);
  }

  /// A piece of a paragraph's text: a link when url is set.
  struct Piece {
    std::string text;
    RunProps props;
    std::string url;
    SourceSpan span;
  };

  /// Writes the pieces into p, with a line break in place of the space before any address
  /// (URL, e-mail, phone) that Word or LibreOffice would otherwise wrap inside, as measured
  /// with the style's fonts on the column less `indent` twips (address_breaks.hpp).
  void write(pugi::xml_node p, std::vector<Piece> pieces, int indent = 0) {
    std::string all;
    std::vector<std::size_t> starts;
    for (Piece& pc : pieces) {
      pc.text = clean_text(pc.text, pc.span, diags_);
      starts.push_back(all.size());
      all += pc.text;
    }
    {
      // Faces are only looked up for a paragraph holding an address; without the style's
      // font every width is 0, everything fits, and no break is added.
      auto measure = [&](std::size_t b, std::size_t e) {
        double w = 0;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
          std::size_t from = std::max(b, starts[k]);
          std::size_t to = std::min(e, starts[k] + pieces[k].text.size());
          if (from >= to) continue;
          const RunProps& r = pieces[k].props;
          const pdf::Face* face =
              pdf::cached_face({st_.body_font, r.bold || r.style == "Keyword", r.italic});
          int half = r.half_points            ? r.half_points
                     : r.style == "EntryMeta" ? m_.half_points(st_.small_size)
                                              : m_.body_half_points();
          if (face)
            w += face->text_width(std::string_view(all).substr(from, to - from), half / 2.0);
        }
        return w;
      };
      double width = (column_ - indent) / 20.0;
      for (std::size_t at :
           address_breaks(all, measure, width, {1.0, kMetricNarrow, 1.0 / kMetricSafety})) {
        std::size_t k = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
        pieces[k].text[at - starts[k]] = '\n';
      }
    }
    for (const Piece& pc : pieces) {
      if (pc.url.empty()) {
        text(p, pc.text, pc.span, pc.props);
      } else {
        link(p, pc.text, pc.url, pc.span, pc.props);
      }
    }
  }

  void inlines(pugi::xml_node p, const Inlines& runs, int indent = 0) {
    std::vector<Piece> pieces;
    for (const Run& r : runs) {
      Piece pc{r.text, {}, {}, r.span};
      pc.props.bold = r.strong;
      pc.props.italic = r.emph;
      if (!r.url.empty()) {
        // A keyword inside a link keeps the Hyperlink style and shows as bold.
        pc.props.bold = pc.props.bold || r.keyword;
        pc.url = r.url;
      } else if (r.keyword) {
        pc.props.style = "Keyword";
      }
      pieces.push_back(std::move(pc));
    }
    write(p, std::move(pieces), indent);
  }

  /// The width (twips) of the column the next paragraphs are written in.
  void set_column(int twips) { column_ = twips; }

  void set_logo(const Logo* logo, std::string rel_id) {
    logo_ = logo;
    logo_rel_ = std::move(rel_id);
  }
  void set_photo(const Logo* photo, std::string rel_id) {
    photo_ = photo;
    photo_rel_ = std::move(rel_id);
  }

  /// The header. `side`, in the sidebar layout, is the sidebar's cell: it gets the photo and
  /// the contact details, one a line.
  void header(pugi::xml_node body, const Header& h, pugi::xml_node side = {}) {
    if (!h.name.empty() || logo_ || (photo_ && !side)) {
      pugi::xml_node title = paragraph(body, h.name.empty() ? "" : "Title");
      // The logo and the photo ride on the first paragraph, anchored at the top of page one.
      if (logo_) append_logo_run(title, *logo_, logo_rel_);
      if (photo_ && !side) append_logo_run(title, *photo_, photo_rel_);
      text(title, h.name.value, h.name.span);
    }
    if (!h.headline.empty()) text(paragraph(body, "Headline"), h.headline.value, h.headline.span);

    struct Item {
      std::string label, url;
      SourceSpan span;
    };
    std::vector<Item> contact;
    bool labels = st_.contact_labels;
    if (!h.email.empty()) {
      contact.push_back({contact_text("email", "", h.email.value, labels, doc_),
                         "mailto:" + h.email.value, h.email.span});
    }
    if (!h.phone.empty()) {
      std::string tel;
      for (char c : h.phone.value) {
        if (c != ' ') tel += c;
      }
      contact.push_back(
          {contact_text("phone", "", h.phone.value, labels, doc_), "tel:" + tel, h.phone.span});
    }
    if (!h.address.empty()) contact.push_back({h.address.value, "", h.address.span});
    if (!h.location.empty()) {
      contact.push_back(
          {contact_text("location", "", h.location.value, labels, doc_), "", h.location.span});
    }
    std::vector<Item> links;
    for (const Link& l : h.links) {
      std::string safe = base::normalise_link(l.url);
      std::string label = contact_link_text(l, safe, st_.link_labels);
      if (!safe.empty()) {
        bool shows_label = label == l.label;
        label = contact_text(link_label_key(l), l.label == l.url || shows_label ? "" : l.label,
                             label, labels, doc_);
      }
      links.push_back({label, l.url, l.span});
    }
    contact.insert(contact.end(), links.begin(), links.end());
    if (side) {
      if (photo_) {
        ParaProps centred;
        centred.jc = "center";
        append_logo_run(paragraph(side, centred), *photo_, photo_rel_);
      }
      // One a line; an item a little wider than the column is set a little smaller, so
      // LibreOffice does not break it after a hyphen.
      const int column = column_widths(st_, m_).side;
      for (const Item& it : contact) {
        pugi::xml_node p = paragraph(side, "Contact");
        RunProps props;
        props.half_points = contact_item_half_points(it.label, st_, m_, column);
        if (it.url.empty()) {
          text(p, it.label, it.span, props);
        } else {
          props.color = hex(st_.muted);
          link(p, it.label, it.url, it.span, props);
        }
      }
      return;
    }
    if (!contact.empty()) {
      // Explicit line breaks where the PDF breaks (balanced, whole items), measured on a line
      // a little narrower than the text width, and each separator glued to the item before
      // it: Word and LibreOffice never wrap inside an e-mail address, URL or place, nor start
      // a line with the separator.
      std::vector<std::string> shown;
      for (const Item& it : contact) shown.push_back(it.label);
      double beside = 0;  // a logo or photo anchored beside the header, with its gap (12 pt)
      for (const Logo* img : {logo_, photo_}) {
        if (img && img->align != "center") beside += img->cx / 12700.0 + 12;
      }
      std::vector<std::size_t> ends = contact_line_ends(shown, st_, m_, beside);
      pugi::xml_node p = paragraph(body, "Contact");
      for (std::size_t i = 0; i < contact.size(); ++i) {
        const Item& it = contact[i];
        if (it.url.empty()) {
          text(p, it.label, it.span);
        } else {
          // Muted like the rest of the line, as in the PDF; still Hyperlink-styled.
          RunProps muted;
          muted.color = hex(st_.muted);
          link(p, it.label, it.url, it.span, muted);
        }
        if (i + 1 == contact.size()) break;
        bool line_end = std::find(ends.begin(), ends.end(), i + 1) != ends.end();
        append_run(p, line_end ? "\n" : kContactSeparator, {});
      }
    }
  }

  // Two layouts, as in the PDF. Stacked: "Role <tab> dates" over "Organisation <tab> location".
  // Inline: "Role, Organisation <tab> location · dates". The dates and location use the
  // Entry Meta character style; the tab stop sits at the right margin.
  void entry(pugi::xml_node body, const Entry& e, bool first_in_section) {
    ParaProps hp;
    hp.style = "EntryHeading";
    if (first_in_section) hp.before = 0;  // the section heading already gives the gap
    pugi::xml_node p = paragraph(body, hp);
    const bool inline_layout = st_.entry_inline;
    const bool has_role = !e.role.empty();
    RunProps bold;
    bold.bold = true;
    RunProps meta;
    meta.style = "EntryMeta";
    text(p, has_role ? e.role : e.organisation, e.span, bold);
    // The date-column layout sets the dates in the column beside the entry (section_rows).
    std::string dates =
        date_column() ? std::string() : format_range(e.dates, st_.date_format, lang_);
    if (inline_layout) {
      if (has_role && !e.organisation.empty()) {
        append_run(p, ", ", {});
        text(p, e.organisation, e.span);
      }
      std::string right = e.location;
      if (!dates.empty()) right += (right.empty() ? "" : kSeparator) + dates;
      if (!right.empty()) {
        append_run(p, "\t", meta);
        text(p, right, e.span, meta);
      }
    } else if (!dates.empty()) {
      append_run(p, "\t", meta);
      text(p, dates, e.dates.start.span, meta);
    }
    const std::string org = (!inline_layout && has_role) ? e.organisation : std::string();
    const std::string location = inline_layout ? std::string() : e.location;
    if (!org.empty() || !location.empty() || !e.url.empty()) {
      pugi::xml_node d = paragraph(body, "EntryDetails");
      std::vector<Piece> pieces;
      RunProps italic;
      italic.italic = true;
      if (!org.empty()) pieces.push_back({org, italic, {}, e.span});
      if (!e.url.empty()) {
        if (!org.empty()) pieces.push_back({kSeparator, {}, {}, e.span});
        pieces.push_back({display_url(e.url), {}, e.url, e.span});
      }
      if (!location.empty()) {
        pieces.push_back({"\t", meta, {}, e.span});
        pieces.push_back({location, meta, {}, e.span});
      }
      write(d, std::move(pieces));
    }
    for (const Paragraph& para : e.description) inlines(paragraph(body, ""), para.text);
    for (const Bullet& b : e.bullets) bullet(body, b);
  }

  void bullet(pugi::xml_node body, const Bullet& b) {
    ParaProps props;
    props.style = "ListBullet";
    props.num_id = 1;  // also in the style; stated here for readers that ignore style numbering
    inlines(paragraph(body, props), b.text, Metrics::twips(st_.bullet_indent));
  }

  void skills(pugi::xml_node body, const SkillGroup& g, bool with_label = true) {
    pugi::xml_node p = paragraph(body, "SkillGroup");
    if (!g.label.empty() && with_label) {
      RunProps bold;
      bold.bold = true;
      text(p, g.label + ": ", g.span, bold);
    }
    // Items and separators of one look share a run: "a, b, c" is one run, not five, so a
    // group of many short items costs its text and not a run (four XML nodes) per piece.
    std::string pending;
    bool pending_keyword = false;
    auto flush = [&] {
      RunProps props;
      if (pending_keyword) props.style = "Keyword";
      append_run(p, pending, props);
      pending.clear();
    };
    auto add = [&](std::string_view piece, bool keyword) {
      if (keyword != pending_keyword) {
        flush();
        pending_keyword = keyword;
      }
      pending += piece;
    };
    bool first = true;
    for (const Skill& s : g.items) {
      if (!first) add(", ", false);
      first = false;
      add(clean_text(s.name, s.span, diags_), s.keyword);
    }
    flush();
  }

  bool date_column() const { return st_.layout == style::Layout::DateColumn; }

  /// Date-column layout: under the heading, a borderless table with a row per block: the
  /// dates (or the skill group's label) on the left, the entry on the right.
  void section_rows(pugi::xml_node body, const Section& s) {
    ColumnWidths cw = column_widths(st_, m_);
    int left = cw.side, gutter = cw.gutter, right = cw.main;
    pugi::xml_node table = layout_table(body, {left + gutter, right});
    const int outer = column_;
    bool first = true;
    for (const Block& b : s.blocks) {
      pugi::xml_node row = layout_row(table, false);
      pugi::xml_node aside = layout_cell(row, left + gutter, 0, gutter);
      pugi::xml_node main = layout_cell(row, right);
      column_ = right;
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              inlines(paragraph(main, ""), v.text);
            } else if constexpr (std::is_same_v<T, Bullet>) {
              bullet(main, v);
            } else if constexpr (std::is_same_v<T, SkillGroup>) {
              if (!v.label.empty()) {
                RunProps bold;
                bold.bold = true;
                text(paragraph(aside, "SkillGroup"), v.label, v.span, bold);
              }
              skills(main, v, false);
            } else {
              std::string dates = format_range(v.dates, st_.date_format, lang_);
              if (!dates.empty()) {
                ParaProps dp;
                dp.style = "EntryHeading";
                // Word and LibreOffice keep a table row with the next one when its cell's last
                // paragraph keeps with the next: a date alone in its cell would chain every
                // row, and LibreOffice then moves the whole table to a page of its own.
                dp.keep_next = false;
                if (first) dp.before = 0;
                RunProps meta;
                meta.style = "EntryMeta";
                text(paragraph(aside, dp), dates, v.dates.start.span, meta);
              }
              entry(main, v, first);
            }
          },
          b);
      finish_cell(aside);
      finish_cell(main);
      first = false;
    }
    column_ = outer;
  }

  void section(pugi::xml_node body, const Section& s) {
    // Capitals are the Heading1 style's w:caps; title case is written into the text.
    std::string heading = section_heading(s, doc_);
    if (st_.heading_titlecase && !st_.heading_uppercase) heading = locale::to_title(heading, lang_);
    text(paragraph(body, "Heading1"), heading, s.span);
    if (date_column()) {
      section_rows(body, s);
      return;
    }
    bool first = true;
    for (const Block& b : s.blocks) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              inlines(paragraph(body, ""), v.text);
            } else if constexpr (std::is_same_v<T, Bullet>) {
              bullet(body, v);
            } else if constexpr (std::is_same_v<T, SkillGroup>) {
              skills(body, v);
            } else {
              entry(body, v, first);
            }
          },
          b);
      first = false;
    }
  }

  /// "github.com/aysel" for "https://github.com/aysel": what a reader of the page sees.
  static std::string display_url(const std::string& url) {
    std::string s = url;
    for (const char* prefix : {"https://", "http://", "mailto:", "tel:"}) {
      std::string p = prefix;
      if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
        s = s.substr(p.size());
        break;
      }
    }
    if (s.size() > 4 && s.compare(0, 4, "www.") == 0) s = s.substr(4);
    if (!s.empty() && s.back() == '/') s.pop_back();
    return s;
  }

 private:
  const Document& doc_;
  std::string lang_;
  const style::Style& st_;
  const Metrics& m_;
  diag::Diagnostics& diags_;
  const Logo* logo_ = nullptr;
  std::string logo_rel_;
  int column_ = m_.text_width();  ///< the width of the column being written, in twips
  const Logo* photo_ = nullptr;
  std::string photo_rel_;
};

std::string header_footer(const char* root_name, const char* style, const std::string& line,
                          diag::Diagnostics& diags) {
  pugi::xml_document doc;
  add_declaration(doc);
  pugi::xml_node r = doc.append_child(root_name);
  r.append_attribute("xmlns:w") = kNsW;
  r.append_attribute("xmlns:r") = kNsR;
  pugi::xml_node p = r.append_child("w:p");
  ParaProps props;
  props.style = style;
  append_ppr(p, props);
  append_run(p, clean_text(line, {}, diags), {});
  return to_bytes(doc);
}

std::string rels_xml(const std::vector<Relationships::Rel>& items) {
  pugi::xml_document rels;
  add_declaration(rels);
  pugi::xml_node rr = rels.append_child("Relationships");
  rr.append_attribute("xmlns") = kNsRels;
  for (const Relationships::Rel& r : items) {
    pugi::xml_node n = rr.append_child("Relationship");
    n.append_attribute("Id") = r.id.c_str();
    n.append_attribute("Type") = r.type.c_str();
    n.append_attribute("Target") = r.target.c_str();
    if (r.external) n.append_attribute("TargetMode") = "External";
  }
  return to_bytes(rels);
}

}  // namespace

BodyParts build_body(const model::Document& doc, const style::Style& st, const RenderOptions&,
                     const Metrics& m, diag::Diagnostics& diags) {
  BodyWriter w(doc, st, m, diags);
  // Fixed relationships first, in a fixed order; hyperlinks follow in order of first use.
  w.rels.add("styles", "styles.xml");
  w.rels.add("numbering", "numbering.xml");
  w.rels.add("settings", "settings.xml");
  w.rels.add("fontTable", "fontTable.xml");
  BodyParts parts;
  std::string header_id, footer_id;
  if (!st.header_text.empty()) {
    header_id = w.rels.add("header", "header1.xml");
    parts.header = header_footer("w:hdr", "Header", st.header_text, diags);
  }
  if (!st.footer_text.empty()) {
    footer_id = w.rels.add("footer", "footer1.xml");
    parts.footer = header_footer("w:ftr", "Footer", st.footer_text, diags);
  }
  parts.logo = load_logo(st, m, diags);
  if (parts.logo)
    w.set_logo(&*parts.logo, w.rels.add("image", "media/logo." + parts.logo->extension));
  parts.photo = load_photo(doc.header, st, m, diags);
  if (parts.photo)
    w.set_photo(&*parts.photo, w.rels.add("image", "media/photo." + parts.photo->extension));

  pugi::xml_document xml;
  add_declaration(xml);
  pugi::xml_node root = xml.append_child("w:document");
  root.append_attribute("xmlns:w") = kNsW;
  root.append_attribute("xmlns:r") = kNsR;
  if (parts.logo || parts.photo) {
    root.append_attribute("xmlns:wp") =
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  }
  pugi::xml_node body = root.append_child("w:body");

  if (st.layout == style::Layout::Sidebar) {
    // One row of two cells: the sidebar (photo, contact details, its sections) and the main
    // column (name, headline, the other sections), as the PDF sets them.
    ColumnWidths cw = column_widths(st, m);
    int side = cw.side, gutter = cw.gutter, main = cw.main;
    pugi::xml_node table =
        layout_table(body, st.sidebar_right ? std::vector<int>{main + gutter, side}
                                            : std::vector<int>{side + gutter, main});
    pugi::xml_node row = layout_row(table, false);
    pugi::xml_node first = layout_cell(row, (st.sidebar_right ? main : side) + gutter, 0, gutter);
    pugi::xml_node second = layout_cell(row, st.sidebar_right ? side : main);
    pugi::xml_node side_cell = st.sidebar_right ? second : first;
    pugi::xml_node main_cell = st.sidebar_right ? first : second;
    w.header(main_cell, doc.header, side_cell);
    auto in_sidebar = [&](const Section& s) {
      return std::count(st.sidebar_sections.begin(), st.sidebar_sections.end(), s.kind) > 0;
    };
    w.set_column(main);
    for (const Section& s : doc.sections) {
      if (!in_sidebar(s)) w.section(main_cell, s);
    }
    w.set_column(side);
    for (model::SectionKind kind : st.sidebar_sections) {
      for (const Section& s : doc.sections) {
        if (s.kind == kind) w.section(side_cell, s);
      }
    }
    finish_cell(first);
    finish_cell(second);
  } else {
    w.header(body, doc.header);
    for (const Section& s : doc.sections) w.section(body, s);
  }
  mark_language(body, doc);

  // CT_SectPr order: headerReference, footerReference, pgSz, pgMar.
  pugi::xml_node sect = body.append_child("w:sectPr");
  if (!header_id.empty()) {
    pugi::xml_node h = sect.append_child("w:headerReference");
    h.append_attribute("w:type") = "default";
    h.append_attribute("r:id") = header_id.c_str();
  }
  if (!footer_id.empty()) {
    pugi::xml_node f = sect.append_child("w:footerReference");
    f.append_attribute("w:type") = "default";
    f.append_attribute("r:id") = footer_id.c_str();
  }
  pugi::xml_node sz = sect.append_child("w:pgSz");
  sz.append_attribute("w:w") = m.page_width;
  sz.append_attribute("w:h") = m.page_height;
  pugi::xml_node mar = sect.append_child("w:pgMar");
  mar.append_attribute("w:top") = m.margin_top;
  mar.append_attribute("w:right") = m.margin_right;
  mar.append_attribute("w:bottom") = m.margin_bottom;
  mar.append_attribute("w:left") = m.margin_left;
  mar.append_attribute("w:header") = m.margin_top / 2;
  mar.append_attribute("w:footer") = m.margin_bottom / 2;
  mar.append_attribute("w:gutter") = 0;
  parts.document = to_bytes(xml);

  parts.rels = rels_xml(w.rels.items());
  return parts;
}

}  // namespace tailor::writer::docx
