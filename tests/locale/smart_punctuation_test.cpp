// Smart punctuation: quotation marks by language (CLDR), apostrophes, dashes, and the
// code-like text it must never touch. Examples, then properties over a generated corpus.
#include "locale/smart_punctuation.hpp"

#include <gtest/gtest.h>

#include <random>

#include "locale/quotes.hpp"

using tailor::locale::quote_marks;
using tailor::locale::smart_punctuation;

namespace {

std::string sp(const std::string& text, const std::string& lang = "en",
               const std::string& space = "") {
  return smart_punctuation(text, quote_marks(lang), space);
}

}  // namespace

TEST(SmartPunctuation, QuotationMarksComeFromCldrPerLanguage) {
  EXPECT_EQ(sp("She said \"hello\" twice", "en"), "She said \u201Chello\u201D twice");
  EXPECT_EQ(sp("Er sagte \"Hallo\".", "de"), "Er sagte \u201EHallo\u201C.");
  EXPECT_EQ(sp("Il a dit \"bonjour\".", "fr", "\u202F"),
            "Il a dit \u00AB\u202Fbonjour\u202F\u00BB.");
  EXPECT_EQ(sp("\"Привет\"", "ru"), "\u00ABПривет\u00BB");
  EXPECT_EQ(sp("\"東京\"", "ja"), "\u300C東京\u300D");
  // az and tr: whatever CLDR says, never the straight mark.
  for (const char* lang : {"az", "tr", "pl", "uk", "he", "ar"}) {
    const auto& q = quote_marks(lang);
    EXPECT_EQ(sp("\"Bakı\"", lang), q.open + "Bakı" + q.close) << lang;
    EXPECT_NE(q.open, "\"") << lang;
  }
  // No language: the root locale's, never the machine's.
  EXPECT_EQ(sp("\"x\"", ""), "\u201Cx\u201D");
}

TEST(SmartPunctuation, NestedQuotesTakeTheInnerMarks) {
  EXPECT_EQ(sp("\"a 'b' c\""), "\u201Ca \u2018b\u2019 c\u201D");
  EXPECT_EQ(sp("\"a \"b\" c\""), "\u201Ca \u2018b\u2019 c\u201D");
  EXPECT_EQ(sp("\"a 'b' c\"", "de"), "\u201Ea \u201Ab\u2018 c\u201C");
}

TEST(SmartPunctuation, ApostrophesInsideAndAfterWords) {
  EXPECT_EQ(sp("don't"), "don\u2019t");
  EXPECT_EQ(sp("O'Neil's team"), "O\u2019Neil\u2019s team");
  EXPECT_EQ(sp("the 90's and the '90s"), "the 90\u2019s and the \u201990s");
  EXPECT_EQ(sp("the students' work"), "the students\u2019 work");
  EXPECT_EQ(sp("'tis"), "\u2019tis");
  EXPECT_EQ(sp("l'équipe", "fr", "\u202F"), "l\u2019équipe");
  // In German the closing single mark is ‘, but an apostrophe is still ’.
  EXPECT_EQ(sp("Peter's 'Idee'", "de"), "Peter\u2019s \u201AIdee\u2018");
}

TEST(SmartPunctuation, FeetAndInchesAreKept) {
  EXPECT_EQ(sp("5'11\" tall"), "5'11\" tall");
  EXPECT_EQ(sp("a 24\" screen"), "a 24\" screen");
  EXPECT_EQ(sp("\"in 1990\""), "\u201Cin 1990\u201D");
}

TEST(SmartPunctuation, Dashes) {
  EXPECT_EQ(sp("2019--2021"), "2019\u20132021");
  EXPECT_EQ(sp("Baku -- Tbilisi"), "Baku \u2013 Tbilisi");
  EXPECT_EQ(sp("fast --- and safe"), "fast \u2014 and safe");
  EXPECT_EQ(sp("fast---and safe"), "fast\u2014and safe");
  EXPECT_EQ(sp("run make --jobs=4 or --dry-run"), "run make --jobs=4 or --dry-run");
  EXPECT_EQ(sp("i-- and ----"), "i-- and ----");
  EXPECT_EQ(sp("well-known"), "well-known");
}

TEST(SmartPunctuation, CodeLikeTextIsNeverTouched) {
  EXPECT_EQ(sp("see https://x.org/a--b?q='1' now"), "see https://x.org/a--b?q='1' now");
  EXPECT_EQ(sp("mail o'neil@example.com"), "mail o'neil@example.com");
  EXPECT_EQ(sp("\"https://x.org\""), "\u201Chttps://x.org\u201D");
  EXPECT_EQ(sp("set name=\"x\" here"), "set name=\"x\" here");
  EXPECT_EQ(sp("run `ls --all 'x'` today"), "run `ls --all 'x'` today");
  EXPECT_EQ(sp("www.o'neil.ie"), "www.o'neil.ie");
}

TEST(SmartPunctuation, UnbalancedQuotesStillTurn) {
  EXPECT_EQ(sp("\"open"), "\u201Copen");
  EXPECT_EQ(sp("close\" here"), "close\u201D here");
  EXPECT_EQ(sp("a \" b"), "a \" b");  // a lone mark between spaces says nothing
}

// ---- Properties over a generated corpus -------------------------------------------------

namespace {

// Every quotation mark becomes Q, dashes become hyphens, the narrow no-break space goes: what
// the writer may change. Anything else changed is a bug.
std::string fold(const std::string& s) {
  static const char* const kMarks[] = {"\"",     "'",      "\u201C", "\u201D", "\u201E", "\u201F",
                                       "\u00AB", "\u00BB", "\u2039", "\u203A", "\u2018", "\u2019",
                                       "\u201A", "\u300C", "\u300D", "\u300E", "\u300F", "\u300C",
                                       "\u300D", "\u2032", "\u2033"};
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    bool hit = false;
    for (const char* m : kMarks) {
      std::string_view mv(m);
      if (s.compare(i, mv.size(), mv) == 0) {
        out += 'Q';
        i += mv.size();
        hit = true;
        break;
      }
    }
    if (hit) continue;
    if (s.compare(i, 3, "\u2013") == 0) {
      out += "--";
      i += 3;
    } else if (s.compare(i, 3, "\u2014") == 0) {
      out += "---";
      i += 3;
    } else if (s.compare(i, 3, "\u202F") == 0) {
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

struct Line {
  std::string text;
  std::vector<std::string> verbatim;  // pieces that must come out byte for byte
};

Line generate(std::mt19937& rng) {
  static const std::vector<std::string> words = {
      "Go",     "Kubernetes", "don't", "O'Neil", "l'équipe",  "90's",  "Müller",  "İstanbul",
      "Привет", "東京",       "שלום",  "مرحبا",  "Bakı",      "rock",  "sistemi", "Ελλάδα",
      "C++",    "p99",        "2019",  "İş",     "students'", "façade"};
  static const std::vector<std::string> code = {"https://example.com/a--b?x='1'&y=2",
                                                "www.o'neil.ie/--x",
                                                "o'neil@example.com",
                                                "--jobs=4",
                                                "--dry-run",
                                                "name=\"value\"",
                                                "`git log --oneline 'x y' --- \"z\"`",
                                                "http://a.b/c\"d"};
  static const std::vector<std::string> inches = {"5'11\"", "24\"", "6'"};
  std::uniform_int_distribution<int> pick(0, 99);
  auto word = [&] { return words[static_cast<std::size_t>(pick(rng)) % words.size()]; };
  Line line;
  int n = 1 + pick(rng) % 8;
  for (int k = 0; k < n; ++k) {
    if (!line.text.empty()) line.text += ' ';
    int r = pick(rng);
    if (r < 40) {
      line.text += word();
    } else if (r < 52) {
      line.text += "\"" + word() + " " + word() + "\"";
    } else if (r < 60) {
      line.text += "'" + word() + "'";
    } else if (r < 66) {
      line.text += "\"" + word() + " '" + word() + "' " + word() + "\"";
    } else if (r < 72) {
      std::string c = code[static_cast<std::size_t>(pick(rng)) % code.size()];
      line.text += c;
      line.verbatim.push_back(c);
    } else if (r < 76) {
      std::string c = code[static_cast<std::size_t>(pick(rng)) % 3];
      line.text += "(\"" + c + "\")";
      line.verbatim.push_back(c);
    } else if (r < 82) {
      line.text += std::to_string(2000 + pick(rng) % 20) + "--" + std::to_string(2020);
    } else if (r < 86) {
      line.text += word() + " --- " + word();
    } else if (r < 90) {
      line.text += word() + " -- " + word();
    } else {
      std::string c = inches[static_cast<std::size_t>(pick(rng)) % inches.size()];
      line.text += c;
      line.verbatim.push_back(c);
    }
  }
  return line;
}

// `s` with each verbatim piece removed once, in order; false when one is missing.
bool remove_verbatim(std::string& s, const std::vector<std::string>& pieces) {
  std::size_t from = 0;
  for (const std::string& p : pieces) {
    std::size_t at = s.find(p, from);
    if (at == std::string::npos) return false;
    s.erase(at, p.size());
    from = at;
  }
  return true;
}

}  // namespace

TEST(SmartPunctuation, PropertiesHoldOnAGeneratedCorpus) {
  const std::vector<std::string> langs = {"en", "de", "fr", "ru", "az", "tr", "ja",
                                          "pl", "he", "ar", "uk", "zh", "el", ""};
  std::mt19937 rng(20261205);
  int checked = 0;
  for (int i = 0; i < 3000; ++i) {
    Line line = generate(rng);
    const std::string& lang = langs[static_cast<std::size_t>(i) % langs.size()];
    std::string space = lang == "fr" ? "\u202F" : "";
    std::string out = sp(line.text, lang, space);
    SCOPED_TRACE(lang + ": " + line.text + "\n -> " + out);
    // Only quotation marks, dashes and the quote space change.
    ASSERT_EQ(fold(out), fold(line.text));
    // Setting it again changes nothing.
    ASSERT_EQ(sp(out, lang, space), out);
    // Code, addresses and measurements come out byte for byte, and nothing else keeps a
    // straight quote or a double hyphen.
    std::string rest = out;
    ASSERT_TRUE(remove_verbatim(rest, line.verbatim));
    ASSERT_EQ(rest.find_first_of("\"'"), std::string::npos);
    ASSERT_EQ(rest.find("--"), std::string::npos);
    // Balanced in, balanced out: as many opening as closing primary marks.
    const auto& q = quote_marks(lang);
    if (q.open != q.close && q.open != q.inner_close && q.close != q.inner_open) {
      auto count = [&](const std::string& m) {
        std::size_t n = 0;
        for (std::size_t at = rest.find(m); at != std::string::npos; at = rest.find(m, at + 1)) ++n;
        return n;
      };
      ASSERT_EQ(count(q.open), count(q.close));
    }
    ++checked;
  }
  EXPECT_EQ(checked, 3000);
}
