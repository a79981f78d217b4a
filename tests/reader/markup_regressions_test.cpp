// Regressions of issue 15 in the .resume reader, each named after what it guards.
#include <gtest/gtest.h>

#include <string>

#include "base/limits.hpp"
#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "writer/native/native.hpp"
#include "writer/resume/resume.hpp"

namespace tailor {
namespace {

struct Read {
  std::optional<model::Document> doc;
  std::string diagnostics;
  std::size_t errors = 0;
};

Read read(const std::string& bytes, const std::string& name = "t.resume") {
  model::SourceManager sources;
  diag::Diagnostics diags;
  Read r;
  r.doc = reader::read_document_bytes(name, bytes, sources, diags);
  r.diagnostics = diag::render_all(diags, sources);
  r.errors = diags.error_count();
  return r;
}

std::string dump(const Read& r) { return r.doc ? writer::dump_native(*r.doc) : "(no document)"; }

// "• " starts a bullet (a Markdown habit), so a line of text that begins with the bullet sign
// needs an escape, as "\\-" and "\\*" do: "\\•" is the sign itself, at a line start and inside
// text, in paragraphs, skill group labels and skills.
TEST(MarkupRegressions, EscapedBulletSignIsTextNotABullet) {
  Read r = read(
      "name: Ada\n\n== Summary\n\\\u2022 Led a team, a \\\u2022 b\n\n== Skills\n"
      "\\\u2022 Cloud: AWS, \\\u2022 GCP\n\n== Experience\n=== R | O\n\u2022 did x\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.diagnostics, "");
  ASSERT_EQ(r.doc->sections.size(), 3u);
  const auto& summary = r.doc->sections[0].blocks;
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(model::plain_text(std::get<model::Paragraph>(summary[0]).text),
            "\u2022 Led a team, a \u2022 b");
  const auto& group = std::get<model::SkillGroup>(r.doc->sections[1].blocks.at(0));
  EXPECT_EQ(group.label, "\u2022 Cloud");
  ASSERT_EQ(group.items.size(), 2u);
  EXPECT_EQ(group.items[1].name, "\u2022 GCP");
  const auto& entry = std::get<model::Entry>(r.doc->sections[2].blocks.at(0));
  ASSERT_EQ(entry.bullets.size(), 1u);  // unescaped, the sign still starts a bullet
  EXPECT_EQ(model::plain_text(entry.bullets[0].text), "did x");
}

TEST(MarkupRegressions, LoneCarriageReturnsAreLineBreaks) {
  Read r = read("name: Ada Lovelace\r\r== Summary\rAnalyst of engines.\r");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.doc->header.name.value, "Ada Lovelace");
  ASSERT_EQ(r.doc->sections.size(), 1u);
  EXPECT_EQ(model::plain_text(std::get<model::Paragraph>(r.doc->sections[0].blocks[0]).text),
            "Analyst of engines.");
}

TEST(MarkupRegressions, ByteOrderMarkInTheMiddleIsALocatedErrorThatNamesIt) {
  Read r = read("name: Ada\n\n== Summary\nText.\n\xEF\xBB\xBF== Skills\nA: b\n");
  EXPECT_FALSE(r.doc);
  EXPECT_NE(r.diagnostics.find("t.resume:5:1: error: byte order mark (U+FEFF) in the middle of "
                               "the file"),
            std::string::npos)
      << r.diagnostics;
  // At the very start it is still dropped silently.
  EXPECT_TRUE(read("\xEF\xBB\xBFname: Ada\n").doc);
}

TEST(MarkupRegressions, DoubleStarBeforeABlankIsText) {
  Read r = read("name: Ada\n\n== Summary\nComputed 2 ** 10 and a ** b; **bold** works.\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& runs = std::get<model::Paragraph>(r.doc->sections[0].blocks[0]).text;
  ASSERT_EQ(runs.size(), 3u) << dump(r);
  EXPECT_EQ(runs[0].text, "Computed 2 ** 10 and a ** b; ");
  EXPECT_TRUE(runs[1].strong);
  EXPECT_EQ(runs[1].text, "bold");
}

TEST(MarkupRegressions, UnclosedTagListOnAHeadingIsAnError) {
  Read r = read("name: Ada\n\n== Experience {backend\n=== E | A | | 2021\n");
  EXPECT_FALSE(r.doc) << dump(r);
  EXPECT_NE(r.diagnostics.find("t.resume:3:15: error: unclosed tag list: '{' without '}'"),
            std::string::npos)
      << r.diagnostics;
  Read entry = read("name: Ada\n\n== Experience\n=== E | A {backend\n");
  EXPECT_FALSE(entry.doc) << dump(entry);
  // Closed, or escaped, is fine.
  EXPECT_TRUE(read("name: Ada\n\n== Experience {backend}\n").doc);
  EXPECT_TRUE(read("name: Ada\n\n== Notes \\{draft\n").doc);
}

TEST(MarkupRegressions, YearZeroIsAnErrorNotAMissingDate) {
  Read r = read("name: Ada\n\n== Experience\n=== E | A | | 0000 – 2001\n");
  EXPECT_FALSE(r.doc) << dump(r);
  EXPECT_NE(r.diagnostics.find("t.resume:4:15: error: year 0000 is out of range (0001..9999)"),
            std::string::npos)
      << r.diagnostics;
  Read early = read("name: Ada\n\n== Experience\n=== E | A | | 0001\n");
  ASSERT_TRUE(early.doc) << early.diagnostics;
  EXPECT_EQ(std::get<model::Entry>(early.doc->sections[0].blocks[0]).dates.start.year, 1);
}

TEST(MarkupRegressions, UnsafeLinkAddressIsKeptForWritersToShowAsText) {
  Read r = read("name: Ada\nlink: X <javascript:alert(1)>\n\n== Summary\n[a](file:///x) b\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.doc->header.links.at(0).url, "javascript:alert(1)");
  EXPECT_EQ(std::get<model::Paragraph>(r.doc->sections[0].blocks[0]).text.at(0).url, "file:///x");
  EXPECT_NE(r.diagnostics.find("is kept as plain text"), std::string::npos);
}

/// A file of n one-letter skill items, in lines within the line limit.
std::string skills(std::size_t n) {
  std::string s = "name: Ada\n\n== Skills\n";
  while (n > 0) {
    std::size_t k = std::min<std::size_t>(n, 20000);
    s += "L: a";
    for (std::size_t i = 1; i < k; ++i) s += ", a";
    s += "\n";
    n -= k;
  }
  return s;
}

TEST(MarkupRegressions, SkillItemsCountTowardThePiecesLimit) {
  Read over = read(skills(base::kMaxPieces + 1));
  EXPECT_FALSE(over.doc);
  EXPECT_NE(over.diagnostics.find("error: too many pieces of text"), std::string::npos)
      << over.diagnostics.substr(0, 400);
  EXPECT_EQ(over.errors, 1u);
  Read under = read(skills(base::kMaxPieces - 100));
  EXPECT_TRUE(under.doc) << under.diagnostics.substr(0, 400);
}

TEST(MarkupRegressions, InlineRunsCountTowardThePiecesLimit) {
  std::string s = "name: Ada\n\n== Summary\n";
  for (int line = 0; line < 10; ++line) {
    for (int i = 0; i < 3000; ++i) s += "**a** b ";
    s += "\n";
  }
  Read r = read(s);  // 60,000 runs in one paragraph
  EXPECT_FALSE(r.doc);
  EXPECT_NE(r.diagnostics.find("error: too many pieces of text"), std::string::npos)
      << r.diagnostics.substr(0, 400);
}

TEST(MarkupRegressions, TagsCountTowardThePiecesLimit) {
  std::string s = "name: Ada\n\n== Experience\n=== E | A\n";
  for (int line = 0; line < 10; ++line) {
    s += "- x {t0";
    for (int i = 1; i < 6000; ++i) s += ", t" + std::to_string(i);
    s += "}\n";
  }
  Read r = read(s);
  EXPECT_FALSE(r.doc);
  EXPECT_NE(r.diagnostics.find("error: too many pieces of text"), std::string::npos)
      << r.diagnostics.substr(0, 400);
}

TEST(MarkupRegressions, BlankAndCommentLinesCostNoTree) {
  // Five million blank lines and comments: read one at a time, so this is fast and accepted.
  std::string s = "name: Ada\n";
  s.append(3000000, '\n');
  for (int i = 0; i < 1000000; ++i) s += "%\n";
  s += "== Summary\nText.\n";
  Read r = read(s);
  ASSERT_TRUE(r.doc) << r.diagnostics.substr(0, 400);
  EXPECT_EQ(r.doc->sections.size(), 1u);
}

TEST(MarkupRegressions, SyntaxErrorsAreStillLocatedOneItemAtATime) {
  Read r = read("name: Ada\n\n== Experience\n===Engineer | Acme\n");
  EXPECT_FALSE(r.doc);
  EXPECT_NE(r.diagnostics.find("t.resume:4:4: error: expected a space after '==='"),
            std::string::npos)
      << r.diagnostics;
  Read tags = read("name: Ada\n\n== Skills {a,,b}\n");
  EXPECT_FALSE(tags.doc);
  EXPECT_NE(tags.diagnostics.find("error: expected a tag"), std::string::npos) << tags.diagnostics;
}

// convert never writes what check rejects: an empty bullet or paragraph in a model (JSON
// Resume can hold empty strings) is left out with a warning, not written as "- ".
TEST(MarkupRegressions, ResumeWriterLeavesOutEmptyBulletsWithAWarning) {
  model::Document d;
  d.header.name.value = "Ada";
  model::Section s;
  s.kind = model::SectionKind::Experience;
  s.title = "Experience";
  model::Entry e;
  e.role = "Engineer";
  e.bullets.push_back(model::Bullet{{model::Run{"", false, false, false, "", {}}}, {}, {}});
  e.bullets.push_back(model::Bullet{{model::Run{"Shipped", false, false, false, "", {}}}, {}, {}});
  s.blocks.push_back(e);
  d.sections.push_back(s);
  style::Style style;
  writer::RenderOptions options;
  options.style = &style;
  std::string out;
  diag::Diagnostics diags;
  ASSERT_TRUE(writer::write_resume(d, options, out, diags));
  EXPECT_EQ(diags.warning_count(), 1u);
  EXPECT_EQ(out.find("- \n"), std::string::npos) << out;
  Read back = read(out);
  EXPECT_TRUE(back.doc) << back.diagnostics << out;
}

}  // namespace
}  // namespace tailor
