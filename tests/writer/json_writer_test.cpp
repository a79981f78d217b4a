// The JSON Resume writer: escaping, key order, and JSON -> model -> JSON -> model round trips.
#include <gtest/gtest.h>

#include <regex>

#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "support/test_support.hpp"
#include "writer/json/json.hpp"
#include "writer/native/native.hpp"

using namespace tailor;

namespace {

std::optional<model::Document> read(const std::string& text, std::string* diagnostics = nullptr) {
  model::SourceManager sm;
  std::uint32_t id = sm.add("t.json", text);
  diag::Diagnostics ds;
  auto doc = reader::parse_json_resume(id, sm.text(id), ds);
  if (diagnostics) *diagnostics = diag::render_all(ds, sm);
  return doc;
}

std::string write(const model::Document& doc, std::string* diagnostics = nullptr) {
  style::Style style;
  writer::RenderOptions options;
  options.style = &style;
  diag::Diagnostics ds;
  std::string out;
  EXPECT_TRUE(writer::write_json(doc, options, out, ds));
  if (diagnostics) {
    model::SourceManager sm;
    *diagnostics = diag::render_all(ds, sm);
  }
  return out;
}

// Spans differ between the original and the rewritten file; everything else must not.
std::string without_spans(const std::string& dump) {
  return std::regex_replace(dump, std::regex(" @[0-9]+:[0-9]+-[0-9]+:[0-9]+"), "");
}

}  // namespace

TEST(JsonWriter, SampleRoundTripKeepsTheModel) {
  std::string original =
      test::slurp(test::source_path("tests/fixtures/jsonresume/sample.resume.json"));
  std::string diags;
  auto first = read(original, &diags);
  ASSERT_TRUE(first) << diags;
  std::string written = write(*first);
  auto second = read(written, &diags);
  ASSERT_TRUE(second) << diags << written;
  EXPECT_EQ(diags, "");  // the writer only writes keys the reader knows
  EXPECT_EQ(without_spans(writer::dump_native(*second)),
            without_spans(writer::dump_native(*first)));
  // And writing again gives the same bytes.
  EXPECT_EQ(write(*second), written);
}

TEST(JsonWriter, SampleOutputMatchesGolden) {
  auto doc = read(test::slurp(test::source_path("tests/fixtures/jsonresume/sample.resume.json")));
  ASSERT_TRUE(doc);
  EXPECT_EQ(test::compare_golden("json/sample.written.json", write(*doc)), "");
}

TEST(JsonWriter, EscapesStringsAndParsesBack) {
  model::Document doc;
  doc.header.name.value = "Q \"quoted\" \\ back\tslash\nline \x01 ə \xE2\x80\xA8";
  std::string out = write(doc);
  EXPECT_NE(out.find(R"("name": "Q \"quoted\" \\ back\tslash\nline \u0001 ə \u2028")"),
            std::string::npos)
      << out;
  model::SourceManager sm;
  diag::Diagnostics ds;
  std::uint32_t id = sm.add("o.json", out);
  auto v = reader::parse_json(id, sm.text(id), ds);
  ASSERT_TRUE(v) << diag::render_all(ds, sm);
  EXPECT_EQ(v->find("basics")->find("name")->text, doc.header.name.value);
}

TEST(JsonWriter, FixedKeyOrderTwoSpaceIndent) {
  model::Document doc;
  doc.header.name.value = "A";
  model::Section s;
  s.kind = model::SectionKind::Experience;
  s.title = "Experience";
  model::Entry e;
  e.role = "Engineer";
  e.organisation = "Org";
  e.dates.start = {2021, 4, 0, false, {}};
  e.dates.end.present = true;
  s.blocks.push_back(e);
  doc.sections.push_back(s);
  EXPECT_EQ(write(doc),
            "{\n"
            "  \"$schema\": \"https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/"
            "schema.json\",\n"
            "  \"basics\": {\n"
            "    \"name\": \"A\"\n"
            "  },\n"
            "  \"work\": [\n"
            "    {\n"
            "      \"name\": \"Org\",\n"
            "      \"position\": \"Engineer\",\n"
            "      \"startDate\": \"2021-04\"\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(JsonWriter, WarnsAboutWhatJsonResumeCannotHold) {
  model::Document doc;
  model::Section s;
  s.kind = model::SectionKind::Custom;
  s.title = "Talks";
  model::Paragraph p;
  p.text.push_back(model::Run{"CppCon 2024", false, false, false, {}, {}});
  s.blocks.push_back(p);
  doc.sections.push_back(s);
  std::string diags;
  write(doc, &diags);
  EXPECT_EQ(diags.rfind("warning: section \"Talks\" has no JSON Resume equivalent", 0), 0u)
      << diags;
}

TEST(JsonWriter, ConvertResumeJsonToJsonThroughTheCli) {
  // The json writer is registered under ".json"; convert refuses to overwrite its input.
  test::CliResult same = test::run_cli({"convert", "tests/fixtures/jsonresume/sample.resume.json",
                                        "-o", "tests/fixtures/jsonresume/sample.resume.json"});
  EXPECT_EQ(same.exit_code, 2);
  test::CliResult out =
      test::run_cli({"convert", "tests/fixtures/jsonresume/sample.resume.json", "-t", "json"});
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out.rfind("{\n  \"$schema\"", 0), 0u);
}

namespace {

model::Run run(const std::string& text) { return model::Run{text, false, false, false, {}, {}}; }

model::Paragraph para(const std::string& text, std::vector<std::string> tags = {}) {
  model::Paragraph p;
  p.text.push_back(run(text));
  p.tags = std::move(tags);
  return p;
}

model::Bullet bullet(const std::string& text) {
  model::Bullet b;
  b.text.push_back(run(text));
  return b;
}

model::SkillGroup group(const std::string& label, const std::vector<std::string>& items) {
  model::SkillGroup g;
  g.label = label;
  for (const std::string& i : items) g.items.push_back(model::Skill{i, false, {}});
  return g;
}

model::Section section(model::SectionKind kind, const std::string& title,
                       std::vector<model::Block> blocks, std::vector<std::string> tags = {}) {
  model::Section s;
  s.kind = kind;
  s.title = title;
  s.blocks = std::move(blocks);
  s.tags = std::move(tags);
  return s;
}

// The shape the .resume markup reader produces: one group of languages, a location with
// city and country, a job with a link run, variant tags, a custom section.
model::Document markup_shaped() {
  model::Document d;
  d.header.name.value = "Aysel Hüseynova";
  d.header.headline.value = "Senior Backend Engineer";
  d.header.email.value = "aysel@example.az";
  d.header.phone.value = "+994 55 000 00 00";
  d.header.location.value = "Bakı, Azerbaijan";
  d.header.links.push_back(model::Link{"GitHub", "https://github.com/aysel-h", {}});
  d.header.links.push_back(model::Link{"Website", "https://aysel.example.az", {}});
  d.sections.push_back(section(model::SectionKind::Summary, "Summary",
                               {para("Backend engineer with nine years on payment systems.")}));
  d.sections.push_back(section(model::SectionKind::Summary, "Summary",
                               {para("Runs the Kubernetes platform behind a card network.")},
                               {"infrastructure"}));
  model::Entry job;
  job.role = "Senior Backend Engineer";
  job.organisation = "Kapital Ödəniş";
  job.location = "Bakı";
  job.dates.start = {2021, 4, 0, false, {}};
  job.dates.end.present = true;
  model::Paragraph linked;
  linked.text.push_back(run("Payments team, see "));
  linked.text.push_back(model::Run{"the API", false, false, false, "https://api.example.az", {}});
  job.description.push_back(linked);
  job.bullets.push_back(bullet("Designed the idempotent payment API in Go"));
  model::Entry degree;
  degree.role = "BSc Computer Science";
  degree.organisation = "Bakı Dövlət Universiteti";
  degree.location = "Bakı";
  degree.dates.start = {2010, 0, 0, false, {}};
  degree.dates.end = {2014, 0, 0, false, {}};
  d.sections.push_back(section(model::SectionKind::Experience, "Experience", {job}));
  d.sections.push_back(section(model::SectionKind::Education, "Education", {degree}));
  d.sections.push_back(section(model::SectionKind::Skills, "Skills",
                               {group("Languages", {"Go", "Java", "C++"}),
                                group("Infrastructure", {"Kubernetes", "Terraform"})}));
  d.sections.push_back(section(model::SectionKind::Languages, "Languages",
                               {group("", {"Azerbaijani (native)", "English (C1)", "Russian"})}));
  d.sections.push_back(section(model::SectionKind::Custom, "Talks", {para("GopherCon 2023")}));
  return d;
}

}  // namespace

TEST(JsonWriter, MarkupShapedDocumentMatchesGoldenWithWarnings) {
  std::string diags;
  std::string out = write(markup_shaped(), &diags);
  EXPECT_EQ(test::compare_golden("json/markup_shaped.json", out), "");
  EXPECT_EQ(test::compare_golden("json/markup_shaped.warnings", diags), "");
}

TEST(JsonWriter, OneHopFromMarkupThenStable) {
  // After the first conversion, JSON -> model -> JSON is a fixed point.
  std::string first = write(markup_shaped());
  std::string diags;
  auto doc = read(first, &diags);
  ASSERT_TRUE(doc) << diags;
  EXPECT_EQ(diags, "");
  EXPECT_EQ(write(*doc), first);
  // What JSON Resume can hold survived the hop.
  EXPECT_EQ(doc->header.location.value, "Bakı, Azerbaijan");
  ASSERT_EQ(doc->header.links.size(), 2u);
  EXPECT_EQ(doc->header.links[0].label, "Website");
  EXPECT_EQ(doc->header.links[1].label, "GitHub");
  const auto& langs = doc->sections.back();
  EXPECT_EQ(langs.kind, model::SectionKind::Languages);
  ASSERT_EQ(langs.blocks.size(), 3u);
  EXPECT_EQ(std::get<model::SkillGroup>(langs.blocks[0]).label, "Azerbaijani");
  EXPECT_EQ(std::get<model::SkillGroup>(langs.blocks[0]).items[0].name, "native");
}

namespace {

model::Document one_paragraph(model::Inlines runs) {
  model::Document d;
  model::Section s;
  s.kind = model::SectionKind::Summary;
  s.title = "Summary";
  model::Paragraph p;
  p.text = std::move(runs);
  s.blocks.push_back(p);
  d.sections.push_back(s);
  return d;
}

model::Run make_run(std::string text, bool strong, std::string url) {
  model::Run r;
  r.text = std::move(text);
  r.strong = strong;
  r.url = std::move(url);
  return r;
}

}  // namespace

// Issue 15: "[**Go** tools](url)" came out as "Go (url) tools (url)".
TEST(JsonWriter, LinkWithBoldInItsLabelNamesTheAddressOnce) {
  std::string diags;
  std::string out =
      write(one_paragraph({make_run("See ", false, ""), make_run("Go", true, "https://go.dev"),
                           make_run(" tools", false, "https://go.dev")}),
            &diags);
  EXPECT_NE(out.find("\"summary\": \"See Go tools (https://go.dev)\""), std::string::npos) << out;
}

// Issue 15: bold and italic were dropped without a word; links inside text too.
TEST(JsonWriter, BoldItalicAndInlineLinksAreWarnedAbout) {
  std::string diags;
  write(one_paragraph({make_run("Go", true, ""), make_run(" and a ", false, ""),
                       make_run("link", false, "https://x.example")}),
        &diags);
  EXPECT_NE(diags.find("JSON Resume has no bold or italic; 1 formatted run is written as plain "
                       "text"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("JSON Resume has no links inside text; 1 link is written as"),
            std::string::npos)
      << diags;
}

// Issue 15: an unsafe address is plain text in a string, and left out of a url field, with a
// warning (a theme would make any url field a link).
TEST(JsonWriter, UnsafeAddressIsTextInStringsAndNeverAUrlField) {
  model::Document d = one_paragraph({make_run("click", false, "javascript:alert(1)")});
  d.header.links.push_back({"Website", "javascript:alert(2)", {}});
  std::string diags;
  std::string out = write(d, &diags);
  EXPECT_NE(out.find("\"summary\": \"click [javascript:alert(1)]\""), std::string::npos) << out;
  EXPECT_EQ(out.find("\"url\": \"javascript"), std::string::npos) << out;
  EXPECT_NE(diags.find("$.basics.url: the address \"javascript:alert(2)\" is not an https"),
            std::string::npos)
      << diags;
}

// Issue 15: a label-less skill group of several items became one JSON skill per item and came
// back as several groups; now it is one skill with keywords, and comes back the same.
TEST(JsonWriter, LabelLessSkillGroupComesBackAsOneGroup) {
  model::Document d;
  model::Section s;
  s.kind = model::SectionKind::Skills;
  s.title = "Skills";
  model::SkillGroup g;
  g.items = {{"Go", false, {}}, {"Rust", false, {}}};
  s.blocks.push_back(g);
  d.sections.push_back(s);
  std::string diags;
  auto back = read(write(d, &diags));
  ASSERT_TRUE(back);
  EXPECT_EQ(diags, "");
  EXPECT_EQ(without_spans(writer::dump_native(*back)), without_spans(writer::dump_native(d)));
}

// A skill label without items ("Tools:") is read back from JSON as an item: said so.
TEST(JsonWriter, LabelWithoutItemsIsWarnedAbout) {
  model::Document d;
  model::Section s;
  s.kind = model::SectionKind::Skills;
  s.title = "Skills";
  model::SkillGroup g;
  g.label = "Tools";
  s.blocks.push_back(g);
  d.sections.push_back(s);
  std::string diags;
  write(d, &diags);
  EXPECT_NE(diags.find("a label without items (\"Tools:\") in Skills is read back as an item"),
            std::string::npos)
      << diags;
}
