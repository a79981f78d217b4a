// Dates as resume formats other than ours write them: ISO ("2021", "2021-03", "2021-03-15"),
// English month names ("Mar 2021", "March 2021", "Sep 1, 2016") and "present".
#pragma once

#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace tailor::reader {

/// The date `text` names, or nullopt. "present", "current", "now" and "today" (any case) give
/// a Date with present set. Spans are left to the caller.
std::optional<model::Date> parse_loose_date(std::string_view text);

}  // namespace tailor::reader
