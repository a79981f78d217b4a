// The one terminal sanitiser: every code point class, invalid bytes, and streaming.
#include <gtest/gtest.h>

#include <string>

#include "base/terminal_text.hpp"
#include "base/utf8.hpp"

using namespace tailor::base;

namespace {

std::string utf8(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return s;
}

bool surrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

}  // namespace

// Every Unicode scalar value, one at a time: an unsafe one never comes out raw, a safe one
// comes out unchanged.
TEST(TerminalText, EveryCodePointIsEitherKeptOrMadeVisible) {
  std::size_t unsafe = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (surrogate(cp)) continue;
    std::string in = "a" + utf8(cp) + "b";
    std::string out = terminal_safe(in);
    if (!is_terminal_unsafe(cp, true)) {
      ASSERT_EQ(out, in) << std::hex << static_cast<unsigned>(cp);
      continue;
    }
    ++unsafe;
    ASSERT_EQ(out.find(utf8(cp)), std::string::npos) << std::hex << static_cast<unsigned>(cp);
    for (std::size_t i = 0; i < out.size();) {
      char32_t got = decode_next(out, i);
      ASSERT_FALSE(is_terminal_unsafe(got, true)) << std::hex << static_cast<unsigned>(cp);
    }
    ASSERT_EQ(out.front(), 'a');
    ASSERT_EQ(out.back(), 'b');
  }
  // C0 but LF and TAB (30), DEL (1), C1 (32), bidi embeddings/overrides (5), isolates (4).
  EXPECT_EQ(unsafe, 30u + 1 + 32 + 5 + 4);
}

TEST(TerminalText, EachClassHasAVisibleStandIn) {
  EXPECT_EQ(terminal_safe("\x1b]0;pwned\x07"), "\u241b]0;pwned\u2407");  // retitle + BEL
  EXPECT_EQ(terminal_safe(std::string("a\0b", 3)), "a\u2400b");          // NUL
  EXPECT_EQ(terminal_safe("\x1b[2J"), "\u241b[2J");                      // clear screen
  EXPECT_EQ(terminal_safe("over\rwrite"), "over\u240dwrite");            // CR
  EXPECT_EQ(terminal_safe("\x7f"), "\u2421");                            // DEL
  EXPECT_EQ(terminal_safe("\xc2\x9b"
                          "31m"),
            "<U+009B>31m");                                            // C1 CSI
  EXPECT_EQ(terminal_safe("abc\u202Efdp.exe"), "abc<U+202E>fdp.exe");  // RLO
  EXPECT_EQ(terminal_safe("\u2066x\u2069"), "<U+2066>x<U+2069>");      // isolates
  EXPECT_EQ(terminal_safe("caf\xe9"), "caf<0xE9>");                    // not UTF-8
  EXPECT_EQ(terminal_safe("\x9b"), "<0x9B>");                          // a raw 8-bit CSI byte
}

TEST(TerminalText, LineBreaksAndTabsPassOnlyInMultiLineText) {
  EXPECT_EQ(terminal_safe("a\n\tb"), "a\n\tb");
  EXPECT_EQ(terminal_safe("a\n\tb", false), "a\u240a\u2409b");
}

TEST(TerminalText, OrdinaryTextIsUnchanged) {
  std::string text = "Aysel Hüseynova — Bakı, 東京, emoji 🚀, U+FFFD \xEF\xBF\xBD, U+200F \u200F";
  EXPECT_EQ(terminal_safe(text), text);
}

// Text arrives in pieces (stream writes); a sequence split between pieces is still one code
// point, and a C1 control split in two is still caught.
TEST(TerminalText, StreamingAcrossSplitSequences) {
  std::string text = "x\xc2\x9b\u202E🚀y\xe9";
  std::string whole = terminal_safe(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    TerminalSanitiser s;
    std::string out;
    s.feed(std::string_view(text).substr(0, cut), out);
    s.feed(std::string_view(text).substr(cut), out);
    s.finish(out);
    EXPECT_EQ(out, whole) << cut;
  }
  TerminalSanitiser s;
  std::string out;
  s.feed("\xe2\x80", out);  // an incomplete sequence at the very end
  s.finish(out);
  EXPECT_EQ(out, "<0xE2><0x80>");
}

// A quoted source line in a diagnostic keeps one column per code point (for the caret), so
// the same classes become U+FFFD there instead of a longer stand-in.
TEST(TerminalText, QuotedSourceLinesUseTheSameClasses) {
  EXPECT_EQ(printable_line("a\u202Eb\xc2\x9b"
                           "c\x1b[2Jd\te"),
            "a\uFFFDb\uFFFDc\uFFFD[2Jd e");
  EXPECT_EQ(printable_line("Bakı — 東京"), "Bakı — 東京");
}
