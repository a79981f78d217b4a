// Languages: the locale files, ICU case mapping, folding, CLDR dates and bidi direction.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "locale/catalog.hpp"
#include "locale/dates.hpp"
#include "locale/text.hpp"

namespace fs = std::filesystem;
using tailor::locale::Catalog;
using tailor::locale::LocaleData;
using tailor::model::SectionKind;

namespace {

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::optional<LocaleData> parse(const std::string& text, tailor::diag::Diagnostics& diags) {
  return tailor::locale::parse_locale(1, text, "xx", diags);
}

}  // namespace

TEST(Locale, EveryShippedFileLoadsWithoutErrors) {
  fs::path dir = fs::path(TAILOR_SOURCE_DIR) / "templates" / "locales";
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".locale") continue;
    ++files;
    tailor::diag::Diagnostics diags;
    auto d = tailor::locale::parse_locale(1, read(e.path()), e.path().stem().string(), diags);
    EXPECT_TRUE(d.has_value()) << e.path();
    for (const auto& item : diags.items())
      ADD_FAILURE() << e.path() << ":" << item.span.line << ": " << item.message;
  }
  EXPECT_GE(files, 25);
  EXPECT_TRUE(Catalog::instance().diagnostics().empty());
}

TEST(Locale, AtLeastTheTwentyRequiredLanguagesHaveTranslations) {
  for (const char* tag : {"en", "az", "ru", "tr", "de", "fr", "es", "pt", "it", "pl",
                          "uk", "ka", "hy", "ar", "he", "fa", "hi", "zh", "ja", "ko"}) {
    const LocaleData* d = Catalog::instance().find(tag);
    ASSERT_NE(d, nullptr) << tag;
    EXPECT_EQ(d->headings.size(), 12u) << tag;
    EXPECT_FALSE(d->present.empty()) << tag;
  }
  EXPECT_GE(Catalog::instance().tags().size(), 25u);
}

TEST(Locale, RegionalTagFallsBackToItsLanguage) {
  ASSERT_NE(Catalog::instance().find("de-AT"), nullptr);
  EXPECT_EQ(Catalog::instance().find("de-AT")->tag, "de");
  EXPECT_EQ(Catalog::instance().find("not a tag"), nullptr);
}

TEST(Locale, LocalisedTitlesMapToStandardKinds) {
  const Catalog& c = Catalog::instance();
  EXPECT_EQ(c.section_kind("Berufserfahrung"), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("Ausbildung"), SectionKind::Education);
  EXPECT_EQ(c.section_kind("Kenntnisse"), SectionKind::Skills);
  EXPECT_EQ(c.section_kind("İş təcrübəsi"), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("Опыт работы"), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("Formación"), SectionKind::Education);
  EXPECT_EQ(c.section_kind("工作经历"), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("Meine Reisen"), std::nullopt);
}

TEST(Locale, TitleMatchingFoldsCaseAndNormalises) {
  const Catalog& c = Catalog::instance();
  EXPECT_EQ(c.section_kind("BERUFSERFAHRUNG"), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("  berufserfahrung "), SectionKind::Experience);
  EXPECT_EQ(c.section_kind("İŞ TƏCRÜBƏSİ"), SectionKind::Experience);
  // "Veröffentlichungen" typed with a combining diaeresis (as macOS pastes it).
  EXPECT_EQ(c.section_kind("Vero\u0308ffentlichungen"), SectionKind::Publications);
}

TEST(Locale, LocalisedPresentWordsAreRecognised) {
  const Catalog& c = Catalog::instance();
  for (const char* w : {"present", "heute", "Heute", "hazırda", "по настоящее время", "halen",
                        "至今", "現在", "aujourd'hui", "aujourd’hui"}) {
    EXPECT_TRUE(c.is_present_word(w)) << w;
  }
  EXPECT_FALSE(c.is_present_word("gestern"));
  EXPECT_FALSE(c.is_present_word("2021"));
}

TEST(LocaleFile, UnknownKeyIsLocatedWithLineAndColumn) {
  tailor::diag::Diagnostics diags;
  auto d = parse("name: X\n  heading.experiance: Y\n", diags);
  EXPECT_FALSE(d.has_value());
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items()[0].message, "unknown locale key 'heading.experiance'");
  EXPECT_EQ(diags.items()[0].span.line, 2u);
  EXPECT_EQ(diags.items()[0].span.col, 3u);
}

TEST(LocaleFile, LineWithoutColonAndDuplicateKeyAreErrors) {
  tailor::diag::Diagnostics diags;
  parse("name: X\nname: Y\njust words\n", diags);
  ASSERT_GE(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].message, "'name' is set twice");
  EXPECT_EQ(diags.items()[0].span.line, 2u);
  EXPECT_EQ(diags.items()[1].message, "expected 'key: value'");
  EXPECT_EQ(diags.items()[1].span.line, 3u);
}

TEST(LocaleFile, MissingHeadingAndBadPagePatternAreErrors) {
  tailor::diag::Diagnostics diags;
  parse("name: X\npage: Seite {page}\n", diags);
  bool page = false, heading = false;
  for (const auto& i : diags.items()) {
    page = page || (i.message == "the page line needs both {page} and {pages}" &&
                    i.span.line == 2 && i.span.col == 7);
    heading = heading || i.message == "this language has no 'heading.experience'";
  }
  EXPECT_TRUE(page);
  EXPECT_TRUE(heading);
}

TEST(CaseMapping, AzerbaijaniAndTurkishUpperCaseDottedI) {
  EXPECT_EQ(tailor::locale::to_upper("istanbul dəvətli", "az"), "İSTANBUL DƏVƏTLİ");
  EXPECT_EQ(tailor::locale::to_upper("iş təcrübəsi", "tr"), "İŞ TƏCRÜBƏSİ");
  EXPECT_EQ(tailor::locale::to_upper("istanbul", "en"), "ISTANBUL");
}

TEST(CaseMapping, GermanSharpSUpperCasesToSS) {
  EXPECT_EQ(tailor::locale::to_upper("Straße", "de"), "STRASSE");
}

TEST(CaseMapping, TitleCaseFollowsTheLanguage) {
  EXPECT_EQ(tailor::locale::to_title("ilk iş", "tr"), "İlk İş");
  EXPECT_EQ(tailor::locale::to_title("ilk iş", "en"), "Ilk Iş");
  EXPECT_EQ(tailor::locale::to_title("işlər və layihələr", "az"), "İşlər Və Layihələr");
  // Dutch capitalises the IJ digraph as one letter.
  EXPECT_EQ(tailor::locale::to_title("ijsselmeer projecten", "nl"), "IJsselmeer Projecten");
  EXPECT_EQ(tailor::locale::to_title("ijsselmeer", "en"), "Ijsselmeer");
  EXPECT_EQ(tailor::locale::to_title("iOS apps", "en"), "IOS Apps");
}

TEST(Dates, MonthNamesComeFromCldrInTheDocumentLanguage) {
  using tailor::locale::format_month_year;
  EXPECT_EQ(format_month_year(2021, 3, "en"), "Mar 2021");
  EXPECT_EQ(format_month_year(2021, 3, "de"), "März 2021");
  EXPECT_EQ(format_month_year(2021, 3, "ru"), "март 2021\u202Fг.");  // CLDR: narrow no-break space
  EXPECT_EQ(format_month_year(2021, 3, "ja"), "2021年3月");
}

TEST(Dates, MonthAndYearMatchSimpleDateFormatInEveryIcuLocale) {
  // format_month_year reads CLDR's pattern and month names itself; SimpleDateFormat is the
  // reference, for every locale ICU has (about 800), both widths and all twelve months.
  std::vector<std::string> tags{"en", "az", "ru", "tr", "de", "ar", "fa", "he", "zh", "ja", "ko"};
  for (int32_t i = 0; i < uloc_countAvailable(); ++i) {
    char tag[ULOC_FULLNAME_CAPACITY] = {};
    UErrorCode ec = U_ZERO_ERROR;
    uloc_toLanguageTag(uloc_getAvailable(i), tag, sizeof tag, true, &ec);
    if (U_SUCCESS(ec)) tags.emplace_back(tag);
  }
  int checked = 0;
  for (const std::string& tag : tags) {
    for (bool wide : {false, true}) {
      std::vector<std::string> want = tailor::locale::format_months_icu(2024, tag, wide);
      ASSERT_EQ(want.size(), 12u) << tag;
      for (int m = 1; m <= 12; ++m) {
        ASSERT_EQ(tailor::locale::format_month_year(2024, m, tag, wide), want[m - 1])
            << tag << (wide ? " wide " : " ") << m;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

TEST(Dates, PersianAndArabicUseGregorianYearsAndLatinDigits) {
  using tailor::locale::format_month_year;
  std::string fa = format_month_year(2021, 3, "fa");
  std::string ar = format_month_year(2021, 3, "ar");
  EXPECT_NE(fa.find("2021"), std::string::npos) << fa;  // not 1399/1400 (Persian calendar)
  EXPECT_NE(ar.find("2021"), std::string::npos) << ar;  // not ٢٠٢١
}

TEST(Dates, OutputIgnoresTheProcessTimeZone) {
  setenv("TZ", "Pacific/Kiritimati", 1);
  tzset();
  std::string east = tailor::locale::format_month_year(2021, 1, "en-GB");
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  std::string west = tailor::locale::format_month_year(2021, 1, "en-GB");
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(east, west);
  EXPECT_NE(east.find("Jan"), std::string::npos) << east;
}

TEST(Direction, FirstStrongCharacterDecidesTheParagraph) {
  EXPECT_TRUE(tailor::locale::is_rtl_paragraph("בניתי את שירות Go"));
  EXPECT_TRUE(tailor::locale::is_rtl_paragraph("2021 مهندسة"));
  EXPECT_FALSE(tailor::locale::is_rtl_paragraph("Built a Go service (בניתי)"));
}

TEST(Direction, NoCodePointBelowTheFastPathIsRightToLeft) {
  // is_rtl_paragraph answers text whose bytes are all below kFirstRtlLeadByte without ICU's
  // bidi: that must be every code point below U+0580, and none of them may start a
  // right-to-left paragraph or change the direction explicitly.
  const UChar32 first_rtl_ok = 0x0580;
  std::string at;
  at += static_cast<char>(0xC0 | (first_rtl_ok >> 6));
  EXPECT_EQ(static_cast<unsigned char>(at[0]), tailor::locale::kFirstRtlLeadByte);
  for (UChar32 c = 0; c < first_rtl_ok; ++c) {
    UCharDirection d = u_charDirection(c);
    EXPECT_NE(d, U_RIGHT_TO_LEFT) << std::hex << c;
    EXPECT_NE(d, U_RIGHT_TO_LEFT_ARABIC) << std::hex << c;
    for (UCharDirection control :
         {U_RIGHT_TO_LEFT_EMBEDDING, U_RIGHT_TO_LEFT_OVERRIDE, U_RIGHT_TO_LEFT_ISOLATE,
          U_LEFT_TO_RIGHT_EMBEDDING, U_LEFT_TO_RIGHT_OVERRIDE, U_LEFT_TO_RIGHT_ISOLATE,
          U_FIRST_STRONG_ISOLATE, U_POP_DIRECTIONAL_FORMAT, U_POP_DIRECTIONAL_ISOLATE}) {
      EXPECT_NE(d, control) << std::hex << c;
    }
  }
  EXPECT_FALSE(tailor::locale::is_rtl_paragraph("İş təcrübəsi, Опыт работы, Ապրանք"));
  EXPECT_TRUE(tailor::locale::is_rtl_paragraph("(\xD7\x90)"));  // U+05D0, Hebrew alef
}

TEST(Direction, RightToLeftLanguagesComeFromTheirLikelyScript) {
  using tailor::locale::is_rtl_language;
  for (const char* tag : {"ar", "he", "fa", "ur", "yi", "ps", "az-Arab", "fa-AF"}) {
    EXPECT_TRUE(is_rtl_language(tag)) << tag;
  }
  for (const char* tag : {"", "en", "az", "az-Cyrl", "tr", "ku", "zh", "ja", "not a tag"}) {
    EXPECT_FALSE(is_rtl_language(tag)) << tag;
  }
}

TEST(Direction, LocaleFilesAgreeWithTheLanguagesDirection) {
  const Catalog& c = Catalog::instance();
  for (const std::string& tag : c.tags()) {
    EXPECT_EQ(c.find(tag)->rtl, tailor::locale::is_rtl_language(tag)) << tag;
  }
}

TEST(Dates, MonthsAtTheEndsOfTheYearKeepTheirYear) {
  using tailor::locale::format_month_year;
  EXPECT_EQ(format_month_year(1999, 12, "en"), "Dec 1999");
  EXPECT_EQ(format_month_year(2000, 1, "en"), "Jan 2000");
  EXPECT_EQ(format_month_year(2030, 12, "de"), "Dez. 2030");
  EXPECT_EQ(format_month_year(1970, 1, "en"), "Jan 1970");
  EXPECT_EQ(format_month_year(1969, 12, "en"), "Dec 1969");
}

TEST(LanguageTags, CanonicalisedOrRejected) {
  EXPECT_EQ(tailor::locale::canonical_tag("DE-at"), "de-AT");
  EXPECT_EQ(tailor::locale::canonical_tag("zh-hans"), "zh-Hans");
  EXPECT_EQ(tailor::locale::canonical_tag("de_DE"), "");
  EXPECT_EQ(tailor::locale::canonical_tag("12"), "");
}
