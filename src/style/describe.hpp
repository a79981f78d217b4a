// A style's resolved keys as .style text, for `tailor styles NAME`.
#pragma once

#include <string>

#include "style/style.hpp"

namespace tailor::style {

/// Every key of `s` with its value, one "key: value" line each, in the order of
/// docs/styles.md; the text parses back to the same style.
std::string describe_style(const Style& s);

}  // namespace tailor::style
