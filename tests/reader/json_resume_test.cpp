// JSON Resume v1 into the model: the sample's dump, located errors with JSON paths, warnings.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "style/style.hpp"
#include "support/test_support.hpp"
#include "writer/format.hpp"
#include "writer/native/native.hpp"

using namespace tailor;

namespace {

const char* kSample = "tests/fixtures/jsonresume/sample.resume.json";

struct Result {
  std::optional<model::Document> doc;
  std::string diagnostics;
};

Result read_json_resume(const std::string& display, const std::string& text) {
  model::SourceManager sm;
  std::uint32_t id = sm.add(display, text);
  diag::Diagnostics ds;
  Result r;
  r.doc = reader::parse_json_resume(id, sm.text(id), ds);
  r.diagnostics = diag::render_all(ds, sm);
  return r;
}

Result read_golden_input(const std::string& name) {
  return read_json_resume(name, test::slurp(test::source_path("tests/golden/json/errors/" + name)));
}

}  // namespace

TEST(JsonResume, SampleDumpMatchesGolden) {
  Result r = read_json_resume("sample.resume.json", test::slurp(test::source_path(kSample)));
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.diagnostics, "");
  EXPECT_EQ(test::compare_golden("json/sample.native", writer::dump_native(*r.doc)), "");
}

TEST(JsonResume, SampleChecksCleanThroughTheCli) {
  test::CliResult r = test::run_cli({"check", kSample});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kSample) + ": ok\n");
  EXPECT_EQ(r.err, "");
}

// Error goldens, byte for byte as diag::render_all prints them.
class JsonResumeErrorGolden : public testing::TestWithParam<const char*> {};

TEST_P(JsonResumeErrorGolden, RendersExactly) {
  std::string name = GetParam();
  Result r = read_golden_input(name + ".json");
  EXPECT_NE(r.diagnostics, "");
  EXPECT_EQ(test::compare_golden("json/errors/" + name + ".stderr", r.diagnostics), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, JsonResumeErrorGolden,
                         testing::Values("truncated", "type_error", "bad_date", "unknown_key"));

TEST(JsonResume, ErrorsFailTheReadAndWarningsDoNot) {
  EXPECT_FALSE(read_golden_input("truncated.json").doc);
  // A value of the wrong type is a warning: it is read as absent (issue 15).
  EXPECT_TRUE(read_golden_input("type_error.json").doc);
  EXPECT_FALSE(read_golden_input("bad_date.json").doc);
  Result warned = read_golden_input("unknown_key.json");
  ASSERT_TRUE(warned.doc);
  EXPECT_NE(warned.diagnostics.find("did you mean \"highlights\"?"), std::string::npos);
  EXPECT_NE(warned.diagnostics.find("did you mean \"url\"?"), std::string::npos);
}

// Must show: a truncated JSON file fails with its file:line:col and exit 1.
TEST(JsonResume, TruncatedFileFailsWithFileLineColAndExit1) {
  const std::string path = "tests/golden/json/errors/truncated.json";
  test::CliResult r = test::run_cli({"check", path});
  EXPECT_EQ(r.exit_code, 1);
  // The end of the input: just past the last character written (line 6, after the URL).
  std::string text = test::slurp(test::source_path(path));
  std::size_t end = text.find_last_not_of(" \n");
  std::size_t line_start = text.rfind('\n', end) + 1;
  std::string where = ":" + std::to_string(std::count(text.begin(), text.begin() + end, '\n') + 1) +
                      ":" + std::to_string(end - line_start + 2);  // ASCII line: bytes = columns
  EXPECT_EQ(where, ":6:65");
  EXPECT_EQ(r.err.rfind(path + where + ": error: unexpected end of file: expected ',' or '}'\n", 0),
            0u)
      << r.err;
}

// Issue 15: a wrong type, null included, is a located warning with its JSON path; the value
// is then read as absent and the rest of the resume is kept.
TEST(JsonResume, TypeErrorsNameTheJsonPath) {
  Result r = read_json_resume("t.json", R"({"skills": [{"name": "Go", "keywords": ["a", 7]}],
"languages": {"language": "az"}, "basics": {"name": 5}})");
  ASSERT_TRUE(r.doc);
  ASSERT_EQ(r.doc->sections.size(), 1u);  // skills, with the one good keyword
  EXPECT_EQ(std::get<model::SkillGroup>(r.doc->sections[0].blocks[0]).items.size(), 1u);
  EXPECT_TRUE(r.doc->header.name.empty());
  EXPECT_NE(r.diagnostics.find("t.json:1:46: warning: $.skills[0].keywords[1]: expected a string, "
                               "found a number; it is read as absent"),
            std::string::npos)
      << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("t.json:2:14: warning: $.languages: expected an array of objects, "
                               "found an object"),
            std::string::npos)
      << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("t.json:2:53: warning: $.basics.name: expected a string, found a "
                               "number"),
            std::string::npos)
      << r.diagnostics;
}

TEST(JsonResume, RootMustBeAnObject) {
  Result r = read_json_resume("t.json", "[1]");
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.diagnostics.rfind("t.json:1:1: error: $: expected an object", 0), 0u);
}

TEST(JsonResume, UnsafeLinkIsAWarningAndKeptAsText) {
  Result r = read_json_resume("t.json", R"j({"basics": {"name": "X", "profiles": [
{"network": "Evil", "url": "javascript:alert(1)"}]}})j");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("warning: $.basics.profiles[0].url: link scheme \"javascript:\" is "
                               "not allowed"),
            std::string::npos)
      << r.diagnostics;
  ASSERT_EQ(r.doc->header.links.size(), 1u);
  EXPECT_EQ(r.doc->header.links[0].url, "javascript:alert(1)");
  // The text writer prints it as text, never as a link target of its own making.
  test::CliResult built = test::run_cli({"build", kSample, "--format", "text"});
  EXPECT_EQ(built.out.find("javascript:"), std::string::npos);
}

TEST(JsonResume, DatesAndOpenEnds) {
  Result r = read_json_resume("t.json", R"({
"work": [{"name": "A", "startDate": "2021-04"}, {"name": "B", "startDate": "2019", "endDate": "2020-02-29"}],
"education": [{"institution": "U", "startDate": "2010"}]})");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& work = r.doc->sections[0];
  const auto& a = std::get<model::Entry>(work.blocks[0]);
  EXPECT_EQ(a.dates.start.year, 2021);
  EXPECT_EQ(a.dates.start.month, 4);
  EXPECT_TRUE(a.dates.end.present);  // no endDate on a job: ongoing
  const auto& b = std::get<model::Entry>(work.blocks[1]);
  EXPECT_EQ(b.dates.end.day, 29);
  const auto& edu = std::get<model::Entry>(r.doc->sections[1].blocks[0]);
  EXPECT_FALSE(edu.dates.end.present);
  EXPECT_TRUE(edu.dates.end.empty());

  for (const char* bad : {"2021-02-29", "21-04", "2021/04", "April 2021", "2021-00", "0000"}) {
    Result e = read_json_resume(
        "t.json", std::string(R"({"work": [{"name": "A", "startDate": ")") + bad + "\"}]}");
    EXPECT_FALSE(e.doc) << bad;
    EXPECT_NE(e.diagnostics.find("t.json:1:38: error: $.work[0].startDate: invalid date"),
              std::string::npos)
        << e.diagnostics;
  }
}

// The schema project's invalid date fixture, "2013-12-021", was told "months run from 01 to
// 12", although its month is 12: a date of none of the three shapes has no month to blame.
TEST(JsonResume, MalformedDateHintsOnlyAtWhatIsWrong) {
  auto hints_for = [](const std::string& date) {
    Result r =
        read_json_resume("t.json", R"({"work": [{"name": "A", "startDate": ")" + date + "\"}]}");
    EXPECT_FALSE(r.doc) << date;
    EXPECT_NE(r.diagnostics.find("$.work[0].startDate: invalid date"), std::string::npos)
        << r.diagnostics;
    return r.diagnostics;
  };
  for (const char* bad : {"2013-12-021", "2013-1-02", "201-12-02", "2013-12-2"}) {
    EXPECT_EQ(hints_for(bad).find("months run from 01 to 12"), std::string::npos) << bad;
  }
  for (const char* bad : {"2013-13", "2013-00-02", "2013-1x-02"}) {
    EXPECT_NE(hints_for(bad).find("months run from 01 to 12"), std::string::npos) << bad;
  }
  EXPECT_NE(hints_for("2013-02-30").find("that month has no day 30"), std::string::npos);
}

// Must show: ../shared/data/jsonresume/sample.resume.json built to text keeps the content of
// every section except references. The expectations come from walking the JSON itself: every
// string leaf must appear in the text, except $schema, meta, basics.image and references.
// Dates appear as the text writer renders them (the style's month format; days are not shown).
static void check_text_keeps_every_string(const std::string& path) {
  std::string json_text = test::slurp(test::source_path(path));
  ASSERT_FALSE(json_text.empty());
  test::CliResult built = test::run_cli({"build", path, "--format", "text"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string& text = built.out;

  model::SourceManager sm;
  std::uint32_t id = sm.add("sample.json", json_text);
  diag::Diagnostics ds;
  std::optional<json::Value> root = reader::parse_json(id, sm.text(id), ds);
  ASSERT_TRUE(root);
  style::Style style;
  std::size_t checked = 0;
  std::function<void(const json::Value&, const std::string&, const std::string&)> walk =
      [&](const json::Value& v, const std::string& jpath, const std::string& key) {
        if (jpath == "$.$schema" || jpath == "$.meta" || jpath == "$.references" ||
            jpath == "$.basics.image") {
          return;
        }
        if (v.is(json::Kind::Object)) {
          for (const auto& m : v.members) walk(m.value, jpath + "." + m.key, m.key);
        } else if (v.is(json::Kind::Array)) {
          for (std::size_t i = 0; i < v.items.size(); ++i) {
            walk(v.items[i], jpath + "[" + std::to_string(i) + "]", key);
          }
        } else if (v.is(json::Kind::String) && !v.text.empty()) {
          std::string expected = v.text;
          if (key == "startDate" || key == "endDate" || key == "date" || key == "releaseDate") {
            model::Date d;
            d.year = std::stoi(v.text.substr(0, 4));
            if (v.text.size() >= 7) d.month = std::stoi(v.text.substr(5, 2));
            expected = writer::format_date(d, style.date_format);
          }
          ++checked;
          EXPECT_NE(text.find(expected), std::string::npos)
              << jpath << " = \"" << expected << "\" is missing from the text output";
        }
      };
  walk(*root, "$", "");
  EXPECT_GT(checked, 60u);  // the sample has 70-odd string leaves outside references and meta
}

TEST(JsonResume, SampleBuiltToTextKeepsEveryStringExceptReferences) {
  // The project's copy always; the shared original too when it is beside the checkout
  // (../shared from the main repository).
  std::vector<std::string> paths = {kSample};
  if (std::filesystem::exists(test::source_path("../shared/data/jsonresume/sample.resume.json"))) {
    paths.push_back("../shared/data/jsonresume/sample.resume.json");
  }
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    check_text_keeps_every_string(path);
  }
}

TEST(JsonResume, UnknownKeysSuggestTheV1Name) {
  Result r = read_json_resume(
      "t.json", R"({"certifications": [], "work": [{"company": "X", "title": "Dev", "zzz": 1}]})");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("t.json:1:2: warning: $: unknown key \"certifications\" is ignored; "
                               "did you mean \"certificates\"?"),
            std::string::npos);
  EXPECT_NE(r.diagnostics.find("$.work[0]: unknown key \"company\" is ignored; did you mean "
                               "\"name\"?"),
            std::string::npos);
  EXPECT_NE(r.diagnostics.find("$.work[0]: unknown key \"zzz\" is ignored\n"), std::string::npos);
  // An entry with nothing known in it is not kept as an empty heading.
  EXPECT_TRUE(r.doc->sections.empty());
}

namespace {

// Issue 15: null where a value belongs was silently taken for "absent"; JSON Resume's schema
// calls it invalid, so it is warned about, with the path, like any other wrong type.
TEST(JsonResume, NullIsAWarningWithItsPath) {
  Result r = read_json_resume("t.json", R"({"basics": {"name": "Ada", "profiles": [{"url": null}]},
"work": [{"name": "Acme", "endDate": null}], "skills": null})");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.doc->header.name.value, "Ada");
  for (const char* path : {"$.basics.profiles[0].url", "$.work[0].endDate", "$.skills"}) {
    EXPECT_NE(r.diagnostics.find(std::string("warning: ") + path + ": expected "),
              std::string::npos)
        << path << "\n"
        << r.diagnostics;
  }
}

// Issue 15: JSON Resume cannot say "a single date" for a job, so the writer repeats the start
// as the end; reading it back is one date, not "2021 .. 2021".
TEST(JsonResume, EndEqualToStartIsASingleDate) {
  Result r = read_json_resume("t.json", R"({"work": [{"name": "Acme", "startDate": "2021-04",
"endDate": "2021-04"}, {"name": "B", "startDate": "2021", "endDate": "2022"}]})");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& single = std::get<model::Entry>(r.doc->sections[0].blocks[0]);
  EXPECT_TRUE(single.dates.end.empty());
  EXPECT_EQ(single.dates.start.month, 4);
  EXPECT_EQ(std::get<model::Entry>(r.doc->sections[0].blocks[1]).dates.end.year, 2022);
}

// Issue 15: an empty highlight became "- " in converted markup, which check rejects.
TEST(JsonResume, BlankHighlightsAreNoBullets) {
  Result r =
      read_json_resume("t.json", R"({"work": [{"name": "Acme", "highlights": ["", " ", "x"]}]})");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(std::get<model::Entry>(r.doc->sections[0].blocks[0]).bullets.size(), 1u);
}

}  // namespace
