#include "writer/docx/address_breaks.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace tailor::writer::docx {

namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool host_char(char c) { return ascii_alpha(c) || ascii_digit(c) || c == '-' || c == '.'; }

/// "github.com", "ledger-kit.example.dev": labels joined by dots, ending in a top-level
/// domain of two or more letters.
bool domain(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.front() == '-') return false;
  if (!std::all_of(s.begin(), s.end(), host_char)) return false;
  std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot + 3 > s.size()) return false;
  std::string_view tld = s.substr(dot + 1);
  return std::all_of(tld.begin(), tld.end(), ascii_alpha);
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

struct Chunk {
  std::size_t begin = 0, end = 0;
  bool space_before = false;  ///< a breakable space precedes it (its offset is begin - 1)
  bool line_start = false;    ///< the paragraph or a line break precedes it
  bool address = false;
  double width = 0, space = 0;
};

/// Words split at spaces; ordinary words further split after '-' and '/' between two
/// characters, where Word and LibreOffice may also break.
std::vector<Chunk> chunks(std::string_view text, const MeasureText& measure) {
  std::vector<Chunk> out;
  bool line_start = true, space_before = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      line_start = true;
      space_before = false;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t') {
      space_before = !line_start;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
    std::string_view word = text.substr(i, end - i);
    bool address = is_address(word);
    std::size_t from = i;
    for (std::size_t k = i; k < end; ++k) {
      bool inner_break = !address && (text[k] == '-' || text[k] == '/') && k > i && k + 1 < end;
      if (!inner_break && k + 1 < end) continue;
      Chunk ch;
      ch.begin = from;
      ch.end = k + 1;
      ch.line_start = from == i && line_start;
      ch.space_before = from == i && space_before && text[i - 1] == ' ';
      ch.address = address;
      ch.width = measure(ch.begin, ch.end);
      if (from == i && space_before) ch.space = measure(i - 1, i);
      out.push_back(ch);
      from = k + 1;
    }
    line_start = false;
    space_before = false;
    i = end;
  }
  return out;
}

/// Greedy filling at `scale` times the measured widths: true when chunk `target` (an
/// address) would not fit on the rest of the line it starts on.
bool straddles(const std::vector<Chunk>& cs, const std::set<std::size_t>& forced,
               std::size_t target, double width, double scale) {
  double x = 0;
  for (std::size_t i = 0; i <= target; ++i) {
    const Chunk& c = cs[i];
    double w = c.width * scale;
    bool starts = c.line_start || forced.count(i) > 0 || i == 0;
    if (!starts && x + c.space * scale + w <= width) {
      x += c.space * scale + w;
      continue;
    }
    if (i == target) return !starts;
    x = w;
  }
  return false;
}

}  // namespace

bool is_address(std::string_view word) {
  while (!word.empty() &&
         std::string_view("([{<\"'").find(word.front()) != std::string_view::npos) {
    word.remove_prefix(1);
  }
  while (!word.empty() &&
         std::string_view(".,;:!?)]}>\"'").find(word.back()) != std::string_view::npos) {
    word.remove_suffix(1);
  }
  if (word.size() < 4) return false;
  if (word.find("://") != std::string_view::npos) return true;
  if (starts_with_nocase(word, "www.") || starts_with_nocase(word, "mailto:")) return true;
  if (std::size_t at = word.find('@'); at != std::string_view::npos && at > 0) {
    return domain(word.substr(at + 1));
  }
  std::size_t slash = word.find('/');
  std::string_view host = word.substr(0, slash);
  if (domain(host)) return slash != std::string_view::npos || host.find('-') != host.npos;
  // A phone number: seven digits or more with hyphens or dots between them, in two places
  // or after a "+" ("2019-2021" is a range of years).
  std::size_t digits = 0, joins = 0;
  for (char c : word) {
    if (ascii_digit(c)) {
      ++digits;
    } else if (c == '-' || c == '.') {
      ++joins;
    } else if (c != '+' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 7 && (joins >= 2 || (joins == 1 && word.front() == '+'));
}

std::vector<std::size_t> address_breaks(std::string_view text, const MeasureText& measure,
                                        double width, const std::vector<double>& scales) {
  std::vector<std::size_t> out;
  bool any = false;
  for (std::size_t i = 0; i < text.size() && !any;) {
    std::size_t end = text.find_first_of(" \t\n", i);
    if (end == std::string_view::npos) end = text.size();
    any = end > i && is_address(text.substr(i, end - i));
    i = end + 1;
  }
  if (!any || width <= 0) return out;
  std::vector<Chunk> cs = chunks(text, measure);
  std::set<std::size_t> forced;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (!cs[i].address || !cs[i].space_before) continue;
    if (cs[i].width > width) continue;  // longer than a line: it wraps wherever it starts
    for (double scale : scales) {
      if (straddles(cs, forced, i, width, scale)) {
        forced.insert(i);
        out.push_back(cs[i].begin - 1);
        break;
      }
    }
  }
  return out;
}

}  // namespace tailor::writer::docx
