#include "reader/yaml_blocks.hpp"

#include <cctype>

#include "reader/markdown_inline.hpp"

namespace tailor::reader {

model::Paragraph markdown_paragraph(const yaml::Node& v) {
  model::Paragraph p;
  p.text = markdown_runs(v.text, v.span);
  p.span = v.span;
  return p;
}

model::Bullet markdown_bullet(const yaml::Node& v) {
  model::Bullet b;
  b.text = markdown_runs(v.text, v.span);
  b.span = v.span;
  return b;
}

std::string markdown_plain(const yaml::Node& v, std::string* url) {
  model::Inlines runs = markdown_runs(v.text, v.span);
  if (url) {
    for (const model::Run& r : runs) {
      if (!r.url.empty()) {
        *url = r.url;
        break;
      }
    }
  }
  return model::plain_text(runs);
}

model::SkillGroup comma_group(const std::string& label, const model::SourceSpan& label_span,
                              const yaml::Node& details, const model::SourceSpan& span) {
  model::SkillGroup g;
  g.span = span;
  g.label = label;
  std::string plain = markdown_plain(details);
  int depth = 0;
  std::string item;
  auto flush = [&] {
    std::size_t a = item.find_first_not_of(" \t\n");
    std::size_t b = item.find_last_not_of(" \t\n");
    if (a != std::string::npos) {
      g.items.push_back(model::Skill{item.substr(a, b - a + 1), false, details.span});
    }
    item.clear();
  };
  for (char c : plain) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  if (g.items.empty() && !label.empty()) {
    g.items.push_back(model::Skill{label, false, label_span});
    g.label.clear();
  }
  return g;
}

std::string title_from_key(const std::string& key) {
  for (char c : key) {
    if (c == ' ' || std::isupper(static_cast<unsigned char>(c))) return key;
  }
  std::string out;
  bool word_start = true;
  for (char c : key) {
    if (c == '_') {
      out += ' ';
      word_start = true;
      continue;
    }
    out += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    word_start = false;
  }
  return out;
}

model::Section make_section(const std::string& title, const model::SourceSpan& span) {
  model::Section s;
  s.title = title;
  s.kind = model::section_kind_from_title(title);
  s.span = span;
  return s;
}

}  // namespace tailor::reader
