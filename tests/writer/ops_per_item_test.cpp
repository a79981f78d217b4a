// Many tiny items cost their text, not a drawing op or a Word run each. 49,000 one-letter
// skills (147 KB) took 72 MB for a PDF and 57 MB for a DOCX when every item and every ", "
// became a text op of its own (about 220 bytes each, plus its glyphs) or a run of its own
// (four XML nodes). These tests count ops and runs; they never time anything.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "style/load.hpp"
#include "writer/docx/docx.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

/// A name and one skills section whose one group holds `items` one-letter items; every
/// `keyword_every`-th item (0: none) is a keyword, drawn bold.
model::Document tiny_skills(int items, int keyword_every = 0) {
  using namespace model;
  Document doc;
  doc.header.name.value = "Ada Lovelace";
  Section s;
  s.kind = SectionKind::Skills;
  s.title = "Skills";
  SkillGroup g;
  g.label = "Letters";
  for (int i = 0; i < items; ++i) {
    Skill sk;
    sk.name = std::string(1, static_cast<char>('a' + i % 26));
    sk.keyword = keyword_every > 0 && i % keyword_every == 0;
    g.items.push_back(sk);
  }
  s.blocks.push_back(g);
  doc.sections.push_back(s);
  return doc;
}

struct PdfCount {
  std::size_t text_ops = 0;
  std::size_t lines = 0;  ///< Distinct (page, baseline) pairs that carry text.
  std::string text;       ///< Every text op's text, in order.
};

PdfCount pdf_count(const model::Document& doc) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style("classic", sm, diags);
  EXPECT_TRUE(st.has_value());
  writer::RenderOptions o;
  o.style = &*st;
  writer::pdf::DisplayList dl;
  std::vector<std::string> subsets;
  EXPECT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, diags));
  PdfCount c;
  std::set<std::pair<int, long>> lines;
  for (const writer::pdf::Op& op : dl.ops) {
    if (op.kind != writer::pdf::Op::Kind::Text || op.text.empty()) continue;
    ++c.text_ops;
    lines.insert({op.page, static_cast<long>(op.y * 100)});
    c.text += op.text;
  }
  c.lines = lines.size();
  return c;
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::size_t docx_runs(const model::Document& doc) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style("classic", sm, diags);
  EXPECT_TRUE(st.has_value());
  writer::RenderOptions o;
  o.style = &*st;
  auto package = writer::docx::build_package(doc, o, diags);
  EXPECT_TRUE(package.has_value());
  for (const writer::docx::Part& p : *package) {
    if (p.name == "word/document.xml") return count_of(p.data, "<w:r>") + count_of(p.data, "<w:r ");
  }
  ADD_FAILURE() << "no word/document.xml";
  return 0;
}

TEST(OpsPerItem, PdfSkillItemsOfOneLookShareATextOpPerLine) {
  for (int items : {500, 2000}) {
    SCOPED_TRACE(items);
    PdfCount c = pdf_count(tiny_skills(items));
    // Each line has the name, the label and the items: at most two looks (bold label,
    // regular items) and a running head. Two ops an item was the old cost.
    EXPECT_LE(c.text_ops, c.lines * 2 + 4) << c.text_ops << " ops on " << c.lines << " lines";
    EXPECT_LT(static_cast<double>(c.text_ops) / items, 0.05);
    // Nothing is lost: every item is drawn.
    EXPECT_GE(count_of(c.text, ", "), static_cast<std::size_t>(items - 1) - c.lines);
  }
}

TEST(OpsPerItem, PdfKeywordItemsSplitOnlyWhereTheLookChanges) {
  // Every 10th item bold: a look change twice every ten items, so about one op per five.
  PdfCount c = pdf_count(tiny_skills(1000, 10));
  EXPECT_LE(c.text_ops, 1000 / 10 * 2 + c.lines * 2 + 4);
  EXPECT_GE(c.text_ops, 1000 / 10);
}

TEST(OpsPerItem, DocxSkillItemsOfOneLookShareARun) {
  std::size_t base = docx_runs(tiny_skills(1));
  std::size_t many = docx_runs(tiny_skills(2000));
  EXPECT_EQ(many, base) << "2,000 items of one look are one run, as one item is";
  // Keywords: every 10th item is a run of its own between two runs of plain items.
  std::size_t keyed = docx_runs(tiny_skills(2000, 10));
  EXPECT_LE(keyed, base + 2000 / 10 * 2 + 1);
  EXPECT_GE(keyed, base + 2000 / 10);
}

}  // namespace
}  // namespace tailor::test
