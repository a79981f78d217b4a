#include "locale/dates.hpp"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/resbund.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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

/// The Gregorian calendar and Latin digits: fa defaults to the Persian calendar, ar to
/// Arabic-Indic digits, and a resume's dates must read the same in every language.
bool date_locale(const std::string& lang, icu::Locale& l) {
  UErrorCode ec = U_ZERO_ERROR;
  l = icu::Locale::forLanguageTag(lang.empty() ? "en" : lang, ec);
  if (U_FAILURE(ec)) return false;
  l.setKeywordValue("calendar", "gregorian", ec);
  l.setKeywordValue("numbers", "latn", ec);
  return U_SUCCESS(ec);
}

icu::UnicodeString month_year_pattern(const icu::Locale& l, bool wide, UErrorCode& ec) {
  icu::UnicodeString pattern = cldr_pattern(l, wide);
  if (pattern.isEmpty()) {
    std::unique_ptr<icu::DateTimePatternGenerator> gen(
        icu::DateTimePatternGenerator::createInstance(l, ec));
    if (U_FAILURE(ec)) return {};
    pattern = gen->getBestPattern(wide ? u"MMMMy" : u"MMMy", ec);
  }
  return pattern;
}

std::unique_ptr<icu::SimpleDateFormat> make_formatter(const std::string& lang, bool wide) {
  UErrorCode ec = U_ZERO_ERROR;
  icu::Locale l;
  if (!date_locale(lang, l)) return nullptr;
  icu::UnicodeString pattern = month_year_pattern(l, wide, ec);
  if (U_FAILURE(ec) || pattern.isEmpty()) return nullptr;
  auto fmt = std::make_unique<icu::SimpleDateFormat>(pattern, l, ec);
  if (U_FAILURE(ec)) return nullptr;
  // The zone of the machine never reaches the output (a formatter in America/Los_Angeles
  // prints 2021-03-01T00:00Z as February).
  // The locale asks for the Gregorian calendar, so the formatter's own calendar is one.
  fmt->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
  return fmt;
}

std::string icu_month_year(icu::SimpleDateFormat& fmt, int year, int month) {
  // The 15th of the month at 00:00 UTC, in milliseconds since the epoch: computed, not read
  // from a calendar object, which cost more than the formatting. (Before 1582 ICU's calendar
  // is Julian, at most ten days away, so the 15th stays in its month.)
  using namespace std::chrono;
  auto day = sys_days(std::chrono::year(year) / static_cast<unsigned>(month) / 15);
  auto when = static_cast<UDate>(duration_cast<milliseconds>(day.time_since_epoch()).count());
  icu::UnicodeString out;
  fmt.format(when, out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

/// One language's month-and-year format, kept for the process: CLDR's pattern read into
/// parts, with the twelve month names it needs, or (for a pattern with other fields) a
/// SimpleDateFormat. Making a SimpleDateFormat loads every date symbol, number format and
/// calendar of the locale (about 0.8M instructions, 2 % of a whole PDF build) to print a
/// month name and a year; the parts give the same text, which a test checks against
/// SimpleDateFormat for every locale ICU has.
struct MonthYear {
  struct Part {
    enum Kind { Literal, Month, Year } kind = Literal;
    std::string text;  ///< A literal's text.
  };
  std::vector<Part> parts;
  std::string months[12];
  std::unique_ptr<icu::SimpleDateFormat> icu;  ///< Set when the parts cannot say it.

  std::string format(int year, int month) const {
    if (icu) return icu_month_year(*icu, year, month);
    std::string s;
    for (const Part& p : parts) {
      if (p.kind == Part::Literal) s += p.text;
      if (p.kind == Part::Month) s += months[month - 1];
      if (p.kind == Part::Year) s += std::to_string(year);
    }
    return s;
  }
};

/// The pattern's parts, and which month names it asks for ("format" or "stand-alone",
/// "wide" or "abbreviated"); false for a field other than M/L (3 or 4 letters) and y (1), or
/// a year that a plain number would not print alike.
bool parse_month_year(const icu::UnicodeString& pattern, std::vector<MonthYear::Part>& parts,
                      const char*& context, const char*& width) {
  context = nullptr;
  width = nullptr;
  int months = 0, years = 0;
  auto literal = [&](char16_t c) {
    if (parts.empty() || parts.back().kind != MonthYear::Part::Literal) parts.emplace_back();
    icu::UnicodeString(c).toUTF8String(parts.back().text);
  };
  for (int32_t i = 0; i < pattern.length();) {
    char16_t c = pattern.charAt(i);
    if (c == u'\'') {
      if (i + 1 < pattern.length() && pattern.charAt(i + 1) == u'\'') {
        literal(c);
        i += 2;
        continue;
      }
      // Quoted text up to the closing quote; '' inside stands for one quote.
      for (++i; i < pattern.length(); ++i) {
        char16_t q = pattern.charAt(i);
        if (q == u'\'') {
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == u'\'') {
            literal(q);
            ++i;
            continue;
          }
          break;
        }
        literal(q);
      }
      ++i;
      continue;
    }
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) {
      int32_t n = 1;
      while (i + n < pattern.length() && pattern.charAt(i + n) == c) ++n;
      if ((c == u'M' || c == u'L') && (n == 3 || n == 4)) {
        const char* ctx = c == u'M' ? "format" : "stand-alone";
        const char* wd = n == 4 ? "wide" : "abbreviated";
        if (months++ > 0 && (ctx != context || wd != width)) return false;
        context = ctx;
        width = wd;
        parts.push_back({MonthYear::Part::Month, {}});
      } else if (c == u'y' && n == 1) {
        ++years;
        parts.push_back({MonthYear::Part::Year, {}});
      } else {
        return false;
      }
      i += n;
      continue;
    }
    literal(c);
    ++i;
  }
  return months == 1 && years == 1;
}

/// The twelve Gregorian month names of a locale (with ICU's fallback and aliases), as
/// DateFormatSymbols reads them.
bool month_names(const icu::Locale& l, const char* context, const char* width,
                 std::string (&out)[12]) {
  UErrorCode ec = U_ZERO_ERROR;
  icu::ResourceBundle rb(nullptr, icu::Locale(l.getBaseName()), ec);
  for (const char* key : {"calendar", "gregorian", "monthNames", context, width}) {
    if (U_FAILURE(ec)) return false;
    rb = rb.getWithFallback(key, ec);  // the locale's chain and aliases, as ICU's own readers
  }
  if (U_FAILURE(ec) || rb.getSize() != 12) return false;
  for (int32_t m = 0; m < 12; ++m) {
    icu::UnicodeString name = rb.getStringEx(m, ec);
    if (U_FAILURE(ec) || name.isEmpty()) return false;
    name.toUTF8String(out[m]);
  }
  return true;
}

std::unique_ptr<MonthYear> make_month_year(const std::string& lang, bool wide) {
  auto my = std::make_unique<MonthYear>();
  icu::Locale l;
  UErrorCode ec = U_ZERO_ERROR;
  icu::UnicodeString pattern;
  if (date_locale(lang, l)) pattern = month_year_pattern(l, wide, ec);
  const char* context = nullptr;
  const char* width = nullptr;
  if (U_SUCCESS(ec) && !pattern.isEmpty() && parse_month_year(pattern, my->parts, context, width) &&
      month_names(l, context, width, my->months)) {
    return my;
  }
  my->icu = make_formatter(lang, wide);
  if (!my->icu) return nullptr;
  return my;
}

}  // namespace

std::string format_month_year(int year, int month, const std::string& lang, bool wide) {
  char fallback[16];
  std::snprintf(fallback, sizeof fallback, "%04d-%02d", year, month);
  static std::mutex mu;
  static std::map<std::pair<std::string, bool>, std::unique_ptr<MonthYear>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& my = cache[{lang, wide}];
  if (!my) my = make_month_year(lang, wide);
  if (!my) return fallback;
  if (my->icu || (month >= 1 && month <= 12 && year >= 1000 && year <= 9999)) {
    return my->format(year, month);
  }
  // Outside four-digit years ICU's number could differ from the plain one (padding, eras).
  auto fmt = make_formatter(lang, wide);
  return fmt ? icu_month_year(*fmt, year, month) : std::string(fallback);
}

std::vector<std::string> format_months_icu(int year, const std::string& lang, bool wide) {
  std::unique_ptr<icu::SimpleDateFormat> fmt = make_formatter(lang, wide);
  std::vector<std::string> out;
  for (int month = 1; fmt && month <= 12; ++month) out.push_back(icu_month_year(*fmt, year, month));
  return out;
}

}  // namespace tailor::locale
