#include "writer/native/native.hpp"

#include <cstdio>

#include "writer/format.hpp"

namespace tailor::writer {

namespace {

using namespace tailor::model;

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string span(const SourceSpan& s) {
  if (!s.known()) return "";
  return " @" + std::to_string(s.line) + ":" + std::to_string(s.col) + "-" +
         std::to_string(s.end_line) + ":" + std::to_string(s.end_col);
}

std::string tags(const std::vector<std::string>& t) {
  if (t.empty()) return "";
  std::string out = " {";
  for (std::size_t i = 0; i < t.size(); ++i) out += (i ? ", " : "") + t[i];
  return out + "}";
}

class Dumper {
 public:
  std::string out;

  void line(int depth, const std::string& s) { out += std::string(depth * 2, ' ') + s + '\n'; }

  void field(int depth, const char* name, const Field& f) {
    if (!f.empty()) line(depth, std::string(name) + " " + quote(f.value) + span(f.span));
  }

  void inlines(int depth, const Inlines& runs) {
    for (const Run& r : runs) {
      std::string s = "run";
      if (r.strong) s += " strong";
      if (r.emph) s += " emph";
      if (r.keyword) s += " keyword";
      s += " " + quote(r.text);
      if (!r.url.empty()) s += " <" + r.url + ">";
      line(depth, s + span(r.span));
    }
  }

  void paragraph(int depth, const Paragraph& p) {
    line(depth, "paragraph" + tags(p.tags) + span(p.span));
    inlines(depth + 1, p.text);
  }

  void bullet(int depth, const Bullet& b) {
    line(depth, "bullet" + tags(b.tags) + span(b.span));
    inlines(depth + 1, b.text);
  }

  void group(int depth, const SkillGroup& g) {
    line(depth, "group " + quote(g.label) + tags(g.tags) + span(g.span));
    for (const Skill& s : g.items) {
      line(depth + 1,
           std::string("skill ") + (s.keyword ? "keyword " : "") + quote(s.name) + span(s.span));
    }
  }

  void entry(int depth, const Entry& e) {
    line(depth, "entry" + tags(e.tags) + span(e.span));
    if (!e.role.empty()) line(depth + 1, "role " + quote(e.role));
    if (!e.organisation.empty()) line(depth + 1, "organisation " + quote(e.organisation));
    if (!e.location.empty()) line(depth + 1, "location " + quote(e.location));
    std::string dates = format_range(e.dates, "yyyy-mm");
    if (!dates.empty()) {
      auto iso = [](const Date& d) {
        if (d.present) return std::string("present");
        char buf[16];
        if (d.day) {
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        } else if (d.month) {
          std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
        } else {
          std::snprintf(buf, sizeof buf, "%04d", d.year);
        }
        return std::string(buf);
      };
      std::string s = "dates " + iso(e.dates.start);
      if (!e.dates.end.empty()) s += " .. " + iso(e.dates.end);
      line(depth + 1, s);
    }
    if (!e.url.empty()) line(depth + 1, "url <" + e.url + ">");
    for (const Paragraph& p : e.description) paragraph(depth + 1, p);
    for (const Bullet& b : e.bullets) bullet(depth + 1, b);
  }

  void document(const Document& d) {
    line(0, "document");
    line(1, "header");
    field(2, "name", d.header.name);
    field(2, "headline", d.header.headline);
    field(2, "email", d.header.email);
    field(2, "phone", d.header.phone);
    field(2, "location", d.header.location);
    field(2, "address", d.header.address);
    field(2, "photo", d.header.photo);
    field(2, "lang", d.header.language);
    field(2, "ref", d.header.ref);
    for (const Link& l : d.header.links) {
      line(2, "link " + quote(l.label) + " <" + l.url + ">" + span(l.span));
    }
    if (!d.meta.target_role.empty() || !d.meta.keywords.empty()) {
      line(1, "meta");
      if (!d.meta.target_role.empty()) line(2, "target-role " + quote(d.meta.target_role));
      for (const std::string& k : d.meta.keywords) line(2, "keyword " + quote(k));
    }
    for (const Section& s : d.sections) {
      line(1, std::string("section ") + to_string(s.kind) + " " + quote(s.title) + tags(s.tags) +
                  span(s.span));
      for (const Block& b : s.blocks) {
        std::visit(
            [&](const auto& v) {
              using T = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<T, Paragraph>) {
                paragraph(2, v);
              } else if constexpr (std::is_same_v<T, Bullet>) {
                bullet(2, v);
              } else if constexpr (std::is_same_v<T, Entry>) {
                entry(2, v);
              } else {
                group(2, v);
              }
            },
            b);
      }
    }
  }
};

}  // namespace

std::string dump_native(const model::Document& doc) {
  Dumper d;
  d.document(doc);
  return std::move(d.out);
}

}  // namespace tailor::writer
