// Text formatting shared by writers: dates, contact lines.
#pragma once

#include <string>

#include "model/document.hpp"

namespace tailor::writer {

/// "2021-04" for style "yyyy-mm", "Apr 2021" for "mon yyyy"; "present" for an open end.
std::string format_date(const model::Date& d, const std::string& style = "yyyy-mm");
/// "2019-03 – 2021-07", "2021-04 – present", "2020"; empty when there are no dates.
std::string format_range(const model::DateRange& r, const std::string& style = "yyyy-mm");

}  // namespace tailor::writer
