// The importers (issue 19): RenderCV and YAMLResume through yaml-cpp, a LinkedIn export
// through libzip and the CSV reader, the choice of reader, and their hostile inputs.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fuzz/entries.hpp"
#include "model/document.hpp"
#include "reader/csv.hpp"
#include "reader/loose_date.hpp"
#include "reader/markdown_inline.hpp"
#include "reader/reader.hpp"
#include "reader/yaml_depth.hpp"
#include "reader/zip_archive.hpp"
#include "support/test_support.hpp"

using namespace tailor;

namespace {

struct Read {
  std::optional<model::Document> doc;
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::string shown() const { return diag::render_all(diags, sources); }
  std::string lines() const { return diag::render_all(diags, sources, diag::Format::Short); }
};

std::unique_ptr<Read> read_bytes(const std::string& path, const std::string& bytes) {
  auto r = std::make_unique<Read>();
  r->doc = reader::read_document_bytes(path, bytes, r->sources, r->diags);
  return r;
}

std::unique_ptr<Read> read_fixture(const std::string& relative) {
  std::string path = test::source_path(relative);
  return read_bytes(relative, test::slurp(path));
}

std::vector<std::string> titles(const model::Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.sections) out.push_back(s.title);
  return out;
}

const model::Section& section(const model::Document& doc, const std::string& title) {
  for (const auto& s : doc.sections) {
    if (s.title == title) return s;
  }
  ADD_FAILURE() << "no section " << title;
  static model::Section none;
  return none;
}

const model::Entry& entry(const model::Section& s, std::size_t i) {
  return std::get<model::Entry>(s.blocks.at(i));
}

/// A ZIP made with libzip in memory: (name, bytes) pairs, deflated.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  // A file of this process and test alone: CTest runs the tests of this file in parallel
  // processes, and a shared name let one test read another's archive.
  static int serial = 0;
  std::string path = ::testing::TempDir() + "/import_test-" + std::to_string(::getpid()) + "-" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                     std::to_string(serial++) + ".zip";
  std::filesystem::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, bytes] : files) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    zip_int64_t i = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    EXPECT_GE(i, 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 9);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string bytes = test::slurp(path);
  std::filesystem::remove(path);
  return bytes;
}

std::string billion_laughs() {
  std::string y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) y += (k ? ", " : "") + prev;
    y += "]\n";
  }
  return y + "cv:\n  name: *a8\n";  // an alias must follow its anchor
}

}  // namespace

// ---- RenderCV ---------------------------------------------------------------------------------

TEST(RenderCv, SampleKeepsItsSectionsInOrderWithTheirKinds) {
  auto r = read_fixture("tests/fixtures/import/rendercv/John_Doe_EngineeringresumesTheme_CV.yaml");
  ASSERT_TRUE(r->doc) << r->shown();
  EXPECT_FALSE(r->diags.has_errors());
  const model::Document& d = *r->doc;
  EXPECT_EQ(d.header.name.value, "John Doe");
  EXPECT_EQ(d.header.email.value, "john.doe@email.com");
  EXPECT_EQ(d.header.language.value, "en");
  EXPECT_EQ(titles(d), (std::vector<std::string>{"Welcome to RenderCV", "Education", "Experience",
                                                 "Projects", "Publications", "Selected Honors",
                                                 "Skills", "Patents", "Invited Talks"}));
  EXPECT_EQ(section(d, "Experience").kind, model::SectionKind::Experience);
  const model::Section& exp = section(d, "Experience");
  ASSERT_EQ(exp.blocks.size(), 5u);
  const model::Entry& cto = entry(exp, 0);
  EXPECT_EQ(cto.role, "Co-Founder & CTO");
  EXPECT_EQ(cto.organisation, "Nexus AI");
  EXPECT_EQ(cto.dates.start.year, 2023);
  EXPECT_EQ(cto.dates.start.month, 6);
  EXPECT_TRUE(cto.dates.end.present);
  EXPECT_EQ(cto.bullets.size(), 4u);
  // The entry's position, 1-based: "      - company: Nexus AI" is line 47.
  EXPECT_EQ(cto.span.line, 47u);
  const model::Entry& flash = entry(section(d, "Projects"), 0);
  EXPECT_EQ(flash.role, "FlashInfer");
  EXPECT_EQ(flash.url, "https://github.com/");
  const model::Entry& pub = entry(section(d, "Publications"), 0);
  EXPECT_EQ(pub.organisation, "NeurIPS 2023");
  ASSERT_FALSE(pub.description.empty());
  EXPECT_TRUE(pub.description[0].text[0].emph);  // '*John Doe*'
  EXPECT_EQ(pub.description[0].text[0].text, "John Doe");
  EXPECT_EQ(std::get<model::SkillGroup>(section(d, "Skills").blocks[0]).items.size(), 5u);
  EXPECT_NE(r->lines().find("Tailor's nearest style is \"compact\""), std::string::npos)
      << r->lines();
}

TEST(RenderCv, InlineMarkdownBecomesRuns) {
  model::Inlines runs = reader::markdown_runs(
      "This is **bold**, *italic*, and [link](https://example.com). 5 * 3 stays", {});
  ASSERT_EQ(runs.size(), 7u);
  EXPECT_EQ(runs[1].text, "bold");
  EXPECT_TRUE(runs[1].strong);
  EXPECT_EQ(runs[3].text, "italic");
  EXPECT_TRUE(runs[3].emph);
  EXPECT_EQ(runs[5].text, "link");
  EXPECT_EQ(runs[5].url, "https://example.com");
  EXPECT_EQ(runs[6].text, ". 5 * 3 stays");
  // An unmatched marker is text, never lost.
  EXPECT_EQ(model::plain_text(reader::markdown_runs("a ** b [c", {})), "a ** b [c");
}

TEST(RenderCv, ErrorsAreLocatedWithTheirYamlPath) {
  auto r = read_fixture("tests/fixtures/import/rendercv/errors.yaml");
  ASSERT_TRUE(r->doc) << r->shown();  // slips are warnings: the rest is read
  std::string s = r->lines();
  const std::string f = "tests/fixtures/import/rendercv/errors.yaml:";
  EXPECT_NE(s.find(f + "4:3: warning: cv.emial: unknown key \"emial\" is ignored; did you mean "
                       "\"email\"?"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(f + "9:21: warning: cv.sections.experience[0].start_date: \"2020-13\" is not "
                       "a date"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(f + "13:9: warning: cv.sections.experience[1].positon: unknown key"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(f + "19:9: warning: cv.sections.skills[0].level: unknown key"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(f + "21:9: warning: cv.sections.skills[2]: an entry of no RenderCV kind"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(f + "22:1: warning: layout: unknown key"), std::string::npos) << s;
  // A single highlight written without "- " is still read.
  EXPECT_EQ(entry(section(*r->doc, "Experience"), 0).bullets.size(), 1u);
}

TEST(RenderCv, SyntaxErrorShowsLineColumnAndCaret) {
  auto r = read_fixture("tests/fixtures/import/rendercv/syntax-error.yaml");
  EXPECT_FALSE(r->doc);
  std::string s = r->shown();
  EXPECT_NE(s.find("syntax-error.yaml:"), std::string::npos) << s;
  EXPECT_NE(s.find(": error: YAML: "), std::string::npos) << s;
  EXPECT_NE(s.find("^"), std::string::npos) << s;
  EXPECT_NE(s.find("hint:"), std::string::npos) << s;
}

TEST(RenderCv, DuplicateKeyIsAWarningAndTheFirstIsKept) {
  auto r = read_bytes("d.yaml", "cv:\n  name: A\n  name: B\n");
  ASSERT_TRUE(r->doc);
  EXPECT_EQ(r->doc->header.name.value, "A");
  EXPECT_NE(r->lines().find("d.yaml:3:3: warning: duplicate key \"name\""), std::string::npos)
      << r->lines();
}

TEST(RenderCv, DesignAndLocaleMapOrAreNoted) {
  auto r = read_fixture("tests/fixtures/import/rendercv/leyla.yaml");
  ASSERT_TRUE(r->doc) << r->shown();
  EXPECT_EQ(r->doc->header.language.value, "tr");
  std::string s = r->lines();
  EXPECT_NE(s.find("note: design.theme \"moderncv\": Tailor's nearest style is \"modern\""),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("note: design.page is not carried over"), std::string::npos) << s;
  EXPECT_NE(s.find("note: locale.present is not carried over"), std::string::npos) << s;
  EXPECT_NE(s.find("note: cv.sections.talks: numbered entries become bullets"), std::string::npos)
      << s;
  // "Summer 2019" is no date: a warning, and the words stay in the entry.
  const model::Entry& bank = entry(section(*r->doc, "Experience"), 1);
  ASSERT_FALSE(bank.description.empty());
  EXPECT_EQ(model::plain_text(bank.description[0].text), "Summer 2019");
  EXPECT_EQ(r->doc->header.email.value, "leyla@example.org");
}

// ---- Hostile YAML -----------------------------------------------------------------------------

TEST(YamlLimits, BillionLaughsStopsAtTheNodeBudget) {
  auto r = read_bytes("laughs.yaml", billion_laughs());
  EXPECT_FALSE(r->doc);
  EXPECT_NE(r->lines().find("error: too many values: the limit is 50,000 in one YAML file"),
            std::string::npos)
      << r->lines();
}

TEST(YamlLimits, DeepFlowAndBlockNestingAreRefusedBeforeParsing) {
  std::string brackets = "cv: ";
  for (int i = 0; i < 100000; ++i) brackets += "[\n";
  auto flow = read_bytes("flow.yaml", brackets);
  EXPECT_NE(flow->lines().find("flow.yaml:64:1: error: nesting deeper than 64 levels"),
            std::string::npos)
      << flow->lines();
  std::string block = "cv:\n";
  for (int i = 0; i < 30000; ++i) block += "- ";  // 60 KB: under the line length limit
  block += "x\n";
  auto deep = read_bytes("block.yaml", block);
  EXPECT_NE(deep->lines().find("error: nesting deeper than 64 levels"), std::string::npos)
      << deep->lines();
  std::string indented = "cv:\n";
  for (int i = 1; i < 200; ++i) indented += std::string(i, ' ') + "k" + std::to_string(i) + ":\n";
  auto ind = read_bytes("indent.yaml", indented);
  EXPECT_NE(ind->lines().find("error: nesting deeper than 64 levels"), std::string::npos)
      << ind->lines();
}

TEST(YamlLimits, DepthScanCountsStructureNotText) {
  // Brackets in a plain value, in quotes, in comments and in block scalars are text.
  EXPECT_EQ(
      reader::yaml_depth("a: b [[[[ c\nd: '[[[['\n# [[[[\ne: |\n  [[[[\n  - - - -\n", 64).depth, 1);
  // Levels count nodes from the top mapping (1) down to the deepest value.
  EXPECT_EQ(reader::yaml_depth("a:\n  b:\n    - - c\n", 64).depth, 5);
  EXPECT_EQ(reader::yaml_depth("a: [[1], {b: [2]}]\n", 64).depth, 4);
}

// ---- YAMLResume -------------------------------------------------------------------------------

TEST(YamlResume, FixtureMapsEverySection) {
  auto r = read_fixture("tests/fixtures/import/yamlresume/xiaoming.yaml");
  ASSERT_TRUE(r->doc) << r->shown();
  const model::Document& d = *r->doc;
  EXPECT_EQ(d.header.name.value, "Xiaoming Wang");
  EXPECT_EQ(d.header.location.value, "Beijing, China");
  EXPECT_EQ(d.header.address.value, "88 Zhongguancun Street, 100080");
  EXPECT_EQ(titles(d),
            (std::vector<std::string>{"Summary", "Experience", "Education", "Volunteering",
                                      "Awards", "Certifications", "Publications", "Skills",
                                      "Languages", "Interests", "References", "Projects"}));
  const model::Section& summary = section(d, "Summary");
  ASSERT_EQ(summary.blocks.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<model::Bullet>(summary.blocks[1]));
  const model::Entry& bytedance = entry(section(d, "Experience"), 0);
  EXPECT_EQ(bytedance.dates.start.month, 7);
  EXPECT_TRUE(bytedance.dates.end.present);
  EXPECT_EQ(bytedance.bullets.size(), 2u);
  const model::Entry& meituan = entry(section(d, "Experience"), 1);
  EXPECT_EQ(meituan.dates.start.day, 1);
  EXPECT_EQ(meituan.dates.end.year, 2021);
  EXPECT_EQ(meituan.dates.end.month, 6);
  EXPECT_NE(r->lines().find("Tailor's nearest style is \"modern\""), std::string::npos);
}

TEST(YamlResume, SlipsAreWarningsAndTheWordsStay) {
  auto r = read_fixture("tests/fixtures/import/yamlresume/amara.yaml");
  ASSERT_TRUE(r->doc) << r->shown();
  std::string s = r->lines();
  EXPECT_NE(s.find("amara.yaml:15:7: warning: content.work[0].sumary: unknown key \"sumary\" is "
                   "ignored; did you mean \"summary\"?"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("amara.yaml:14:16: warning: content.work[0].endDate: \"début 2024\" is not a "
                   "date"),
            std::string::npos)
      << s;
  EXPECT_EQ(r->doc->header.language.value, "fr");
}

// ---- Choosing the reader ----------------------------------------------------------------------

TEST(DetectFormat, ByContentAsWellAsExtension) {
  std::string problem;
  EXPECT_EQ(reader::detect_format("a.yaml", "cv:\n  name: A\n", problem),
            reader::InputFormat::RenderCv);
  EXPECT_EQ(reader::detect_format("a.yml", "# c\ncontent:\n", problem),
            reader::InputFormat::YamlResume);
  EXPECT_EQ(reader::detect_format("-", "cv:\n  name: A\n", problem), reader::InputFormat::RenderCv);
  EXPECT_EQ(reader::detect_format("a.yaml", "\xEF\xBB\xBF# c\r\ncontent:\r\n", problem),
            reader::InputFormat::YamlResume);
  EXPECT_EQ(reader::detect_format("cv.resume", "cv: x\n", problem), reader::InputFormat::Resume);
  EXPECT_EQ(reader::detect_format("export.bin", std::string("PK\3\4xx", 6), problem),
            reader::InputFormat::LinkedIn);
  EXPECT_FALSE(reader::detect_format("a.yaml", "name: A\n", problem));
  EXPECT_NE(problem.find("neither cv: (RenderCV) nor content: (YAMLResume)"), std::string::npos);
  EXPECT_FALSE(reader::detect_format("a.yaml", "cv:\ncontent:\n", problem));
  EXPECT_NE(problem.find("both"), std::string::npos);
  auto r = read_bytes("notes.yaml", "name: A\n");
  EXPECT_FALSE(r->doc);
  EXPECT_NE(r->lines().find("notes.yaml:1:1: error: cannot tell which YAML resume format"),
            std::string::npos)
      << r->lines();
}

// ---- CSV and dates ----------------------------------------------------------------------------

TEST(Csv, QuotedFieldsEmbeddedNewlinesAndDoubledQuotes) {
  std::string text = "A,B,C\n1,\"two, \"\"2\"\"\nlines\",\n\n\"x\",y,z";
  diag::Diagnostics diags;
  auto t = reader::csv::parse(1, text, diags);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].size(), 3u);
  EXPECT_EQ(t->rows[0][1].text, "two, \"2\"\nlines");
  EXPECT_EQ(t->rows[0][2].text, "");
  EXPECT_EQ(t->rows[1][0].text, "x");
  EXPECT_EQ(t->rows[1][2].span.line, 5u);
  EXPECT_EQ(t->rows[1][2].span.col, 7u);
}

TEST(Csv, UnterminatedQuoteIsLocated) {
  model::SourceManager sources;
  std::uint32_t id = sources.add("p.csv", "Name\n\"Go\nRust\n");
  diag::Diagnostics diags;
  EXPECT_FALSE(reader::csv::parse(id, sources.text(id), diags));
  EXPECT_EQ(diag::render_all(diags, sources, diag::Format::Short),
            "p.csv:2:1: error: a quoted field is not closed\n");
}

TEST(LooseDate, LinkedInAndIsoForms) {
  auto d = reader::parse_loose_date("Mar 2021");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2021);
  EXPECT_EQ(d->month, 3);
  EXPECT_EQ(reader::parse_loose_date("2021")->month, 0);
  EXPECT_EQ(reader::parse_loose_date("September 2016")->month, 9);
  EXPECT_EQ(reader::parse_loose_date("Sep 1, 2016")->day, 1);
  EXPECT_TRUE(reader::parse_loose_date("present")->present);
  EXPECT_FALSE(reader::parse_loose_date("2021-13"));
  EXPECT_FALSE(reader::parse_loose_date("Feb 30, 2021"));
  EXPECT_FALSE(reader::parse_loose_date("Spring 2021"));
}

// ---- LinkedIn ---------------------------------------------------------------------------------

TEST(LinkedIn, ZipFixtureKeepsPositionsEducationSkillsAndLanguagesInOrder) {
  auto r = read_fixture("tests/fixtures/import/linkedin/ngozi.zip");
  ASSERT_TRUE(r->doc) << r->shown();
  const model::Document& d = *r->doc;
  EXPECT_EQ(d.header.name.value, "Ngozi Okafor");
  EXPECT_EQ(d.header.location.value, "Lagos, Nigeria");
  EXPECT_EQ(titles(d), (std::vector<std::string>{"Summary", "Experience", "Education", "Skills",
                                                 "Languages"}));
  const model::Section& exp = section(d, "Experience");
  ASSERT_EQ(exp.blocks.size(), 2u);
  EXPECT_EQ(entry(exp, 0).organisation, "Paystack");
  EXPECT_TRUE(entry(exp, 0).dates.end.present);
  EXPECT_EQ(entry(exp, 0).dates.start.month, 3);
  ASSERT_EQ(entry(exp, 0).bullets.size(), 2u);
  EXPECT_EQ(model::plain_text(entry(exp, 0).bullets[1].text),
            "Led the \"idempotency keys\" rollout");
  EXPECT_EQ(entry(exp, 1).organisation, "Andela");
  EXPECT_EQ(entry(section(d, "Education"), 0).role, "BSc, Computer Science");
  const auto& skills = std::get<model::SkillGroup>(section(d, "Skills").blocks[0]);
  std::vector<std::string> names;
  for (const auto& s : skills.items) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Go", "PostgreSQL", "Kafka", "Kubernetes"}));
  const model::Section& langs = section(d, "Languages");
  ASSERT_EQ(langs.blocks.size(), 3u);
  EXPECT_EQ(std::get<model::SkillGroup>(langs.blocks[0]).label, "English");
  EXPECT_EQ(std::get<model::SkillGroup>(langs.blocks[1]).label, "Igbo");
  EXPECT_EQ(std::get<model::SkillGroup>(langs.blocks[2]).label, "French");
  std::string s = r->lines();
  EXPECT_NE(s.find("ngozi.zip: note: Certifications.csv is not in the export; skipped"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("ngozi.zip:Profile.csv:1:"), std::string::npos) << s;  // Birth Date, ...
  EXPECT_NE(s.find("column \"Birth Date\" is not carried over"), std::string::npos) << s;
}

TEST(LinkedIn, FolderReadsAsItsZipAndUnknownColumnsAreNoted) {
  model::SourceManager s1, s2;
  diag::Diagnostics d1, d2;
  std::string dir = test::source_path("tests/fixtures/import/linkedin/maximilian");
  auto folder = reader::read_linkedin_folder(dir, s1, d1);
  std::string zip = test::slurp(test::source_path("tests/fixtures/import/linkedin/maximilian.zip"));
  auto zipped = reader::read_linkedin_zip("m.zip", zip, s2, d2);
  ASSERT_TRUE(folder);
  ASSERT_TRUE(zipped);
  EXPECT_EQ(titles(*folder), titles(*zipped));
  EXPECT_EQ(titles(*folder),
            (std::vector<std::string>{"Experience", "Education", "Skills", "Certifications",
                                      "Projects", "Honors", "Publications", "Volunteering"}));
  std::string notes = diag::render_all(d2, s2, diag::Format::Short);
  EXPECT_NE(notes.find("m.zip:Profile.csv:1:"), std::string::npos) << notes;
  EXPECT_NE(notes.find("unknown column \"Pronouns\" is ignored"), std::string::npos) << notes;
  EXPECT_NE(notes.find("m.zip: note: Languages.csv is not in the export; skipped"),
            std::string::npos)
      << notes;
  EXPECT_EQ(entry(section(*zipped, "Experience"), 0).bullets.size(), 2u);  // "•" lines
}

TEST(LinkedIn, ZipEntryThatEscapesRefusesTheArchive) {
  for (const char* name : {"../Skills.csv", "/etc/Skills.csv", "a/../../Skills.csv",
                           "C:/Skills.csv", "a\\..\\Skills.csv"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(reader::zip_name_escapes(name));
    auto r = read_bytes("x.zip", make_zip({{name, "Name\nGo\n"}}));
    EXPECT_FALSE(r->doc);
    EXPECT_NE(r->lines().find("names a path outside the archive's folder"), std::string::npos)
        << r->lines();
  }
  EXPECT_FALSE(reader::zip_name_escapes("export/Skills.csv"));
  EXPECT_FALSE(reader::zip_name_escapes("a..b/Skills.csv"));
}

TEST(LinkedIn, ZipBombAndSizeLimitsAreLocatedErrors) {
  // 5 MiB of one letter packs to a few kilobytes: over the ratio.
  auto ratio = read_bytes("bomb.zip", make_zip({{"Positions.csv", std::string(5 << 20, 'a')}}));
  EXPECT_FALSE(ratio->doc);
  EXPECT_NE(ratio->lines().find("bomb.zip:Positions.csv: error: unpacks "), std::string::npos)
      << ratio->lines();
  EXPECT_NE(ratio->lines().find("a ZIP bomb?"), std::string::npos);
  auto big = read_bytes("big.zip", make_zip({{"Skills.csv", std::string(11 << 20, 'a')}}));
  EXPECT_FALSE(big->doc);
  EXPECT_NE(big->lines().find("big.zip:Skills.csv: error: unpacks to 11,534,336 bytes; the "
                              "limit is 10 MiB a file"),
            std::string::npos)
      << big->lines();
}

TEST(LinkedIn, EntryCountIsCapped) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 10001; ++i) files.push_back({"f" + std::to_string(i), ""});
  auto r = read_bytes("many.zip", make_zip(files));
  EXPECT_FALSE(r->doc);
  EXPECT_NE(r->lines().find("many.zip: error: too many files in the archive: 10,001; the limit "
                            "is 10,000"),
            std::string::npos)
      << r->lines();
}

TEST(LinkedIn, NotAZipAndAnEmptyExportAreErrors) {
  auto junk = read_bytes("junk.zip", "not a zip");
  EXPECT_FALSE(junk->doc);
  EXPECT_NE(junk->lines().find("junk.zip: error: not a readable ZIP archive"), std::string::npos)
      << junk->lines();
  auto empty = read_bytes("empty.zip", make_zip({{"README.txt", "hi"}}));
  EXPECT_FALSE(empty->doc);
  EXPECT_NE(empty->lines().find("no LinkedIn export file found"), std::string::npos)
      << empty->lines();
}

// ---- The fuzz entries of the importers --------------------------------------------------------

TEST(ImportFuzzEntries, ReplayTheCommittedCorpusAndTheFixtures) {
  namespace fs = std::filesystem;
  struct Target {
    const char* corpus;
    void (*entry)(const std::uint8_t*, std::size_t);
  };
  for (Target t : {Target{"tests/fuzz/corpus/yaml", tailor::fuzz::yaml},
                   Target{"tests/fuzz/corpus/linkedin", tailor::fuzz::linkedin}}) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(test::source_path(t.corpus))) {
      SCOPED_TRACE(e.path().string());
      std::string bytes = test::slurp(e.path().string());
      EXPECT_NO_THROW(t.entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
      ++n;
    }
    EXPECT_GE(n, 5u) << t.corpus;
  }
  std::string laughs = billion_laughs();
  EXPECT_NO_THROW(
      tailor::fuzz::yaml(reinterpret_cast<const std::uint8_t*>(laughs.data()), laughs.size()));
}

// ---- The commands -----------------------------------------------------------------------------

TEST(ImportCommands, ConvertWritesTheResumeMarkupOfEachFormat) {
  std::string dir = ::testing::TempDir();
  for (const char* in :
       {"tests/fixtures/import/rendercv/John_Doe_EngineeringresumesTheme_CV.yaml",
        "tests/fixtures/import/yamlresume/xiaoming.yaml",
        "tests/fixtures/import/linkedin/ngozi.zip", "tests/fixtures/import/linkedin/maximilian"}) {
    SCOPED_TRACE(in);
    std::string out = dir + "/converted.resume";
    std::filesystem::remove(out);
    auto r = test::run_cli({"convert", in, "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The markup written reads back without a warning.
    auto back = test::run_cli({"check", out});
    EXPECT_EQ(back.exit_code, 0) << back.err;
    EXPECT_EQ(back.err.find("warning"), std::string::npos) << back.err;
  }
  std::string out = dir + "/ngozi.resume";
  ASSERT_EQ(
      test::run_cli({"convert", "tests/fixtures/import/linkedin/ngozi.zip", "-o", out}).exit_code,
      0);
  std::string text = test::slurp(out);
  std::size_t at = 0;
  for (const char* want :
       {"== Experience", "Paystack", "Andela", "== Education", "University of Lagos", "== Skills",
        "Go, PostgreSQL, Kafka, Kubernetes", "== Languages", "English", "Igbo", "French"}) {
    std::size_t found = text.find(want, at);
    ASSERT_NE(found, std::string::npos) << want << " after byte " << at << " in\n" << text;
    at = found;
  }
}

TEST(Csv, FieldCountIsLimited) {
  model::SourceManager sources;
  std::uint32_t id = sources.add("wide.csv", "Name\n" + std::string(50000, ','));
  diag::Diagnostics diags;
  EXPECT_FALSE(reader::csv::parse(id, sources.text(id), diags));
  EXPECT_NE(diag::render_all(diags, sources, diag::Format::Short)
                .find("error: too many fields: the limit is 50,000 in one CSV file"),
            std::string::npos);
  // Just under: 49,999 fields in all (the header's one, then a row of 49,998).
  std::uint32_t ok = sources.add("ok.csv", "Name\n" + std::string(49997, ','));
  diag::Diagnostics none;
  EXPECT_TRUE(reader::csv::parse(ok, sources.text(ok), none));
  EXPECT_FALSE(none.has_errors());
}
