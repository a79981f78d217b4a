// The DOCX speaks the document's language: w:lang on runs and in the defaults, w:bidi and
// w:rtl on right-to-left text, and the eastAsia / cs font slots from the locale files.
#include <gtest/gtest.h>

#include <regex>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"
#include "writer/writer.hpp"

using namespace tailor;
namespace fx = tailor::test::docx_fixtures;

namespace {

std::string flat_xml(const model::Document& doc) {
  style::Style st = fx::classic();
  writer::RenderOptions o;
  o.style = &st;
  std::string out;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::write_docx_xml(doc, o, out, d));
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

model::Document arabic() {
  model::Document doc;
  doc.header.name.value = "ليلى حداد";
  doc.header.language.value = "ar";
  model::Section s = fx::section(model::SectionKind::Experience, "الخبرة العملية");
  model::Paragraph p;
  p.text = {fx::run("بنيت خدمة Go لأربعين فرعاً")};
  s.blocks.push_back(p);
  model::Paragraph latin;
  latin.text = {fx::run("Built a Go service")};
  s.blocks.push_back(latin);
  doc.sections.push_back(s);
  return doc;
}

}  // namespace

TEST(DocxLanguage, RightToLeftParagraphsAndRunsAreMarked) {
  std::string x = flat_xml(arabic());
  // Name, heading and the Arabic paragraph are right to left; the English one is not.
  EXPECT_EQ(count(x, "<w:bidi/>"), 3u) << x;
  EXPECT_EQ(count(x, "<w:rtl/>"), 3u);
  std::regex english("<w:p>(?:(?!</w:p>).)*Built a Go service");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(x, m, english));
  EXPECT_EQ(m.str().find("<w:bidi/>"), std::string::npos) << m.str();
}

TEST(DocxLanguage, RunsAndDefaultsCarryTheLanguageAndScriptFonts) {
  std::string x = flat_xml(arabic());
  EXPECT_GE(count(x, "<w:lang w:val=\"ar\" w:bidi=\"ar\"/>"), 4u) << x;  // defaults + runs
  EXPECT_NE(x.find("w:cs=\"Noto Naskh Arabic\""), std::string::npos);
  model::Document ja = arabic();
  ja.header.language.value = "ja";
  std::string y = flat_xml(ja);
  EXPECT_NE(y.find("<w:lang w:val=\"ja\" w:eastAsia=\"ja\"/>"), std::string::npos);
  EXPECT_NE(y.find("w:eastAsia=\"Noto Sans CJK JP\""), std::string::npos);
}

TEST(DocxLanguage, NoLanguageMeansNoLangElements) {
  model::Document doc = fx::aysel();
  std::string x = flat_xml(doc);
  EXPECT_EQ(x.find("<w:lang"), std::string::npos);
  EXPECT_EQ(x.find("<w:bidi/>"), std::string::npos);
}

TEST(DocxLanguage, HeadingsAndDatesAreLocalised) {
  model::Document doc = fx::aysel();
  doc.header.language.value = "de";
  std::string x = flat_xml(doc);
  EXPECT_NE(x.find(">Berufserfahrung<"), std::string::npos);
  EXPECT_EQ(x.find(">Experience<"), std::string::npos);
}
