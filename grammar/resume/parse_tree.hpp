// Parse tree of the .resume markup: the shape of the grammar, byte ranges into the source.
// Lowering (src/reader/resume_markup.cpp) turns it into the model; nothing else sees it.
#pragma once

#include <boost/optional.hpp>
#include <boost/range/iterator_range.hpp>
#include <boost/variant.hpp>
#include <vector>

namespace tailor::grammar::resume::ast {

/// A slice of the source text. Every node keeps the raw bytes it came from, so lowering can
/// give each model node an exact span and resolve escapes itself.
using Range = boost::iterator_range<const char*>;

/// "{a, b}" at the end of a line: the raw items, untrimmed.
using Tags = std::vector<Range>;

/// An empty (or whitespace-only) line: it ends paragraphs.
struct Blank {};
/// A "% ..." line: ignored, and it does not end a paragraph.
struct Comment {};

/// A line of text with optional trailing tags. In the header area it is a stray line.
struct Line {
  Range text;  ///< Raw content without the tags; may have leading/trailing blanks.
  Tags tags;
};

/// "key: value" before the first section.
struct HeaderField {
  Range key;
  Range value;  ///< Everything after the colon up to the end of the line.
};

/// "== Title {tags}".
struct SectionHeading {
  Range marker;  ///< The "==".
  Line title;
};

/// "=== Role | Organisation | Location | Dates <url> {tags}".
struct EntryHeading {
  Range marker;  ///< The "===".
  std::vector<Range> fields;
  boost::optional<Range> url;  ///< The "<url>" before the tags, if any.
  Tags tags;
};

/// "- text" with indented continuation lines.
struct Bullet {
  Range marker;  ///< The "-".
  Line first;
  std::vector<Line> more;
};

/// "==== ..." (too many '='): reported by lowering.
struct BadHeading {
  Range marker;
  Range rest;
};

using HeaderItem = boost::variant<Blank, Comment, HeaderField, Line>;
using BodyItem = boost::variant<Blank, Comment, EntryHeading, Bullet, BadHeading, Line>;

/// "2021-04 – present": the start and the optional end, each raw ("present" or a date).
struct DateRange {
  Range start;
  boost::optional<Range> end;  ///< None for a single date.
};

}  // namespace tailor::grammar::resume::ast
