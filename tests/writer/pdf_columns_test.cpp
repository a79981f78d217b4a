// The sidebar and date-column layouts and the heading finish (small caps, letter-spacing),
// checked on the display list: where each op lands, on which page, in which column.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "style/load.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

using writer::pdf::Op;

struct Laid {
  style::Style st;
  writer::pdf::DisplayList dl;
};

Laid lay_out(const model::Document& doc, const style::Style& st) {
  Laid l{st, {}};
  writer::RenderOptions o;
  o.style = &l.st;
  diag::Diagnostics diags;
  std::vector<std::string> subsets;
  EXPECT_TRUE(writer::pdf::layout_two_pass(doc, o, l.dl, subsets, diags));
  return l;
}

style::Style builtin(const char* name) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style(name, sm, diags);
  EXPECT_TRUE(st.has_value()) << name;
  return st ? *st : style::Style{};
}

style::Style parsed(const std::string& text) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::parse_style(sm.add("t.style", text), text, diags);
  EXPECT_TRUE(st.has_value()) << diag::render_all(diags, sm);
  return st ? *st : style::Style{};
}

const Op* find_text(const writer::pdf::DisplayList& dl, const std::string& text) {
  for (const Op& op : dl.ops) {
    if (op.kind == Op::Kind::Text && op.text.find(text) != std::string::npos) return &op;
  }
  return nullptr;
}

// The sidebar holds the contact details and the skills and languages; the main column the
// rest. With twelve jobs the main column runs on to page 2 and later, the sidebar stays on
// page 1, and no op of one column reaches into the other.
TEST(PdfColumns, SidebarPaginatesTheMainColumnOnItsOwn) {
  style::Style st = builtin("sidebar");
  ASSERT_EQ(st.layout, style::Layout::Sidebar);
  Laid l = lay_out(sample_resume(12, 4), st);
  ASSERT_GE(l.dl.pages, 2);
  const double left = st.margin_left;
  const double width = l.dl.page_width - st.margin_left - st.margin_right;
  const double side_w = std::min(st.sidebar_width, width * 0.45);
  const double side_x = st.sidebar_right ? left + width - side_w : left;
  auto in_sidebar = [&](const Op& op) {
    return op.x >= side_x - 0.5 && op.x + op.w <= side_x + side_w + 0.5;
  };
  auto in_main = [&](const Op& op) {
    double main_x = st.sidebar_right ? left : left + side_w + 30;  // sidebar.cpp's gutter
    return op.x >= main_x - 0.5 && op.x + op.w <= main_x + width - side_w - 30 + 0.5;
  };
  for (const char* side_text : {"aysel.memmedova@example.az", "Infrastructure:", "SKILLS"}) {
    const Op* op = find_text(l.dl, side_text);
    ASSERT_NE(op, nullptr) << side_text;
    EXPECT_TRUE(in_sidebar(*op)) << side_text << " at x " << op->x << " w " << op->w << "; sidebar "
                                 << side_x << " + " << side_w;
    EXPECT_EQ(op->page, 1) << side_text;
  }
  int main_pages = 0;
  for (const Op& op : l.dl.ops) {
    if (op.kind != Op::Kind::Text || op.text.empty()) continue;
    if (op.text.find("Mentored four engineers") != std::string::npos) {
      EXPECT_TRUE(in_main(op)) << op.text << " at x " << op.x;
      main_pages = std::max(main_pages, op.page);
    }
    EXPECT_GT(op.y, st.margin_bottom - 1) << op.text;  // nothing below the bottom margin
  }
  EXPECT_GE(main_pages, 2);
  const Op* name = find_text(l.dl, "Aysel");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(in_main(*name));
}

// A sidebar longer than the main column runs on to pages the main column never reaches.
// Every page after the first has the running head all the same, the name and "page N of M",
// M counting the sidebar's pages too; the fitter's measure of the last page is the sidebar's.
TEST(PdfColumns, ASidebarLongerThanTheMainColumnGetsRunningHeadsOnItsPages) {
  style::Style st = builtin("sidebar");
  model::Document doc = sample_resume(1, 1);
  model::Section skills;
  skills.kind = model::SectionKind::Skills;
  skills.title = "Skills";
  for (int i = 0; i < 90; ++i) {
    model::SkillGroup g;
    g.label = "Group " + std::to_string(i);
    for (const char* k : {"Kubernetes", "Terraform", "PostgreSQL"}) {
      model::Skill skill;
      skill.name = k;
      g.items.push_back(skill);
    }
    skills.blocks.push_back(g);
  }
  doc.sections.push_back(skills);
  Laid l = lay_out(doc, st);
  ASSERT_GE(l.dl.pages, 3);
  int main_last = 0, side_last = 0;
  for (const Op& op : l.dl.ops) {
    if (op.kind != Op::Kind::Text || op.artifact) continue;
    if (op.text.find("Group ") != std::string::npos) side_last = std::max(side_last, op.page);
    if (op.text.find("Led the migration") != std::string::npos) main_last = op.page;
  }
  EXPECT_EQ(main_last, 1);
  EXPECT_EQ(side_last, l.dl.pages);
  for (int page = 2; page <= l.dl.pages; ++page) {
    bool name = false, number = false;
    for (const Op& op : l.dl.ops) {
      if (op.kind != Op::Kind::Text || !op.artifact || op.page != page) continue;
      name = name || op.text == doc.header.name.value;
      number =
          number || op.text == "page " + std::to_string(page) + " of " + std::to_string(l.dl.pages);
    }
    EXPECT_TRUE(name) << "no running head on page " << page;
    EXPECT_TRUE(number) << "no page " << page << " of " << l.dl.pages;
  }
  EXPECT_GT(l.dl.last_page_used, 0);
}

// The sidebar on the left: the same columns, mirrored.
TEST(PdfColumns, SidebarOnTheLeft) {
  style::Style st = builtin("sidebar");
  st.sidebar_right = false;
  Laid l = lay_out(sample_resume(3, 2), st);
  const Op* skills = find_text(l.dl, "Infrastructure:");
  const Op* job = find_text(l.dl, "Led the migration of");
  ASSERT_TRUE(skills && job);
  EXPECT_LT(skills->x + skills->w, job->x);
}

// Date column: each entry's dates sit at the left margin on the entry's first line, and the
// entry's text starts right of the column.
TEST(PdfColumns, DatesStandInTheLeftColumnBesideTheirEntry) {
  style::Style st = builtin("datecolumn");
  ASSERT_EQ(st.layout, style::Layout::DateColumn);
  Laid l = lay_out(sample_resume(3, 2), st);
  int seen = 0;
  for (const Op& dates : l.dl.ops) {
    if (dates.kind != Op::Kind::Text || std::abs(dates.x - st.margin_left) > 0.01 ||
        dates.text.find("20") == std::string::npos) {
      continue;
    }
    // The role on the same page and baseline, right of the column.
    auto role = std::find_if(l.dl.ops.begin(), l.dl.ops.end(), [&](const Op& op) {
      return op.kind == Op::Kind::Text && op.page == dates.page &&
             std::abs(op.y - dates.y) < 0.01 && op.x > dates.x + 1;
    });
    ASSERT_NE(role, l.dl.ops.end()) << dates.text;
    ++seen;
    EXPECT_GE(role->x, st.margin_left + st.date_column_width + 12 - 0.01);
    EXPECT_LE(dates.x + dates.w, st.margin_left + st.date_column_width + 0.01) << dates.text;
    // One span over the line, so extractors read the dates with their entry.
    EXPECT_NE(dates.actual_text.find(role->text), std::string::npos) << dates.actual_text;
  }
  EXPECT_GE(seen, 3);  // the three jobs, and the dated projects and degrees
}

// Small capitals: "Experience" is an "E" at the heading size and "XPERIENCE" smaller.
TEST(PdfColumns, SmallCapsHeadingsSetLowerCaseAsSmallerCapitals) {
  style::Style st = builtin("engineering");
  ASSERT_TRUE(st.heading_small_caps);
  Laid l = lay_out(sample_resume(1, 1), st);
  const Op* rest = find_text(l.dl, "XPERIENCE");
  ASSERT_NE(rest, nullptr);
  auto cap = std::find_if(l.dl.ops.begin(), l.dl.ops.end(), [&](const Op& op) {
    return op.kind == Op::Kind::Text && op.text == "E" && std::abs(op.y - rest->y) < 0.01;
  });
  ASSERT_NE(cap, l.dl.ops.end());
  EXPECT_NEAR(cap->size, st.heading_size, 0.01);
  EXPECT_NEAR(rest->size, st.heading_size * 0.8, 0.01);
  EXPECT_LT(cap->x, rest->x);
}

// Letter-spacing widens a heading by the spacing after each of its characters, and nothing
// else: the body text keeps its width.
TEST(PdfColumns, LetterSpacingWidensHeadingsOnly) {
  std::string base = "heading_uppercase: yes\nheading_style: plain\n";
  Laid plain = lay_out(sample_resume(1, 1), parsed(base));
  Laid spaced = lay_out(sample_resume(1, 1), parsed(base + "heading_letter_spacing: 2\n"));
  const Op* a = find_text(plain.dl, "EXPERIENCE");
  const Op* b = find_text(spaced.dl, "EXPERIENCE");
  ASSERT_TRUE(a && b);
  EXPECT_NEAR(b->w - a->w, 2.0 * 10, 0.05);  // ten letters, each followed by 2 pt
  const Op* ba = find_text(plain.dl, "Led the migration");
  const Op* bb = find_text(spaced.dl, "Led the migration");
  ASSERT_TRUE(ba && bb);
  EXPECT_NEAR(ba->w, bb->w, 0.001);
}

}  // namespace
}  // namespace tailor::test
