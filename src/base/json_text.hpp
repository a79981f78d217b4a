// JSON string literals for the writers that print JSON (the JSON Resume writer, job reports).
#pragma once

#include <string>
#include <string_view>

namespace tailor::base {

/// Appends `s` as a JSON string literal, quotes included. '"', '\\' and the controls with a
/// short form (\n \t \r \b \f) use it; other controls and DEL become \u00XX; U+2028 and U+2029
/// are escaped too (valid JSON, but they end a JavaScript string literal). All other bytes,
/// UTF-8 included, are copied as they are.
void append_json_string(std::string& out, std::string_view s);

/// `s` as a JSON string literal (see append_json_string).
std::string json_quote(std::string_view s);

}  // namespace tailor::base
