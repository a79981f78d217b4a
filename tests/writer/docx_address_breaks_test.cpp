// Where the DOCX writer puts a line break before an address (issue 16), with every byte one
// point wide, so each case can be worked out by hand.
#include <gtest/gtest.h>

#include "writer/docx/address_breaks.hpp"

using tailor::writer::docx::address_breaks;
using tailor::writer::docx::is_address;

namespace {

std::vector<std::size_t> breaks(std::string_view text, double width,
                                std::vector<double> scales = {1.0}) {
  auto mono = [](std::size_t b, std::size_t e) { return static_cast<double>(e - b); };
  return address_breaks(text, mono, width, scales);
}

using Offsets = std::vector<std::size_t>;

}  // namespace

TEST(DocxAddressBreaks, RecognisesAddressesAWordProcessorMayWrapInside) {
  for (const char* a :
       {"https://github.com/aysel-h-example/ledger-kit", "github.com/aysel-h", "www.example.org",
        "maximiliane.oberhauser-castellanos@example.com", "ledger-kit.example.dev",
        "(github.com/aysel-h).", "<https://example.org>,", "+1-555-010-0199", "mailto:jo@x.org"}) {
    EXPECT_TRUE(is_address(a)) << a;
  }
  for (const char* w : {"Node.js", "end-to-end", "read/write", "CI/CD", "2019-2021", "e.g.",
                        "@handle", "v1.2.3", "555-0100", "example.com", "jo@localhost", "99.9%"}) {
    EXPECT_FALSE(is_address(w)) << w;
  }
}

TEST(DocxAddressBreaks, BreaksBeforeAnAddressThatWouldStraddleTheLineEnd) {
  // "aaaa bbbb" is 9 wide; the address (15) would end at 25 on a line of 16.
  EXPECT_EQ(breaks("aaaa bbbb github.com/x-y", 16), Offsets{9});
  EXPECT_EQ(breaks("aaaa bbbb github.com/x-y", 25), Offsets{});
}

TEST(DocxAddressBreaks, NoBreakBeforeAnAddressThatStartsTheParagraphOrALine) {
  EXPECT_EQ(breaks("github.com/x aaaa bbbb", 14), Offsets{});
  EXPECT_EQ(breaks("aaaa bbbb\ngithub.com/x", 14), Offsets{});
  // Where the line is full anyway, the space the line would wrap at becomes the break.
  EXPECT_EQ(breaks("aaaa bbbb cccc github.com/x", 14), Offsets{14});
}

TEST(DocxAddressBreaks, FollowsTheLinesAcrossEarlierWrapsAndBreaks) {
  // Line 1 "aaaa bbbb", line 2 "cccc dd" then the address (12) would end at 20 > 14.
  EXPECT_EQ(breaks("aaaa bbbb cccc dd github.com/x", 14), Offsets{17});
  // A line break already in the text starts a new line: "dd github.com/x" fits (15).
  EXPECT_EQ(breaks("aaaa bbbb cccc\ndd github.com/x", 15), Offsets{});
  // Two addresses on one paragraph: each gets its own decision.
  // "aa github.com/x" fits (15); "bb jo@example.com" (17) does not.
  EXPECT_EQ(breaks("aa github.com/x bb jo@example.com", 16), (Offsets{18}));
  EXPECT_EQ(breaks("aa bb cc dd ee github.com/x jo@example.com", 14), (Offsets{14, 27}));
}

TEST(DocxAddressBreaks, OrdinaryWordsWrapAfterHyphensAsWordProcessorsDo) {
  // "bb-" ends line 1 (14); "cc x.org/abc" (12) fits line 2. Were "bb-cc" one word, it
  // would start line 2 and push the address past the end, and a break would be wrong.
  EXPECT_EQ(breaks("aaaaaaaaaa bb-cc x.org/abc", 14), Offsets{});
}

TEST(DocxAddressBreaks, AnAddressThatFitsByAHairIsMovedUnderTheSafetyMargin) {
  // 4 + 1 + 12 = 17: it fits a line of 17 as measured, not if the text sets 3% wider.
  EXPECT_EQ(breaks("aaaa github.com/x", 17), Offsets{});
  EXPECT_EQ(breaks("aaaa github.com/x", 17, {1.0, 1.03}), Offsets{4});
}

TEST(DocxAddressBreaks, TextSetNarrowerCanBringTheAddressOntoAnEarlierLine) {
  // As measured, "bbbbb" does not fit after the 15 a's (21 > 20), and the address follows it
  // on line 2 (5 + 1 + 12 = 18). Set 5% narrower, "bbbbb" ends line 1 (19.95) and the
  // address would straddle its end.
  EXPECT_EQ(breaks("aaaaaaaaaaaaaaa bbbbb github.com/x", 20), Offsets{});
  EXPECT_EQ(breaks("aaaaaaaaaaaaaaa bbbbb github.com/x", 20, {1.0, 0.95}), Offsets{21});
}

TEST(DocxAddressBreaks, AnAddressLongerThanALineIsLeftAlone) {
  EXPECT_EQ(breaks("github.com/a-very-long-path", 10), Offsets{});
  EXPECT_EQ(breaks("aa github.com/a-very-long-path", 10), Offsets{});
}

TEST(DocxAddressBreaks, ParagraphsWithoutAddressesAreNotTouched) {
  EXPECT_EQ(breaks("a well-known read/write end-to-end path through Node.js", 8), Offsets{});
}
