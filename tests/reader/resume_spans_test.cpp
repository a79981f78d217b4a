// Spans of the .resume reader: code-point columns, exclusive ends, file ids from the caller.
#include <gtest/gtest.h>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"

namespace tailor {
namespace {

struct Parsed {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id = 0;
  std::optional<model::Document> doc;
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->sources.add("other.resume", "name: first file\n");  // so the id under test is not 1
  p->id = p->sources.add("x.resume", text);
  p->doc = reader::parse_resume(p->id, p->sources.text(p->id), p->diags);
  return p;
}

TEST(ResumeSpans, ColumnsCountCodePointsAndCarryTheFileId) {
  auto p = parse("name: Ləman Əliyeva\n\n== Skills\nDillər: Go, C++\n");
  ASSERT_TRUE(p->doc) << diag::render_all(p->diags, p->sources);
  const model::Field& name = p->doc->header.name;
  EXPECT_EQ(name.span.file_id, p->id);
  EXPECT_EQ(name.span.line, 1u);
  EXPECT_EQ(name.span.col, 7u);
  EXPECT_EQ(name.span.end_col, 20u);  // 13 code points, end exclusive
  const auto& g = std::get<model::SkillGroup>(p->doc->sections.at(0).blocks.at(0));
  EXPECT_EQ(g.label, "Dillər");
  ASSERT_EQ(g.items.size(), 2u);
  EXPECT_EQ(g.items[1].span.line, 4u);
  EXPECT_EQ(g.items[1].span.col, 13u);
  EXPECT_EQ(g.items[1].span.end_col, 16u);
}

TEST(ResumeSpans, EntriesAndBulletsCoverTheirLines) {
  auto p = parse(
      "name: X\n\n== Experience\n=== Mühəndis | Şirkət | Bakı | 2021 – present {go}\n"
      "- First line\n  second line\n");
  ASSERT_TRUE(p->doc) << diag::render_all(p->diags, p->sources);
  const auto& e = std::get<model::Entry>(p->doc->sections.at(0).blocks.at(0));
  EXPECT_EQ(e.span.line, 4u);
  EXPECT_EQ(e.span.col, 1u);
  EXPECT_EQ(e.span.end_line, 6u);
  EXPECT_EQ(e.span.end_col, 14u);
  EXPECT_EQ(e.dates.start.span.col, 32u);  // 5 two-byte letters before it
  EXPECT_EQ(e.dates.end.span.col, 39u);
  EXPECT_TRUE(e.dates.end.present);
  ASSERT_EQ(e.bullets.size(), 1u);
  EXPECT_EQ(e.bullets[0].span.line, 5u);
  EXPECT_EQ(e.bullets[0].span.end_line, 6u);
  ASSERT_EQ(e.bullets[0].text.size(), 1u);
  EXPECT_EQ(e.bullets[0].text[0].text, "First line second line");
  const auto& section = p->doc->sections.at(0);
  EXPECT_EQ(section.span.line, 3u);
  EXPECT_EQ(section.span.end_line, 6u);
}

TEST(ResumeSpans, ErrorsPointAtTheCodePointColumn) {
  auto p = parse("name: X\n\n== Summary\nƏliyeva **bold\n");
  EXPECT_FALSE(p->doc);
  ASSERT_EQ(p->diags.items().size(), 1u);
  const diag::Diagnostic& d = p->diags.items()[0];
  EXPECT_EQ(d.span.file_id, p->id);
  EXPECT_EQ(d.span.line, 4u);
  EXPECT_EQ(d.span.col, 9u);
  EXPECT_EQ(diag::render(d, p->sources),
            "x.resume:4:9: error: unterminated bold: no closing '**'\n"
            " 4 | Əliyeva **bold\n"
            "   |         ^~\n"
            "hint: close it with '**', or write '\\*\\*' for literal asterisks\n");
}

}  // namespace
}  // namespace tailor
