// Slugs turn hostile or foreign text into safe, bounded, distinct file-name pieces.
#include <gtest/gtest.h>

#include <string>

#include "base/slug.hpp"

using tailor::base::slugify;

namespace {

/// Every slug must be non-empty, [a-z0-9-] only, without leading/trailing/double dashes.
void expect_safe(const std::string& s, std::size_t max_length = tailor::base::kSlugMaxLength) {
  ASSERT_FALSE(s.empty());
  EXPECT_LE(s.size(), max_length) << s;
  for (char c : s) {
    EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
        << "bad character " << static_cast<int>(static_cast<unsigned char>(c)) << " in " << s;
  }
  EXPECT_NE(s.front(), '-') << s;
  EXPECT_NE(s.back(), '-') << s;
  EXPECT_EQ(s.find("--"), std::string::npos) << s;
  EXPECT_EQ(s.find(".."), std::string::npos) << s;
}

}  // namespace

TEST(Slug, AzerbaijaniLettersFoldToAscii) {
  EXPECT_EQ(slugify("Aysel Məmmədova"), "aysel-memmedova");
  EXPECT_EQ(slugify("ŞƏKİ Gəncə Ağdam Çinarlı Ömər Ünal ılıq"),
            "seki-gence-agdam-cinarli-omer-unal-iliq");
}

TEST(Slug, CyrillicIsTransliterated) {
  // ICU's Russian-Latin/BGN: "Алиев" is "Aliyev" in BGN/PCGN romanisation.
  EXPECT_EQ(slugify("Алиев Щукин"), "aliyev-shchukin");
  EXPECT_EQ(slugify("Объём"), "obem");            // hard sign dropped without splitting
  EXPECT_EQ(slugify("Ігор Їжак"), "igor-izhak");  // Ukrainian letters Russian lacks
  // Azerbaijani Cyrillic letters ICU has no transliteration for come from slug.rules (ј is
  // Serbian's j too, and stays j).
  EXPECT_EQ(slugify("Әлијев Һүсејн"), "elijev-husejn");
  EXPECT_EQ(slugify("Ҹәфәров Ҝәнҹә Өмәр Ғулам"), "ceferov-gence-omer-gulam");
  EXPECT_EQ(slugify("Нұрсұлтан Қазақстан Җәлил"), "nursultan-qazaqstan-zhelil");  // kk, tt
  // A letter no rule knows keeps its code point rather than vanishing.
  EXPECT_EQ(slugify("ԥ"), "u0525");
}

TEST(Slug, NamesInTenScriptsBecomeReadableAscii) {
  struct Case {
    const char* name;
    const char* slug;
  };
  for (const Case& c : {Case{"Aysel Məmmədova", "aysel-memmedova"},        // Latin (az)
                        Case{"Иван Петров", "ivan-petrov"},                // Cyrillic (ru)
                        Case{"Һүсейнова", "huseynova"},                    // Cyrillic (az)
                        Case{"Ελένη Παπαδοπούλου", "elene-papadopoulou"},  // Greek
                        Case{"Արամ Պետրոսյան", "aram-petrosyan"},          // Armenian
                        Case{"ქეთევან ბერიძე", "ketevan-beridze"},         // Georgian
                        Case{"李小龙", "li-xiao-long"},                    // Han
                        Case{"たなか タナカ", "tanaka-tanaka"},            // kana
                        Case{"김민준", "gimminjun"},                       // Hangul
                        Case{"राहुल शर्मा", "rahula-sarma"},                 // Devanagari
                        Case{"สมชาย", "smchay"},                           // Thai
                        Case{"ليلى حداد", "lyly-hdad"}}) {                 // Arabic
    SCOPED_TRACE(c.name);
    std::string s = slugify(c.name);
    expect_safe(s);
    EXPECT_EQ(s, c.slug);
  }
  expect_safe(slugify("נועה כהן"));  // Hebrew: consonants only, as ICU writes them
}

TEST(Slug, AnyScriptIsTransliteratedThroughIcu) {
  EXPECT_EQ(slugify("中文"), "zhong-wen");
  EXPECT_EQ(slugify("ქართული"), "kartuli");
  EXPECT_EQ(slugify("Հայերեն"), "hayeren");
  EXPECT_EQ(slugify("Ελληνικά"), "ellenika");
  EXPECT_EQ(slugify("Müller Straße"), "muller-strasse");
  expect_safe(slugify("مرحبا"));
  expect_safe(slugify("日本語 한국어 हिन्दी"));
}

TEST(Slug, RoleNames) {
  EXPECT_EQ(slugify("Backend Engineer"), "backend-engineer");
  EXPECT_EQ(slugify("C++ / C# Developer"), "c-c-developer");
}

TEST(Slug, PathTraversalNeverSurvives) {
  for (const char* hostile : {"../../etc/passwd", "..", ".", "/", "a/b\\c", "./../x", "~/.ssh",
                              "/absolute/path", "..\\..\\windows"}) {
    std::string s = slugify(hostile);
    SCOPED_TRACE(hostile);
    expect_safe(s);
    EXPECT_EQ(s.find('/'), std::string::npos);
    EXPECT_EQ(s.find('\\'), std::string::npos);
  }
  EXPECT_EQ(slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slugify("a/b\\c"), "a-b-c");
}

TEST(Slug, NulAndControlCharactersBecomeSeparators) {
  std::string with_nul("evil\0name", 9);
  EXPECT_EQ(slugify(with_nul), "evil-name");
  EXPECT_EQ(slugify("tab\there\nnew\rline\x1b[31m"), "tab-here-new-line-31m");
  EXPECT_EQ(slugify("bad\xFF\xFEutf8"), "bad-utf8");
}

TEST(Slug, EmptyAndPunctuationOnlyGetDistinctFallbacks) {
  EXPECT_EQ(slugify(""), "untitled");
  std::string a = slugify("!!!"), b = slugify("???"), c = slugify("...");
  expect_safe(a);
  expect_safe(b);
  expect_safe(c);
  EXPECT_EQ(a.rfind("untitled-", 0), 0u) << a;
  EXPECT_NE(a, b);
  EXPECT_NE(b, c);
  EXPECT_EQ(slugify("!!!"), a);  // deterministic
  expect_safe(slugify("😀😀"));
}

TEST(Slug, LongNamesAreBoundedAndStayDistinct) {
  std::string base(500, 'x');
  std::string a = slugify(base + "a"), b = slugify(base + "b");
  expect_safe(a);
  expect_safe(b);
  EXPECT_EQ(a.size(), tailor::base::kSlugMaxLength);
  EXPECT_NE(a, b);
  // A long run of multi-byte letters is cut on an ASCII boundary, never mid-sequence.
  std::string az;
  for (int i = 0; i < 200; ++i) az += "ə-";
  expect_safe(slugify(az));
  expect_safe(slugify(az, 20), 20);
  // Short text is never hashed.
  EXPECT_EQ(slugify(std::string(64, 'y')), std::string(64, 'y'));
}

TEST(Slug, WindowsDeviceNamesAreAvoided) {
  EXPECT_EQ(slugify("CON"), "con-file");
  EXPECT_EQ(slugify("com1"), "com1-file");
  EXPECT_EQ(slugify("console"), "console");
}
