#include "writer/format.hpp"

#include <cstdio>

namespace tailor::writer {

std::string format_date(const model::Date& d, const std::string& style) {
  if (d.present) return "present";
  if (d.year == 0) return {};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[32];
  if (d.month >= 1 && d.month <= 12) {
    if (style == "mon yyyy") {
      std::snprintf(buf, sizeof buf, "%s %04d", kMonths[d.month - 1], d.year);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    }
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

std::string format_range(const model::DateRange& r, const std::string& style) {
  std::string a = format_date(r.start, style);
  std::string b = format_date(r.end, style);
  if (b.empty()) return a;
  if (a.empty()) return b;
  return a + " \u2013 " + b;
}

}  // namespace tailor::writer
