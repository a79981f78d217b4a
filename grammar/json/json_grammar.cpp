// The JSON grammar (RFC 8259) in Boost.Spirit X3, and its error handler, in one translation unit
// behind reader::parse_json. The grammar has no attributes: semantic actions feed a small builder
// (SAX style) that keeps the position of every value and key. Expectation points turn every
// mistake into one located error; the first failure wins and is reported once, here.
#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "base/utf8.hpp"
#include "reader/json_value.hpp"

namespace tailor::reader {

namespace {

namespace x3 = boost::spirit::x3;
using Iter = const char*;

///////////////////////////////////////////////////////////////////////////////
//  Positions: byte pointers to 1-based line and code-point column
///////////////////////////////////////////////////////////////////////////////

// Actions fire in text order, so a forward-moving cursor makes every lookup cheap even on a
// one-line (minified) file; a backward move starts again from the top.
class Locator {
 public:
  Locator(std::uint32_t file_id, std::string_view text) : file_id_(file_id), text_(text) {}

  base::LineCol at(Iter p) {
    std::size_t off = static_cast<std::size_t>(p - text_.data());
    if (off < off_) {
      off_ = 0;
      pos_ = {};
    }
    base::add_position_work(off - off_ + 1);
    for (; off_ < off; ++off_) {
      unsigned char c = static_cast<unsigned char>(text_[off_]);
      if (c == '\n') {
        ++pos_.line;
        pos_.col = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++pos_.col;
      }
    }
    return pos_;
  }

  model::SourceSpan span(Iter b, Iter e) {
    base::LineCol s = at(b);
    base::LineCol f = at(e);
    return {file_id_, s.line, s.col, f.line, f.col};
  }

  model::SourceSpan span(base::LineCol s, Iter e) {
    base::LineCol f = at(e);
    return {file_id_, s.line, s.col, f.line, f.col};
  }

  std::uint32_t file_id() const { return file_id_; }

 private:
  std::uint32_t file_id_;
  std::string_view text_;
  std::size_t off_ = 0;
  base::LineCol pos_;
};

/// A located error raised by a semantic action (bad surrogate, nesting too deep).
struct JsonError {
  Iter first;
  Iter last;
  std::string message;
  std::string hint;
};

///////////////////////////////////////////////////////////////////////////////
//  The builder the semantic actions drive
///////////////////////////////////////////////////////////////////////////////

class Builder {
 public:
  Builder(Locator& loc, diag::Diagnostics& diags) : loc_(loc), diags_(diags) {}

  // Strings: raw runs and escapes append here; a \u high surrogate waits for its pair.
  void begin_string() {
    str_.clear();
    high_ = 0;
  }
  void append_raw(Iter b, Iter e) {
    check_no_pending_high();
    str_.append(b, e);
  }
  void append_char(char c) {
    check_no_pending_high();
    str_ += c;
  }
  void append_unit(Iter at, std::uint32_t unit) {
    // `at` points at the hex digits; the escape starts two characters earlier.
    Iter esc = at - 2;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      if (high_ == 0) {
        throw JsonError{esc, at + 4, "lone low surrogate \\u" + hex(unit) + " in a string",
                        "a \\uDC00-\\uDFFF escape must follow a \\uD800-\\uDBFF one"};
      }
      char32_t cp = 0x10000 + ((high_ - 0xD800) << 10) + (unit - 0xDC00);
      base::append_utf8(str_, cp);
      high_ = 0;
      return;
    }
    check_no_pending_high();
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_ = unit;
      high_at_ = esc;
      return;
    }
    base::append_utf8(str_, static_cast<char32_t>(unit));
  }
  void end_string() { check_no_pending_high(); }

  void on_key(Iter b, Iter e) {
    check_length(b, "key");
    Frame& f = stack_.back();
    f.key = str_;
    f.key_span = loc_.span(b, e);
    auto it = f.index.find(f.key);
    if (it != f.index.end()) {
      const model::SourceSpan& first = f.value.members[it->second].key_span;
      diags_.warning(f.key_span, "duplicate key \"" + f.key + "\"; the last one is used")
          .hints.push_back("the key was written before at line " + std::to_string(first.line) +
                           ", column " + std::to_string(first.col) +
                           "; JSON readers disagree on which one wins, so keep only one");
    }
  }

  void on_string(Iter b, Iter e) {
    count_value(b);
    check_length(b, "string");
    json::Value v;
    v.kind = json::Kind::String;
    v.text = str_;
    v.span = loc_.span(b, e);
    add(std::move(v));
  }

  void on_number(Iter b, Iter e) {
    count_value(b);
    json::Value v;
    v.kind = json::Kind::Number;
    v.text.assign(b, e);
    // from_chars is locale-independent; out-of-range literals keep their text and become inf/0.
    auto res = std::from_chars(b, e, v.number);
    if (res.ec == std::errc::result_out_of_range) {
      v.number = (*b == '-') ? -HUGE_VAL : HUGE_VAL;
    }
    v.span = loc_.span(b, e);
    add(std::move(v));
  }

  void on_literal(Iter b, Iter e, json::Kind kind, bool value) {
    count_value(b);
    json::Value v;
    v.kind = kind;
    v.boolean = value;
    v.span = loc_.span(b, e);
    add(std::move(v));
  }

  void open(Iter b, json::Kind kind) {
    count_value(b);
    if (static_cast<int>(stack_.size()) >= json::kMaxDepth) {
      throw JsonError{b, b + 1,
                      "nesting deeper than " + std::to_string(json::kMaxDepth) + " levels",
                      "arrays and objects may nest at most " + std::to_string(json::kMaxDepth) +
                          " deep; a resume needs only a handful of levels"};
    }
    Frame f;
    f.value.kind = kind;
    f.begin = loc_.at(b);
    stack_.push_back(std::move(f));
  }

  void close(Iter e) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    f.value.span = loc_.span(f.begin, e);
    add(std::move(f.value));
  }

  std::optional<json::Value> take_root() { return std::move(root_); }

  /// The innermost containers still open, for the hint of an end-of-file error.
  std::string open_context() const {
    if (stack_.empty()) return {};
    const Frame& f = stack_.back();
    std::string what = f.value.kind == json::Kind::Object ? "object" : "array";
    return "the " + what + " opened at line " + std::to_string(f.begin.line) + ", column " +
           std::to_string(f.begin.col) + " is not closed; the file may be truncated";
  }

 private:
  struct Frame {
    json::Value value;
    base::LineCol begin;
    std::string key;
    model::SourceSpan key_span;
    std::unordered_map<std::string, std::size_t> index;  // key -> position in members
  };

  static std::string hex(std::uint32_t u) {
    char buf[9];  // up to 8 hex digits for any uint32_t, and the NUL
    std::snprintf(buf, sizeof buf, "%04X", u);
    return buf;
  }

  void check_length(Iter b, const char* what) {
    if (str_.size() <= base::kMaxLineBytes) return;
    throw JsonError{b, b + 1,
                    std::string("a ") + what + " of " + base::group_digits(str_.size()) +
                        " bytes; the limit is " + base::describe_bytes(base::kMaxLineBytes),
                    "no resume or posting field needs that much text; is this the right file? "
                    "(docs/limits.md)"};
  }

  void count_value(Iter b) {
    if (++values_ <= base::kMaxJsonValues) return;
    throw JsonError{b, b + 1,
                    "too many values: the limit is " + base::group_digits(base::kMaxJsonValues) +
                        " in one JSON file",
                    "a resume or a posting holds a few thousand at most; is this the right file? "
                    "(docs/limits.md)"};
  }

  void check_no_pending_high() {
    if (high_ == 0) return;
    std::uint32_t h = high_;
    high_ = 0;
    throw JsonError{high_at_, high_at_ + 6, "lone high surrogate \\u" + hex(h) + " in a string",
                    "a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one, "
                    "e.g. \\uD83D\\uDE00"};
  }

  void add(json::Value v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    Frame& f = stack_.back();
    if (f.value.kind == json::Kind::Array) {
      f.value.items.push_back(std::move(v));
      return;
    }
    auto it = f.index.find(f.key);
    if (it != f.index.end()) {
      json::Member& m = f.value.members[it->second];
      m.key_span = f.key_span;
      m.value = std::move(v);
      return;
    }
    f.index.emplace(f.key, f.value.members.size());
    f.value.members.push_back(json::Member{std::move(f.key), f.key_span, std::move(v)});
  }

  Locator& loc_;
  diag::Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::optional<json::Value> root_;
  std::string str_;
  std::uint32_t high_ = 0;
  Iter high_at_ = nullptr;
  std::size_t values_ = 0;
};

struct builder_tag;

template <typename Ctx>
Builder& builder(Ctx const& ctx) {
  return x3::get<builder_tag>(ctx).get();
}

///////////////////////////////////////////////////////////////////////////////
//  Semantic actions
///////////////////////////////////////////////////////////////////////////////

// Boost 1.74's _where(ctx) is not the matched range (it runs from the end of the match to the
// end of the input), so every action that needs a position takes it from x3::raw[...].
auto const a_open_object = [](auto& ctx) {
  builder(ctx).open(x3::_attr(ctx).begin(), json::Kind::Object);
};
auto const a_open_array = [](auto& ctx) {
  builder(ctx).open(x3::_attr(ctx).begin(), json::Kind::Array);
};
auto const a_close = [](auto& ctx) { builder(ctx).close(x3::_attr(ctx).end()); };
auto const a_begin_string = [](auto& ctx) { builder(ctx).begin_string(); };
auto const a_end_string = [](auto& ctx) { builder(ctx).end_string(); };
auto const a_key = [](auto& ctx) {
  builder(ctx).on_key(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
};
auto const a_string = [](auto& ctx) {
  builder(ctx).on_string(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
};
auto const a_number = [](auto& ctx) {
  builder(ctx).on_number(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
};
auto const a_true = [](auto& ctx) {
  builder(ctx).on_literal(x3::_attr(ctx).begin(), x3::_attr(ctx).end(), json::Kind::Bool, true);
};
auto const a_false = [](auto& ctx) {
  builder(ctx).on_literal(x3::_attr(ctx).begin(), x3::_attr(ctx).end(), json::Kind::Bool, false);
};
auto const a_null = [](auto& ctx) {
  builder(ctx).on_literal(x3::_attr(ctx).begin(), x3::_attr(ctx).end(), json::Kind::Null, false);
};
// The range holds exactly the four hex digits after "\u".
auto const a_unit = [](auto& ctx) {
  Iter b = x3::_attr(ctx).begin();
  std::uint32_t unit = 0;
  std::from_chars(b, b + 4, unit, 16);
  builder(ctx).append_unit(b, unit);
};

template <char C>
struct append {
  template <typename Ctx>
  void operator()(Ctx const& ctx) const {
    builder(ctx).append_char(C);
  }
};

///////////////////////////////////////////////////////////////////////////////
//  A primitive for the plain bytes of a string
///////////////////////////////////////////////////////////////////////////////

// Consumes a run of characters that need no escape: every byte from 0x20 up except '"' and
// '\'. UTF-8 passes through untouched (the reader validated it), and no X3 character class
// ever sees a byte >= 0x80, so the `standard` encoding's assertion cannot fire.
struct plain_run_parser : x3::parser<plain_run_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    It i = first;
    while (i != last) {
      unsigned char c = static_cast<unsigned char>(*i);
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++i;
    }
    if (i == first) return false;
    builder(ctx).append_raw(first, i);
    first = i;
    return true;
  }
};
plain_run_parser const plain_run{};

///////////////////////////////////////////////////////////////////////////////
//  The grammar. Rule names are what the user reads after "expected".
///////////////////////////////////////////////////////////////////////////////

x3::uint_parser<std::uint32_t, 16, 4, 4> const hex4_p{};
auto const ws = x3::ascii::char_(" \t\n\r");

x3::rule<struct value_class> const value = "a JSON value";
x3::rule<struct object_class> const object = "an object";
x3::rule<struct object_body_class> const object_body = "a string key or '}'";
x3::rule<struct object_close_class> const object_close = "',' or '}'";
x3::rule<struct member_class> const member = "a string key";
x3::rule<struct key_class> const key = "a string key";
x3::rule<struct colon_class> const colon = "':'";
x3::rule<struct array_class> const array = "an array";
x3::rule<struct array_body_class> const array_body = "a JSON value or ']'";
x3::rule<struct array_close_class> const array_close = "',' or ']'";
x3::rule<struct string_class> const string_lit = "a string";
x3::rule<struct close_quote_class> const close_quote = "closing '\"'";
x3::rule<struct escape_class> const escape_code =
    "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX";
x3::rule<struct hex4_class> const hex4 = "four hex digits";
x3::rule<struct number_class> const number = "a number";
x3::rule<struct digits_class> const digits = "a digit";
x3::rule<struct int_part_class> const int_part = "a digit";
x3::rule<struct end_class> const end_of_input = "end of input";
x3::rule<struct document_class> const document = "a JSON document";

auto const value_def = object | array | x3::raw[string_lit][a_string] | x3::raw[number][a_number] |
                       x3::raw[x3::lit("true")][a_true] | x3::raw[x3::lit("false")][a_false] |
                       x3::raw[x3::lit("null")][a_null];

auto const object_def = x3::raw[x3::lit('{')][a_open_object] > object_body;
auto const object_body_def =
    x3::raw[x3::lit('}')][a_close] | (member > *(x3::lit(',') > member) > object_close);
auto const object_close_def = x3::raw[x3::lit('}')][a_close];
auto const member_def = key > colon > value;
auto const key_def = x3::raw[string_lit][a_key];
auto const colon_def = x3::lit(':');

auto const array_def = x3::raw[x3::lit('[')][a_open_array] > array_body;
auto const array_body_def =
    x3::raw[x3::lit(']')][a_close] | (value > *(x3::lit(',') > value) > array_close);
auto const array_close_def = x3::raw[x3::lit(']')][a_close];

auto const string_lit_def = x3::lexeme[x3::lit('"')[a_begin_string] >
                                       *(plain_run | (x3::lit('\\') > escape_code)) > close_quote];
auto const close_quote_def = x3::lit('"')[a_end_string];
auto const escape_code_def =
    x3::lit('"')[append<'"'>{}] | x3::lit('\\')[append<'\\'>{}] | x3::lit('/')[append<'/'>{}] |
    x3::lit('b')[append<'\b'>{}] | x3::lit('f')[append<'\f'>{}] | x3::lit('n')[append<'\n'>{}] |
    x3::lit('r')[append<'\r'>{}] | x3::lit('t')[append<'\t'>{}] | (x3::lit('u') > hex4);
auto const hex4_def = x3::raw[hex4_p][a_unit];

auto const int_part_def = x3::lit('0') | (x3::ascii::char_('1', '9') >> *x3::ascii::digit);
auto const number_def =
    x3::lexeme[((x3::lit('-') > int_part) | int_part) >> -(x3::lit('.') > digits) >>
               -(x3::ascii::char_("eE") > -x3::ascii::char_("+-") > digits)];
auto const digits_def = +x3::ascii::digit;
auto const end_of_input_def = x3::eoi;
auto const document_def = x3::eps > value > end_of_input;

BOOST_SPIRIT_DEFINE(value, object, object_body, object_close, member, key, colon, array, array_body,
                    array_close, string_lit, close_quote, escape_code, hex4, number, int_part,
                    digits, end_of_input, document)

///////////////////////////////////////////////////////////////////////////////
//  The error handler: one readable message per failure
///////////////////////////////////////////////////////////////////////////////

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class ErrorReporter {
 public:
  ErrorReporter(std::string_view text, Locator& loc, Builder& b, diag::Diagnostics& diags)
      : text_(text), loc_(loc), builder_(b), diags_(diags) {}

  void expected(Iter where, const std::string& which) {
    Iter end = text_.data() + text_.size();
    Iter p = where;
    // Inside a string, whitespace is content: report exactly where the string broke.
    bool in_string =
        which == "closing '\"'" || which.rfind("an escape", 0) == 0 || which == "four hex digits";
    if (!in_string) {
      while (p != end && is_ws(*p)) ++p;
    }
    if (p == end) {
      // Point just past the last thing written, not at trailing blank lines.
      Iter q = end;
      while (q != text_.data() && is_ws(q[-1])) --q;
      if (in_string) q = end;
      diag::Diagnostic& d =
          diags_.error(loc_.span(q, q), "unexpected end of file: expected " + which);
      d.span.end_col = d.span.col + 1;
      if (in_string) {
        d.hints.push_back("a string is not closed; the file may be truncated");
      } else if (std::string ctx = builder_.open_context(); !ctx.empty()) {
        d.hints.push_back(ctx);
      } else if (q == text_.data()) {
        d.hints.push_back("the file is empty; a JSON Resume file starts with '{'");
      } else {
        d.hints.push_back("the file may be truncated");
      }
      return;
    }
    Iter word_end = p;
    if (is_word(*p)) {
      while (word_end != end && is_word(*word_end) && word_end - p < 24) ++word_end;
    } else {
      std::size_t i = static_cast<std::size_t>(p - text_.data());
      base::decode_next(text_, i);
      word_end = text_.data() + i;
    }
    std::string found(p, word_end);
    std::string shown = "'" + found + "'";
    if (found.size() == 1 && static_cast<unsigned char>(found[0]) < 0x20) {
      std::size_t i = 0;
      shown = base::describe_code_point(base::decode_next(found, i));
    } else if (static_cast<unsigned char>(found[0]) >= 0x80) {
      std::size_t i = 0;
      shown = base::describe_code_point(base::decode_next(found, i));
    }
    std::string message = "unexpected " + shown + ": expected " + which;
    std::string hint;
    char c = *p;
    Iter prev = p;
    while (prev != text_.data() && is_ws(prev[-1])) --prev;
    bool after_comma = prev != text_.data() && prev[-1] == ',';

    if (which == "closing '\"'" && static_cast<unsigned char>(c) < 0x20) {
      std::size_t i = 0;
      message = "control character " + base::describe_code_point(base::decode_next(found, i)) +
                " in a string";
      hint = c == '\n' ? "a string cannot span lines; write a line break as \\n"
                       : "write control characters as escapes such as \\t or \\u0001";
    } else if ((which == "a string key" && c == '}' && after_comma) ||
               (which == "a JSON value" && c == ']' && after_comma)) {
      message = std::string("trailing comma before '") + c + "'";
      hint = "JSON allows no comma after the last item; remove it";
    } else if (which == "end of input") {
      message = "unexpected " + shown + " after the JSON value";
      hint = "a JSON file holds exactly one value; is a '{' or '[' missing at the start?";
    } else if (c == '\'') {
      hint = "JSON strings and keys use double quotes (\")";
    } else if (c == '/') {
      hint = "JSON has no comments";
    } else if (found.size() >= 3 && (static_cast<unsigned char>(found[0]) == 0xE2)) {
      hint = "use straight double quotes (\") instead of typographic ones";
    } else if ((which == "a string key" || which == "a string key or '}'") && is_word(c)) {
      hint = "object keys are strings in double quotes: \"" + found + "\"";
    } else if (which.find("a JSON value") == 0 && is_word(c)) {
      if (found == "True" || found == "False" || found == "None" || found == "NULL" ||
          found == "Null" || found == "TRUE" || found == "FALSE") {
        hint = "JSON literals are written true, false and null, in lower case";
      } else if (found == "NaN" || found == "Infinity" || found == "undefined") {
        hint = "JSON has no " + found + "; use null or a string";
      } else {
        hint = "text values are strings in double quotes: \"" + found + "\"";
      }
    } else if ((which == "',' or '}'" || which == "',' or ']'") && c >= '0' && c <= '9' &&
               p != text_.data() && p[-1] == '0') {
      hint = "numbers have no leading zeros: write 1, not 01 (or a string \"01\")";
    } else if ((which == "',' or '}'" || which == "',' or ']'") &&
               (c == '"' || c == '{' || c == '[' || is_word(c))) {
      hint = "a comma is missing before this";
    } else if (which == "a digit") {
      hint = "numbers are written like 12, -3.5 or 1e6";
    } else if (which.rfind("an escape", 0) == 0) {
      std::size_t i = static_cast<std::size_t>(p - text_.data());
      base::decode_next(text_, i);
      word_end = text_.data() + i;
      message = "invalid escape \\" + std::string(p, word_end) + " in a string";
      hint = "to write a backslash, double it: \\\\";
    }
    diag::Diagnostic& d = diags_.error(loc_.span(p, word_end), message);
    if (!hint.empty()) d.hints.push_back(hint);
  }

  void action_error(const JsonError& e) {
    diags_.error(loc_.span(e.first, e.last), e.message).hints.push_back(e.hint);
  }

 private:
  std::string_view text_;
  Locator& loc_;
  Builder& builder_;
  diag::Diagnostics& diags_;
};

}  // namespace

std::optional<json::Value> parse_json(std::uint32_t file_id, std::string_view text,
                                      diag::Diagnostics& diags) {
  Locator loc(file_id, text);
  Builder b(loc, diags);
  ErrorReporter reporter(text, loc, b, diags);
  Iter first = text.data();
  Iter const last = text.data() + text.size();
  try {
    bool ok = x3::phrase_parse(first, last, x3::with<builder_tag>(std::ref(b))[document], ws);
    if (!ok) {
      // Unreachable with the leading expectation point, but never report success silently.
      reporter.expected(first, "a JSON value");
      return std::nullopt;
    }
  } catch (const x3::expectation_failure<Iter>& e) {
    reporter.expected(e.where(), e.which());
    return std::nullopt;
  } catch (const JsonError& e) {
    reporter.action_error(e);
    return std::nullopt;
  }
  return b.take_root();
}

}  // namespace tailor::reader
