#include "writer/format.hpp"

#include <cstdio>

#include "locale/dates.hpp"

namespace tailor::writer {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace

std::string format_date(const model::Date& d, const std::string& style, const std::string& lang) {
  if (d.present) {
    const locale::LocaleData* l = lang.empty() ? nullptr : locale::Catalog::instance().find(lang);
    return l ? l->present : "present";
  }
  if (d.year == 0) return {};
  char buf[32];
  if (d.month >= 1 && d.month <= 12) {
    if (style == "mon yyyy") return locale::format_month_year(d.year, d.month, lang);
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

std::string format_range(const model::DateRange& r, const std::string& style,
                         const std::string& lang) {
  std::string a = format_date(r.start, style, lang);
  std::string b = format_date(r.end, style, lang);
  if (b.empty()) return a;
  if (a.empty()) return b;
  return a + " \u2013 " + b;
}

const locale::LocaleData* document_locale(const model::Document& doc) {
  if (doc.header.language.empty()) return nullptr;
  return locale::Catalog::instance().find(doc.header.language.value);
}

std::string section_heading(const model::Section& s, const model::Document& doc) {
  if (s.kind == model::SectionKind::Custom) return s.title;
  const locale::LocaleData* l = document_locale(doc);
  if (!l) return s.title;
  auto it = l->headings.find(s.kind);
  return it == l->headings.end() ? s.title : it->second;
}

std::string page_of(int page, int pages, const model::Document& doc) {
  const locale::LocaleData* l = document_locale(doc);
  std::string pattern = l ? l->page : "page {page} of {pages}";
  pattern = replace_all(pattern, "{pages}", std::to_string(pages));
  return replace_all(pattern, "{page}", std::to_string(page));
}

std::string contact_label(const std::string& key, const std::string& fallback,
                          const model::Document& doc) {
  const locale::LocaleData* l = document_locale(doc);
  if (!l) return fallback;
  auto it = l->labels.find(key);
  return it == l->labels.end() ? fallback : it->second;
}

std::string contact_text(const std::string& key, const std::string& own_label,
                         const std::string& value, bool labelled, const model::Document& doc) {
  if (!labelled || value.empty()) return value;
  std::string label = own_label;
  if (!key.empty()) {
    const locale::LocaleData* l = document_locale(doc);
    const locale::LocaleData* en = locale::Catalog::instance().find("en");
    for (const locale::LocaleData* d : {l, en}) {
      if (!d) continue;
      if (auto it = d->labels.find(key); it != d->labels.end()) {
        label = it->second;
        break;
      }
    }
  }
  return label.empty() ? value : label + ": " + value;
}

std::string link_label_key(const model::Link& link) {
  return link.label == "Website" ? "website" : "";
}

}  // namespace tailor::writer
