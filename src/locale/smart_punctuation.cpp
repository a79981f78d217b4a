#include "locale/smart_punctuation.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace tailor::locale {

namespace {

struct Char {
  UChar32 cp;
  std::size_t pos;
  std::size_t len;
};

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back({c, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)});
  }
  return out;
}

// 0 stands for the start or the end of the text, which counts as a space.
bool is_space(UChar32 c) { return c == 0 || u_isUWhiteSpace(c); }
bool is_letter(UChar32 c) { return c > 0 && u_isalpha(c); }
bool is_digit(UChar32 c) { return c > 0 && u_isdigit(c); }
bool is_alnum(UChar32 c) { return is_letter(c) || is_digit(c); }
bool is_quote(UChar32 c) { return c == '"' || c == '\''; }

// Before an opening mark: a space, an opening bracket, an opening quotation mark or a dash.
bool opens_after(UChar32 c) {
  if (is_space(c) || is_quote(c)) return true;
  int8_t t = u_charType(c);
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION || t == U_DASH_PUNCTUATION;
}

// After a closing mark: a space or any punctuation.
bool closes_before(UChar32 c) { return is_space(c) || is_quote(c) || u_ispunct(c); }

bool starts_with_ci(const std::vector<Char>& cs, std::size_t i, std::size_t end,
                    std::string_view word) {
  if (end - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (u_tolower(cs[i + k].cp) != static_cast<UChar32>(word[k])) return false;
  }
  return true;
}

bool contains(const std::vector<Char>& cs, std::size_t b, std::size_t e, std::string_view what) {
  for (std::size_t i = b; i + what.size() <= e; ++i) {
    if (starts_with_ci(cs, i, e, what)) return true;
  }
  return false;
}

// Marks the code-like part of every whitespace-separated token: a URL, an e-mail address, a
// command-line flag, key="value"; and anything in backticks. Quotes and brackets around it, and
// punctuation after it, are left outside, so "https://x.org" still gets quotation marks.
std::vector<bool> code_like(const std::vector<Char>& cs) {
  std::vector<bool> keep(cs.size(), false);
  // `code spans`, from a backtick to the next.
  for (std::size_t b = 0; b < cs.size(); ++b) {
    if (cs[b].cp != '`') continue;
    std::size_t e = b + 1;
    while (e < cs.size() && cs[e].cp != '`') ++e;
    if (e == cs.size()) break;
    std::fill(keep.begin() + static_cast<std::ptrdiff_t>(b),
              keep.begin() + static_cast<std::ptrdiff_t>(e) + 1, true);
    b = e;
  }
  std::size_t i = 0;
  while (i < cs.size()) {
    if (is_space(cs[i].cp)) {
      ++i;
      continue;
    }
    std::size_t b = i;
    while (i < cs.size() && !is_space(cs[i].cp)) ++i;
    std::size_t e = i;
    // Quotation marks (typed or already typographic) and brackets around the token.
    auto lead = [](UChar32 c) {
      int8_t t = u_charType(c);
      return is_quote(c) || c == '<' || t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
             t == U_FINAL_PUNCTUATION;  // » opens a quotation in Danish and Swedish
    };
    auto trail = [](UChar32 c) {
      int8_t t = u_charType(c);
      return is_quote(c) || c == '>' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
             c == '?' || t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
             t == U_INITIAL_PUNCTUATION;
    };
    std::size_t cb = b, ce = e;
    while (cb < ce && lead(cs[cb].cp)) ++cb;
    while (ce > cb && trail(cs[ce - 1].cp)) --ce;
    if (cb == ce) continue;
    bool url = contains(cs, cb, ce, "://") || starts_with_ci(cs, cb, ce, "www.");
    bool flag = ce - cb > 2 && cs[cb].cp == '-' && cs[cb + 1].cp == '-' && is_letter(cs[cb + 2].cp);
    bool mail = false;
    for (std::size_t k = cb + 1; k < ce && !mail; ++k) {
      if (cs[k].cp == '@') {
        for (std::size_t m = k + 2; m + 1 < ce; ++m) mail = mail || cs[m].cp == '.';
      }
    }
    // key="value" (a URL's query may look alike: it is the URL that counts).
    bool assignment = !url && (contains(cs, b, e, "=\"") || contains(cs, b, e, "='"));
    if (assignment) {
      cb = b;
      ce = e;
    }
    if (url || flag || mail || assignment) {
      std::fill(keep.begin() + static_cast<std::ptrdiff_t>(cb),
                keep.begin() + static_cast<std::ptrdiff_t>(ce), true);
    }
  }
  return keep;
}

enum class Kind {
  Keep,        // left as written
  Apostrophe,  // ’
  Open,        // opening candidate
  Close,       // closing candidate
  DigitClose,  // after a digit: closes an open quotation, else feet or inches (kept)
};

struct Mark {
  std::size_t at;  // index into the code points
  bool dbl;
  Kind kind;
  bool inner = false;  // set with the inner marks
};

}  // namespace

std::vector<TextEdit> smart_punctuation_edits(std::string_view text, const QuoteMarks& marks,
                                              const std::string& quote_space) {
  std::vector<TextEdit> edits;
  if (text.find_first_of("\"'-") == std::string_view::npos) return edits;
  std::vector<Char> cs = decode(text);
  std::vector<bool> keep = code_like(cs);
  auto cp = [&](std::ptrdiff_t i) -> UChar32 {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(cs.size()) ? 0 : cs[i].cp;
  };

  std::vector<Mark> quotes;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (keep[i]) continue;
    auto si = static_cast<std::ptrdiff_t>(i);
    UChar32 c = cs[i].cp;
    UChar32 prev = cp(si - 1), next = cp(si + 1);
    if (c == '-') {
      std::size_t j = i;
      while (j < cs.size() && cs[j].cp == '-' && !keep[j]) ++j;
      std::size_t n = j - i;
      UChar32 after = cp(static_cast<std::ptrdiff_t>(j));
      bool en =
          n == 2 && ((is_space(prev) && is_space(after)) || (is_digit(prev) && is_digit(after)) ||
                     (is_letter(prev) && is_letter(after)));
      if (n == 3 || en) {
        edits.push_back({cs[i].pos, n, n == 3 ? "\u2014" : "\u2013"});
      }
      i = j - 1;
      continue;
    }
    if (!is_quote(c)) continue;
    bool dbl = c == '"';
    Kind k = Kind::Keep;
    if (!dbl && is_alnum(prev) && is_letter(next)) {
      k = Kind::Apostrophe;
    } else if (is_digit(prev) && (is_digit(next) || next == '"')) {
      k = Kind::Keep;
    } else if (is_digit(prev) && closes_before(next)) {
      k = Kind::DigitClose;
    } else if (!dbl && opens_after(prev) && is_digit(next) && is_digit(cp(si + 2)) &&
               !is_alnum(cp(si + 3))) {
      k = Kind::Apostrophe;  // '90
    } else if (!dbl && opens_after(prev) && is_digit(next) && is_digit(cp(si + 2)) &&
               cp(si + 3) == 's' && !is_alnum(cp(si + 4))) {
      k = Kind::Apostrophe;  // '90s
    } else if (opens_after(prev) && !is_space(next)) {
      k = Kind::Open;
    } else if (!is_space(prev) && closes_before(next)) {
      k = Kind::Close;
    }
    quotes.push_back({i, dbl, k});
  }

  // Pair the quotation marks. Doubles nest by depth; singles close only the innermost quote.
  std::vector<std::size_t> stack;  // indices into quotes
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    Mark& m = quotes[q];
    if (m.kind == Kind::Open) {
      if (m.dbl) {
        std::size_t depth = static_cast<std::size_t>(std::count_if(
            stack.begin(), stack.end(), [&](std::size_t s) { return quotes[s].dbl; }));
        m.inner = depth % 2 == 1;
      } else {
        m.inner = true;
      }
      stack.push_back(q);
    } else if (m.kind == Kind::Close || m.kind == Kind::DigitClose) {
      if (m.dbl) {
        auto it = std::find_if(stack.rbegin(), stack.rend(),
                               [&](std::size_t s) { return quotes[s].dbl; });
        if (it != stack.rend()) {
          std::size_t open = *it;
          // Single quotes opened inside and never closed were apostrophes ('tis).
          while (stack.back() != open) {
            quotes[stack.back()].kind = Kind::Apostrophe;
            stack.pop_back();
          }
          stack.pop_back();
          m.kind = Kind::Close;
          m.inner = quotes[open].inner;
        } else if (m.kind == Kind::DigitClose) {
          m.kind = Kind::Keep;  // 24" is inches
        }
      } else if (!stack.empty() && !quotes[stack.back()].dbl) {
        stack.pop_back();
        m.kind = Kind::Close;
        m.inner = true;
      } else {
        m.kind = m.kind == Kind::DigitClose ? Kind::Keep : Kind::Apostrophe;
      }
    }
  }
  for (std::size_t s : stack) {
    if (!quotes[s].dbl) quotes[s].kind = Kind::Apostrophe;
  }

  for (const Mark& m : quotes) {
    std::string out;
    switch (m.kind) {
      case Kind::Keep:
        continue;
      case Kind::Apostrophe:
        out = "\u2019";
        break;
      case Kind::Open:
        out = m.inner ? marks.inner_open : marks.open;
        if (!quote_space.empty() && !is_space(cp(static_cast<std::ptrdiff_t>(m.at) + 1))) {
          out += quote_space;
        }
        break;
      case Kind::Close:
      case Kind::DigitClose:
        out = m.inner || !m.dbl ? marks.inner_close : marks.close;
        if (!quote_space.empty() && !is_space(cp(static_cast<std::ptrdiff_t>(m.at) - 1))) {
          out = quote_space + out;
        }
        break;
    }
    edits.push_back({cs[m.at].pos, 1, out});
  }
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.pos < b.pos; });
  return edits;
}

std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
  std::string out;
  out.reserve(text.size() + edits.size() * 2);
  std::size_t at = 0;
  for (const TextEdit& e : edits) {
    out.append(text.substr(at, e.pos - at));
    out += e.text;
    at = e.pos + e.len;
  }
  out.append(text.substr(at));
  return out;
}

std::string smart_punctuation(std::string_view text, const QuoteMarks& marks,
                              const std::string& quote_space) {
  return apply_edits(text, smart_punctuation_edits(text, marks, quote_space));
}

}  // namespace tailor::locale
