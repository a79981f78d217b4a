// The .style loader: built-in styles load, and every kind of mistake is located.
#include <gtest/gtest.h>

#include <algorithm>

#include "style/load.hpp"
#include "support/test_support.hpp"

namespace tailor::test {
namespace {

std::string errors_for(const std::string& text) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  std::uint32_t id = sm.add("bad.style", text);
  auto s = style::parse_style(id, text, diags);
  EXPECT_FALSE(s.has_value());
  return diag::render_all(diags, sm);
}

TEST(PdfStyle, BuiltinStylesLoad) {
  for (const std::string& name : style::builtin_style_names()) {
    model::SourceManager sm;
    diag::Diagnostics diags;
    auto s = style::load_style(name, sm, diags);
    ASSERT_TRUE(s.has_value()) << diag::render_all(diags, sm);
    EXPECT_EQ(s->name, name);
    EXPECT_TRUE(diags.empty());
    EXPECT_FALSE(s->section_order.empty());
  }
  std::vector<std::string> names = style::builtin_style_names();
  for (const char* shipped : {"classic", "compact", "modern", "engineering"}) {
    EXPECT_TRUE(std::count(names.begin(), names.end(), shipped)) << shipped;
  }
  EXPECT_GE(names.size(), 6u);
}

TEST(PdfStyle, ValuesAndUnits) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  std::string text =
      "% comment\nmargin: 10mm 1in\nbody_size: 11pt  % trailing comment\naccent_color: #1F4E79\n"
      "muted_color: #abc\nheader_text: 100\\% remote\nsection_order: skills, experience\n"
      "heading_style: bar\npaper: letter\n";
  auto s = style::parse_style(sm.add("ok.style", text), text, diags);
  ASSERT_TRUE(s.has_value()) << diag::render_all(diags, sm);
  EXPECT_NEAR(s->margin_top, 28.35, 0.01);
  EXPECT_NEAR(s->margin_right, 72, 1e-9);
  EXPECT_EQ(s->body_size, 11);
  EXPECT_EQ(s->accent, (style::Color{0x1F, 0x4E, 0x79}));
  EXPECT_EQ(s->muted, (style::Color{0xAA, 0xBB, 0xCC}));
  EXPECT_EQ(s->header_text, "100% remote");
  EXPECT_EQ(s->section_order, (std::vector<model::SectionKind>{model::SectionKind::Skills,
                                                               model::SectionKind::Experience}));
  EXPECT_EQ(s->heading_style, style::HeadingStyle::Bar);
  EXPECT_EQ(s->paper, style::Paper::Letter);
}

TEST(PdfStyle, ContactLabelsAndTitleCaseAreYesNoKeys) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  std::string text = "contact_labels: yes\nheading_titlecase: yes\n";
  auto s = style::parse_style(sm.add("ok.style", text), text, diags);
  ASSERT_TRUE(s.has_value()) << diag::render_all(diags, sm);
  EXPECT_TRUE(s->contact_labels);
  EXPECT_TRUE(s->heading_titlecase);
  EXPECT_FALSE(style::Style{}.contact_labels);
  EXPECT_FALSE(style::Style{}.heading_titlecase);
  EXPECT_NE(errors_for("contact_labels: maybe\n").find("contact_labels"), std::string::npos);
}

TEST(PdfStyle, UnknownKeySuggests) {
  EXPECT_EQ(errors_for("body_szie: 10\n"),
            "bad.style:1:1: error: unknown style key 'body_szie'\n"
            " 1 | body_szie: 10\n"
            "   | ^~~~~~~~~\n"
            "hint: did you mean 'body_size'?\n");
}

TEST(PdfStyle, BadColourIsLocatedAtTheValue) {
  EXPECT_EQ(errors_for("name: x\naccent_color: blue\n"),
            "bad.style:2:15: error: bad colour 'blue'\n"
            " 2 | accent_color: blue\n"
            "   |               ^~~~\n"
            "hint: write a hex colour such as #1F4E79 or #333\n");
}

TEST(PdfStyle, BadNumbersAndRanges) {
  std::string e = errors_for("body_size: ten\nname_size: 500\nline_height: 1.2pt\n");
  EXPECT_NE(e.find("bad.style:1:12: error: bad number 'ten' for body_size"), std::string::npos)
      << e;
  EXPECT_NE(e.find("bad.style:2:12: error: name_size must be between 6 and 72 pt"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("bad.style:3:14: error: bad number '1.2pt' for line_height"), std::string::npos)
      << e;
}

TEST(PdfStyle, UnknownSectionKindSuggests) {
  std::string e = errors_for("section_order: summary, experiance, skills\n");
  EXPECT_NE(e.find("bad.style:1:25: error: unknown section kind 'experiance'"), std::string::npos)
      << e;
  EXPECT_NE(e.find(" 1 | section_order: summary, experiance, skills\n"
                   "   |                         ^~~~~~~~~~\n"
                   "hint: did you mean 'experience'?"),
            std::string::npos)
      << e;
}

TEST(PdfStyle, MalformedLinesAndDuplicates) {
  std::string e = errors_for("just words\nbody_size: 10\nbody_size: 11\nheading_style: fancy\n");
  EXPECT_NE(e.find("bad.style:1:1: error: expected 'key: value'"), std::string::npos) << e;
  EXPECT_NE(e.find("bad.style:3:1: error: 'body_size' is set twice"), std::string::npos) << e;
  EXPECT_NE(e.find("bad.style:4:16: error: unknown heading_style 'fancy'"), std::string::npos) << e;
}

TEST(PdfStyle, UnknownStyleNameSuggests) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  EXPECT_FALSE(style::load_style("modren", sm, diags).has_value());
  std::string e = diag::render_all(diags, sm);
  EXPECT_NE(e.find("unknown style 'modren'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'modern'?"), std::string::npos) << e;
}

}  // namespace
}  // namespace tailor::test
