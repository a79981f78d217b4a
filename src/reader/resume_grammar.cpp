// The only translation unit that compiles Spirit X3 for the .resume markup.
// GCC 12 at -O2 reports boost::variant storage inside X3's kleene as maybe-uninitialized;
// the value is constructed before use (a known false positive with aligned_storage).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "grammar/resume/grammar_def.hpp"

namespace tailor::grammar::resume {

bool parse_document(const char* first, const char* last, ast::Document& out, SyntaxError& err) {
  namespace x3 = boost::spirit::x3;
  err = SyntaxError{};
  const char* it = first;
  auto const parser = x3::with<parser::error_sink_tag>(std::ref(err))[parser::document];
  bool ok = x3::parse(it, last, parser, out);
  if (!ok && err.where == nullptr) {
    // Not an expectation failure: the grammar stopped early. Report where it stopped.
    err.where = it;
    err.expected = "section content";
  }
  return ok && err.where == nullptr;
}

bool parse_date_range(const char* first, const char* last, ast::DateRange& out) {
  namespace x3 = boost::spirit::x3;
  const char* it = first;
  return x3::parse(it, last, parser::date_range, out);
}

}  // namespace tailor::grammar::resume
