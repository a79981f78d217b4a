// UTF-8 validation and column counting: the basis of every file:line:col we print.
#include <gtest/gtest.h>

#include "base/utf8.hpp"

using namespace tailor::base;

TEST(Utf8, ValidTextPasses) {
  EXPECT_FALSE(validate_utf8("Aysel Hüseynova — Bakı, ə ş ç ğ ı ö ü, Привет"));
}

TEST(Utf8, FirstBadByteIsLocatedByCodePointColumn) {
  // Line 2 starts with two two-byte letters; the bad byte is the third code point.
  auto err = validate_utf8("name: x\nəş\xFFzz\n");
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 2u);
  EXPECT_EQ(err->col, 3u);
  EXPECT_EQ(err->byte, 0xFF);
}

TEST(Utf8, RejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(validate_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_TRUE(validate_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_TRUE(validate_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_TRUE(validate_utf8("ab\xC3"));            // truncated at end
}

TEST(Utf8, BomAndCrlfAreNormalised) {
  EXPECT_EQ(normalise_newlines("\xEF\xBB\xBFname: x\r\nb\r\n"), "name: x\nb\n");
  EXPECT_EQ(normalise_newlines("lone\rcr"), "lone\ncr");
}

TEST(Utf8, LineColCountsCodePoints) {
  std::string t = "ab\nəşx";
  LineCol lc = line_col_at(t, t.find('x'));
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.col, 3u);
}

// Guards the rules parser's fast positions: a LineIndex must give exactly what rescanning
// from the start gives, at every offset (ASCII lines, multi-byte lines, empty lines, the end).
TEST(Utf8, LineIndexAgreesWithRescanAtEveryOffset) {
  std::string t = "title: x\n\nəşx yz\n  ascii again\nçay\n";
  LineIndex index(t);
  for (std::size_t off = 0; off <= t.size() + 2; ++off) {
    LineCol a = index.at(off), b = line_col_at(t, off);
    EXPECT_EQ(a.line, b.line) << "offset " << off;
    EXPECT_EQ(a.col, b.col) << "offset " << off;
  }
}

TEST(Utf8, DescribeCodePoint) {
  EXPECT_EQ(describe_code_point(0x259), "U+0259 'ə'");
  EXPECT_EQ(describe_code_point(0x1F600), "U+1F600 '\xF0\x9F\x98\x80'");
}

// Issue 15: a file saved with classic Mac OS line endings read as one line (the name).
TEST(NormaliseNewlines, LoneCarriageReturnIsALineBreak) {
  EXPECT_EQ(normalise_newlines("name: A\r== Summary\rText\r"), "name: A\n== Summary\nText\n");
  EXPECT_EQ(normalise_newlines("a\r\r\nb\n\rc"), "a\n\nb\n\nc");
}

// Issue 15: a byte order mark in the middle of a JSON file was quoted, invisible, not named.
TEST(Utf8, ByteOrderMarkIsNamedNotQuoted) {
  EXPECT_EQ(describe_code_point(0xFEFF), "U+FEFF (a byte order mark)");
}
