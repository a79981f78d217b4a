// The terms of a posting that the vocabulary does not know, and how much of it was understood.
#include "transform/posting_coverage.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace tailor::transform {

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool non_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

// A word of a line: bytes [begin, end).
struct Word {
  std::size_t begin = 0, end = 0;
  bool initial = false;  // the first word of the line or of a sentence
};

bool separator(char c) {
  return c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
         c == '"' || c == '!' || c == '?' || c == '/' || c == '&' || c == '[' || c == ']';
}

// Words, with trailing dots and dashes trimmed; a bullet mark is not a word.
std::vector<Word> words(std::string_view s) {
  std::vector<Word> out;
  bool initial = true;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && separator(s[i])) {
      if (s[i] == ':') initial = true;
      ++i;
    }
    std::size_t b = i;
    while (i < s.size() && !separator(s[i])) ++i;
    std::size_t e = i;
    while (e > b && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
    bool sentence_end = i > b && s[i - 1] == '.';
    if (e > b) {
      std::string_view w = s.substr(b, e - b);
      bool mark = w == "-" || w == "*" || w == "+" || w == "\xE2\x80\xA2" || w == "\xC2\xB7";
      if (!mark) {
        out.push_back({b, e, initial});
        initial = false;
      }
    }
    if (sentence_end) initial = true;
  }
  return out;
}

bool has_cyrillic(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xD0 || c == 0xD1) return true;  // U+0400..U+047F
  }
  return false;
}

// A sentence in German capitalises every noun, so capitals say nothing there.
bool german(std::string_view line) {
  std::string f = " " + base::lower_ascii(line) + " ";
  for (const char* w : {" und ", " mit ", " der ", " die ", " das ", " für ", " von ", " oder ",
                        " unserer ", " unsere ", " sehr ", " auf ", " ihre ", " deine ", " ein "}) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

// Capitalised words that are English prose or places, not tools.
constexpr std::array kNotTerms = {
    "I",           "We",        "You",     "Our",      "Your",      "The",      "A",
    "An",          "And",       "Or",      "In",       "On",        "At",       "For",
    "With",        "To",        "Of",      "English",  "German",    "Russian",  "Turkish",
    "Azerbaijani", "Europe",    "EU",      "US",       "UK",        "CET",      "UTC",
    "GMT",         "Remote",    "Monday",  "Tuesday",  "Wednesday", "Thursday", "Friday",
    "January",     "February",  "March",   "April",    "May",       "June",     "July",
    "August",      "September", "October", "November", "December",  "TB",       "GB",
    "MB",          "KB",        "PB",      "Q1",       "Q2",        "Q3",       "Q4",
};

bool listed_not_term(std::string_view w) {
  return std::find(kNotTerms.begin(), kNotTerms.end(), w) != kNotTerms.end();
}

// The items of a list inside a line: split on commas, semicolons, colons, parentheses, slashes
// and the words for "and" and "or" in the languages we read.
std::vector<std::pair<std::size_t, std::size_t>> items(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  static const std::array<std::string_view, 11> joins = {" and ", " or ",   " und ", " oder ",
                                                         " ve ",  " veya ", " və ",  " ya da ",
                                                         " и ",   " или ",  " & "};
  std::size_t b = 0;
  auto push = [&](std::size_t from, std::size_t to) {
    while (from < to && (s[from] == ' ' || s[from] == '-' || s[from] == '*')) ++from;
    while (to > from && (s[to - 1] == ' ' || s[to - 1] == '.')) --to;
    if (to > from) out.emplace_back(from, to);
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '/') {
      push(b, i);
      b = i + 1;
      continue;
    }
    for (std::string_view j : joins) {
      if (s.compare(i, j.size(), j) == 0) {
        push(b, i);
        b = i + j.size();
        i = b - 1;
        break;
      }
    }
  }
  push(b, s.size());
  return out;
}

}  // namespace

Coverage assess_coverage(const Posting& posting, const TermMatcher& matcher,
                         const std::vector<std::string>& role_names) {
  Coverage cov;
  std::string names = " " + posting.title + " " + posting.company + " ";
  for (const std::string& r : role_names) names += r + " ";
  for (const PostingLine& line : posting.lines) {
    if (line.elsewhere) continue;
    if (line.part != PostingPart::Required && line.part != PostingPart::Responsibility &&
        line.part != PostingPart::Optional) {
      continue;
    }
    ++cov.requirement_lines;
    std::string_view s = line.text;
    MatchContext ctx;
    ctx.list = technology_context(line);
    std::vector<TermHit> hits = matcher.find(s, true, ctx);
    auto known = [&](std::size_t b, std::size_t e) {
      for (const TermHit& h : hits) {
        if (h.begin < e && b < h.end) return true;
      }
      return false;
    };
    bool cyrillic = has_cyrillic(s), de = german(s);
    auto lists = items(s);
    std::vector<Word> ws = words(s);
    int unknown = 0;
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const Word& w = ws[k];
      std::string_view t = s.substr(w.begin, w.end - w.begin);
      bool ascii = std::none_of(t.begin(), t.end(), non_ascii);
      bool touches_other_script =
          (w.begin > 0 && non_ascii(s[w.begin - 1])) || (w.end < s.size() && non_ascii(s[w.end]));
      if (!ascii || touches_other_script || !std::isalpha(static_cast<unsigned char>(t[0]))) {
        continue;
      }
      if (known(w.begin, w.end) || listed_not_term(t) || t.size() < 2) continue;
      if (names.find(" " + std::string(t) + " ") != std::string::npos) continue;
      if (k > 0) {  // "2 TB", "3x": a unit after a number
        std::string_view prev = s.substr(ws[k - 1].begin, ws[k - 1].end - ws[k - 1].begin);
        if (std::all_of(prev.begin(), prev.end(), [](char c) {
              return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
            })) {
          continue;
        }
      }
      bool inner_capital =
          std::any_of(t.begin() + 1, t.end(), upper) && std::any_of(t.begin(), t.end(), [](char c) {
            return std::islower(static_cast<unsigned char>(c));
          });
      bool all_caps = t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) {
                        return upper(c) || std::isdigit(static_cast<unsigned char>(c));
                      });
      bool capital_in_sentence = upper(t[0]) && !w.initial && !de;
      bool latin_in_cyrillic = cyrillic;
      bool list_item = false;
      for (std::size_t i = 0; i < lists.size(); ++i) {
        if (lists[i].first != w.begin || lists[i].second != w.end || lists.size() < 2) continue;
        // A capitalised item next to another name ("Scala or Elixir"), or a lower-case item
        // among names only ("Spark, Airflow, Snowflake, dbt"). In German every noun is a
        // capitalised item ("Aufbau und Betrieb"), so only lower-case items count there.
        bool all_named = true, some_named = false;
        for (std::size_t j = 0; j < lists.size(); ++j) {
          if (j == i) continue;
          bool named = upper(s[lists[j].first]);
          if (named && (j + 1 == i || j == i + 1)) some_named = true;
          if (!named) all_named = false;
        }
        list_item = upper(t[0]) ? (some_named && !de) : (all_named && lists.size() >= 3);
      }
      if (!(inner_capital || all_caps || capital_in_sentence || latin_in_cyrillic || list_item)) {
        continue;
      }
      ++unknown;
      std::string term(t);
      model::SourceSpan span = line.span;
      span.col =
          line.span.col + static_cast<std::uint32_t>(base::count_code_points(s.substr(0, w.begin)));
      span.end_col = span.col + static_cast<std::uint32_t>(base::count_code_points(t));
      auto it =
          std::find_if(cov.not_assessed.begin(), cov.not_assessed.end(), [&](const NotAssessed& n) {
            return base::lower_ascii(n.term) == base::lower_ascii(term);
          });
      if (it == cov.not_assessed.end()) {
        cov.not_assessed.push_back({term, line.part, {span}});
      } else {
        it->part = std::min(it->part, line.part);
        it->spans.push_back(span);
      }
    }
    if (!hits.empty() && unknown == 0) {
      ++cov.understood_lines;
    } else {
      cov.not_understood.push_back(line.span);
    }
  }
  return cov;
}

}  // namespace tailor::transform
