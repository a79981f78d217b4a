// The DOCX writer's line breaks before addresses (issue 16), seen in document.xml: a bullet
// grows word by word in front of a linked address, and wherever a break is added it stands
// right before the address, in place of a space, and the text is otherwise unchanged.
#include <gtest/gtest.h>

#include <regex>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"
#include "writer/writer.hpp"

using namespace tailor;
namespace fx = tailor::test::docx_fixtures;

namespace {

const char* kAddress = "github.com/aysel-h-example/ledger-kit";

/// The text of the List Bullet paragraph: w:t contents, "\n" for w:br.
std::string bullet_text(const std::string& xml) {
  std::smatch m;
  std::regex para("<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/>(?:(?!</w:p>).)*</w:p>");
  EXPECT_TRUE(std::regex_search(xml, m, para));
  std::string p = m.str(), out;
  std::regex piece("<w:t[^>]*>([^<]*)</w:t>|<w:br/>");
  for (auto it = std::sregex_iterator(p.begin(), p.end(), piece); it != std::sregex_iterator();
       ++it) {
    out += (*it)[0].str() == "<w:br/>" ? std::string("\n") : (*it)[1].str();
  }
  return out;
}

}  // namespace

TEST(DocxAddressLines, ABreakOnlyEverStandsRightBeforeTheAddress) {
  style::Style st = fx::classic();
  int with_break = 0;
  std::string words;
  for (int n = 0; n < 40; ++n) {
    words += "ledger ";
    model::Document doc;
    doc.header.name.value = "A";
    model::Section s = fx::section(model::SectionKind::Experience, "Experience");
    s.blocks.push_back(fx::bullet(
        {fx::run(words), fx::run(kAddress, false, false, false, std::string("https://") + kAddress),
         fx::run(" and more.")}));
    doc.sections.push_back(s);
    std::string text = bullet_text(fx::flat_opc(doc, st));
    std::string plain = words + kAddress + " and more.";
    if (text == plain) continue;
    EXPECT_GT(n, 0) << "one word and the address fit a line";
    ++with_break;
    std::string broken = plain;
    broken[words.size() - 1] = '\n';
    EXPECT_EQ(text, broken) << n << " words";
  }
  // As the words grow across several lines, the address straddles some of their ends (21 of
  // the 40 bullets with DejaVu Serif), never all.
  EXPECT_GE(with_break, 3);
  EXPECT_LE(with_break, 30);
}
