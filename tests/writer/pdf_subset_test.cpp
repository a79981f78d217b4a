// Font subsets as the PDF embeds them, and whole builds across many code-point sets.
//
// Tailor once handed its subsets to libharu's TrueType loader, which failed (0x1033) when its
// rebuilt tables ended exactly on a 4096-byte block; the subsets are now embedded directly,
// and the build test still varies names and roles broadly, since the code points of a face
// decide its subset.
#include <gtest/gtest.h>
#include <hb.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::test {
namespace {

namespace fs = std::filesystem;

unsigned table_length(const std::string& font, hb_tag_t tag) {
  hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_t* table = hb_face_reference_table(face, tag);
  unsigned len = hb_blob_get_length(table);
  hb_blob_destroy(table);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return len;
}

TEST(PdfFonts, SubsetKeepsItsGlyphsAndDropsShapingTables) {
  const writer::pdf::Face* face = writer::pdf::cached_face({"Liberation Serif", true, false});
  ASSERT_NE(face, nullptr) << "Liberation Serif Bold is not installed";
  for (const std::u32string& text :
       {std::u32string(U"Ab4"), std::u32string(U"Əliyev Ş ğ 2024"), std::u32string(U"x")}) {
    std::set<char32_t> cps(text.begin(), text.end());
    std::string sub = face->subset(cps);
    ASSERT_FALSE(sub.empty());
    // Glyphs are drawn where the layout put them: no shaping or hinting tables are embedded.
    for (hb_tag_t tag : {HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'S', 'U', 'B'),
                         HB_TAG('G', 'D', 'E', 'F'), HB_TAG('f', 'p', 'g', 'm')}) {
      EXPECT_EQ(table_length(sub, tag), 0u);
    }
    // The rest of the font came through: every code point maps, with its advance unchanged.
    hb_blob_t* blob = hb_blob_create(sub.data(), static_cast<unsigned>(sub.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    std::unique_ptr<writer::pdf::Face> sf = writer::pdf::Face::from_blob(blob);
    hb_blob_destroy(blob);
    ASSERT_NE(sf, nullptr);
    for (char32_t cp : cps) {
      if (!face->has(cp)) continue;
      EXPECT_TRUE(sf->has(cp)) << "U+" << std::hex << static_cast<unsigned>(cp);
      EXPECT_EQ(sf->width1000(cp), face->width1000(cp));
    }
    for (hb_tag_t tag : {HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'),
                         HB_TAG('c', 'm', 'a', 'p'), HB_TAG('h', 'm', 't', 'x')}) {
      EXPECT_GT(table_length(sub, tag), 0u);
    }
  }
}

// The reported failure: "Ab4", "Person4", "Aysel Testov4" with --role "Backend Engineer" made
// the bold subset's rebuilt tables exactly 8192 bytes. Every build must succeed and pass qpdf.
TEST(PdfWriter, AyselSampleBuildsForManyNamesAndRoles) {
  if (std::system("qpdf --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "qpdf not installed";
  std::string sample = slurp(source_path("samples/aysel.resume"));
  // The header's "name:" line (the first line that starts with it).
  std::size_t begin = sample.rfind("name:", 0) == 0 ? 0 : sample.find("\nname:");
  ASSERT_NE(begin, std::string::npos) << "the sample has no name: line";
  if (begin > 0) ++begin;
  std::size_t end = sample.find('\n', begin);
  ASSERT_NE(end, std::string::npos);
  fs::path dir = fs::temp_directory_path() / ("tailor-subset-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<std::string> names = {
      "Aysel Hüseynova", "Aysel Hüseynova4", "Person Testov", "Pxxx", "Ab", "Q", "Zəfər Ötəgən"};
  for (const char* stem : {"Ab", "Person", "Aysel Testov"}) {
    for (int d = 0; d <= 9; ++d) names.push_back(stem + std::to_string(d));
  }
  int builds = 0;
  for (const std::string& name : names) {
    std::string text = sample.substr(0, begin) + "name: " + name + sample.substr(end);
    fs::path in = dir / "n.resume";
    std::ofstream(in, std::ios::binary) << text;
    for (const char* role : {"", "Backend Engineer", "Infrastructure Engineer"}) {
      SCOPED_TRACE(name + " / " + role);
      fs::path out = dir / "n.pdf";
      fs::remove(out);
      std::vector<std::string> args = {"build", in.string(), "-o", out.string()};
      if (*role) args.insert(args.end(), {"--role", role});
      CliResult r = run_cli(args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      ASSERT_TRUE(fs::exists(out));
      EXPECT_EQ(std::system(("qpdf --check " + out.string() + " > /dev/null 2>&1").c_str()), 0);
      ++builds;
    }
  }
  EXPECT_EQ(builds, static_cast<int>(names.size()) * 3);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tailor::test
