// Dates in the document's language from CLDR through ICU: month names and the order of
// month and year come from ICU's DateTimePatternGenerator, never from tables of ours.
#pragma once

#include <string>
#include <vector>

namespace tailor::locale {

/// "März 2021" for de, "mart 2021" for az, "март 2021 г." for ru, "2021年3月" for ja.
/// `wide` chooses full month names (MMMMy) over abbreviated ones (MMMy). Always the
/// Gregorian calendar with Latin digits, in UTC, so the bytes never depend on the machine.
std::string format_month_year(int year, int month, const std::string& lang, bool wide = false);

/// The twelve months of a year through a SimpleDateFormat made for the call: what
/// format_month_year must give (it reads CLDR's pattern and month names itself when the
/// pattern has no other field). Empty when ICU has no formatter for the language.
std::vector<std::string> format_months_icu(int year, const std::string& lang, bool wide = false);

}  // namespace tailor::locale
