// The sidebar layout as poppler's reading order sees it (column_order.hpp), and the keeps of
// the sidebar's items at a page break.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "style/load.hpp"
#include "writer/pdf/column_order.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

using writer::pdf::Op;
using writer::pdf::detail::column_blocks;
using writer::pdf::detail::ColumnBlock;
using writer::pdf::detail::ColumnLine;
using writer::pdf::detail::Conflict;
using writer::pdf::detail::conflicts;

// Lines of one column: (baseline, size), 0.9 of the size above the baseline and 0.2 below.
std::vector<ColumnLine> lines(std::initializer_list<std::pair<double, double>> at,
                              std::size_t first_box = 0) {
  std::vector<ColumnLine> out;
  std::size_t box = first_box;
  for (auto [base, size] : at) {
    out.push_back(ColumnLine{1, base - 0.9 * size, base + 0.2 * size, base, size, box++});
  }
  return out;
}

// Lines one size apart and of one size are one block; a larger heading, a gap wider than
// 1.5 sizes and a new page each start another.
TEST(ColumnOrder, LinesGroupIntoBlocksAsPopplerGroupsThem) {
  auto ls = lines({{100, 10.5}, {118, 9.5}, {129.6, 9.5}, {141.2, 9.5}, {160, 9.5}});
  ls.push_back(ColumnLine{2, 50, 62, 60, 9.5, 9});
  auto bs = column_blocks(ls);
  ASSERT_EQ(bs.size(), 4U);
  EXPECT_EQ(bs[0].first_box, 0U);
  EXPECT_EQ(bs[1].first_box, 1U);
  EXPECT_DOUBLE_EQ(bs[1].bottom, 141.2 + 0.2 * 9.5);
  EXPECT_EQ(bs[2].first_box, 4U);
  EXPECT_EQ(bs[3].page, 2);
}

// A heading and its first item in each column, at the same heights: poppler reads the four
// blocks as a table, row by row. The sidebar's lower block moves down until its row no longer
// lines up, and then nothing is left to move.
TEST(ColumnOrder, AlignedRowsAcrossTheColumnsMoveTheSidebarsLowerBlock) {
  for (bool side_right : {true, false}) {
    auto main = column_blocks(lines({{100, 10.5}, {118, 9.5}, {129.6, 9.5}}));
    auto side_lines = lines({{102, 10.5}, {120, 9.5}}, 10);
    auto side = column_blocks(side_lines);
    auto found = conflicts(main, side, side_right);
    ASSERT_FALSE(found.empty()) << side_right;
    ASSERT_FALSE(found[0].fixes.empty());
    const auto& n = found[0].fixes[0];  // the likeliest: the lower row's block down
    EXPECT_EQ(n.box, 11U);
    EXPECT_GT(n.by, 0);
    EXPECT_LT(n.by, 2 * 9.5 * 1.22 + 1);  // two lines at most
    side_lines[1].top += n.by;
    side_lines[1].bottom += n.by;
    side_lines[1].base += n.by;
    auto left = conflicts(main, column_blocks(side_lines), side_right);
    EXPECT_TRUE(left.empty()) << side_right << " " << left[0].at << " " << left[0].fixes.size();
  }
}

// Rows that do not line up are read column by column: nothing to move.
TEST(ColumnOrder, StaggeredColumnsNeedNoNudge) {
  auto main = column_blocks(lines({{100, 10.5}, {118, 9.5}, {129.6, 9.5}, {165, 10.5}}));
  auto side = column_blocks(lines({{100, 8.5}, {110, 8.5}, {140, 10.5}, {158, 9.5}}, 10));
  EXPECT_TRUE(conflicts(main, side, true).empty());
  EXPECT_TRUE(conflicts(main, side, false).empty());
}

// A sidebar block with no main block beside it but main blocks above and below (it sits in
// the main column's gap) is widened by poppler over the main column: it moves down beside the
// next main block (or up beside the one above).
TEST(ColumnOrder, ASidebarBlockInTheMainColumnsGapMovesBesideTheNextBlock) {
  auto main = column_blocks(lines({{100, 9.5}, {111.6, 9.5}, {160, 10.5}}));
  auto side = column_blocks(lines({{100, 9.5}, {135, 9.5}}, 10));
  auto found = conflicts(main, side, true);
  ASSERT_FALSE(found.empty());
  ASSERT_FALSE(found[0].fixes.empty());
  const auto& n = found[0].fixes[0];
  EXPECT_EQ(n.box, 11U);
  EXPECT_GE(135 + 0.2 * 9.5 + n.by, 160 - 0.9 * 10.5);
}

// A running head (kFixed) is never moved, though it makes a row over both columns.
TEST(ColumnOrder, TheRunningHeadStaysAndTheSidebarBelowItMoves) {
  ColumnBlock head{1, 40, 52, 8.5, writer::pdf::detail::kFixed};
  auto main = column_blocks(lines({{70, 10.5}, {88, 9.5}}));
  auto side = column_blocks(lines({{70, 10.5}, {88, 9.5}}, 10));
  main.insert(main.begin(), head);
  side.insert(side.begin(), head);
  auto found = conflicts(main, side, true);
  ASSERT_FALSE(found.empty());
  ASSERT_FALSE(found[0].fixes.empty());
  for (const auto& n : found[0].fixes) EXPECT_NE(n.box, writer::pdf::detail::kFixed);
}

style::Style builtin(const char* name) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style(name, sm, diags);
  EXPECT_TRUE(st.has_value()) << name;
  return st ? *st : style::Style{};
}

// Sidebar skill groups of two and three lines, enough to run on to later pages: each group
// stays whole on one page (no line alone at the top of the next), the section heading with
// its first group, on either side.
TEST(PdfSidebarKeeps, ASkillGroupOfUpToThreeLinesIsNeverSplit) {
  for (bool right : {true, false}) {
    style::Style st = builtin("sidebar");
    st.sidebar_right = right;
    model::Document doc = sample_resume(1, 1);
    model::Section skills;
    skills.kind = model::SectionKind::Skills;
    skills.title = "Skills";
    for (int i = 0; i < 70; ++i) {
      model::SkillGroup g;
      g.label = "G" + std::to_string(i);
      for (int k = 0; k < 3 + i % 5; ++k) {
        model::Skill skill;
        skill.name = "k" + std::to_string(i) + "x" + std::to_string(k) + "long";
        g.items.push_back(skill);
      }
      skills.blocks.push_back(g);
    }
    doc.sections.push_back(skills);
    writer::RenderOptions o;
    o.style = &st;
    diag::Diagnostics diags;
    writer::pdf::DisplayList dl;
    std::vector<std::string> subsets;
    ASSERT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, diags));
    ASSERT_GE(dl.pages, 2);
    // The pages and lines (baselines) of each group's items.
    std::map<int, std::set<int>> pages;
    std::map<int, std::set<long>> lines_of;
    int heading_page = 0, first_group_page = 0;
    for (const Op& op : dl.ops) {
      if (op.kind != Op::Kind::Text || op.artifact) continue;
      if (op.text == "SKILLS") heading_page = op.page;
      auto at = op.text.find('k');
      if (op.text.rfind("G0", 0) == 0) first_group_page = op.page;
      if (at == std::string::npos || at + 1 >= op.text.size() || !std::isdigit(op.text[at + 1])) {
        continue;
      }
      int group = std::atoi(op.text.c_str() + at + 1);
      pages[group].insert(op.page);
      lines_of[group].insert(op.page * 100000 + static_cast<long>(op.y * 10));
    }
    int multi_line = 0;
    for (auto& [group, ps] : pages) {
      if (lines_of[group].size() <= 3) {
        EXPECT_EQ(ps.size(), 1U) << "group " << group << " split, sidebar right " << right;
      }
      multi_line += lines_of[group].size() > 1;
    }
    EXPECT_GT(multi_line, 20);  // the groups do run over several lines
    EXPECT_EQ(heading_page, first_group_page);
  }
}

}  // namespace
}  // namespace tailor::test
