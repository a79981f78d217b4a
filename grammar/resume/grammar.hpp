// The .resume grammar behind a plain function API: Spirit X3 stays in one translation unit
// (src/reader/resume_grammar.cpp), callers only see the parse tree.
#pragma once

#include <string>

#include "grammar/resume/parse_tree.hpp"

namespace tailor::grammar::resume {

/// Where the grammar gave up and what it expected there ("a section title").
struct SyntaxError {
  const char* where = nullptr;
  std::string expected;
};

/// Parses a whole document. [first, last) must end with '\n'. On false, err is filled.
bool parse_document(const char* first, const char* last, ast::Document& out, SyntaxError& err);

/// Parses the dates field of an entry ("2019-03 – 2021-07", "2021 .. present", "2020").
/// The whole range must match; no error detail (lowering words the message).
bool parse_date_range(const char* first, const char* last, ast::DateRange& out);

}  // namespace tailor::grammar::resume
