// Contact labels (style key contact_labels): every labelled contact kind of the locale files,
// in the document's language, in the PDF, DOCX and text writers; nothing when the style does
// not ask for them.
#include <gtest/gtest.h>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/text/text.hpp"
#include "writer/writer.hpp"

using namespace tailor;
namespace fx = tailor::test::docx_fixtures;

namespace {

style::Style labelled(bool on) {
  style::Style st = fx::classic();
  st.contact_labels = on;
  return st;
}

std::string text_of(const model::Document& doc, const style::Style& st) {
  writer::RenderOptions o;
  o.style = &st;
  std::string out;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::write_text(doc, o, out, d));
  return out;
}

/// The text of every op on the PDF's first page, joined.
std::string pdf_text_of(const model::Document& doc, const style::Style& st) {
  writer::pdf::DisplayList dl;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::pdf::layout_document(doc, st, {}, writer::pdf::installed_face, dl, &d));
  std::string out;
  for (const writer::pdf::Op& op : dl.ops) {
    if (op.kind == writer::pdf::Op::Kind::Text && op.page == 1) out += op.text + "\n";
  }
  return out;
}

}  // namespace

TEST(ContactLabels, GermanLabelsForEveryKindInEveryWriter) {
  model::Document doc = fx::aysel();
  doc.header.language.value = "de";
  doc.header.links.push_back({"Website", "https://aysel.example.az", {}});
  style::Style st = labelled(true);
  for (const std::string& out : {text_of(doc, st), fx::flat_opc(doc, st), pdf_text_of(doc, st)}) {
    EXPECT_NE(out.find("E-Mail: aysel.mammadova@example.az"), std::string::npos) << out;
    EXPECT_NE(out.find("Telefon: +994 50 123 45 67"), std::string::npos) << out;
    EXPECT_NE(out.find("Ort: Bakı, Azərbaycan"), std::string::npos) << out;
    // Links: the text writer prints the whole address, the others the visible part.
    EXPECT_NE(out.find("Webseite: "), std::string::npos) << out;
    EXPECT_EQ(out.find("Website: "), std::string::npos) << out;
    // A profile keeps its own label; it is not a word of the locale files.
    EXPECT_NE(out.find("GitHub: "), std::string::npos) << out;
  }
}

TEST(ContactLabels, EnglishWithoutALanguageAndNoneUnlessTheStyleAsks) {
  model::Document doc = fx::aysel();
  std::string on = pdf_text_of(doc, labelled(true));
  EXPECT_NE(on.find("Email: aysel.mammadova@example.az"), std::string::npos) << on;
  EXPECT_NE(on.find("Phone: "), std::string::npos) << on;
  EXPECT_NE(on.find("Location: "), std::string::npos) << on;
  doc.header.language.value = "de";
  for (const std::string& out :
       {pdf_text_of(doc, labelled(false)), fx::flat_opc(doc, labelled(false))}) {
    EXPECT_EQ(out.find("E-Mail:"), std::string::npos) << out;
    EXPECT_EQ(out.find("Telefon:"), std::string::npos) << out;
    EXPECT_EQ(out.find("GitHub:"), std::string::npos) << out;
  }
}
