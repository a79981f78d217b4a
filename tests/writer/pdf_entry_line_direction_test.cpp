// The parts of an entry's heading lines (role, organisation, place) stand where the document's
// direction puts them, whatever their own script: at the right edge of a right-to-left page,
// at the left edge of a left-to-right one, with the dates at the other edge.
#include <gtest/gtest.h>

#include <string>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "writer/pdf/pdf.hpp"

namespace tailor::test {
namespace {

using writer::pdf::Op;

struct Laid {
  writer::pdf::DisplayList dl;
  double left = 0, right = 0;  ///< The text column's edges on the page.
};

Laid lay_out(const std::string& resume) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes("t.resume", resume, sm, diags);
  EXPECT_TRUE(doc) << diag::render_all(diags, sm);
  auto st = style::load_style("classic", sm, diags);
  EXPECT_TRUE(st);
  Laid l;
  if (!doc || !st) return l;
  writer::RenderOptions o;
  o.style = &*st;
  std::vector<std::string> subsets;
  EXPECT_TRUE(writer::pdf::layout_two_pass(*doc, o, l.dl, subsets, diags));
  l.left = 1e9;
  l.right = 0;
  for (const Op& op : l.dl.ops) {
    if (op.kind != Op::Kind::Text || op.page != 1) continue;
    l.left = std::min(l.left, op.x);
    l.right = std::max(l.right, op.x + op.w);
  }
  return l;
}

const Op* find_text(const writer::pdf::DisplayList& dl, const std::string& text) {
  for (const Op& op : dl.ops) {
    if (op.kind == Op::Kind::Text && op.text.find(text) != std::string::npos) return &op;
  }
  return nullptr;
}

const std::string kEntries =
    "=== Senior Go Engineer | Wix | Tel Aviv | 2021-04 .. present\n"
    "- Go\n"
    "=== מהנדסת תוכנה | בנק הפועלים | תל אביב | 2017-02 .. 2021-03\n"
    "- Java\n";

TEST(PdfEntryLines, LatinRoleOfARightToLeftResumeStandsAtTheRightEdge) {
  Laid l = lay_out("name: נועה כהן\nlang: he\nemail: noa@example.co.il\n\n== ניסיון\n" + kEntries);
  const Op* role = find_text(l.dl, "Senior");
  const Op* org = find_text(l.dl, "Wix");
  const Op* hebrew_role = find_text(l.dl, "מהנדסת");
  ASSERT_TRUE(role && org && hebrew_role);
  // Both roles end at the right edge of the text, like every heading of the page.
  EXPECT_NEAR(hebrew_role->x + hebrew_role->w, l.right, 1.0);
  EXPECT_GT(role->x + role->w, l.right - 20) << role->x << " + " << role->w << " vs " << l.right;
  EXPECT_GT(org->x + org->w, l.right - 20) << org->x << " vs " << l.right;
  // And the place, which stands opposite, is at the left.
  const Op* place = find_text(l.dl, "Tel Aviv");
  ASSERT_TRUE(place);
  EXPECT_LT(place->x, l.left + 20);
}

TEST(PdfEntryLines, HebrewRoleOfALeftToRightResumeStandsAtTheLeftEdge) {
  Laid l =
      lay_out("name: Dana Levi\nlang: en\nemail: dana@example.com\n\n== Experience\n" + kEntries);
  const Op* hebrew_role = find_text(l.dl, "מהנדסת");
  const Op* hebrew_org = find_text(l.dl, "בנק");
  const Op* role = find_text(l.dl, "Senior");
  ASSERT_TRUE(hebrew_role && hebrew_org && role);
  EXPECT_NEAR(role->x, l.left, 1.0);
  EXPECT_LT(hebrew_role->x, l.left + 20) << hebrew_role->x << " vs " << l.left;
  EXPECT_LT(hebrew_org->x, l.left + 20) << hebrew_org->x << " vs " << l.left;
}

}  // namespace
}  // namespace tailor::test
