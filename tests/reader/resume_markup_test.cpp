// The .resume reader: golden dumps of every sample, golden error messages byte for byte,
// encodings (BOM, CRLF, bad UTF-8) and a never-crash sweep over damaged samples.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "support/test_support.hpp"
#include "writer/native/native.hpp"

namespace tailor {
namespace {

namespace fs = std::filesystem;

std::string stem(const std::string& path) { return fs::path(path).stem().string(); }

std::string param_name(const testing::TestParamInfo<std::string>& info) {
  std::string s = stem(info.param);
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

// ------------------------------------------------------------------ samples

class Sample : public testing::TestWithParam<std::string> {};

TEST_P(Sample, DumpMatchesGolden) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(GetParam()), sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  EXPECT_TRUE(diags.empty()) << diag::render_all(diags, sources);
  std::string diff =
      test::compare_golden("dump/" + stem(GetParam()) + ".native", writer::dump_native(*doc));
  EXPECT_TRUE(diff.empty()) << diff;
}

TEST_P(Sample, PassesTailorCheck) {
  test::CliResult r = test::run_cli({"check", GetParam()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, GetParam() + ": ok\n");
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(Samples, Sample, testing::ValuesIn(test::list_files("samples", ".resume")),
                         param_name);

TEST(Samples, AtLeastFourWithTheRequiredScripts) {
  auto files = test::list_files("samples", ".resume");
  EXPECT_GE(files.size(), 4u);
  std::string aysel = test::slurp(test::source_path("samples/aysel.resume"));
  for (const char* letter : {"ə", "ş", "ç", "ğ", "ı", "ö", "ü"}) {
    EXPECT_NE(aysel.find(letter), std::string::npos) << letter;
  }
  EXPECT_NE(aysel.find("Идемпотентность"), std::string::npos);
}

// ------------------------------------------------------------------ error messages

class ErrorCase : public testing::TestWithParam<std::string> {};

// The path is given relative to the source root (tests run there), so messages show
// "tests/golden/errors/x.resume:4:30" exactly as a user typing that path would see it.
TEST_P(ErrorCase, MessagesMatchGoldenByteForByte) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(GetParam(), sources, diags);
  ASSERT_FALSE(diags.empty()) << "the case produced no diagnostic";
  EXPECT_EQ(doc.has_value(), !diags.has_errors());
  std::string rendered = diag::render_all(diags, sources);
  std::string diff = test::compare_golden("errors/" + stem(GetParam()) + ".stderr", rendered);
  EXPECT_TRUE(diff.empty()) << diff;

  // The CLI prints the same bytes and exits 1 on errors, 0 on warnings only.
  test::CliResult r = test::run_cli({"check", GetParam()});
  EXPECT_EQ(r.err, rendered);
  EXPECT_EQ(r.exit_code, diags.has_errors() ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(Errors, ErrorCase,
                         testing::ValuesIn(test::list_files("tests/golden/errors", ".resume")),
                         param_name);

TEST(Encoding, BadUtf8ByteAtLine4Column4FailsWithExit1) {
  test::CliResult r = test::run_cli({"check", "tests/golden/errors/bad-utf8.resume"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err.rfind("tests/golden/errors/bad-utf8.resume:4:4: error: invalid UTF-8 byte 0xD6\n", 0),
      0u)
      << r.err;
}

// ------------------------------------------------------------------ encodings

fs::path scratch_file(const std::string& name, const std::string& bytes) {
  fs::path dir = fs::temp_directory_path() / "tailor-markup-test";
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string dump_of(const std::string& path, diag::Diagnostics& diags) {
  model::SourceManager sources;
  auto doc = reader::read_document(path, sources, diags);
  return doc ? writer::dump_native(*doc) : "<failed>\n" + diag::render_all(diags, sources);
}

TEST(Encoding, CrlfAndBomGiveTheSameModelAndSpans) {
  std::string lf = test::slurp(test::source_path("samples/aysel.resume"));
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  diag::Diagnostics d1, d2, d3;
  std::string expected = dump_of(test::source_path("samples/aysel.resume"), d1);
  EXPECT_EQ(dump_of(scratch_file("crlf.resume", crlf).string(), d2), expected);
  EXPECT_EQ(dump_of(scratch_file("bom-crlf.resume", "\xEF\xBB\xBF" + crlf).string(), d3), expected);
  EXPECT_TRUE(d2.empty());
  EXPECT_TRUE(d3.empty());
}

TEST(Encoding, MissingFinalNewlineIsFine) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::string text = "name: Kamran\n\n== Skills\nLanguages: C, C++";
  auto id = sources.add("x.resume", text);
  auto doc = reader::parse_resume(id, sources.text(id), diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  auto& g = std::get<model::SkillGroup>(doc->sections.at(0).blocks.at(0));
  ASSERT_EQ(g.items.size(), 2u);
  EXPECT_EQ(g.items[1].name, "C++");
  EXPECT_EQ(g.items[1].span.end_col, 18u);
}

// ------------------------------------------------------------------ never crash

/// A fixed-seed generator: the sweep is the same on every run.
struct Lcg {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  std::uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(s >> 33);
  }
};

void parse_must_not_crash(const std::string& text) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto id = sources.add("fuzz.resume", text);
  auto doc = reader::parse_resume(id, sources.text(id), diags);
  // Errors and a document never come together; every diagnostic renders.
  ASSERT_EQ(doc.has_value(), !diags.has_errors()) << text;
  std::string rendered = diag::render_all(diags, sources);
  if (doc) writer::dump_native(*doc);
  for (const diag::Diagnostic& d : diags.items()) {
    ASSERT_TRUE(d.span.known()) << rendered;
    std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    ASSERT_LE(d.span.line, lines + 1) << rendered;
  }
}

TEST(NeverCrash, TruncatedAndDamagedSamples) {
  static const char kNoise[] = "*{}[]()<>|\\=-:%\n \t,\xC3\xA9\xFF";
  Lcg rng;
  int runs = 0;
  for (const std::string& path : test::list_files("samples", ".resume")) {
    std::string text = test::slurp(test::source_path(path));
    for (std::size_t cut = 0; cut < text.size(); cut += 13) {
      parse_must_not_crash(text.substr(0, cut));
      ++runs;
    }
    for (int i = 0; i < 300; ++i) {
      std::string t = text;
      int edits = 1 + static_cast<int>(rng.next() % 4);
      for (int k = 0; k < edits; ++k) {
        std::size_t at = rng.next() % (t.size() + 1);
        switch (rng.next() % 3) {
          case 0:
            t.insert(at, 1, kNoise[rng.next() % (sizeof kNoise - 1)]);
            break;
          case 1:
            if (at < t.size()) t.erase(at, 1 + rng.next() % 20);
            break;
          default:
            t.insert(at, t.substr(rng.next() % t.size(), rng.next() % 40));
        }
      }
      parse_must_not_crash(t);
      ++runs;
    }
  }
  for (const char* odd : {"", "\n", "==", "== ", "===", "- ", "{", "}", "name:", "**", "*", "\\",
                          "== A {", "== A {}", "=== |||||", "<", "[a](", "name: x <", "\xFF"}) {
    parse_must_not_crash(odd);
    ++runs;
  }
  // Pure noise made of the characters the grammar cares about, line by line.
  static const char* kPieces[] = {"== ",     "=== ",   "- ",     "  ",   "\n",  "{",
                                  "}",       ",",      "|",      "*",    "**",  "[",
                                  "](",      ")",      "<",      ">",    "\\",  "%",
                                  ":",       "name: ", "link: ", "2021", "-04", " – ",
                                  "present", "ə",      "x",      "\t",   "..",  "https:"};
  for (int i = 0; i < 2000; ++i) {
    std::string t;
    int n = static_cast<int>(rng.next() % 60);
    for (int k = 0; k < n; ++k) t += kPieces[rng.next() % (sizeof kPieces / sizeof *kPieces)];
    parse_must_not_crash(t);
    ++runs;
  }
  EXPECT_GT(runs, 3000);
}

// cmark's pathological suite in small: long lines of markup characters must parse in about
// linear time (a quadratic scan would take minutes here, not milliseconds).
TEST(NeverCrash, PathologicalLinesStayLinear) {
  auto repeat = [](const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::string head = "name: X\n\n== Summary\n";
  for (const std::string& body :
       {repeat("[", 100000), repeat("[", 100000) + "]", repeat("[](", 30000), repeat("*a", 50000),
        repeat("**", 50000), repeat("{", 100000), repeat("<", 100000), repeat("\\", 100000),
        repeat("[a](b", 30000), repeat("ə*", 50000), repeat("- x\n", 50000),
        repeat("x\n", 100000)}) {
    parse_must_not_crash(head + body + "\n");
  }
  parse_must_not_crash("name: X\n\n== Experience\n=== " + repeat("a|", 50000) + "\n");
  parse_must_not_crash("name: X\n\n== Skills\nL: " + repeat("a, (", 50000) + "\n");
}

}  // namespace
}  // namespace tailor
