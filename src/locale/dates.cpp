#include "locale/dates.hpp"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace tailor::locale {

namespace {

/// CLDR's own pattern for the skeleton (availableFormats/yMMM or yMMMM of the Gregorian
/// calendar, with the locale's fallback chain), read from ICU's data. It is what
/// DateTimePatternGenerator returns for these skeletons, without building a generator (about
/// 3M instructions, a quarter of a whole PDF build's start-up); empty when CLDR has none.
icu::UnicodeString cldr_pattern(const icu::Locale& l, bool wide) {
  const char* const keys[] = {"calendar", "gregorian", "availableFormats", wide ? "yMMMM" : "yMMM"};
  std::string id = l.getBaseName();
  // The locale's chain by truncation (de_AT, de, root), as ICU's resource fallback does.
  for (int depth = 0; depth < 8; ++depth) {
    UErrorCode ec = U_ZERO_ERROR;
    UResourceBundle* rb = ures_openDirect(nullptr, id.empty() ? "root" : id.c_str(), &ec);
    for (const char* key : keys) {
      if (U_FAILURE(ec)) break;
      rb = ures_getByKey(rb, key, rb, &ec);
    }
    int32_t len = 0;
    const UChar* s = U_SUCCESS(ec) ? ures_getString(rb, &len, &ec) : nullptr;
    ures_close(rb);
    if (U_SUCCESS(ec) && s) return icu::UnicodeString(s, len);
    if (id.empty() || id == "root") break;
    char parent[ULOC_FULLNAME_CAPACITY];
    UErrorCode pec = U_ZERO_ERROR;
    uloc_getParent(id.c_str(), parent, sizeof parent, &pec);
    id = U_SUCCESS(pec) ? parent : "";
  }
  return {};
}

/// One formatter per language and width: the pattern generator costs milliseconds to make.
std::unique_ptr<icu::SimpleDateFormat> make_formatter(const std::string& lang, bool wide) {
  UErrorCode ec = U_ZERO_ERROR;
  // Gregorian and Latin digits everywhere: fa defaults to the Persian calendar, ar to
  // Arabic-Indic digits, and a resume's dates must read the same in every language.
  icu::Locale l = icu::Locale::forLanguageTag(lang.empty() ? "en" : lang, ec);
  if (U_FAILURE(ec)) return nullptr;
  l.setKeywordValue("calendar", "gregorian", ec);
  l.setKeywordValue("numbers", "latn", ec);
  icu::UnicodeString pattern = cldr_pattern(l, wide);
  if (pattern.isEmpty()) {
    std::unique_ptr<icu::DateTimePatternGenerator> gen(
        icu::DateTimePatternGenerator::createInstance(l, ec));
    if (U_FAILURE(ec)) return nullptr;
    pattern = gen->getBestPattern(wide ? u"MMMMy" : u"MMMy", ec);
  }
  auto fmt = std::make_unique<icu::SimpleDateFormat>(pattern, l, ec);
  if (U_FAILURE(ec)) return nullptr;
  // The zone of the machine never reaches the output (a formatter in America/Los_Angeles
  // prints 2021-03-01T00:00Z as February).
  // The locale asks for the Gregorian calendar, so the formatter's own calendar is one.
  fmt->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
  return fmt;
}

}  // namespace

std::string format_month_year(int year, int month, const std::string& lang, bool wide) {
  char fallback[16];
  std::snprintf(fallback, sizeof fallback, "%04d-%02d", year, month);
  static std::mutex mu;
  static std::map<std::pair<std::string, bool>, std::unique_ptr<icu::SimpleDateFormat>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& fmt = cache[{lang, wide}];
  if (!fmt) fmt = make_formatter(lang, wide);
  if (!fmt) return fallback;
  // The 15th of the month at 00:00 UTC, in milliseconds since the epoch: computed, not read
  // from a calendar object, which cost more than the formatting. (Before 1582 ICU's calendar
  // is Julian, at most ten days away, so the 15th stays in its month.)
  using namespace std::chrono;
  auto day = sys_days(std::chrono::year(year) / static_cast<unsigned>(month) / 15);
  auto when = static_cast<UDate>(duration_cast<milliseconds>(day.time_since_epoch()).count());
  icu::UnicodeString out;
  fmt->format(when, out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace tailor::locale
