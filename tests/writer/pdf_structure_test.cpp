// The structure markers the layout puts in the display list (tagged PDF): balanced, in the
// model's order, around every piece of content; page furniture outside them, as artifacts.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "style/style.hpp"
#include "support/test_support.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

using writer::pdf::Op;

writer::pdf::DisplayList lay_out(const model::Document& doc, const style::Style& st) {
  writer::RenderOptions o;
  o.style = &st;
  writer::pdf::DisplayList dl;
  std::vector<std::string> subsets;
  diag::Diagnostics diags;
  EXPECT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, diags));
  return dl;
}

/// The element path of every op ("Sect/L/LI/LBody"), and whether Begin/End balance.
struct Walk {
  std::vector<std::string> paths;  ///< Parallel to dl.ops (the path after the op).
  bool balanced = true;
  std::vector<std::string> opened;  ///< Begin types in order.
};

Walk walk(const writer::pdf::DisplayList& dl) {
  Walk w;
  std::vector<std::string> stack;
  for (const Op& op : dl.ops) {
    if (op.kind == Op::Kind::Begin) {
      stack.push_back(op.text);
      w.opened.push_back(op.text);
    } else if (op.kind == Op::Kind::End) {
      if (stack.empty()) w.balanced = false;
      if (!stack.empty()) stack.pop_back();
    }
    std::string p;
    for (const std::string& s : stack) p += (p.empty() ? "" : "/") + s;
    w.paths.push_back(p);
  }
  if (!stack.empty()) w.balanced = false;
  return w;
}

TEST(PdfStructure, MarkersBalanceAndEveryRunIsTaggedOrAnArtifact) {
  model::Document doc = sample_resume(8, 5);  // several pages: running heads, page numbers
  style::Style st;
  st.header_text = "Acme Talent";
  writer::pdf::DisplayList dl = lay_out(doc, st);
  ASSERT_GT(dl.pages, 1);
  Walk w = walk(dl);
  EXPECT_TRUE(w.balanced);
  for (std::size_t i = 0; i < dl.ops.size(); ++i) {
    const Op& op = dl.ops[i];
    if (op.kind == Op::Kind::Text && !op.text.empty()) {
      // Page furniture may fall between the boxes of an open element; it is an artifact,
      // never that element's content.
      if (op.artifact) continue;
      EXPECT_FALSE(w.paths[i].empty()) << "untagged text: " << op.text;
    }
    if (op.kind == Op::Kind::Link) {
      EXPECT_TRUE(w.paths[i].ends_with("Link")) << "annotation outside a Link: " << op.text;
    }
  }
  // The running head, page numbers and the style's header text are artifacts.
  int artifacts = 0;
  for (const Op& op : dl.ops) {
    if (op.kind == Op::Kind::Text && op.artifact) {
      ++artifacts;
      EXPECT_TRUE(op.text == "Acme Talent" || op.text == doc.header.name.value ||
                  op.text.starts_with("page "))
          << op.text;
    }
  }
  EXPECT_EQ(artifacts, dl.pages + 2 * (dl.pages - 1));
}

TEST(PdfStructure, FollowsTheModelsOrder) {
  model::Document doc = sample_resume(2, 2);
  style::Style st;
  Walk w = walk(lay_out(doc, st));
  ASSERT_GE(w.opened.size(), 6u);
  EXPECT_EQ(w.opened[0], "H1");
  EXPECT_EQ(w.opened[1], "P");  // headline
  EXPECT_EQ(w.opened[2], "P");  // contact lines
  // Each section is a Sect opened by its H2; each entry a Sect opened by its H3; bullets are
  // L > LI > Lbl, LBody.
  std::size_t sects = 0, h2 = 0, h3 = 0;
  for (std::size_t i = 0; i + 1 < w.opened.size(); ++i) {
    if (w.opened[i] == "Sect") {
      ++sects;
      EXPECT_TRUE(w.opened[i + 1] == "H2" || w.opened[i + 1] == "H3") << i;
    }
    if (w.opened[i] == "H2") ++h2;
    if (w.opened[i] == "H3") ++h3;
    if (w.opened[i] == "LI") {
      EXPECT_EQ(w.opened[i + 1], "Lbl");
    }
    if (w.opened[i] == "Lbl") {
      EXPECT_EQ(w.opened[i + 1], "LBody");
    }
  }
  EXPECT_EQ(h2, doc.sections.size());
  EXPECT_EQ(sects, h2 + h3);
  EXPECT_GT(h3, 0u);
}

TEST(PdfStructure, RunsInAnotherScriptCarryTheirLanguage) {
  model::Document doc = sample_resume(1, 1);
  doc.header.language.value = "en";
  model::Section s;
  s.kind = model::SectionKind::Custom;
  s.title = "Notes";
  model::Paragraph p;
  p.text = {run("Speaks "), run("Ελληνικά"), run(" and "), run("עברית")};
  s.blocks.push_back(p);
  doc.sections.push_back(s);
  style::Style st;
  writer::pdf::DisplayList dl = lay_out(doc, st);
  std::vector<std::string> langs;
  for (const Op& op : dl.ops) {
    if (op.kind == Op::Kind::Text && !op.lang.empty()) langs.push_back(op.text + "=" + op.lang);
  }
  EXPECT_NE(std::find(langs.begin(), langs.end(), "Ελληνικά=el"), langs.end());
  EXPECT_NE(std::find(langs.begin(), langs.end(), "עברית=he"), langs.end());
  // Latin text in an English document, and the Azerbaijani (Latin) fixture text, carry none.
  for (const std::string& l : langs) EXPECT_EQ(l.find("Speaks"), std::string::npos) << l;
}

// A Hebrew bullet with a Latin word on a left-to-right page: its first line is spanned for
// its logical order, and the sign (Lbl) outside that span would be read apart from its line.
// The span's text starts with the sign; the sign itself reads as nothing.
TEST(PdfStructure, RightToLeftBulletSignIsReadWithItsLine) {
  model::Document doc = sample_resume(1, 1);
  doc.header.language.value = "en";
  model::Section s;
  s.kind = model::SectionKind::Custom;
  s.title = "Notes";
  s.blocks.push_back(bullet({run("בניתי את שירות Go עבור הסניפים")}));
  doc.sections.push_back(s);
  style::Style st;
  writer::pdf::DisplayList dl = lay_out(doc, st);
  int silent = 0;
  bool spanned = false;
  for (std::size_t i = 0; i < dl.ops.size(); ++i) {
    const Op& op = dl.ops[i];
    if (op.silent) {
      ++silent;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(dl.ops[i - 1].text, "Lbl");
      EXPECT_EQ(op.text, st.bullet);
    }
    if (op.actual_text_reordered && op.actual_text.find("Go") != std::string::npos) {
      spanned = true;
      EXPECT_EQ(op.actual_text.rfind(st.bullet + " ", 0), 0u) << op.actual_text;
    }
  }
  EXPECT_TRUE(spanned);
  EXPECT_EQ(silent, 1);
}

// The photo is a Figure with alternative text (issue 18), in one column and in the sidebar.
TEST(PdfStructure, PhotoIsAFigureWithAlternativeText) {
  model::Document doc = sample_resume(1, 1);
  doc.header.photo_file = source_path("tests/fixtures/photos/rgb.jpg");
  for (const char* layout : {"single", "sidebar"}) {
    style::Style st;
    st.photo_size = 60;
    if (std::string(layout) == "sidebar") {
      st.layout = style::Layout::Sidebar;
      st.sidebar_width = 160;
    }
    writer::pdf::DisplayList dl = lay_out(doc, st);
    int images = 0;
    for (std::size_t i = 0; i < dl.ops.size(); ++i) {
      if (dl.ops[i].kind != Op::Kind::Image) continue;
      ++images;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(dl.ops[i - 1].kind, Op::Kind::Begin) << layout;
      EXPECT_EQ(dl.ops[i - 1].text, "Figure") << layout;
      EXPECT_EQ(dl.ops[i - 1].alt, "Photo of " + doc.header.name.value) << layout;
      ASSERT_LT(i + 1, dl.ops.size());
      EXPECT_EQ(dl.ops[i + 1].kind, Op::Kind::End) << layout;
    }
    EXPECT_EQ(images, 1) << layout;
    EXPECT_TRUE(walk(dl).balanced) << layout;
  }
}

}  // namespace
}  // namespace tailor::test
