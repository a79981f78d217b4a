// The .resume grammar (see grammar/resume.ebnf). Line-oriented and permissive where lowering
// can word a better message, strict (expectation points) where a construct has clearly begun.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/resume/error_handler.hpp"  // human_expected
#include "grammar/resume/grammar.hpp"
#include "grammar/resume/parse_tree_adapted.hpp"

namespace tailor::grammar::resume::parser {

namespace x3 = boost::spirit::x3;
using x3::lit;
using x3::raw;
using x3::repeat;
// ascii classes fail on bytes >= 0x80 instead of asserting (libraries.md §4); UTF-8 text
// passes through the negated character sets below, which compare bytes only.
using x3::ascii::alnum;
using x3::ascii::alpha;
using x3::ascii::blank;
using x3::ascii::digit;
using x3::standard::char_;

////////////////////////////////////////////////////////////////////////////
// Rule IDs
////////////////////////////////////////////////////////////////////////////

struct header_item_class;
struct header_field_class;
struct stray_line_class;
struct blank_line_class;
struct comment_line_class;
struct section_heading_class;
struct section_gap_class;
struct section_title_class;
struct body_item_class;
struct entry_class;
struct entry_gap_class;
struct field_class;
struct entry_url_class;
struct bullet_class;
struct continuation_class;
struct bad_heading_class;
struct text_line_class;
struct line_class;
struct tags_class;
struct tag_class;
struct date_range_class;
struct date_class;
struct present_class;

////////////////////////////////////////////////////////////////////////////
// Rules
////////////////////////////////////////////////////////////////////////////

x3::rule<header_item_class, ast::HeaderItem> const header_item = "header line";
x3::rule<header_field_class, ast::HeaderField> const header_field = "header field";
x3::rule<stray_line_class, ast::Line> const stray_line = "header line";
x3::rule<blank_line_class, ast::Blank> const blank_line = "blank line";
x3::rule<comment_line_class, ast::Comment> const comment_line = "comment";
x3::rule<section_heading_class, ast::SectionHeading> const section_heading = "section heading";
x3::rule<section_gap_class> const section_gap = "a space after '=='";
x3::rule<section_title_class, ast::Line> const section_title = "a section title";
x3::rule<body_item_class, ast::BodyItem> const body_item = "section content";
x3::rule<entry_class, ast::EntryHeading> const entry = "entry heading";
x3::rule<entry_gap_class> const entry_gap = "a space after '==='";
x3::rule<field_class, ast::Range> const field = "entry field";
x3::rule<entry_url_class, ast::Range> const entry_url = "entry link";
x3::rule<bullet_class, ast::Bullet> const bullet = "bullet";
x3::rule<continuation_class, ast::Line> const continuation = "continuation line";
x3::rule<bad_heading_class, ast::BadHeading> const bad_heading = "heading";
x3::rule<text_line_class, ast::Line> const text_line = "text line";
x3::rule<line_class, ast::Line> const line = "text";
x3::rule<tags_class, ast::Tags> const tags = "a tag list";
x3::rule<tag_class, ast::Range> const tag = "a tag";
x3::rule<date_range_class, ast::DateRange> const date_range = "date range";
x3::rule<date_class, ast::Range> const date = "a date";
x3::rule<present_class, ast::Range> const present = "'present'";

////////////////////////////////////////////////////////////////////////////
// Grammar
////////////////////////////////////////////////////////////////////////////

// Lexical pieces. The input always ends with '\n' (the caller guarantees it).
auto const nl = lit('\n');
auto const ws = x3::omit[*blank];  // blanks carry no attribute into the tree
auto const ws1 = x3::omit[+blank];
auto const not_nl = char_ - '\n';
auto const escape = lit('\\') >> not_nl;
// Tags count only at the very end of a line; a '{' anywhere else is left to lowering.
auto const tags_ahead = lit('{') >> *(char_ - char_("{}\n")) >> '}' >> *blank >> nl;
auto const text_char = escape | (!tags_ahead >> not_nl);
// "== Title", and the Markdown habit "## Title"; in a section body "# Title" too (before the
// first section a "# Name" line is the name, which lowering reads from a stray line).
auto const section_start = (lit("==") >> !lit('=')) | (lit("##") >> !lit('#') >> &blank);
auto const body_section_start = section_start | (lit('#') >> !lit('#') >> &blank);

// Header: "key: value" lines, comments and blanks before the first section.
auto const key = raw[alpha >> *(alnum | char_("_-"))];
auto const header_field_def = key >> ws >> ':' >> ws >> raw[*not_nl] >> nl;
auto const stray_line_def = !section_start >> line >> nl;
auto const header_item_def = comment_line | blank_line | header_field | stray_line;

auto const blank_line_def = x3::omit[*blank >> nl];
auto const comment_line_def = x3::omit[*blank >> '%' >> *not_nl >> nl];

auto const tag_def = raw[+(char_ - char_(",{}\n"))];
auto const tags_def = lit('{') > tag > *(lit(',') > tag) > '}' >> ws;
auto const line_def = raw[*text_char] >> -tags;

// "== Title {tags}"
auto const section_gap_def = +blank;
auto const section_title_def = raw[+text_char] >> -tags;
auto const section_heading_def = raw[body_section_start] > section_gap > section_title > nl;

// "=== Role | Organisation | Location | Dates <url> {tags}"
auto const url_ahead = lit('<') >> +(char_ - char_("<> \t\n")) >> '>' >> *blank >>
                       (tags_ahead | nl);
auto const field_def = raw[*(escape | (!url_ahead >> !tags_ahead >> (char_ - char_("|\n"))))];
auto const entry_url_def = lit('<') >> raw[+(char_ - char_("<> \t\n"))] >> '>' >> ws;
auto const entry_gap_def = +blank;
// "### Role | ..." (Markdown's third level) is an entry too; it needs the blank to count.
auto const entry_def = raw[(lit("===") >> !lit('=')) | (lit("###") >> !lit('#') >> &blank)] >
                       entry_gap > (field % '|') > -entry_url > -tags > nl;

// "- text", and the Markdown habits "* text" and "• text" (U+2022), then lines indented by at
// least one blank (comments may sit between them). An indented line that starts with a bullet
// marker is a bullet of its own (a nested Markdown list is flattened, with a warning).
auto const bullet_mark = lit('-') | lit('*') | lit("\xE2\x80\xA2");
auto const continuation_def = ws1 >> !lit('%') >> !(bullet_mark >> (blank | nl)) >>
                              &(char_ - char_(" \t\n")) >> line >> nl;
auto const bullet_def =
    ws >> (raw[lit('-')] >> (ws1 | &nl) | raw[lit('*') | lit("\xE2\x80\xA2")] >> ws1) >> line >> nl
    >> *(x3::omit[*comment_line] >> continuation);

auto const bad_heading_def =
    raw[(lit("====") >> *lit('=')) | (lit("####") >> *lit('#') >> &blank)] >> raw[*not_nl] >> nl;
auto const text_line_def = ws >> line >> nl;
auto const body_item_def = comment_line | blank_line | entry | bullet | bad_heading | text_line;

// The document and section loops are driven by the reader (src/reader/resume_grammar.cpp),
// one item at a time, so no tree of the whole file is built.

// Dates: "2021", "2021-04", "2021-04-12"; ranges with "–", "—", "-" or "..".
auto const date_def =
    raw[repeat(4)[digit] >> !digit >>
        -(lit('-') >> repeat(2)[digit] >> !digit >> -(lit('-') >> repeat(2)[digit] >> !digit))];
// An open end in any language ("present", "heute", "по настоящее время"): any text that does
// not start with a digit; lowering checks it against the words in templates/locales/.
auto const present_def = raw[!digit >> +(char_ - '\n')];
auto const range_sep = ws >>
                       (lit("\xE2\x80\x93") | lit("\xE2\x80\x94") | lit("..") | lit('-')) >> ws;
auto const date_range_def = ws >> date >> -(range_sep >> (present | date)) >> ws >> x3::eoi;

BOOST_SPIRIT_DEFINE(header_item, header_field, stray_line, blank_line, comment_line,
                    section_heading, section_gap, section_title, body_item, entry, entry_gap, field,
                    entry_url, bullet, continuation, bad_heading, text_line, line, tags, tag,
                    date_range, date, present)

}  // namespace tailor::grammar::resume::parser
