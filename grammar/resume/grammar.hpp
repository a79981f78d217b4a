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

/// The document is parsed one line-item at a time, so a reader can lower each item and drop
/// it: no tree of the whole file is ever held (a file of blank lines costs nothing). The
/// caller drives the loop; each function parses at `it`, advances it past what it read and
/// returns false with err filled on a syntax error. [it, last) must end with '\n'.
///
///   document = { header item } , { section heading , { body item } } ;
///   (a header item or body item is never at a section start; see at_section_start)

/// True when a section heading starts at `it`: "==" not followed by "=", or "## " (the
/// Markdown habit). Before the first section this is what ends the header.
bool at_section_start(const char* it, const char* last);
/// In a section body a Markdown "# Title" starts a section too.
bool at_body_section_start(const char* it, const char* last);

bool parse_header_item(const char*& it, const char* last, ast::HeaderItem& out, SyntaxError& err);
bool parse_section_heading(const char*& it, const char* last, ast::SectionHeading& out,
                           SyntaxError& err);
bool parse_body_item(const char*& it, const char* last, ast::BodyItem& out, SyntaxError& err);

/// Parses the dates field of an entry ("2019-03 – 2021-07", "2021 .. present", "2020").
/// The whole range must match; no error detail (lowering words the message).
bool parse_date_range(const char* first, const char* last, ast::DateRange& out);

}  // namespace tailor::grammar::resume
