// The Markdown and HTML writers' escaping and style derivation (the client tests read whole
// documents back with pandoc and Chromium).
#include <gtest/gtest.h>

#include "style/style.hpp"
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

}  // namespace
}  // namespace tailor::test
