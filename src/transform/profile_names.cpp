#include "transform/profile_names.hpp"

#include <cstddef>

namespace tailor::transform {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// One line of a rules file, read from left to right.
struct LineReader {
  std::string_view s;
  std::size_t i = 0;

  void skip_blanks() {
    while (i < s.size() && blank(s[i])) ++i;
  }
  /// A bare word of letters and '-' (a directive's keyword), or empty.
  std::string_view word() {
    std::size_t start = i;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-')) ++i;
    return s.substr(start, i - start);
  }
  /// A quoted string (grammar/rules.ebnf: `\"` and `\\` are the only escapes), unescaped.
  bool string(std::string& out) {
    if (i >= s.size() || s[i] != '"') return false;
    out.clear();
    for (++i; i < s.size(); ++i) {
      char c = s[i];
      if (c == '"') {
        ++i;
        return true;
      }
      if (c == '\\') {
        if (i + 1 >= s.size() || (s[i + 1] != '"' && s[i + 1] != '\\')) return false;
        c = s[++i];
      }
      out += c;
    }
    return false;  // the line ended inside the string
  }
  /// Only blanks and a comment are left.
  bool at_end() {
    skip_blanks();
    return i >= s.size() || s[i] == '#';
  }
};

}  // namespace

std::optional<ProfileNames> scan_profile_names(std::string_view text) {
  ProfileNames names;
  bool has_role = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    LineReader line{text.substr(pos, end - pos)};
    pos = end + 1;
    line.skip_blanks();
    std::string_view keyword = line.word();
    // A keyword is a whole word: "roles" or "fallback-x" is something else.
    if (line.i < line.s.size() && !blank(line.s[line.i]) && line.s[line.i] != '"' &&
        line.s[line.i] != '#') {
      continue;
    }
    if (keyword == "seniority" || keyword == "cased" || keyword == "tools" ||
        keyword == "ambiguous") {
      names.shares_lexicon = true;
      continue;
    }
    if (keyword != "role" && keyword != "alias" && keyword != "fallback") continue;
    if (keyword == "fallback") {
      names.fallback = true;
      continue;
    }
    line.skip_blanks();
    std::string value;
    if (!line.string(value)) return std::nullopt;
    if (keyword == "role") {
      if (has_role || !line.at_end()) return std::nullopt;
      names.title = value;
      has_role = true;
      continue;
    }
    names.aliases.push_back(value);
    while (!line.at_end()) {
      if (line.s[line.i] != ',') return std::nullopt;
      ++line.i;
      line.skip_blanks();
      if (!line.string(value)) return std::nullopt;  // a list that goes on to the next line
      names.aliases.push_back(value);
    }
  }
  if (!has_role) return std::nullopt;
  return names;
}

}  // namespace tailor::transform
