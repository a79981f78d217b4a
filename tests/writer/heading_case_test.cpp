// Heading case (style keys heading_uppercase and heading_titlecase): by the document's
// language, in the PDF and the DOCX.
#include <gtest/gtest.h>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/writer.hpp"

using namespace tailor;
namespace fx = tailor::test::docx_fixtures;

namespace {

model::Document with_heading(const std::string& title, const std::string& lang) {
  model::Document doc;
  doc.header.name.value = "Aysel Məmmədova";
  doc.header.language.value = lang;
  model::Section s = fx::section(model::SectionKind::Custom, title);
  model::Paragraph p;
  p.text = {fx::run("Text.")};
  s.blocks.push_back(p);
  doc.sections.push_back(s);
  return doc;
}

std::string pdf_text(const model::Document& doc, const style::Style& st) {
  writer::pdf::DisplayList dl;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::pdf::layout_document(doc, st, {}, writer::pdf::installed_face, dl, &d));
  std::string out;
  for (const writer::pdf::Op& op : dl.ops) {
    if (op.kind == writer::pdf::Op::Kind::Text) out += op.text + "\n";
  }
  return out;
}

style::Style titled() {
  style::Style st = fx::classic();
  st.heading_titlecase = true;
  return st;
}

}  // namespace

TEST(HeadingCase, TitleCaseUsesTheLanguageInPdfAndDocx) {
  struct Case {
    const char* lang;
    const char* written;
    const char* shown;
  };
  for (const Case& c : {Case{"az", "işlər və layihələr", "İşlər Və Layihələr"},
                        Case{"tr", "ilk işler", "İlk İşler"},
                        Case{"nl", "ijsselmeer projecten", "IJsselmeer Projecten"},
                        Case{"en", "open source", "Open Source"}}) {
    model::Document doc = with_heading(c.written, c.lang);
    EXPECT_NE(pdf_text(doc, titled()).find(c.shown), std::string::npos) << c.lang;
    EXPECT_NE(fx::flat_opc(doc, titled()).find(c.shown), std::string::npos) << c.lang;
  }
}

TEST(HeadingCase, UpperCaseWinsAndNeitherKeepsTheHeadingAsWritten) {
  model::Document doc = with_heading("işlər", "az");
  style::Style both = titled();
  both.heading_uppercase = true;
  EXPECT_NE(pdf_text(doc, both).find("İŞLƏR"), std::string::npos);
  style::Style plain = fx::classic();
  std::string pdf = pdf_text(doc, plain);
  EXPECT_NE(pdf.find("işlər"), std::string::npos) << pdf;
  EXPECT_EQ(pdf.find("İşlər"), std::string::npos) << pdf;
}
