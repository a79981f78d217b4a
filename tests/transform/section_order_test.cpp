// Sections a style does not name keep their place next to their neighbours (issue 16).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "transform/basic.hpp"

namespace tailor {
namespace {

using model::SectionKind;

std::vector<std::string> titles_after(const std::string& resume,
                                      const std::vector<SectionKind>& order) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes("t.resume", resume, sources, diags);
  EXPECT_TRUE(doc) << diag::render_all(diags, sources);
  if (!doc) return {};
  transform::order_sections(*doc, order);
  std::vector<std::string> out;
  for (const model::Section& s : doc->sections) out.push_back(s.title);
  return out;
}

const char* const kResume =
    "name: Ada\n\n== Summary\nA.\n\n== Experience\n=== E | A | | 2021\n\n== Talks\nB.\n\n"
    "== Education\n=== D | U | | 2010\n\n== Sumary\nC.\n\n== Skills\nGo: x\n";

TEST(SectionOrder, UnnamedSectionKeepsItsPlaceAfterItsNeighbour) {
  using K = SectionKind;
  // classic's order: Talks stays between Experience and Education, Sumary after Education.
  std::vector<K> classic = {K::Summary, K::Experience, K::Projects, K::Education, K::Skills};
  EXPECT_EQ(titles_after(kResume, classic),
            (std::vector<std::string>{"Summary", "Experience", "Talks", "Education", "Sumary",
                                      "Skills"}));
  // modern's: skills first; Talks moves with Experience, Sumary with Education.
  std::vector<K> modern = {K::Summary, K::Skills, K::Experience, K::Education};
  EXPECT_EQ(titles_after(kResume, modern),
            (std::vector<std::string>{"Summary", "Skills", "Experience", "Talks", "Education",
                                      "Sumary"}));
}

TEST(SectionOrder, UnnamedSectionsBeforeAnyNamedOneStayFirst) {
  using K = SectionKind;
  EXPECT_EQ(titles_after("name: Ada\n\n== Talks\nB.\n\n== Skills\nGo: x\n\n== Summary\nA.\n",
                         {K::Summary, K::Skills}),
            (std::vector<std::string>{"Talks", "Summary", "Skills"}));
}

TEST(SectionOrder, StarIsTheSlotOfEverySectionTheListDoesNotName) {
  using K = SectionKind;
  // "summary, *, skills": Experience and Education are not named either, so they sit at the
  // star with Talks and Sumary, in source order.
  EXPECT_EQ(titles_after(kResume, {K::Summary, K::Custom, K::Skills}),
            (std::vector<std::string>{"Summary", "Experience", "Talks", "Education", "Sumary",
                                      "Skills"}));
  EXPECT_EQ(titles_after(kResume, {K::Skills, K::Custom, K::Summary}),
            (std::vector<std::string>{"Skills", "Experience", "Talks", "Education", "Sumary",
                                      "Summary"}));
}

TEST(SectionOrder, StyleSectionOrderAcceptsAStar) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  const std::string text = "section_order: skills, *, summary\n";
  auto st = style::parse_style(sources.add("t.style", text), text, diags);
  ASSERT_TRUE(st) << diag::render_all(diags, sources);
  EXPECT_EQ(st->section_order, (std::vector<SectionKind>{SectionKind::Skills, SectionKind::Custom,
                                                         SectionKind::Summary}));
}

}  // namespace
}  // namespace tailor
