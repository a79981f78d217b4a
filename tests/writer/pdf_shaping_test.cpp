// Shaping, bidi, line breaks, normalisation and font fallback of the PDF text path (issue 14),
// against the installed fonts (scripts/packages.txt installs them).
#include <gtest/gtest.h>

#include <string>

#include "writer/pdf/bidi.hpp"
#include "writer/pdf/fallback.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/pdf/line_breaks.hpp"
#include "writer/pdf/normalize.hpp"
#include "writer/pdf/shaping.hpp"

namespace tailor::test {
namespace {

using namespace writer::pdf;

const Face* face_or_skip(const std::string& family) {
  FontMatch m;
  const Face* f = cached_face({family, false, false}, &m);
  return f && m.exact ? f : nullptr;
}

TEST(PdfShaping, KerningMakesAlternatingAVNarrowerThanGrouped) {
  const Face* f = face_or_skip("Liberation Serif");
  ASSERT_NE(f, nullptr) << "Liberation Serif is not installed";
  double av = shape(*f, "AVAVAV", 12, Direction::LTR).width;
  double grouped = shape(*f, "AAAVVV", 12, Direction::LTR).width;
  EXPECT_LT(av, grouped - 1.0) << av << " vs " << grouped;
  // Without kerning both would be six default advances; AAAVVV has one kerned pair.
  double plain = 12 * (f->width1000(U'A') * 3 + f->width1000(U'V') * 3) / 1000.0;
  EXPECT_LT(grouped, plain);
  EXPECT_GT(grouped, plain - 12 * 0.2);
}

TEST(PdfShaping, LigatureGlyphMapsBackToAllItsCharacters) {
  const Face* f = face_or_skip("Noto Serif");
  if (!f) GTEST_SKIP() << "Noto Serif (fonts-noto-core) is not installed";
  Shaped s = shape(*f, "office", 10, Direction::LTR);
  ASSERT_LT(s.glyphs.size(), 6u) << "no ffi ligature";
  std::string back;
  for (const Glyph& g : s.glyphs) back += g.text;
  EXPECT_EQ(back, "office");
}

TEST(PdfShaping, ArabicJoinsRightToLeftAndEveryCharacterComesBack) {
  const Face* f = face_or_skip("Noto Sans Arabic");
  ASSERT_NE(f, nullptr) << "Noto Sans Arabic (fonts-noto-core) is not installed";
  std::string word = "ليلى";
  Shaped s = shape(*f, word, 10, Direction::RTL);
  // Joined forms and the lam-alef-maksura ligature: fewer glyphs than characters, none of them
  // the isolated forms the cmap gives.
  ASSERT_LT(s.glyphs.size(), 4u);
  for (const Glyph& g : s.glyphs) EXPECT_NE(g.gid, f->glyph(U'ل'));
  // Visual order, left to right: the last glyph is the first letter. Ligature texts are
  // reversed (poppler reads them that way in right-to-left runs).
  EXPECT_EQ(s.glyphs.back().text, "ل");
  std::string visual;
  for (const Glyph& g : s.glyphs) visual += g.text;
  EXPECT_EQ(visual, "ىليل");
  for (std::size_t i = 1; i < s.glyphs.size(); ++i) EXPECT_GT(s.glyphs[i].x, s.glyphs[i - 1].x);
}

TEST(PdfShaping, DevanagariClusterIsFlaggedForActualText) {
  const Face* f = face_or_skip("Noto Sans Devanagari");
  ASSERT_NE(f, nullptr) << "Noto Sans Devanagari (fonts-noto-core) is not installed";
  Shaped s = shape(*f, "विकसित की", 10, Direction::LTR);
  // The i-matra is drawn before its consonant: clusters, not one glyph per character.
  EXPECT_TRUE(s.clustered || s.glyphs.size() < 9u);
  std::string back;
  for (const Glyph& g : s.glyphs) back += g.text;
  EXPECT_EQ(back, "विकसित की");
}

TEST(PdfShaping, CombiningMarkIsPositionedOverItsBase) {
  const Face* f = face_or_skip("Noto Sans Hebrew");
  ASSERT_NE(f, nullptr) << "Noto Sans Hebrew (fonts-noto-core) is not installed";
  // Bet with dagesh and qamats: the marks sit on the letter, not after it.
  Shaped s = shape(*f, "\u05D1\u05BC\u05B8", 10, Direction::RTL);
  Shaped base = shape(*f, "\u05D1", 10, Direction::RTL);
  EXPECT_NEAR(s.width, base.width, 0.01);
}

TEST(PdfShaping, FormatCharactersAreNotDrawn) {
  const Face* f = face_or_skip("Liberation Serif");
  ASSERT_NE(f, nullptr);
  Shaped plain = shape(*f, "abcd", 10, Direction::LTR);
  Shaped with = shape(*f, "a\u200Bb\u200Dc\u200E\uFEFFd\u00AD", 10, Direction::LTR);
  EXPECT_EQ(with.glyphs.size(), plain.glyphs.size());
  EXPECT_NEAR(with.width, plain.width, 1e-9);
  std::string back;
  for (const Glyph& g : with.glyphs) back += g.text;
  EXPECT_EQ(back, "abcd");
}

TEST(PdfText, NfcComposesDecomposedAccents) {
  EXPECT_EQ(nfc("Me\u0301lanie Mu\u0308ller"), "M\u00E9lanie M\u00FCller");
  EXPECT_EQ(nfc("plain ascii"), "plain ascii");
  EXPECT_EQ(nfc("\uFB01"), "\uFB01");  // NFC, not NFKC: the ligature character stays
}

TEST(PdfBidi, HebrewWithLatinWordGetsUax9LevelsAndVisualOrder) {
  std::string s = "בניתי את שירות Go עבור 40 סניפים";
  int base = -1;
  std::vector<std::uint8_t> lv = bidi_levels(s, false, &base);
  EXPECT_EQ(base, 1);  // first strong character is Hebrew
  EXPECT_EQ(lv[s.find("Go")], 2);
  EXPECT_EQ(lv[s.find("40")], 2);
  EXPECT_EQ(lv[0], 1);
  // Runs R L R L R: visual order reverses them.
  std::vector<int> order = visual_order({1, 2, 1, 2, 1});
  EXPECT_EQ(order, (std::vector<int>{4, 3, 2, 1, 0}));
  EXPECT_FALSE(needs_bidi("Aysel Hüseynova, Bakı — Кирилл"));
  EXPECT_TRUE(needs_bidi("x \u200F y"));
  EXPECT_EQ(first_strong_direction("2021 — ليلى"), 1);
  EXPECT_EQ(first_strong_direction("12 Go"), 0);
}

TEST(PdfDirection, RightToLeftLanguageMirrorsEvenAfterALatinName) {
  model::Document doc;
  doc.header.name.value = "Dariush Karimi";
  doc.header.headline.value = "Backend engineer";
  EXPECT_FALSE(document_is_rtl(doc));
  for (const char* rtl : {"fa", "ur", "he", "ar"}) {
    doc.header.language.value = rtl;
    EXPECT_TRUE(document_is_rtl(doc)) << rtl;
  }
  doc.header.language.value = "de";
  EXPECT_FALSE(document_is_rtl(doc));
  // A left-to-right language does not hide a right-to-left first strong character.
  doc.header.name.value = "נועה כהן";
  EXPECT_TRUE(document_is_rtl(doc));
}

TEST(PdfLineBreaks, ThaiBreaksAtWordsAndCjkBetweenIdeographsWithKinsoku) {
  std::string thai = "พัฒนาระบบชำระเงินสำหรับกรุงเทพมหานคร";
  // Character offsets 5 9 13 17 23 (three UTF-8 bytes each): Bangkok stays whole.
  EXPECT_EQ(unspaced_breaks(thai), (std::set<std::size_t>{15, 27, 39, 51, 69}));
  std::string ja = "「東京」で開発した。";
  std::set<std::size_t> b = unspaced_breaks(ja);
  EXPECT_FALSE(b.count(3));              // not after the opening bracket
  EXPECT_FALSE(b.count(ja.size() - 3));  // not before the full stop
  EXPECT_TRUE(b.count(ja.find("開")));   // between ideographs
  EXPECT_TRUE(unspaced_breaks("state-of-the-art word/word").empty());  // Latin: spaces only
}

TEST(PdfFallback, ScriptsGetAFaceThatHasThem) {
  for (char32_t cp :
       {U'\u0623', U'\u05D0', U'\u0928', U'\u0E1E', U'\u10D2', U'\u0531', U'\u674E', U'\uACB0'}) {
    std::string fam = fallback_family(cp, false);
    ASSERT_FALSE(fam.empty()) << "no font for U+" << std::hex << static_cast<unsigned>(cp);
    const Face* f = cached_face({fam, false, false});
    ASSERT_NE(f, nullptr) << fam;
    EXPECT_TRUE(f->has(cp)) << fam;
  }
  EXPECT_EQ(fallback_family(U'\U00010570', false), "");  // Vithkuqi: no installed font
  EXPECT_EQ(script_name(script_of(U'\U00010570')), "Vithkuqi");
  EXPECT_EQ(script_package(script_of(U'\u0E1E')), "fonts-noto-core");
}

}  // namespace
}  // namespace tailor::test
