// The only translation unit that compiles Spirit X3 for the .resume markup.
// GCC 12 at -O2 reports boost::variant storage inside X3's kleene as maybe-uninitialized;
// the value is constructed before use (a known false positive with aligned_storage).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "grammar/resume/grammar_def.hpp"

namespace tailor::grammar::resume {

namespace {

namespace x3 = boost::spirit::x3;

/// Runs one rule at `it`. An expectation failure (a construct begun and not finished) names
/// what was expected; any other failure is reported at `it` as `otherwise`.
template <typename Rule, typename Attr>
bool parse_one(const char*& it, const char* last, const Rule& rule, Attr& out, SyntaxError& err,
               const char* otherwise) {
  err = SyntaxError{};
  const char* start = it;
  try {
    if (x3::parse(it, last, rule, out) && it != start) return true;
  } catch (const x3::expectation_failure<const char*>& x) {
    err.where = x.where();
    err.expected = parser::human_expected(x.which());
    return false;
  }
  err.where = it;
  err.expected = otherwise;
  return false;
}

}  // namespace

bool at_section_start(const char* it, const char* last) {
  auto blank_at = [&](std::ptrdiff_t i) {
    return last - it > i && (it[i] == ' ' || it[i] == '\t');
  };
  if (last - it >= 2 && it[0] == '=' && it[1] == '=' && (last - it == 2 || it[2] != '=')) {
    return true;
  }
  return last - it >= 3 && it[0] == '#' && it[1] == '#' && blank_at(2);
}

bool at_body_section_start(const char* it, const char* last) {
  return at_section_start(it, last) ||
         (last - it >= 2 && it[0] == '#' && (it[1] == ' ' || it[1] == '\t'));
}

bool parse_header_item(const char*& it, const char* last, ast::HeaderItem& out, SyntaxError& err) {
  return parse_one(it, last, parser::header_item, out, err, "a header line");
}

bool parse_section_heading(const char*& it, const char* last, ast::SectionHeading& out,
                           SyntaxError& err) {
  return parse_one(it, last, parser::section_heading, out, err, "a section heading");
}

bool parse_body_item(const char*& it, const char* last, ast::BodyItem& out, SyntaxError& err) {
  return parse_one(it, last, parser::body_item, out, err, "section content");
}

bool parse_date_range(const char* first, const char* last, ast::DateRange& out) {
  namespace x3 = boost::spirit::x3;
  const char* it = first;
  return x3::parse(it, last, parser::date_range, out);
}

}  // namespace tailor::grammar::resume
