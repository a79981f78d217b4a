// describe_style: the resolved keys of a style, after `extends`, as .style text.
#include "style/describe.hpp"

#include <cstdio>

namespace tailor::style {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string color(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

/// '%' starts a comment in a style file; a literal one is written "\%".
std::string escaped(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '%') out += '\\';
    out += c;
  }
  return out;
}

const char* heading_style_name(HeadingStyle h) {
  switch (h) {
    case HeadingStyle::Rule:
      return "rule";
    case HeadingStyle::Plain:
      return "plain";
    case HeadingStyle::Bar:
      return "bar";
  }
  return "rule";
}

}  // namespace

std::string describe_style(const Style& s) {
  std::string out;
  auto line = [&](const char* key, const std::string& value) {
    out += key;
    out += ": ";
    out += value;
    out += '\n';
  };
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) line(key, escaped(value));
  };
  text("name", s.name);
  text("description", s.description);
  line("paper", to_string(s.paper));
  line("margin", num(s.margin_top) + " " + num(s.margin_right) + " " + num(s.margin_bottom) + " " +
                     num(s.margin_left));
  text("body_font", s.body_font);
  text("heading_font", s.heading_font);
  line("name_size", num(s.name_size));
  line("headline_size", num(s.headline_size));
  line("heading_size", num(s.heading_size));
  line("body_size", num(s.body_size));
  line("small_size", num(s.small_size));
  line("text_color", color(s.text));
  line("accent_color", color(s.accent));
  line("muted_color", color(s.muted));
  line("line_height", num(s.line_height));
  line("paragraph_spacing", num(s.paragraph_spacing));
  line("section_spacing_before", num(s.section_spacing_before));
  line("section_spacing_after", num(s.section_spacing_after));
  line("entry_spacing", num(s.entry_spacing));
  line("bullet_indent", num(s.bullet_indent));
  line("bullet", s.bullet);
  line("heading_style", heading_style_name(s.heading_style));
  line("heading_uppercase", s.heading_uppercase ? "yes" : "no");
  line("heading_small_caps", s.heading_small_caps ? "yes" : "no");
  line("heading_letter_spacing", num(s.heading_letter_spacing));
  line("header_align", s.header_centered ? "center" : "left");
  line("entry_layout", s.entry_inline ? "inline" : "stacked");
  line("date_format", s.date_format);
  line("smart_punctuation", s.smart_punctuation ? "yes" : "no");
  auto kinds = [&](const char* key, const std::vector<model::SectionKind>& list) {
    std::string v;
    for (model::SectionKind k : list)
      v += (v.empty() ? "" : ", ") + std::string(model::to_string(k));
    if (!v.empty()) line(key, v);
  };
  kinds("section_order", s.section_order);
  line("layout", s.layout == Layout::Sidebar      ? "sidebar"
                 : s.layout == Layout::DateColumn ? "date-column"
                                                  : "single");
  line("sidebar_width", num(s.sidebar_width));
  line("sidebar_side", s.sidebar_right ? "right" : "left");
  kinds("sidebar_sections", s.sidebar_sections);
  line("date_column_width", num(s.date_column_width));
  line("photo_size", num(s.photo_size));
  line("photo_shape", s.photo_shape == PhotoShape::Circle    ? "circle"
                      : s.photo_shape == PhotoShape::Rounded ? "rounded"
                                                             : "square");
  line("photo_side", s.photo_left ? "left" : "right");
  text("logo", s.logo);
  text("header_text", s.header_text);
  text("footer_text", s.footer_text);
  return out;
}

}  // namespace tailor::style
