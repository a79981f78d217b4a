// The contact line: items balanced across lines and kept whole, link text that never loses a
// profile's user name (issue 16).
#include <gtest/gtest.h>

#include <vector>

#include "writer/balanced_lines.hpp"
#include "writer/contact_text.hpp"

namespace tailor::writer {
namespace {

TEST(ContactLine, FourThenOneBecomesBalanced) {
  // Five items of 100 pt, 10 pt apart, on a 450 pt line: greedy packs 4 (430 pt) and 1.
  std::vector<double> w(5, 100.0);
  std::vector<std::size_t> ends = balanced_breaks(w, 10, 450);
  ASSERT_EQ(ends.size(), 2u);  // as few lines as greedy filling
  EXPECT_EQ(ends[0], 3u);      // 3 + 2, not 4 + 1
  EXPECT_EQ(ends[1], 5u);
}

TEST(ContactLine, OneLineStaysOneLineAndWideItemsStandAlone) {
  EXPECT_EQ(balanced_breaks({50, 60, 70}, 10, 500), (std::vector<std::size_t>{3}));
  EXPECT_TRUE(balanced_breaks({}, 10, 500).empty());
  // An item wider than the line gets a line of its own; nothing is cut.
  std::vector<std::size_t> ends = balanced_breaks({50, 900, 50}, 10, 500);
  ASSERT_EQ(ends.size(), 3u);
  EXPECT_EQ(ends[0], 1u);
  EXPECT_EQ(ends[1], 2u);
}

TEST(ContactLine, EveryLineFitsAndOrderIsKept) {
  std::vector<double> w = {120, 80, 200, 95, 60, 150, 40};
  std::vector<std::size_t> ends = balanced_breaks(w, 12, 330);
  std::size_t start = 0;
  for (std::size_t end : ends) {
    ASSERT_GT(end, start);
    double line = 0;
    for (std::size_t i = start; i < end; ++i) line += w[i] + (i > start ? 12 : 0);
    EXPECT_LE(line, 330.0);
    start = end;
  }
  EXPECT_EQ(start, w.size());
}

TEST(ContactLine, ProfileUserNameIsNeverLost) {
  // A JSON Resume profile with a network and a user name, and an address without the user.
  model::Link l{"Twitter (jdoe)", "https://www.twitter.com", {}};
  EXPECT_EQ(contact_link_text(l, "https://www.twitter.com", false), "Twitter (jdoe)");
  // The address that names the user is shown as the address.
  model::Link gh{"GitHub (aysel-h)", "https://github.com/aysel-h", {}};
  EXPECT_EQ(contact_link_text(gh, "https://github.com/aysel-h", false), "github.com/aysel-h");
  // A profile without an address keeps its label.
  model::Link bare{"Mastodon (@jdoe)", "", {}};
  EXPECT_EQ(contact_link_text(bare, "", false), "Mastodon (@jdoe)");
}

TEST(ContactLine, StyleChoosesLabelsOrAddresses) {
  model::Link l{"GitHub", "https://github.com/aysel-h/", {}};
  EXPECT_EQ(contact_link_text(l, l.url, false), "github.com/aysel-h");
  EXPECT_EQ(contact_link_text(l, l.url, true), "GitHub");
  model::Link bare{"https://example.org", "https://example.org", {}};
  EXPECT_EQ(contact_link_text(bare, bare.url, true), "example.org");
}

}  // namespace
}  // namespace tailor::writer
