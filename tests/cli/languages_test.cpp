// Languages from the command line: localised input is read, output speaks --lang / lang:.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <sys/wait.h>

#include "support/test_support.hpp"

using tailor::test::run_cli;

namespace {

/// The dump lines that start with "section " (kind and title).
std::vector<std::string> section_lines(const std::string& dump) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = dump.find("\n  section ", at)) != std::string::npos) {
    std::size_t end = dump.find('\n', at + 1);
    out.push_back(dump.substr(at + 3, end - at - 3));
    at = end;
  }
  return out;
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST(Languages, GermanHeadingsAndHeuteDumpAsExperienceEducationSkillsAndPresent) {
  auto r = run_cli({"dump", "tests/fixtures/locales/de.resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto s = section_lines(r.out);
  ASSERT_EQ(s.size(), 4u) << r.out;
  EXPECT_EQ(s[0].rfind("section summary \"Kurzprofil\"", 0), 0u) << s[0];
  EXPECT_EQ(s[1].rfind("section experience \"Berufserfahrung\"", 0), 0u) << s[1];
  EXPECT_EQ(s[2].rfind("section education \"Ausbildung\"", 0), 0u) << s[2];
  EXPECT_EQ(s[3].rfind("section skills \"Kenntnisse\"", 0), 0u) << s[3];
  EXPECT_TRUE(has(r.out, "dates 2020-03 .. present")) << r.out;
  EXPECT_TRUE(has(r.out, "group \"Sprachen\"")) << r.out;  // the skills kept their groups
}

// Written in languages the code was not tailored to: the words come from templates/locales/.
TEST(Languages, ResumesInOtherLanguagesReadTheirStandardSections) {
  for (const char* f : {"pl", "ja", "uk", "ka", "ar", "az"}) {
    SCOPED_TRACE(f);
    auto r = run_cli({"dump", std::string("tests/fixtures/locales/") + f + ".resume"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto s = section_lines(r.out);
    bool exp = false, edu = false, skills = false;
    for (const std::string& l : s) {
      exp = exp || l.rfind("section experience ", 0) == 0;
      edu = edu || l.rfind("section education ", 0) == 0;
      skills = skills || l.rfind("section skills ", 0) == 0;
      EXPECT_EQ(l.rfind("section custom", 0), std::string::npos) << l;
    }
    EXPECT_TRUE(exp && edu && skills) << r.out;
    EXPECT_TRUE(has(r.out, ".. present")) << r.out;
  }
}

TEST(Languages, UnknownWordForPresentIsALocatedError) {
  auto path = std::filesystem::temp_directory_path() / "tailor-lang-gestern.resume";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("name: X\n\n== Berufserfahrung\n=== Dev | Firma | Bonn | 2020-03 – gestern\n", f);
    std::fclose(f);
  }
  auto r = run_cli({"check", path.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, ":4:36: error: expected a date or a word for 'present'")) << r.err;
  std::filesystem::remove(path);
}

TEST(Languages, BuildWithLangDePrintsGermanHeadingsMonthsAndHeute) {
  auto r = run_cli({"build", "samples/aysel.resume", "--lang", "de"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* w : {"Profil\n", "Berufserfahrung\n", "Ausbildung\n", "Kenntnisse\n",
                        "Apr. 2021 – heute", "Feb. 2018 – März 2021"}) {
    EXPECT_TRUE(has(r.out, w)) << w << "\n" << r.out;
  }
  EXPECT_FALSE(has(r.out, "present"));
  EXPECT_FALSE(has(r.out, "Experience\n"));
}

TEST(Languages, BuildWithoutLangKeepsTitlesAsWrittenAndEnglishDates) {
  auto r = run_cli({"build", "samples/aysel.resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Experience\n"));
  EXPECT_TRUE(has(r.out, "Apr 2021 – present"));
}

TEST(Languages, LangHeaderChoosesOutputLanguage) {
  auto r = run_cli({"build", "tests/fixtures/locales/az.resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "noy 2019 – hazırda")) << r.out;
}

TEST(Languages, BadLangOptionIsUsageError) {
  auto r = run_cli({"build", "samples/aysel.resume", "--lang", "de_DE"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "BCP 47")) << r.err;
  auto q = run_cli({"build", "samples/aysel.resume", "--lang", "sw"});
  EXPECT_EQ(q.exit_code, 2);
  EXPECT_TRUE(has(q.err, "no translations for 'sw'")) << q.err;
}

TEST(Languages, JsonResumeMetaLanguageIsTheDocumentLanguage) {
  auto path = std::filesystem::temp_directory_path() / "tailor-lang-meta.json";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(
        "{\"basics\": {\"name\": \"X\"}, \"work\": [{\"name\": \"Firma\", \"position\": \"Dev\","
        " \"startDate\": \"2020-03\"}], \"meta\": {\"language\": \"de\"}}\n",
        f);
    std::fclose(f);
  }
  auto r = run_cli({"build", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Berufserfahrung\n")) << r.out;
  EXPECT_TRUE(has(r.out, "März 2020 – heute")) << r.out;
  auto d = run_cli({"dump", path.string()});
  EXPECT_TRUE(has(d.out, "lang \"de\"")) << d.out;
  std::filesystem::remove(path);
}

TEST(Languages, AzerbaijaniUpperCasedPdfHeadingsSpellDottedCapitalI) {
  auto pdf = std::filesystem::temp_directory_path() / "tailor-lang-az.pdf";
  auto r = run_cli({"build", "tests/fixtures/locales/az.resume", "-o", pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string text;
  if (std::FILE* p = ::popen(("pdftotext -enc UTF-8 " + pdf.string() + " -").c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) text.append(buf, n);
    ::pclose(p);
  }
  // The classic style sets headings in capitals: "İş təcrübəsi", "Təhsil" in Azerbaijani case.
  EXPECT_TRUE(has(text, "İŞ TƏCRÜBƏSİ")) << text;
  EXPECT_TRUE(has(text, "TƏHSİL")) << text;
  EXPECT_FALSE(has(text, "TƏCRÜBƏSI\n")) << text;
  std::filesystem::remove(pdf);
}

TEST(Languages, MalformedLocaleFileIsReportedWithFileLineAndColumn) {
  namespace fs = std::filesystem;
  fs::path data = fs::temp_directory_path() / "tailor-lang-data";
  fs::remove_all(data);
  fs::copy(tailor::test::source_path("templates"), data, fs::copy_options::recursive);
  {
    std::FILE* f = std::fopen((data / "locales" / "xx.locale").c_str(), "w");
    std::fputs("name: Test\npresent: now\n  headin.summary: S\n", f);
    std::fclose(f);
  }
  std::string cmd = "TAILOR_DATA_DIR=" + data.string() + " " + TAILOR_BINARY +
                    " build tests/fixtures/locales/de.resume --lang de 2>&1";
  std::string out;
  int status = -1;
  if (std::FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    status = ::pclose(p);
  }
  EXPECT_TRUE(has(out, "xx.locale:3:3: error: unknown locale key 'headin.summary'")) << out;
  EXPECT_TRUE(has(out, "xx.locale:1:1: error: this language has no 'page'")) << out;
  EXPECT_EQ(WEXITSTATUS(status), 1) << out;
  fs::remove_all(data);
}
