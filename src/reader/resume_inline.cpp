// Inline markup of the .resume format and the position helpers the reader shares.
// Inlines are scanned by hand (like cmark's inlines.c): toggles for ** and *, so a missing
// closer is reported at its opener with a hint.
#include <algorithm>
#include <cstring>

#include "base/links.hpp"
#include "base/utf8.hpp"
#include "reader/resume_support.hpp"

namespace tailor::reader::resume {

// ------------------------------------------------------------------ Locator

Locator::Locator(std::uint32_t file_id, std::string_view text) : file_id_(file_id), text_(text) {
  starts_.push_back(0);
  std::uint32_t cont = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % 64 == 0) continuations_.push_back(cont);
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') starts_.push_back(static_cast<std::uint32_t>(i + 1));
    if ((c & 0xC0) == 0x80) ++cont;
  }
  continuations_.push_back(cont);
  base::add_position_work(text.size());
}

std::size_t Locator::continuations_before(std::size_t offset) const {
  std::size_t block = std::min(offset / 64, continuations_.size() - 1);
  std::size_t n = continuations_[block];
  for (std::size_t i = block * 64; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++n;
  }
  base::add_position_work(offset - block * 64 + 1);
  return n;
}

void Locator::line_col(const char* p, std::uint32_t& line, std::uint32_t& col) const {
  std::size_t off = std::min(static_cast<std::size_t>(p - text_.data()), text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::uint32_t>(off));
  std::size_t index = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t start = starts_[index];
  line = static_cast<std::uint32_t>(index + 1);
  col = static_cast<std::uint32_t>((off - start) -
                                   (continuations_before(off) - continuations_before(start)) + 1);
}

model::SourceSpan Locator::span(const char* b, const char* e) const {
  model::SourceSpan s;
  s.file_id = file_id_;
  line_col(b, s.line, s.col);
  line_col(std::max(b, e), s.end_line, s.end_col);
  return s;
}

model::SourceSpan Locator::span_at(std::size_t offset) const {
  const char* p = text_.data() + std::min(offset, text_.size());
  return span(p, p + 1);
}

// ------------------------------------------------------------------ Joined

void Joined::add(const char* b, const char* e) {
  if (!segments.empty()) text += ' ';
  segments.push_back({text.size(), b, static_cast<std::size_t>(e - b)});
  text.append(b, e);
}

const char* Joined::source(std::size_t offset) const {
  auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                             [](std::size_t o, const Segment& s) { return o < s.at; });
  if (it == segments.begin()) return segments.empty() ? nullptr : segments.front().src;
  --it;
  return it->src + std::min(offset - it->at, it->len);
}

// ------------------------------------------------------------------ escapes and lists

bool is_escapable(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

std::size_t escaped_length(const char* p, const char* end) {
  if (p >= end) return 0;
  if (is_escapable(*p)) return 1;
  if (end - p >= 3 && std::memcmp(p, "\xE2\x80\xA2", 3) == 0) return 3;
  return 0;
}

std::string unescape(grammar::resume::ast::Range r) {
  std::string out;
  for (const char* p = r.begin(); p < r.end(); ++p) {
    if (*p == '\\') {
      if (std::size_t n = escaped_length(p + 1, r.end())) {
        out.append(p + 1, n);
        p += n;
        continue;
      }
    }
    out += *p;
  }
  return out;
}

std::vector<grammar::resume::ast::Range> split_items(grammar::resume::ast::Range r) {
  std::vector<grammar::resume::ast::Range> out;
  int depth = 0;
  const char* start = r.begin();
  for (const char* p = r.begin(); p < r.end(); ++p) {
    if (*p == '\\' && p + 1 < r.end()) {
      ++p;
    } else if (*p == '(') {
      ++depth;
    } else if (*p == ')') {
      depth = std::max(0, depth - 1);
    } else if (*p == ',' && depth == 0) {
      out.push_back({start, p});
      start = p + 1;
    }
  }
  out.push_back({start, r.end()});
  return out;
}

// ------------------------------------------------------------------ inlines

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '.' || c == '-';
}

/// "https://x", "mailto:x": a scheme, a colon and at least one more character.
bool has_scheme(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 >= s.size()) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), is_scheme_char);
}

/// "someone@example.com": one '@' with text on both sides and a dot after it.
bool looks_like_email(std::string_view s) {
  std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('@', at + 1) == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos && s.back() != '.';
}

class InlineScanner {
 public:
  InlineScanner(const Joined& j, const Locator& loc, diag::Diagnostics& diags, std::size_t max_runs)
      : j_(j), t_(j.text), loc_(loc), diags_(diags), max_runs_(max_runs) {}

  model::Inlines run() {
    scan(0, t_.size(), std::string());
    flush();
    if (full()) return std::move(out_);  // the caller reports the pieces limit
    if (strong_) {
      diags_.error(span(strong_at_, strong_at_ + 2), "unterminated bold: no closing '**'")
          .hints.push_back("close it with '**', or write '\\*\\*' for literal asterisks");
    }
    if (emph_) {
      diags_.error(span(emph_at_, emph_at_ + 1), "unterminated italic: no closing '*'")
          .hints.push_back("close it with '*', or write '\\*' for a literal asterisk");
    }
    return std::move(out_);
  }

 private:
  const Joined& j_;
  const std::string& t_;
  const Locator& loc_;
  diag::Diagnostics& diags_;
  std::size_t max_runs_;
  model::Inlines out_;
  bool strong_ = false, emph_ = false;
  std::size_t strong_at_ = 0, emph_at_ = 0;
  bool brace_reported_ = false;
  static constexpr std::size_t kMaxUrl = 2048;
  std::size_t bracket_from_ = 0, bracket_at_ = 0, bracket_end_ = std::string::npos;
  // The run being built.
  bool open_ = false;
  model::Run cur_;
  std::size_t cur_b_ = 0, cur_e_ = 0;

  model::SourceSpan span(std::size_t b, std::size_t e) const {
    return loc_.span(j_.source(b), j_.source(e));
  }

  bool full() const { return out_.size() >= max_runs_; }

  void flush() {
    if (!open_ || full()) return;
    cur_.span = span(cur_b_, cur_e_);
    out_.push_back(std::move(cur_));
    cur_ = model::Run{};
    open_ = false;
  }

  void add(std::string_view text, std::size_t b, std::size_t e, const std::string& url) {
    if (open_ && (cur_.strong != strong_ || cur_.emph != emph_ || cur_.url != url)) flush();
    if (!open_) {
      open_ = true;
      cur_.strong = strong_;
      cur_.emph = emph_;
      cur_.url = url;
      cur_b_ = b;
    }
    cur_.text += text;
    cur_e_ = e;
  }

  /// Finds c at or after i, skipping escapes; npos when absent before `end`.
  std::size_t find(char c, std::size_t i, std::size_t end) const {
    for (; i < end; ++i) {
      if (t_[i] == '\\' && i + 1 < end) {
        ++i;
      } else if (t_[i] == c) {
        return i;
      }
    }
    return std::string::npos;
  }

  /// Warns about an unsafe scheme. The address is kept: writers make it plain text.
  std::string safe_url(const std::string& url, std::size_t b, std::size_t e) {
    if (base::check_link(url) != base::LinkCheck::UnsafeScheme) return url;
    diags_
        .warning(span(b, e),
                 "link with unsafe scheme '" + base::link_scheme(url) + ":' is kept as plain text")
        .hints.push_back("only https, http, mailto and tel links become clickable");
    return url;
  }

  /// [label](url): true when it matched and was consumed.
  bool link(std::size_t& i, std::size_t end) {
    // Every '[' before a known ']' (or before the end, when none) finds the same ']' and
    // fails the same way: keeps "[[[[...]" linear.
    if (end == bracket_end_ && i >= bracket_from_ && i < bracket_at_) return false;
    std::size_t close = find(']', i + 1, end);
    bracket_from_ = i;
    bracket_end_ = end;
    bracket_at_ = close == std::string::npos ? end : close;
    if (close == std::string::npos) return false;
    if (close + 1 >= end || t_[close + 1] != '(') return false;
    // The URL ends at the ')' that balances the '(' (Wikipedia-style URLs have parentheses).
    // URLs longer than browsers accept are not links; the cap keeps "[](((..." linear.
    std::size_t paren = close + 2;
    std::size_t limit = std::min(end, paren + kMaxUrl);
    for (int depth = 0; paren < limit && !blank(t_[paren]); ++paren) {
      if (t_[paren] == '(') ++depth;
      if (t_[paren] == ')' && depth-- == 0) break;
    }
    if (paren >= limit || t_[paren] != ')' || paren == close + 2) return false;
    std::string url = t_.substr(close + 2, paren - close - 2);
    if (std::any_of(url.begin(), url.end(), blank)) return false;
    std::string kept = safe_url(url, close + 2, paren);
    scan(i + 1, close, kept.empty() ? std::string() : kept, true);
    i = paren + 1;
    return true;
  }

  /// <https://...> or <someone@example.com>.
  bool autolink(std::size_t& i, std::size_t end) {
    std::size_t close = i + 1;
    while (close < end && t_[close] != '>' && t_[close] != '<' && !blank(t_[close])) ++close;
    if (close >= end || t_[close] != '>' || close == i + 1) return false;
    std::string body = t_.substr(i + 1, close - i - 1);
    std::string url;
    if (has_scheme(body)) {
      url = body;
    } else if (looks_like_email(body)) {
      url = "mailto:" + body;
    } else {
      return false;
    }
    add(body, i + 1, close, safe_url(url, i + 1, close));
    i = close + 1;
    return true;
  }

  void scan(std::size_t i, std::size_t end, const std::string& url, bool in_link = false) {
    while (i < end && !full()) {
      char c = t_[i];
      std::size_t escaped = c == '\\' ? escaped_length(&t_[i + 1], t_.data() + end) : 0;
      if (escaped > 0) {
        add(std::string_view(&t_[i + 1], escaped), i, i + 1 + escaped, url);
        i += 1 + escaped;
      } else if (c == '*' && i + 1 < end && t_[i + 1] == '*') {
        if (strong_ || (i + 2 < end && !blank(t_[i + 2]))) {
          strong_ = !strong_;
          strong_at_ = i;
        } else {
          // "2 ** 10": a "**" that cannot open bold (a blank or the end follows) is text,
          // both stars of it; it must not toggle italic twice and vanish.
          add(std::string_view(&t_[i], 2), i, i + 2, url);
        }
        i += 2;
      } else if (c == '*' && (emph_ || (i + 1 < end && !blank(t_[i + 1])))) {
        emph_ = !emph_;
        emph_at_ = i;
        i += 1;
      } else if (c == '[' && !in_link && link(i, end)) {
        // consumed
      } else if (c == '<' && !in_link && autolink(i, end)) {
        // consumed
      } else if (c == '{' || c == '}') {
        if (!brace_reported_) {
          brace_reported_ = true;
          diags_
              .error(span(i, i + 1),
                     std::string("unexpected '") + c + "': tags go at the very end of the line")
              .hints.push_back("close the tag list as {a, b} at the end, or write '\\" +
                               std::string(1, c) + "' for a literal brace");
        }
        add(std::string_view(&t_[i], 1), i, i + 1, url);
        ++i;
      } else {
        add(std::string_view(&t_[i], 1), i, i + 1, url);
        ++i;
      }
    }
  }
};

}  // namespace

model::Inlines parse_inlines(const Joined& text, const Locator& loc, diag::Diagnostics& diags,
                             std::size_t max_runs) {
  return InlineScanner(text, loc, diags, max_runs).run();
}

}  // namespace tailor::reader::resume
