// The .resume writer is the reader's inverse: read -> write -> read gives the same model
// (compared as native dumps without positions), for the samples, the docs examples and a
// model full of characters that the markup treats specially.
#include <gtest/gtest.h>

#include <filesystem>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "reader/strip_spans.hpp"
#include "support/test_support.hpp"
#include "writer/native/native.hpp"
#include "writer/resume/resume.hpp"

namespace tailor {
namespace {

namespace fs = std::filesystem;

std::string write(const model::Document& doc, diag::Diagnostics& diags) {
  style::Style style;
  writer::RenderOptions options;
  options.style = &style;
  std::string out;
  EXPECT_TRUE(writer::write_resume(doc, options, out, diags));
  return out;
}

/// Writes doc as markup, reads it back and expects the same model.
void expect_round_trip(const model::Document& doc) {
  diag::Diagnostics wd;
  std::string markup = write(doc, wd);
  EXPECT_TRUE(wd.empty()) << "writer warned";
  model::SourceManager sources;
  diag::Diagnostics rd;
  auto id = sources.add("written.resume", markup);
  auto again = reader::parse_resume(id, sources.text(id), rd);
  ASSERT_TRUE(again) << diag::render_all(rd, sources) << "\n" << markup;
  EXPECT_EQ(rd.warning_count(), 0u) << diag::render_all(rd, sources);
  EXPECT_EQ(test::strip_spans(writer::dump_native(*again)),
            test::strip_spans(writer::dump_native(doc)))
      << markup;
  // Writing is stable: the second generation is byte-identical to the first.
  diag::Diagnostics wd2;
  EXPECT_EQ(write(*again, wd2), markup);
}

class RoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, SampleSurvivesWriteAndRead) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(GetParam()), sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  expect_round_trip(*doc);
}

INSTANTIATE_TEST_SUITE_P(Samples, RoundTrip,
                         testing::ValuesIn(test::list_files("samples", ".resume")),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string s = fs::path(param.param).stem().string();
                           for (char& c : s) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return s;
                         });

model::Run run(std::string text, bool strong = false, bool emph = false, std::string url = "") {
  model::Run r;
  r.text = std::move(text);
  r.strong = strong;
  r.emph = emph;
  r.url = std::move(url);
  return r;
}

TEST(RoundTrip, SpecialCharactersAreEscaped) {
  model::Document d;
  d.header.name.value = R"(Ləman \ Əliyeva {x} 50% *star*)";
  d.header.headline.value = "Engineer <infra> | ops";
  d.header.links.push_back({"My [site]", "https://example.com/a_(b)", {}});
  d.header.links.push_back({"https://example.org", "https://example.org", {}});

  model::Section summary;
  summary.kind = model::SectionKind::Custom;
  summary.title = "Notes {weird} title";
  summary.tags = {"devops", "ci/cd"};
  model::Paragraph p1;
  p1.text = {run("- starts like a bullet, has * and ** and {braces} and \\ and [x](y) and <z>")};
  model::Paragraph p2;
  p2.text = {run("== starts like a heading "),
             run("bold", true),
             run(" then "),
             run("both", true, true),
             run(" italic", false, true),
             run(" and a "),
             run("link", true, false, "https://example.com"),
             run(" end")};
  p2.tags = {"a"};
  model::Paragraph p3;
  p3.text = {run("% starts like a comment; Label: not a group here")};
  summary.blocks = {p1, p2, p3};
  d.sections.push_back(summary);

  model::Section exp;
  exp.kind = model::SectionKind::Experience;
  exp.title = "Experience";
  model::Entry e;
  e.role = "Backend | Platform {Engineer}";
  e.organisation = "Kapital Ödəniş <Bank>";
  e.dates.start = {2021, 4, 0, false, {}};
  e.dates.end.present = true;
  e.url = "https://example.com/x";
  e.tags = {"backend"};
  model::Paragraph desc;
  desc.text = {run("First paragraph.")};
  model::Paragraph desc2;
  desc2.text = {run("Second paragraph.")};
  e.description = {desc, desc2};
  model::Bullet b;
  b.text = {run("Moved 38 services {kubernetes} to *Kubernetes*")};
  b.tags = {"kubernetes", "helm"};
  e.bullets = {b};
  model::Entry only_org;
  only_org.organisation = "Open source";
  only_org.dates.start = {2019, 0, 0, false, {}};
  only_org.dates.end = {2020, 2, 29, false, {}};
  exp.blocks = {e, only_org};
  d.sections.push_back(exp);

  model::Section skills;
  skills.kind = model::SectionKind::Skills;
  skills.title = "Skills";
  model::SkillGroup g;
  g.label = "Languages: spoken";
  g.items = {{"C#", false, {}},          {"C++", false, {}},   {".NET", false, {}},
             {"Node.js", false, {}},     {"CI/CD", false, {}}, {"AWS (EKS, RDS)", false, {}},
             {"fast, cheap", false, {}}, {"(open", false, {}}, {"close)", false, {}},
             {"back\\slash", false, {}}};
  g.tags = {"infrastructure"};
  model::SkillGroup unlabelled;
  unlabelled.items = {{"chess", false, {}}, {"running", false, {}}};
  model::Paragraph prose;
  prose.text = {run("Note: a sentence with a colon: still prose.")};
  skills.blocks = {g, unlabelled, prose};
  d.sections.push_back(skills);

  expect_round_trip(d);
}

// JSON Resume in, markup out, markup in: the same model as reading the JSON directly.
TEST(RoundTrip, JsonResumeSampleConvertsWithoutLoss) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(
      test::source_path("tests/fixtures/jsonresume/sample.resume.json"), sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  expect_round_trip(*doc);
}

TEST(RoundTrip, ConvertCommandWritesMarkupThatChecks) {
  fs::path dir = fs::temp_directory_path() / "tailor-markup-roundtrip";
  fs::create_directories(dir);
  std::string out = (dir / "systems.resume").string();
  test::CliResult c = test::run_cli({"convert", "samples/systems.resume", "-o", out});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  test::CliResult k = test::run_cli({"check", out});
  EXPECT_EQ(k.exit_code, 0) << k.err;
  EXPECT_EQ(k.err, "");
}

}  // namespace
}  // namespace tailor
