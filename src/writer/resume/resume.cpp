// The .resume writer: the inverse of src/reader/resume_markup.cpp (see docs/markup.md).
#include "writer/resume/resume.hpp"
#include "locale/catalog.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "base/strings.hpp"

namespace tailor::writer {

namespace {

using namespace tailor::model;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// One line of output: newlines in model text become spaces.
std::string one_line(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

/// Backslash before every character in `special` (and before every backslash).
std::string escape(const std::string& s, const char* special) {
  std::string out;
  for (char c : one_line(s)) {
    if (c == '\\' || (c != '\0' && std::strchr(special, c) != nullptr)) out += '\\';
    out += c;
  }
  return out;
}

/// Characters that would start markup at the beginning of a line: "- ", "==", "%", and the
/// Markdown habits the reader accepts or warns about ("* ", "• ", "# ", "## ", "-text", "+ ",
/// "---", "1. ").
std::string protect_line_start(const std::string& line) {
  auto blank_at = [&](std::size_t i) { return i < line.size() && is_blank(line[i]); };
  if (line.empty()) return line;
  char c = line[0];
  if (c == '-' || line.rfind("==", 0) == 0 || c == '%' || (c == '*' && blank_at(1)) ||
      (c == '+' && blank_at(1)) || c == '#' || line.rfind("***", 0) == 0 ||
      line.rfind("___", 0) == 0 || line.rfind("\xE2\x80\xA2", 0) == 0) {
    return "\\" + line;
  }
  std::size_t d = 0;
  while (d < line.size() && d < 3 && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')') && blank_at(d + 1)) {
    return line.substr(0, d) + "\\" + line.substr(d);
  }
  return line;
}

/// What the reader takes for an unlabelled skill group in a skills-like section: every
/// comma-separated item at most four words, none ending a sentence (docs/markup.md).
bool reads_as_list(const std::string& text) {
  std::size_t words = 0;
  bool any = false;
  char last = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ',';
    if (c == ',') {
      if (last == '.' || last == '!' || last == '?' || words > 4) return false;
      words = 0;
      last = 0;
      continue;
    }
    if (!is_blank(c) && (i == 0 || is_blank(text[i - 1]) || text[i - 1] == ',')) ++words;
    if (!is_blank(c)) {
      last = c;
      any = true;
    }
  }
  return any;
}

/// " {a, b}", dropping characters a tag cannot hold.
std::string tag_list(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) {
    std::string clean;
    for (char c : one_line(t)) {
      if (c != ',' && c != '{' && c != '}') clean += c;
    }
    clean = base::trim(clean);
    if (clean.empty()) continue;
    out += (out.empty() ? " {" : ", ") + clean;
  }
  return out.empty() ? out : out + "}";
}

std::string date_text(const Date& d) {
  if (d.present) return "present";
  if (d.year < 1 || d.year > 9999) return {};
  char buf[16];
  if (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month >= 1 && d.month <= 12) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

bool url_writable(const std::string& url) {
  return !url.empty() && std::none_of(url.begin(), url.end(), [](char c) {
    return is_blank(c) || c == '<' || c == '>' || c == '\n' || c == '\r';
  });
}

/// Parentheses in a link target must balance, or the reader would end the URL early.
bool parens_balance(const std::string& url) {
  int depth = 0;
  for (char c : url) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

class Writer {
 public:
  explicit Writer(diag::Diagnostics& diags) : diags_(diags) {}
  std::string out;

  void document(const Document& d) {
    header(d.header);
    for (const Section& s : d.sections) section(s);
  }

 private:
  diag::Diagnostics& diags_;
  bool list_section_ = false;

  void lossy(const SourceSpan& span, const std::string& what) {
    diags_.warning(span, "the .resume markup cannot hold this: " + what);
  }

  /// A value that must stay on one line of markup (a field, a label, a skill, a bullet's
  /// text): its line breaks become spaces, and reading it back gives the spaces. Says so.
  std::string flat(const std::string& s, const SourceSpan& at, const std::string& what) {
    if (s.find_first_of("\r\n") != std::string::npos) {
      lossy(at, "a line break in " + what + " is written as a space");
    }
    return one_line(s);
  }

  // ---------------------------------------------------------------- header

  void field(const char* key, const Field& f) {
    std::string v = base::trim(flat(f.value, f.span, std::string("the ") + key + " field"));
    if (v.empty()) return;
    std::string k = std::string(key) + ":";
    k.resize(std::max<std::size_t>(k.size() + 1, 10), ' ');
    out += k + escape(v, "") + "\n";
  }

  void header(const Header& h) {
    field("name", h.name);
    field("headline", h.headline);
    field("email", h.email);
    field("phone", h.phone);
    field("location", h.location);
    field("address", h.address);
    field("photo", h.photo);
    field("lang", h.language);
    field("ref", h.ref);
    for (const Link& l : h.links) {
      if (!url_writable(l.url)) {
        lossy(l.span, "a link without a usable address ('" + l.label + "') is left out");
        continue;
      }
      std::string label = base::trim(flat(l.label, l.span, "a link label"));
      out += "link:     ";
      if (!label.empty() && label != l.url) out += escape(label, "<>") + " ";
      out += "<" + l.url + ">\n";
    }
  }

  // ---------------------------------------------------------------- sections

  void section(const Section& s) {
    std::string title = base::trim(flat(s.title, s.span, "a section title"));
    if (title.empty()) title = to_string(s.kind);
    if (title.empty()) title = "Section";
    if (locale::section_kind_for_title(title) != s.kind) {
      lossy(s.span, "the section kind comes from its title; '" + title + "' reads back as " +
                        to_string(locale::section_kind_for_title(title)) + ", not " +
                        to_string(s.kind));
    }
    out += "\n== " + escape(title, "{}") + tag_list(s.tags) + "\n";
    list_section_ = s.kind == SectionKind::Skills || s.kind == SectionKind::Languages ||
                    s.kind == SectionKind::Interests;
    bool in_entry = false;
    const Block* previous = nullptr;
    for (const Block& b : s.blocks) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Entry>) {
              if (previous != nullptr) out += "\n";
              entry(v);
              in_entry = true;
            } else {
              if (in_entry && !(std::is_same_v<T, SkillGroup> && list_section_)) {
                lossy(v.span, "text after an entry is read back as part of that entry");
              }
              if constexpr (std::is_same_v<T, Paragraph>) {
                if (previous != nullptr) out += "\n";
                if (list_section_ && !in_entry && reads_as_list(plain_text(v.text))) {
                  lossy(v.span,
                        "a short unlabelled line in a Skills, Languages or Interests "
                        "section is read back as a skill group");
                }
                paragraph(v.text, v.tags, v.span);
              } else if constexpr (std::is_same_v<T, Bullet>) {
                if (previous != nullptr && !std::holds_alternative<Bullet>(*previous)) out += "\n";
                if (list_section_ && !in_entry) {
                  lossy(v.span,
                        "a bullet in a Skills, Languages or Interests section is read back as a "
                        "skill group");
                }
                bullet(v);
              } else {
                if (previous != nullptr && !std::holds_alternative<SkillGroup>(*previous)) {
                  out += "\n";
                }
                group(v);
                if (list_section_) in_entry = false;
              }
            }
          },
          b);
      previous = &b;
    }
  }

  void paragraph(const Inlines& text, const std::vector<std::string>& tags, const SourceSpan& at) {
    std::string body = inlines(text, list_section_);
    if (body.empty()) {
      // A blank line, or "{tags}" alone, would not read back (or would not pass check).
      lossy(at, "an empty paragraph is left out");
      return;
    }
    std::string line = protect_line_start(body);
    out += line + tag_list(tags) + "\n";
  }

  void bullet(const Bullet& b) {
    std::string body = inlines(b.text, false);
    if (body.empty()) {
      lossy(b.span, "an empty bullet is left out");  // "- " alone is an error on reading
      return;
    }
    out += "- " + body + tag_list(b.tags) + "\n";
  }

  void group(const SkillGroup& g) {
    if (!list_section_) {
      lossy(g.span, "a skill group outside Skills, Languages or Interests is read back as text");
    }
    std::string line = escape(base::trim(flat(g.label, g.span, "a skill group's label")), ":{}*");
    line = protect_line_start(line) + ":";
    bool first = true;
    for (const Skill& s : g.items) {
      std::string item = skill_item(base::trim(flat(s.name, s.span, "a skill")));
      if (item.empty()) continue;
      line += (first ? " " : ", ") + item;
      first = false;
    }
    out += line + tag_list(g.tags) + "\n";
  }

  /// Commas split items only outside parentheses; unbalanced parentheses are escaped so
  /// they cannot swallow the next item's comma.
  static std::string skill_item(const std::string& name) {
    int depth = 0;
    bool balanced = true;
    for (char c : name) {
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) balanced = false;
    }
    balanced = balanced && depth == 0;
    std::string out;
    depth = 0;
    for (char c : name) {
      if (c == '\\' || c == '{' || c == '}' || (!balanced && (c == '(' || c == ')'))) {
        out += '\\';
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else if (c == ',' && depth == 0) {
        out += '\\';
      }
      out += c;
    }
    return out;
  }

  // ---------------------------------------------------------------- entries

  void entry(const Entry& e) {
    std::vector<std::string> fields = {
        escape(base::trim(flat(e.role, e.span, "an entry's role")), "|{}<"),
        escape(base::trim(flat(e.organisation, e.span, "an entry's organisation")), "|{}<"),
        escape(base::trim(flat(e.location, e.span, "an entry's location")), "|{}<")};
    std::string start = date_text(e.dates.start);
    std::string end = date_text(e.dates.end);
    if (!start.empty() && !e.dates.start.present) {
      fields.push_back(end.empty() ? start : start + " \u2013 " + end);
    } else if (!e.dates.start.empty() || !e.dates.end.empty()) {
      lossy(e.span, "dates without a start year (0001..9999) are left out");
    }
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    // "=== Role | Org | | 2021": empty fields keep their bars, without doubled spaces.
    std::string line = "===";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line += " |";
      if (!fields[i].empty()) line += " " + fields[i];
    }
    if (fields.empty()) line += " ";
    if (!e.url.empty()) {
      if (url_writable(e.url)) {
        line += " <" + e.url + ">";
      } else {
        lossy(e.span, "an entry link with spaces or angle brackets is left out");
      }
    }
    out += line + tag_list(e.tags) + "\n";
    for (std::size_t i = 0; i < e.description.size(); ++i) {
      if (i > 0) out += "\n";
      paragraph(e.description[i].text, e.description[i].tags, e.description[i].span);
    }
    for (const Bullet& b : e.bullets) bullet(b);
  }

  // ---------------------------------------------------------------- inlines

  /// Runs back to markup. Bold and italic markers are written where the formatting changes,
  /// which is exactly how the reader toggles them.
  std::string inlines(const Inlines& runs, bool guard_colon) {
    std::string s;
    bool strong = false, emph = false;
    auto toggle = [&](const Run& r, const std::string& body) {
      // An opening marker must touch text: move leading blanks in front of it.
      std::size_t lead = 0;
      bool opening = (r.strong && !strong) || (r.emph && !emph);
      if (opening) {
        while (lead < body.size() && is_blank(body[lead])) ++lead;
        s += body.substr(0, lead);
      }
      if (r.strong != strong) s += "**";
      if (r.emph != emph) s += "*";
      strong = r.strong;
      emph = r.emph;
      return body.substr(lead);
    };
    for (const Run& r : runs) {
      std::string text = escape(flat(r.text, r.span, "a paragraph or bullet"), "*{}[]<");
      if (guard_colon) {
        // In a skills-like section any "word: " would make the line a skill group.
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '\\') {
            ++i;
          } else if (text[i] == ':' && (i + 1 == text.size() || is_blank(text[i + 1]))) {
            text.insert(i, "\\");
            ++i;
          }
        }
      }
      std::string url = r.url;
      if (!url.empty() && (!url_writable(url) || !parens_balance(url))) {
        lossy(r.span, "a link with spaces or unbalanced parentheses keeps only its text");
        url.clear();
      }
      if (url.empty()) {
        s += toggle(r, text);
      } else {
        s += "[" + toggle(r, escape(r.text, "*{}[]<")) + "](" + url + ")";
      }
    }
    if (emph) s += "*";
    if (strong) s += "**";
    return base::trim(s);
  }
};

}  // namespace

bool write_resume(const model::Document& doc, const RenderOptions&, std::string& out,
                  diag::Diagnostics& diags) {
  Writer w(diags);
  w.document(doc);
  out = std::move(w.out);
  return true;
}

}  // namespace tailor::writer
