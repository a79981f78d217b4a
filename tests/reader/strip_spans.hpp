// Test helper: a native dump without its " @line:col-line:col" positions, for comparing
// models that came from different texts (docs examples, round trips).
#pragma once

#include <regex>
#include <string>

namespace tailor::test {

inline std::string strip_spans(const std::string& dump) {
  static const std::regex kSpan(R"( @[0-9]+:[0-9]+-[0-9]+:[0-9]+$)", std::regex::multiline);
  return std::regex_replace(dump, kSpan, "");
}

}  // namespace tailor::test
