// Smart punctuation at the writers: the typeset formats (here HTML) print the marks, the
// plain ones (text, Markdown) keep the source spelling, and `smart_punctuation: no` keeps it
// everywhere. Runs split by the rule engine are set as one text.
#include "writer/smart_text.hpp"

#include <gtest/gtest.h>

#include "style/style.hpp"
#include "writer/html/html.hpp"
#include "writer/markdown/markdown.hpp"
#include "writer/pdf_fixtures.hpp"
#include "writer/text/text.hpp"

namespace tailor::test {
namespace {

model::Document quoted(const std::string& lang) {
  model::Document d;
  d.header.name.value = "Jane O'Neil";
  d.header.email.value = "o'neil@example.com";
  d.header.language.value = lang;
  model::Section s;
  s.kind = model::SectionKind::Summary;
  s.title = "Summary";
  model::Paragraph p;
  // A keyword split off by the rule engine sits between the quotation marks.
  p.text = {run("Built \""), run("Kafka", true, true), run("\" pipelines, 2019--2021")};
  s.blocks.push_back(p);
  d.sections.push_back(s);
  return d;
}

TEST(SmartText, QuotesAroundAKeywordRunAreSetAcrossRuns) {
  model::Document storage;
  const model::Document& d = writer::typographic(quoted("de"), true, storage);
  const auto& runs = std::get<model::Paragraph>(d.sections[0].blocks[0]).text;
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].text, "Built \u201E");
  EXPECT_EQ(runs[1].text, "Kafka");
  EXPECT_TRUE(runs[1].keyword);
  EXPECT_EQ(runs[2].text, "\u201C pipelines, 2019\u20132021");
  EXPECT_EQ(d.header.name.value, "Jane O\u2019Neil");
  EXPECT_EQ(d.header.email.value, "o'neil@example.com");  // an address is never changed
}

TEST(SmartText, OffReturnsTheDocumentItself) {
  model::Document source = quoted("en"), storage;
  EXPECT_EQ(&writer::typographic(source, false, storage), &source);
}

TEST(SmartText, HtmlIsTypesetTextAndMarkdownKeepTheSource) {
  style::Style st;
  writer::RenderOptions o;
  o.style = &st;
  diag::Diagnostics diags;
  model::Document d = quoted("en");
  std::string html, text, md;
  ASSERT_TRUE(writer::write_html(d, o, html, diags));
  ASSERT_TRUE(writer::write_text(d, o, text, diags));
  ASSERT_TRUE(writer::write_markdown(d, o, md, diags));
  EXPECT_NE(html.find("\u201C"), std::string::npos);
  EXPECT_NE(html.find("2019\u20132021"), std::string::npos);
  EXPECT_NE(text.find("Built \"Kafka\" pipelines, 2019--2021"), std::string::npos) << text;
  EXPECT_NE(md.find("2019--2021"), std::string::npos) << md;
  EXPECT_EQ(text.find("\u201C"), std::string::npos);
  st.smart_punctuation = false;
  ASSERT_TRUE(writer::write_html(d, o, html, diags));
  EXPECT_EQ(html.find("\u201C"), std::string::npos);
  EXPECT_NE(html.find("2019--2021"), std::string::npos);
}

}  // namespace
}  // namespace tailor::test
