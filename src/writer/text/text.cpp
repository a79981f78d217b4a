#include "writer/text/text.hpp"

#include "base/links.hpp"
#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "writer/format.hpp"
#include "writer/native/native.hpp"

namespace tailor::writer {

namespace {

using namespace tailor::model;

// Inline text; a link whose label differs from its address keeps the address in
// parentheses, so nothing is lost when pasted. A label may be several runs ("[**Go** tools]"):
// the address follows the whole label, once. An unsafe address is kept, as text in brackets.
std::string inline_text(const Inlines& runs) {
  std::string out;
  std::string label;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    out += r.text;
    if (r.url.empty()) continue;
    label += r.text;
    if (i + 1 < runs.size() && runs[i + 1].url == r.url) continue;
    std::string url = base::normalise_link(r.url);
    if (url.empty()) {
      // Not a link: the address is shown as text, in brackets, never in the "(address)"
      // position that reads as a link.
      out += " [" + r.url + "]";
    } else if (url != label && url != "https://" + label && url != "mailto:" + label) {
      out += " (" + url + ")";
    }
    label.clear();
  }
  return out;
}

std::string underline(const std::string& title, char c) {
  return title + "\n" + std::string(base::count_code_points(title), c) + "\n";
}

/// Drops control characters (C0 but tab and newline, DEL, C1): text output is printed to
/// terminals, and an escape sequence in a stranger's resume must not reach one.
void drop_controls(std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      ++i;  // U+0080..U+009F
      continue;
    }
    out += s[i];
  }
  s = std::move(out);
}

bool write_text_raw(const Document& doc, const RenderOptions& options, std::string& out,
                    diag::Diagnostics& diags);

}  // namespace

bool write_text(const Document& doc, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags) {
  bool ok = write_text_raw(doc, options, out, diags);
  drop_controls(out);
  return ok;
}

namespace {

bool write_text_raw(const Document& doc, const RenderOptions& options, std::string& out,
                    diag::Diagnostics&) {
  const std::string date_style = options.style ? options.style->date_format : "yyyy-mm";
  const Header& h = doc.header;
  if (!h.name.empty()) out += h.name.value + "\n";
  if (!h.headline.empty()) out += h.headline.value + "\n";
  bool labels = options.style && options.style->contact_labels;
  std::string contact =
      base::join_nonempty({contact_text("email", "", h.email.value, labels, doc),
                           contact_text("phone", "", h.phone.value, labels, doc), h.address.value,
                           contact_text("location", "", h.location.value, labels, doc)},
                          " | ");
  if (!contact.empty()) out += contact + "\n";
  for (const Link& l : h.links) {
    std::string url = base::normalise_link(l.url);
    if (url.empty()) url = l.url;  // kept as text: the reader already warned
    // "Website" is the label the reader gives a 'website:' line: it speaks the document's language.
    std::string key = link_label_key(l);
    std::string label = key.empty() ? l.label : contact_label(key, l.label, doc);
    out += (label.empty() || l.label == l.url) ? url + "\n" : label + ": " + url + "\n";
  }

  for (const Section& s : doc.sections) {
    out += "\n" + underline(section_heading(s, doc), '-');
    bool first = true;
    for (const Block& b : s.blocks) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              out += inline_text(v.text) + "\n";
            } else if constexpr (std::is_same_v<T, Bullet>) {
              out += "- " + inline_text(v.text) + "\n";
            } else if constexpr (std::is_same_v<T, SkillGroup>) {
              std::vector<std::string> names;
              for (const Skill& sk : v.items) names.push_back(sk.name);
              std::string items = base::join_nonempty(names, ", ");
              out += v.label.empty() ? items + "\n" : v.label + ": " + items + "\n";
            } else {
              if (!first) out += "\n";
              std::string heading =
                  base::join_nonempty({v.role, v.organisation, v.location}, " | ");
              std::string dates = format_range(v.dates, date_style, h.language.value);
              out += base::join_nonempty({heading, dates}, " | ") + "\n";
              if (!v.url.empty()) {
                std::string url = base::normalise_link(v.url);
                out += (url.empty() ? v.url : url) + "\n";
              }
              for (const Paragraph& p : v.description) out += inline_text(p.text) + "\n";
              for (const Bullet& bl : v.bullets) out += "- " + inline_text(bl.text) + "\n";
            }
            first = false;
          },
          b);
    }
  }
  return true;
}

}  // namespace

bool write_native(const Document& doc, const RenderOptions&, std::string& out, diag::Diagnostics&) {
  out = dump_native(doc);
  return true;
}

}  // namespace tailor::writer
