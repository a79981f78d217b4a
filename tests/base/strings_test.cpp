// The shared string helpers: edit distance and nearest name, join/split, JSON string literals.
#include <gtest/gtest.h>

#include "base/json_text.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"

namespace base = tailor::base;

TEST(Suggest, EditDistanceCountsInsertionsDeletionsSubstitutions) {
  EXPECT_EQ(base::edit_distance("", ""), 0u);
  EXPECT_EQ(base::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(base::edit_distance("emial", "email"), 2u);
  EXPECT_EQ(base::edit_distance("abc", ""), 3u);
  EXPECT_EQ(base::edit_distance("Name", "name"), 1u);
}

TEST(Suggest, NocaseFoldsAsciiLettersOnly) {
  EXPECT_EQ(base::edit_distance_nocase("Name", "nAME"), 0u);
  EXPECT_EQ(base::edit_distance_nocase("Experiance", "experience"), 1u);
  // Bytes outside A-Z are compared as they are.
  EXPECT_EQ(base::edit_distance_nocase("\xC3\x89", "\xC3\xA9"), 1u);
}

TEST(Suggest, ClosestHonoursTheLimitAndPrefersTheFirstOnTies) {
  std::vector<std::string> keys = {"name", "email", "phone"};
  EXPECT_EQ(base::closest("emial", keys, 2), "email");
  EXPECT_EQ(base::closest("emial", keys, 1), "");
  EXPECT_EQ(base::closest("zzzzzzzz", keys, 2), "");
  EXPECT_EQ(base::closest("ab", {"xb", "ax"}, 1), "xb");
  EXPECT_EQ(base::closest("x", {}, 5), "");
}

TEST(Strings, JoinKeepsInnerEmptyPartsButNoLeadingSeparator) {
  EXPECT_EQ(base::join({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(base::join({"a", "b"}, " and "), "a and b");
  EXPECT_EQ(base::join({}), "");
  EXPECT_EQ(base::join({"", "a", "", "b"}, "|"), "a||b");
}

TEST(Strings, JoinNonemptySkipsEmptyParts) {
  EXPECT_EQ(base::join_nonempty({"a", "", "b", ""}, ", "), "a, b");
  EXPECT_EQ(base::join_nonempty({"", ""}, ", "), "");
  EXPECT_EQ(base::join_nonempty({"x"}, " | "), "x");
}

TEST(Strings, SplitWordsSplitsAtSpacesOnly) {
  EXPECT_EQ(base::split_words("  Site  Reliability Engineer "),
            (std::vector<std::string>{"Site", "Reliability", "Engineer"}));
  EXPECT_EQ(base::split_words("a\tb"), (std::vector<std::string>{"a\tb"}));
  EXPECT_TRUE(base::split_words("   ").empty());
}

TEST(Strings, LowerAsciiFoldsOnlyAsciiLetters) {
  EXPECT_EQ(base::lower_ascii("Site-Reliability 2 \xC3\x89"), "site-reliability 2 \xC3\x89");
}

TEST(Strings, TrimAndCountWords) {
  EXPECT_EQ(base::trim(" \t a b \t"), "a b");
  EXPECT_EQ(base::trim("\n a"), "\n a");
  EXPECT_EQ(base::count_words("  one two  three "), 3u);
  EXPECT_EQ(base::count_words(""), 0u);
}

TEST(Strings, SplitKeepsEmptyPieces) {
  EXPECT_EQ(base::split("a, b,, c", ","), (std::vector<std::string>{"a", " b", "", " c"}));
  EXPECT_EQ(base::split("x, y", ", "), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(base::split("", ","), (std::vector<std::string>{""}));
  EXPECT_EQ(base::split("a,", ","), (std::vector<std::string>{"a", ""}));
}

TEST(JsonText, QuotesAndEscapes) {
  EXPECT_EQ(base::json_quote("plain"), "\"plain\"");
  EXPECT_EQ(base::json_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(base::json_quote("\n\t\r\b\f"), "\"\\n\\t\\r\\b\\f\"");
  EXPECT_EQ(base::json_quote(std::string("\x01\x7f", 2)), "\"\\u0001\\u007f\"");
  EXPECT_EQ(base::json_quote("\xE2\x80\xA8\xE2\x80\xA9"), "\"\\u2028\\u2029\"");
  EXPECT_EQ(base::json_quote("M\xC9\x99mm\xC9\x99"
                             "dova"),
            "\"M\xC9\x99mm\xC9\x99"
            "dova\"");
  std::string out = "x=";
  base::append_json_string(out, "y");
  EXPECT_EQ(out, "x=\"y\"");
}
