#include "writer/markdown/markdown.hpp"

#include <cctype>

#include "base/links.hpp"
#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "writer/format.hpp"

namespace tailor::writer {

namespace markdown {

std::string escape(const std::string& text, bool line_start) {
  std::string out;
  out.reserve(text.size() + 8);
  // Leading spaces would make an indented code block, or vanish.
  std::size_t i = 0;
  while (line_start && i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (line_start && i < text.size()) {
    char c = text[i];
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    // "1. " or "1) " would start an ordered list; "#", "-", "+", ">", "=" a block.
    if (j > i && j < text.size() && (text[j] == '.' || text[j] == ')')) {
      out.append(text, i, j - i);
      out += '\\';
      i = j;
    } else if (c == '#' || c == '-' || c == '+' || c == '=') {  // '>' is escaped below
      out += '\\';
    }
  }
  for (; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      out += ' ';  // a control or newline would break the block
      continue;
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '&': {
        // "&amp;" or "&#42;" would be read as an entity; "R&D" would not.
        std::size_t j = i + 1;
        if (j < text.size() && text[j] == '#') ++j;
        std::size_t name = j;
        while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
        if (j > name && j < text.size() && text[j] == ';') out += '\\';
        out += '&';
        break;
      }
      case '!':
        out += '!';
        break;
      default:
        out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace markdown

namespace {

using namespace tailor::model;
using markdown::escape;

/// A link destination in angle brackets: nothing can end it early ("(", ")", spaces).
std::string destination(const std::string& url) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '\\') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ">";
}

/// Emphasis around text, with its outer spaces outside the delimiters (GFM does not open
/// emphasis before a space).
std::string emphasise(const std::string& text, bool strong, bool emph) {
  std::string marks = strong && emph ? "***" : strong ? "**" : emph ? "*" : "";
  std::size_t a = text.find_first_not_of(' ');
  if (marks.empty() || a == std::string::npos) return escape(text, false);
  std::size_t b = text.find_last_not_of(' ');
  return text.substr(0, a) + marks + escape(text.substr(a, b - a + 1), false) + marks +
         text.substr(b + 1);
}

/// Runs as Markdown: runs of one look are merged, a link label may span several runs, and a
/// link with an unsafe scheme stays text with its address in brackets (as in the text writer).
std::string inlines(const Inlines& runs, bool line_start) {
  std::string out;
  for (std::size_t i = 0; i < runs.size();) {
    const Run& r = runs[i];
    if (!r.url.empty()) {
      std::size_t j = i;
      std::string label;
      while (j < runs.size() && runs[j].url == r.url) {
        label += emphasise(runs[j].text, runs[j].strong || runs[j].keyword, runs[j].emph);
        ++j;
      }
      std::string url = base::normalise_link(r.url);
      if (url.empty()) {
        out += label + " \\[" + escape(r.url, false) + "\\]";
      } else {
        out += "[" + label + "](" + destination(url) + ")";
      }
      i = j;
      continue;
    }
    std::string text = r.text;
    bool strong = r.strong || r.keyword;
    std::size_t j = i + 1;
    while (j < runs.size() && runs[j].url.empty() &&
           (runs[j].strong || runs[j].keyword) == strong && runs[j].emph == r.emph) {
      text += runs[j++].text;
    }
    std::string piece = emphasise(text, strong, r.emph);
    if (out.empty() && line_start && !strong && !r.emph) piece = escape(text, true);
    out += piece;
    i = j;
  }
  return out;
}

/// "GitHub: [github.com/x](https://github.com/x)": the label, then the address as the PDF
/// shows it (no scheme, no trailing slash), linked. An unsafe address stays text.
std::string link_line(const std::string& label, const std::string& raw_url) {
  std::string url = base::normalise_link(raw_url);
  std::string shown = url.empty() ? raw_url : url;
  for (const char* pre : {"https://", "http://", "mailto:"}) {
    if (shown.rfind(pre, 0) == 0) shown = shown.substr(std::string(pre).size());
  }
  while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  std::string out = label.empty() || label == raw_url ? "" : escape(label, false) + ": ";
  if (url.empty()) return out + escape(raw_url, false);
  return out + "[" + escape(shown, false) + "](" + destination(url) + ")";
}

}  // namespace

bool write_markdown(const Document& doc, const RenderOptions& options, std::string& out,
                    diag::Diagnostics&) {
  const std::string date_style = options.style ? options.style->date_format : "yyyy-mm";
  const std::string& lang = doc.header.language.value;
  const Header& h = doc.header;
  out.clear();
  if (!h.name.empty()) out += "# " + escape(h.name.value, false) + "\n\n";
  if (!h.headline.empty()) out += escape(h.headline.value, true) + "\n\n";
  std::vector<std::string> contact;
  if (!h.email.empty()) {
    std::string url = base::normalise_link("mailto:" + h.email.value);
    contact.push_back(url.empty()
                          ? escape(h.email.value, false)
                          : "[" + escape(h.email.value, false) + "](" + destination(url) + ")");
  }
  for (const Field* f : {&h.phone, &h.address, &h.location}) {
    if (!f->empty()) contact.push_back(escape(f->value, false));
  }
  for (const Link& l : h.links) {
    std::string label = l.label == "Website" ? contact_label("website", l.label, doc) : l.label;
    contact.push_back(link_line(label, l.url));
  }
  // One item a line: a hard line break (backslash) keeps them apart without a list.
  for (std::size_t i = 0; i < contact.size(); ++i) {
    out += contact[i] + (i + 1 < contact.size() ? " \\\n" : "\n\n");
  }

  for (const Section& s : doc.sections) {
    out += "## " + escape(section_heading(s, doc), false) + "\n\n";
    bool in_list = false;
    for (const Block& b : s.blocks) {
      bool bullet = std::holds_alternative<Bullet>(b);
      if (in_list && !bullet) out += "\n";
      in_list = bullet;
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              out += inlines(v.text, true) + "\n\n";
            } else if constexpr (std::is_same_v<T, Bullet>) {
              out += "- " + inlines(v.text, true) + "\n";
            } else if constexpr (std::is_same_v<T, SkillGroup>) {
              std::string items;
              for (const Skill& sk : v.items) {
                if (!items.empty()) items += ", ";
                items += sk.keyword ? "**" + escape(sk.name, false) + "**" : escape(sk.name, false);
              }
              out +=
                  (v.label.empty() ? "" : "**" + escape(v.label, false) + ":** ") + items + "\n\n";
            } else {
              std::string heading = base::join_nonempty({v.role, v.organisation}, ", ");
              out += "### " + escape(heading, false) + "\n\n";
              std::string dates = format_range(v.dates, date_style, lang);
              std::string where = base::join_nonempty({v.location, dates}, " \u00B7 ");
              if (!where.empty()) out += "*" + escape(where, false) + "*\n\n";
              if (!v.url.empty()) out += link_line({}, v.url) + "\n\n";
              for (const Paragraph& p : v.description) out += inlines(p.text, true) + "\n\n";
              for (const Bullet& bl : v.bullets) out += "- " + inlines(bl.text, true) + "\n";
              if (!v.bullets.empty()) out += "\n";
            }
          },
          b);
    }
    if (in_list) out += "\n";
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return true;
}

}  // namespace tailor::writer
