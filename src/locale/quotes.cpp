#include "locale/quotes.hpp"

#include <unicode/ulocdata.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>

namespace tailor::locale {

namespace {

std::string delimiter(ULocaleData* data, ULocaleDataDelimiterType type, const char* fallback) {
  UChar buf[8];
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n = data ? ulocdata_getDelimiter(data, type, buf, 8, &ec) : 0;
  if (U_FAILURE(ec) || n <= 0 || n > 8) return fallback;
  std::string out;
  icu::UnicodeString(buf, n).toUTF8String(out);
  return out;
}

QuoteMarks look_up(const std::string& lang) {
  // "und" is the root locale; an empty name would be the process's default locale.
  UErrorCode ec = U_ZERO_ERROR;
  ULocaleData* data = ulocdata_open(lang.empty() ? "und" : lang.c_str(), &ec);
  if (U_FAILURE(ec)) data = nullptr;
  QuoteMarks q{delimiter(data, ULOCDATA_QUOTATION_START, "\u201C"),
               delimiter(data, ULOCDATA_QUOTATION_END, "\u201D"),
               delimiter(data, ULOCDATA_ALT_QUOTATION_START, "\u2018"),
               delimiter(data, ULOCDATA_ALT_QUOTATION_END, "\u2019")};
  if (data) ulocdata_close(data);
  return q;
}

}  // namespace

const QuoteMarks& quote_marks(const std::string& lang) {
  static std::mutex mutex;
  static std::map<std::string, QuoteMarks> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(lang, look_up(lang)).first;
  return it->second;
}

}  // namespace tailor::locale
