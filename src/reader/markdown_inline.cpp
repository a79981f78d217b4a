#include "reader/markdown_inline.hpp"

#include <string>

namespace tailor::reader {

namespace {

bool is_punct(char c) {
  return std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos;
}

class Runs {
 public:
  Runs(const model::SourceSpan& span) : span_(span) {}

  void text(std::string_view s) { buf_ += s; }
  void text(char c) { buf_ += c; }
  void set(bool strong, bool emph, const std::string& url) {
    if (strong == strong_ && emph == emph_ && url == url_) return;
    flush();
    strong_ = strong;
    emph_ = emph;
    url_ = url;
  }
  bool strong() const { return strong_; }
  bool emph() const { return emph_; }
  const std::string& url() const { return url_; }
  model::Inlines take() {
    flush();
    return std::move(out_);
  }

 private:
  void flush() {
    if (buf_.empty()) return;
    out_.push_back(model::Run{std::move(buf_), strong_, emph_, false, url_, span_});
    buf_.clear();
  }
  model::SourceSpan span_;
  model::Inlines out_;
  std::string buf_;
  bool strong_ = false, emph_ = false;
  std::string url_;
};

/// Where "](" ... ")" of a link whose "[" is at `open` ends, or npos. Brackets nest.
std::size_t link_end(std::string_view s, std::size_t open, std::size_t& label_end) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      if (i + 1 >= s.size() || s[i + 1] != '(') return std::string_view::npos;
      std::size_t close = s.find(')', i + 2);
      if (close == std::string_view::npos) return close;
      label_end = i;
      return close;
    }
  }
  return std::string_view::npos;
}

void scan(std::string_view s, Runs& r) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
      r.text(s[++i]);
    } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      // ** opens only when another ** follows; it always closes an open one.
      if (r.strong() || s.find("**", i + 2) != std::string_view::npos) {
        r.set(!r.strong(), r.emph(), r.url());
      } else {
        r.text("**");
      }
      ++i;
    } else if (c == '*') {
      std::size_t next = s.find('*', i + 1);
      if (r.emph() || (next != std::string_view::npos && next > i + 1)) {
        r.set(r.strong(), !r.emph(), r.url());
      } else {
        r.text('*');
      }
    } else if (c == '[' && r.url().empty()) {
      std::size_t label_end = 0;
      std::size_t close = link_end(s, i, label_end);
      if (close == std::string_view::npos) {
        r.text('[');
        continue;
      }
      std::string url(s.substr(label_end + 2, close - label_end - 2));
      bool strong = r.strong(), emph = r.emph();
      r.set(strong, emph, url);
      scan(s.substr(i + 1, label_end - i - 1), r);
      r.set(strong, emph, "");
      i = close;
    } else {
      r.text(c);
    }
  }
}

}  // namespace

model::Inlines markdown_runs(std::string_view text, const model::SourceSpan& span) {
  Runs r(span);
  scan(text, r);
  return r.take();
}

}  // namespace tailor::reader
