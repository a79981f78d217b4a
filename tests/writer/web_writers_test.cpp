// The Markdown and HTML writers' escaping and style derivation (the client tests read whole
// documents back with pandoc and Chromium).
#include <gtest/gtest.h>

#include "style/style.hpp"
#include "support/test_support.hpp"
#include "writer/html/html.hpp"
#include "writer/markdown/markdown.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

using writer::markdown::escape;

TEST(MarkdownEscape, InlineMarkupCharactersAreBackslashed) {
  EXPECT_EQ(escape("*a* _b_ [c](d) <e> `f` ~g~ |h| \\i", false),
            "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\~g\\~ \\|h\\| \\\\i");
  EXPECT_EQ(escape("R&D &amp; &#42; & x", false), "R&D \\&amp; \\&#42; & x");
}

TEST(MarkdownEscape, BlockStartsAreEscapedOnlyAtTheLineStart) {
  EXPECT_EQ(escape("# no heading", true), "\\# no heading");
  EXPECT_EQ(escape("- no list", true), "\\- no list");
  EXPECT_EQ(escape("+ no list", true), "\\+ no list");
  EXPECT_EQ(escape("> no quote", true), "\\> no quote");
  EXPECT_EQ(escape("2021. A year", true), "2021\\. A year");
  EXPECT_EQ(escape("3) three", true), "3\\) three");
  EXPECT_EQ(escape("C# - 2021. ok", false), "C# - 2021. ok");
  EXPECT_EQ(escape("   # indented", true), "\\# indented");
}

TEST(MarkdownWriter, KeepsEmphasisAndLinksAndEscapesTheRest) {
  model::Document d;
  d.header.name.value = "Ada *Star*";
  model::Section s;
  s.kind = model::SectionKind::Summary;
  s.title = "Summary";
  model::Paragraph p;
  p.text = {run("Wrote "), run("Go", true), run(" and "),
            run("docs", false, false, "https://x.dev/a_(b)")};
  p.text.push_back(run(" [sic]"));
  s.blocks.push_back(p);
  d.sections.push_back(s);
  style::Style st;
  writer::RenderOptions o;
  o.style = &st;
  std::string out;
  diag::Diagnostics diags;
  ASSERT_TRUE(writer::write_markdown(d, o, out, diags));
  EXPECT_NE(out.find("# Ada \\*Star\\*\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Wrote **Go** and [docs](<https://x.dev/a_(b)>) \\[sic\\]"), std::string::npos)
      << out;
}

TEST(HtmlEscape, MarkupAndControlsNeverReachThePage) {
  EXPECT_EQ(writer::html::escape("<a href=\"x\">'&'</a>\x01\x7F"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(HtmlJsonLd, NoTextCanCloseTheScriptElement) {
  model::Document d;
  d.header.name.value = "Ada </script><script>alert(1)</script> <!-- &";
  std::string j = writer::html::person_json_ld(d);
  EXPECT_EQ(j.find('<'), std::string::npos) << j;
  EXPECT_EQ(j.find('>'), std::string::npos) << j;
  EXPECT_NE(j.find("\\u003c/script\\u003e"), std::string::npos) << j;
  EXPECT_NE(j.find("\"@type\": \"Person\""), std::string::npos) << j;
}

TEST(HtmlStyleSheet, ComesFromTheStyleFile) {
  style::Style st;
  st.body_font = "Liberation Sans";
  st.heading_font = "Evil\"; } body { display: none";
  st.accent = {0x1F, 0x5F, 0x8B};
  st.body_size = 10.5;
  st.heading_uppercase = true;
  st.heading_style = style::HeadingStyle::Bar;
  st.paper = style::Paper::Letter;
  std::string css = writer::html::style_sheet(st);
  EXPECT_NE(css.find("--accent: #1f5f8b"), std::string::npos) << css;
  EXPECT_NE(css.find("\"Liberation Sans\", sans-serif"), std::string::npos) << css;
  EXPECT_NE(css.find("font-size: 10.5pt"), std::string::npos) << css;
  EXPECT_NE(css.find("text-transform: uppercase"), std::string::npos) << css;
  EXPECT_NE(css.find("border-inline-start: 3pt solid"), std::string::npos) << css;
  EXPECT_NE(css.find("size: letter"), std::string::npos) << css;
  // A font name cannot end its string or rule.
  EXPECT_EQ(css.find("display: none"), std::string::npos) << css;
}

// The header's photo in the page (issue 18): a data: URI of the file's bytes with alternative
// text; a photo that cannot be embedded is a warning at its line, never silently missing.
TEST(HtmlImages, PhotoIsEmbeddedWithAltTextOrWarnedAbout) {
  model::Document d;
  d.header.name.value = "Lalə Məmmədova";
  d.header.photo.value = "rgb.png";
  d.header.photo.span.line = 3;
  d.header.photo_file = source_path("tests/fixtures/photos/rgb.png");
  style::Style st;
  st.photo_size = 60;
  st.photo_shape = style::PhotoShape::Rounded;
  diag::Diagnostics diags;
  writer::html::HeaderImages im = writer::html::header_images(d, st, diags);
  EXPECT_TRUE(diags.items().empty());
  EXPECT_EQ(im.html.rfind("<img class=\"photo\" src=\"data:image/png;base64,iVBORw0KGgo", 0), 0u)
      << im.html.substr(0, 80);
  EXPECT_NE(im.html.find("alt=\"Photo of Lalə Məmmədova\""), std::string::npos);
  EXPECT_NE(im.css.find("width: 60pt; height: 60pt"), std::string::npos) << im.css;
  EXPECT_NE(im.css.find("border-radius: 16.6667%"), std::string::npos) << im.css;

  // A style without a photo size shows none, as in the PDF.
  st.photo_size = 0;
  EXPECT_TRUE(writer::html::header_images(d, st, diags).html.empty());
  EXPECT_TRUE(diags.items().empty());

  st.photo_size = 60;
  for (const char* value : {"missing.png", "https://example.com/me.png"}) {
    diag::Diagnostics warned;
    d.header.photo.value = value;
    d.header.photo_file = std::string(value).find(':') == std::string::npos
                              ? source_path("tests/fixtures/photos/") + value
                              : std::string();
    EXPECT_TRUE(writer::html::header_images(d, st, warned).html.empty());
    ASSERT_EQ(warned.items().size(), 1u) << value;
    EXPECT_EQ(warned.items()[0].severity, diag::Severity::Warning);
    EXPECT_EQ(warned.items()[0].span.line, 3u);
    EXPECT_NE(warned.items()[0].message.find("left out"), std::string::npos);
  }
}

}  // namespace
}  // namespace tailor::test
