// Property: converting between .resume and JSON Resume keeps the model, or warns. For every
// document (the samples, the JSON fixtures, and seeded generated documents):
//   .resume -> .json -> .resume and .json -> .resume -> .json give the same model (native
//   dump without positions) whenever no writer warned; a conversion that cannot keep
//   something must say so.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <variant>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/doc_generator.hpp"
#include "reader/reader.hpp"
#include "reader/resume_schema_fixtures.hpp"
#include "reader/strip_spans.hpp"
#include "support/test_support.hpp"
#include "writer/json/json.hpp"
#include "writer/native/native.hpp"
#include "writer/resume/resume.hpp"

namespace tailor {
namespace {

namespace fs = std::filesystem;

enum class To { Resume, Json };

struct Step {
  std::optional<model::Document> doc;
  std::string text;        ///< What the writer wrote.
  bool warned = false;     ///< The writer warned (something is not kept).
  std::string read_diags;  ///< What reading it back said.
  bool read_errors = false;
};

/// Writes doc in one format and reads the bytes back.
Step convert(const model::Document& doc, To to) {
  style::Style style;
  writer::RenderOptions options;
  options.style = &style;
  Step s;
  diag::Diagnostics wd;
  bool ok = to == To::Resume ? writer::write_resume(doc, options, s.text, wd)
                             : writer::write_json(doc, options, s.text, wd);
  EXPECT_TRUE(ok);
  s.warned = !wd.empty();
  model::SourceManager sources;
  diag::Diagnostics rd;
  std::string name = to == To::Resume ? "converted.resume" : "converted.json";
  s.doc = reader::read_document_bytes(name, s.text, sources, rd);
  s.read_errors = rd.has_errors();
  s.read_diags = diag::render_all(rd, sources);
  return s;
}

std::string dump(const model::Document& d) { return test::strip_spans(writer::dump_native(d)); }

/// The first lines where two dumps differ, for readable failures.
std::string first_difference(const std::string& got, const std::string& want) {
  std::size_t line = 1, a = 0, b = 0;
  while (a < got.size() || b < want.size()) {
    std::size_t ae = std::min(got.find('\n', a), got.size());
    std::size_t be = std::min(want.find('\n', b), want.size());
    if (got.compare(a, ae - a, want, b, be - b) != 0) {
      return "line " + std::to_string(line) + ":\n  got:  " + got.substr(a, ae - a) +
             "\n  want: " + want.substr(b, be - b) + "\n";
    }
    a = ae + 1;
    b = be + 1;
    ++line;
  }
  return "no difference\n";
}

/// Outcome of one chain, for the figures the tests print.
struct Chain {
  bool kept = false;    ///< No warning, and the model came back equal.
  bool warned = false;  ///< A writer said what it could not keep.
};

/// first, then second: the model must come back (or a writer warned). A writer's output
/// never fails to read back (convert never writes what check rejects).
Chain expect_chain(const model::Document& original, To first, To second, const std::string& what) {
  Chain c;
  Step a = convert(original, first);
  EXPECT_FALSE(a.read_errors) << what << ": first conversion does not read back\n"
                              << a.read_diags << a.text;
  if (!a.doc) return c;
  Step b = convert(*a.doc, second);
  EXPECT_FALSE(b.read_errors) << what << ": second conversion does not read back\n"
                              << b.read_diags << b.text;
  if (!b.doc) return c;
  c.warned = a.warned || b.warned;
  // A third step back to the first format: the chain ends where it began.
  Step back = convert(*b.doc, first);
  EXPECT_FALSE(back.read_errors) << what << "\n" << back.read_diags << back.text;
  c.warned = c.warned || back.warned;
  if (!back.doc) return c;
  if (!c.warned) {
    EXPECT_EQ(dump(*back.doc), dump(original))
        << what << ": the model changed and no writer warned\n"
        << first_difference(dump(*back.doc), dump(original)) << "--- first\n"
        << a.text << "--- second\n"
        << b.text;
    c.kept = dump(*back.doc) == dump(original);
  }
  return c;
}

std::optional<model::Document> read(const std::string& relative) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(relative), sources, diags);
  EXPECT_TRUE(doc) << diag::render_all(diags, sources);
  return doc;
}

std::string param_name(const testing::TestParamInfo<std::string>& info) {
  std::string s = fs::path(info.param).stem().string();
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

class SampleConversion : public testing::TestWithParam<std::string> {};

TEST_P(SampleConversion, ResumeToJsonToResumeKeepsTheModelOrWarns) {
  auto doc = read(GetParam());
  ASSERT_TRUE(doc);
  expect_chain(*doc, To::Json, To::Resume, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleConversion,
                         testing::ValuesIn(test::list_files("samples", ".resume")), param_name);

std::vector<std::string> json_inputs() {
  std::vector<std::string> out =
      test::list_files("tests/fixtures/jsonresume/schema/valid", ".json");
  out.push_back("tests/fixtures/jsonresume/sample.resume.json");
  return out;
}

class JsonConversion : public testing::TestWithParam<std::string> {};

TEST_P(JsonConversion, JsonToResumeToJsonKeepsTheModelOrWarns) {
  auto doc = read(GetParam());
  ASSERT_TRUE(doc);
  expect_chain(*doc, To::Resume, To::Json, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, JsonConversion, testing::ValuesIn(json_inputs()), param_name);

// The JSON Resume schema project's own valid fixtures (tests/fixtures/resume-schema/).
class SchemaFixtureConversion : public testing::TestWithParam<test::SchemaFixture> {};

TEST_P(SchemaFixtureConversion, JsonToResumeToJsonKeepsTheModelOrWarns) {
  const test::SchemaFixture& f = GetParam();
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes(f.name() + ".json", f.json, sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  expect_chain(*doc, To::Resume, To::Json, f.name());
}

INSTANTIATE_TEST_SUITE_P(ResumeSchema, SchemaFixtureConversion,
                         testing::ValuesIn(test::schema_fixtures(true)),
                         test::schema_fixture_param_name);

// Generated documents: plain ones must survive both chains without a warning; formatted ones
// (bold, italic, links in text) must survive the markup and be warned about in JSON.
TEST(GeneratedConversion, PlainDocumentsSurviveBothChainsWithoutWarnings) {
  int kept = 0;
  const int kDocs = 300;
  for (std::uint32_t seed = 1; seed <= kDocs; ++seed) {
    model::Document d = test::DocGenerator(seed).document(false);
    std::string what = "seed " + std::to_string(seed);
    Chain a = expect_chain(d, To::Json, To::Resume, what + " (.resume -> .json -> .resume)");
    Chain b = expect_chain(d, To::Resume, To::Json, what + " (.json -> .resume -> .json)");
    EXPECT_FALSE(a.warned) << what << ": a plain generated document should convert silently";
    EXPECT_FALSE(b.warned) << what;
    if (a.kept && b.kept) ++kept;
  }
  EXPECT_EQ(kept, kDocs);
}

TEST(GeneratedConversion, FormattedDocumentsKeepFormattingInMarkupAndWarnInJson) {
  int warned = 0;
  const int kDocs = 200;
  for (std::uint32_t seed = 1; seed <= kDocs; ++seed) {
    model::Document d = test::DocGenerator(seed).document(true);
    Step m = convert(d, To::Resume);
    EXPECT_FALSE(m.warned) << "seed " << seed << "\n" << m.text;
    ASSERT_TRUE(m.doc) << m.read_diags << m.text;
    EXPECT_EQ(dump(*m.doc), dump(d)) << "seed " << seed << "\n"
                                     << first_difference(dump(*m.doc), dump(d)) << m.text;
    Chain c = expect_chain(d, To::Json, To::Resume, "seed " + std::to_string(seed));
    if (c.warned) ++warned;
  }
  EXPECT_GT(warned, kDocs / 2);  // most have a formatted run; each such chain must warn
}

/// A line break (LF or a lone CR, alternately) in the middle of every one-line value that
/// has a blank to replace: skill group labels, skills, entry roles, bullet and paragraph runs.
void break_lines_in(model::Document& d) {
  bool cr = false;
  auto cut = [&](std::string& s) {
    std::size_t at = s.find(' ', s.size() / 2);
    if (at == std::string::npos) at = s.rfind(' ');
    if (at == std::string::npos || at == 0 || at + 1 == s.size()) return;
    s[at] = cr ? '\r' : '\n';
    cr = !cr;
  };
  for (model::Section& sec : d.sections) {
    for (model::Block& b : sec.blocks) {
      std::visit(
          [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::SkillGroup>) {
              cut(v.label);
              for (model::Skill& sk : v.items) cut(sk.name);
            } else if constexpr (std::is_same_v<T, model::Entry>) {
              cut(v.role);
              for (model::Bullet& bu : v.bullets) {
                for (model::Run& r : bu.text) cut(r.text);
              }
            } else {
              for (model::Run& r : v.text) cut(r.text);
            }
          },
          b);
    }
  }
}

// Issue 15: "convert can turn a skill group into a bullet". A JSON skill named "Go\n- Rust"
// could only stay a group because the markup writer joins its lines, and it did so silently:
// the model came back as "Go - Rust". Every line break in a one-line value now warns.
TEST(GeneratedConversion, LineBreaksInOneLineValuesAreWarnedAbout) {
  int warned = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    model::Document d = test::DocGenerator(seed).document(false);
    break_lines_in(d);
    Chain c = expect_chain(d, To::Resume, To::Json, "seed " + std::to_string(seed));
    if (c.warned) ++warned;
  }
  EXPECT_GT(warned, 30);
}

TEST(ConvertCommand, SkillWithLineBreaksStaysAGroupAndWarns) {
  fs::path dir = fs::temp_directory_path() / "tailor-convert-breaks";
  fs::create_directories(dir);
  std::string in = (dir / "in.json").string(), out = (dir / "out.resume").string();
  {
    std::ofstream f(in);
    f << R"({"basics":{"name":"Ada"},"skills":[{"name":"Go\n- Rust","keywords":["a\r- b","c"]}]})";
  }
  test::CliResult c = test::run_cli({"convert", in, "-o", out});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.err.find("a line break in a skill group's label is written as a space"),
            std::string::npos)
      << c.err;
  EXPECT_NE(c.err.find("a line break in a skill is written as a space"), std::string::npos)
      << c.err;
  std::string text = test::slurp(out);
  EXPECT_NE(text.find("Go - Rust: a - b, c\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("\n- "), std::string::npos) << "no line of it reads as a bullet\n" << text;
}

// Issue 15: "convert can turn a skill group into a bullet". A value starting with the bullet
// sign "•" was written at the start of a markup line unescaped, and "• " starts a bullet: a
// skill group named "• Cloud" came back as the group "Cloud" (its line read as a bullet, which
// a Skills section takes as a group), and a summary line "• Led ..." came back as a bullet.
// The writer now escapes it ("\\•"), the escape the reader resolves.
TEST(ConvertCommand, LeadingBulletSignKeepsGroupsAndParagraphs) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes("bullets.json", R"({"basics": {"name": "Ada",
    "summary": "\u2022 Led a team of five\n\u2022 Ran the on-call rota"},
    "work": [{"name": "Acme", "summary": "\u2022 Payments", "highlights": ["\u2022 Cut costs"]}],
    "skills": [{"name": "\u2022 Cloud", "keywords": ["AWS", "\u2022 GCP"]},
               {"name": "\u2022 Go"}],
    "interests": [{"name": "\u2022 Chess"}]})",
                                         sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  ASSERT_TRUE(diags.empty()) << diag::render_all(diags, sources);
  Step m = convert(*doc, To::Resume);
  EXPECT_FALSE(m.warned) << m.text;
  ASSERT_TRUE(m.doc) << m.read_diags << m.text;
  EXPECT_EQ(m.read_diags, "") << m.text;
  EXPECT_EQ(dump(*m.doc), dump(*doc)) << first_difference(dump(*m.doc), dump(*doc)) << m.text;
  EXPECT_NE(m.text.find("\\\u2022 Cloud: AWS, \u2022 GCP\n"), std::string::npos) << m.text;
  Chain c = expect_chain(*doc, To::Resume, To::Json, "bullet signs");
  EXPECT_TRUE(c.kept);
}

// Issue 15: convert wrote "- " for an empty JSON highlight, which check rejects. The files
// convert writes from every JSON input here pass check.
TEST(ConvertCommand, NeverWritesWhatCheckRejects) {
  fs::path dir = fs::temp_directory_path() / "tailor-convert-check";
  fs::create_directories(dir);
  std::vector<std::string> inputs = json_inputs();
  inputs.push_back("tests/hostile/json/empty-highlight.json");
  inputs.push_back("tests/hostile/json/null-fields.json");
  for (const std::string& in : inputs) {
    std::string out = (dir / (fs::path(in).stem().string() + ".resume")).string();
    test::CliResult c = test::run_cli({"convert", in, "-o", out});
    ASSERT_EQ(c.exit_code, 0) << in << "\n" << c.err;
    test::CliResult k = test::run_cli({"check", out});
    EXPECT_EQ(k.exit_code, 0) << in << "\n" << k.err << test::slurp(out);
  }
}

}  // namespace
}  // namespace tailor
