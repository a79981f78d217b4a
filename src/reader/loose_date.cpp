#include "reader/loose_date.hpp"

#include <array>
#include <cctype>
#include <string>

namespace tailor::reader {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// 1..12 for an English month name or its abbreviation ("sep", "sept", "september").
int month_number(std::string_view word) {
  static const std::array<const char*, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    std::string_view name = kNames[i];
    if (w == name || w == name.substr(0, 3) || (i == 8 && w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

/// A number of exactly `n` digits at s[at..], or -1.
int digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return -1;
  int x = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    x = x * 10 + (s[i] - '0');
  }
  return x;
}

bool valid_day(int year, int month, int day) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day >= 1 && day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

}  // namespace

std::optional<model::Date> parse_loose_date(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  model::Date d;
  std::string l = lower(s);
  if (l == "present" || l == "current" || l == "now" || l == "today") {
    d.present = true;
    return d;
  }
  // ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD.
  int year = digits(s, 0, 4);
  if (year > 0) {
    if (s.size() == 4) {
      d.year = year;
      return d;
    }
    if ((s.size() == 7 || s.size() == 10) && s[4] == '-') {
      int month = digits(s, 5, 2);
      if (month < 1 || month > 12) return std::nullopt;
      if (s.size() == 10) {
        int day = s[7] == '-' ? digits(s, 8, 2) : -1;
        if (!valid_day(year, month, day)) return std::nullopt;
        d.day = day;
      }
      d.year = year;
      d.month = month;
      return d;
    }
    return std::nullopt;
  }
  // "Mar 2021", "March 2021", "Sep 1, 2016", "Sep 2016".
  std::size_t sp = s.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  int month = month_number(s.substr(0, sp));
  if (month == 0) return std::nullopt;
  std::string_view rest = s.substr(sp + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  int day = 0;
  if (std::size_t comma = rest.find(','); comma != std::string_view::npos) {
    std::string_view day_text = rest.substr(0, comma);
    day = digits(day_text, 0, day_text.size());
    if (day_text.empty() || day_text.size() > 2 || day < 1) return std::nullopt;
    rest = rest.substr(comma + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  year = rest.size() == 4 ? digits(rest, 0, 4) : -1;
  if (year <= 0) return std::nullopt;
  if (day != 0 && !valid_day(year, month, day)) return std::nullopt;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

}  // namespace tailor::reader
