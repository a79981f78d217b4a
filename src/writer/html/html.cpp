#include "writer/html/html.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/links.hpp"
#include "base/strings.hpp"
#include "locale/text.hpp"
#include "writer/format.hpp"
#include "writer/smart_text.hpp"

namespace tailor::writer {

namespace {

using namespace tailor::model;
using html::escape;

/// An <a> for a safe address (https, http, mailto, tel: the link policy every writer shares);
/// anything else stays text.
std::string anchor(const std::string& url, const std::string& inner_html) {
  std::string safe = base::normalise_link(url);
  if (safe.empty()) return inner_html;
  return "<a href=\"" + escape(safe) + "\" rel=\"noopener\">" + inner_html + "</a>";
}

std::string inlines(const Inlines& runs) {
  std::string out;
  for (std::size_t i = 0; i < runs.size();) {
    const std::string& url = runs[i].url;
    std::size_t j = i;
    std::string inner;
    do {
      const Run& r = runs[j];
      std::string t = escape(r.text);
      if (r.emph) t = "<em>" + t + "</em>";
      if (r.strong) t = "<strong>" + t + "</strong>";
      if (r.keyword && !r.strong) t = "<b class=\"keyword\">" + t + "</b>";
      inner += t;
      ++j;
    } while (!url.empty() && j < runs.size() && runs[j].url == url);
    if (url.empty()) {
      out += inner;
    } else if (base::normalise_link(url).empty()) {
      out += inner + " [" + escape(url) + "]";  // as the text writer: the address as text
    } else {
      out += anchor(url, inner);
    }
    i = j;
  }
  return out;
}

/// A date as <time datetime>: "2021-04" for a month, "2021" for a year; "present" as text.
std::string time_html(const Date& d, const std::string& style, const std::string& lang) {
  std::string shown = escape(format_date(d, style, lang));
  if (d.present || d.year == 0) return shown;
  char buf[48];
  if (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month >= 1 && d.month <= 12) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return "<time datetime=\"" + std::string(buf) + "\">" + shown + "</time>";
}

std::string range_html(const DateRange& r, const std::string& style, const std::string& lang) {
  std::string a = r.start.empty() ? "" : time_html(r.start, style, lang);
  std::string b = r.end.empty() ? "" : time_html(r.end, style, lang);
  if (b.empty()) return a;
  if (a.empty()) return b;
  return a + " \u2013 " + b;
}

/// "experience", "custom-open-source": an id for a section's heading.
std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string bullets(const std::vector<Bullet>& items) {
  std::string out = "<ul class=\"bullets\">\n";
  for (const Bullet& b : items) out += "<li>" + inlines(b.text) + "</li>\n";
  return out + "</ul>\n";
}

}  // namespace

bool write_html(const Document& source, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags) {
  Document typeset;
  const Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  const style::Style& st = *options.style;
  const Header& h = doc.header;
  const std::string& lang = h.language.value;
  const locale::LocaleData* loc = document_locale(doc);
  bool rtl =
      loc ? loc->rtl : locale::is_rtl_paragraph(h.name.empty() ? h.headline.value : h.name.value);
  std::string title = h.name.value;
  if (!h.headline.empty()) title += (title.empty() ? "" : " \u2014 ") + h.headline.value;

  out.clear();
  out += "<!DOCTYPE html>\n<html lang=\"" + escape(lang.empty() ? "und" : lang) + "\" dir=\"" +
         (rtl ? "rtl" : "ltr") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // The page fetches nothing and runs nothing; the browser enforces it.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"Tailor " + escape(options.version) + "\">\n";
  out += "<title>" + escape(title.empty() ? "Resume" : title) + "</title>\n";
  html::HeaderImages images = html::header_images(doc, st, diags);
  out += "<style>\n" + html::style_sheet(st) + images.css + "</style>\n";
  out += "<script type=\"application/ld+json\">" + html::person_json_ld(doc) + "</script>\n";
  out += "</head>\n<body>\n<header>\n" + images.html;
  if (!h.name.empty()) out += "<h1>" + escape(h.name.value) + "</h1>\n";
  if (!h.headline.empty()) out += "<p class=\"headline\">" + escape(h.headline.value) + "</p>\n";
  std::vector<std::string> contact;
  if (!h.email.empty()) contact.push_back(anchor("mailto:" + h.email.value, escape(h.email.value)));
  if (!h.phone.empty()) {
    std::string tel = "tel:";
    for (char c : h.phone.value) {
      if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && tel.size() == 4)) tel += c;
    }
    contact.push_back(anchor(tel, escape(h.phone.value)));
  }
  if (!h.address.empty()) contact.push_back(escape(h.address.value));
  if (!h.location.empty()) contact.push_back(escape(h.location.value));
  for (const Link& l : h.links) {
    std::string label = l.label == "Website" ? contact_label("website", l.label, doc) : l.label;
    std::string url = base::normalise_link(l.url);
    std::string shown = url.empty() ? l.url : url;
    for (const char* pre : {"https://", "http://"}) {
      if (shown.rfind(pre, 0) == 0) shown = shown.substr(std::string(pre).size());
    }
    while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    std::string inner = escape(shown);
    if (!label.empty() && label != l.url) {
      inner = "<span class=\"label\">" + escape(label) + ":</span> " + inner;
    }
    contact.push_back(anchor(l.url, inner));
  }
  if (!contact.empty()) {
    out += "<ul class=\"contact\">\n";
    for (const std::string& c : contact) out += "<li>" + c + "</li>\n";
    out += "</ul>\n";
  }
  out += "</header>\n<main>\n";

  std::string date_style = st.date_format;
  std::vector<std::string> ids;
  for (const Section& s : doc.sections) {
    std::string heading = section_heading(s, doc);
    std::string id = slug(std::string(to_string(s.kind)) == "custom" ? heading : to_string(s.kind));
    if (id.empty()) id = "section";
    std::string unique = id;
    for (int n = 2; std::find(ids.begin(), ids.end(), unique) != ids.end(); ++n) {
      unique = id + "-" + std::to_string(n);
    }
    ids.push_back(unique);
    out += "<section aria-labelledby=\"" + unique + "\">\n<h2 id=\"" + unique + "\">" +
           escape(heading) + "</h2>\n";
    std::vector<Bullet> list;
    auto flush = [&] {
      if (!list.empty()) out += bullets(list);
      list.clear();
    };
    for (const Block& b : s.blocks) {
      if (const auto* bl = std::get_if<Bullet>(&b)) {
        list.push_back(*bl);
        continue;
      }
      flush();
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
              out += "<p>" + inlines(v.text) + "</p>\n";
            } else if constexpr (std::is_same_v<T, SkillGroup>) {
              out += "<p class=\"skills\">";
              if (!v.label.empty()) out += "<strong>" + escape(v.label) + ":</strong> ";
              for (std::size_t i = 0; i < v.items.size(); ++i) {
                const Skill& sk = v.items[i];
                out += sk.keyword ? "<b>" + escape(sk.name) + "</b>" : escape(sk.name);
                if (i + 1 < v.items.size()) out += ", ";
              }
              out += "</p>\n";
            } else if constexpr (std::is_same_v<T, Entry>) {
              out += "<article>\n<h3>";
              if (!v.role.empty()) out += escape(v.role);
              if (!v.organisation.empty()) {
                out += "<span class=\"org\">" +
                       std::string(v.role.empty() || !st.entry_inline ? "" : ", ") +
                       escape(v.organisation) + "</span>";
              }
              out += "</h3>\n";
              std::string dates = range_html(v.dates, date_style, lang);
              if (!v.location.empty() || !dates.empty()) {
                out += "<p class=\"meta\">" + escape(v.location) +
                       (v.location.empty() || dates.empty() ? "" : " \u00B7 ") + dates + "</p>\n";
              }
              if (!v.url.empty()) {
                std::string url = base::normalise_link(v.url);
                out += "<p class=\"meta\">" + anchor(v.url, escape(url.empty() ? v.url : url)) +
                       "</p>\n";
              }
              for (const Paragraph& p : v.description) out += "<p>" + inlines(p.text) + "</p>\n";
              if (!v.bullets.empty()) out += bullets(v.bullets);
              out += "</article>\n";
            }
          },
          b);
    }
    flush();
    out += "</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return true;
}

}  // namespace tailor::writer
