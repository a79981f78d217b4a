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
  std::string x = fx::flat_opc(arabic(), fx::classic());
  // Name, heading and the Arabic paragraph are right to left; the English one is not.
  EXPECT_EQ(count(x, "<w:bidi/>"), 3u) << x;
  EXPECT_EQ(count(x, "<w:rtl/>"), 3u);
  std::regex english("<w:p>(?:(?!</w:p>).)*Built a Go service");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(x, m, english));
  EXPECT_EQ(m.str().find("<w:bidi/>"), std::string::npos) << m.str();
}

TEST(DocxLanguage, LatinEntryLinesOfARightToLeftDocumentAreRightToLeft) {
  // A Hebrew resume whose first entry has a Latin role, organisation and place: its heading
  // and details lines are laid out right to left like the Hebrew entry's (role at the right,
  // dates at the left), while the Latin runs themselves are not marked right to left.
  model::Document doc;
  doc.header.name.value = "Noa Cohen";
  doc.header.language.value = "he";
  model::Section s = fx::section(model::SectionKind::Experience, "ניסיון");
  model::Entry latin;
  latin.role = "Senior Go Engineer";
  latin.organisation = "Wix";
  latin.location = "Tel Aviv";
  latin.dates.start = {2021, 4, 0, false, fx::at(3)};
  latin.dates.end = {0, 0, 0, true, fx::at(3)};
  latin.bullets.push_back(fx::bullet({fx::run("Built the Go payments service.")}));
  s.blocks.push_back(latin);
  model::Entry hebrew;
  hebrew.role = "מהנדסת תוכנה";
  hebrew.organisation = "בנק הפועלים";
  hebrew.dates.start = {2017, 2, 0, false, fx::at(6)};
  s.blocks.push_back(hebrew);
  doc.sections.push_back(s);
  std::string x = fx::flat_opc(doc, fx::classic());
  auto paragraph_with = [&](const std::string& text) {
    std::regex re("<w:p>(?:(?!</w:p>).)*" + text + "(?:(?!</w:p>).)*</w:p>");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(x, m, re)) << text << "\n" << x;
    return m.str();
  };
  for (const char* text : {"Noa Cohen", "Senior Go Engineer", "Wix", "מהנדסת תוכנה"}) {
    EXPECT_NE(paragraph_with(text).find("<w:bidi/>"), std::string::npos) << text;
  }
  std::string role = paragraph_with("Senior Go Engineer");
  std::regex latin_run("<w:r>(?:(?!</w:r>).)*Senior Go Engineer");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(role, m, latin_run));
  EXPECT_EQ(m.str().find("<w:rtl/>"), std::string::npos) << m.str();
  // An English sentence keeps its own direction, so its full stop stays at its end.
  EXPECT_EQ(paragraph_with("Built the Go payments service").find("<w:bidi/>"), std::string::npos);
  // The same entry in an English document is left to right.
  doc.header.language.value = "en";
  doc.sections[0].title = "Experience";
  x = fx::flat_opc(doc, fx::classic());
  EXPECT_EQ(paragraph_with("Senior Go Engineer").find("<w:bidi/>"), std::string::npos);
}

TEST(DocxLanguage, RunsAndDefaultsCarryTheLanguageAndScriptFonts) {
  std::string x = fx::flat_opc(arabic(), fx::classic());
  EXPECT_GE(count(x, "<w:lang w:val=\"ar\" w:bidi=\"ar\"/>"), 4u) << x;  // defaults + runs
  EXPECT_NE(x.find("w:cs=\"Noto Naskh Arabic\""), std::string::npos);
  model::Document ja = arabic();
  ja.header.language.value = "ja";
  std::string y = fx::flat_opc(ja, fx::classic());
  EXPECT_NE(y.find("<w:lang w:val=\"ja\" w:eastAsia=\"ja\"/>"), std::string::npos);
  EXPECT_NE(y.find("w:eastAsia=\"Noto Sans CJK JP\""), std::string::npos);
}

TEST(DocxLanguage, NoLanguageMeansNoLangElements) {
  model::Document doc = fx::aysel();
  std::string x = fx::flat_opc(doc, fx::classic());
  EXPECT_EQ(x.find("<w:lang"), std::string::npos);
  EXPECT_EQ(x.find("<w:bidi/>"), std::string::npos);
}

TEST(DocxLanguage, HeadingsAndDatesAreLocalised) {
  model::Document doc = fx::aysel();
  doc.header.language.value = "de";
  std::string x = fx::flat_opc(doc, fx::classic());
  EXPECT_NE(x.find(">Berufserfahrung<"), std::string::npos);
  EXPECT_EQ(x.find(">Experience<"), std::string::npos);
}
