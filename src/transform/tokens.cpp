// The tokenizer and keyword matcher (see tokens.hpp for the token rules).
#include "transform/tokens.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace tailor::transform {

namespace {

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Byte length of a word character at i (0 when it is not one). Non-ASCII code points count as
// letters except general punctuation and Latin-1 symbols (dashes, quotes, bullets, "·").
std::size_t word_char(std::string_view t, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (ascii_alnum(c) || c == '_') return 1;
  if (c < 0x80) return 0;
  std::size_t j = i;
  char32_t cp = base::decode_next(t, j);
  if ((cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x2BFF) || cp == 0xD7 || cp == 0xF7 ||
      cp == 0xFFFD || (cp >= 0x3000 && cp <= 0x303F)) {
    return 0;
  }
  return j - i;
}

bool letter_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  return ascii_alpha(c) || (c >= 0x80 && word_char(t, i) > 0);
}

// Scans one raw chunk starting at a word character (or a '.' before a letter). '/' is kept
// for now; the caller splits chunks whose slash form is not a known compound.
std::size_t scan_chunk(std::string_view t, std::size_t i) {
  std::size_t n = t.size();
  if (t[i] == '.') ++i;  // leading dot of ".NET"
  while (i < n) {
    if (std::size_t w = word_char(t, i)) {
      i += w;
      continue;
    }
    char c = t[i];
    bool prev_word = i > 0 && (word_char(t, i - 1) || static_cast<unsigned char>(t[i - 1]) >= 0x80);
    bool next_word = i + 1 < n && word_char(t, i + 1) > 0;
    if (c == '+' && prev_word) {
      // A trailing run of '+' ("C++", "Notepad++"), but "A+B" splits. A version right after
      // "++" is its own token: "C++20" is C++ and 20, never C.
      std::size_t j = i;
      while (j < n && t[j] == '+') ++j;
      bool version = j - i >= 2 && j < n && t[j] >= '0' && t[j] <= '9';
      if (j < n && word_char(t, j) && !version) break;
      i = j;
      break;
    }
    if (c == '#' && i > 0 && letter_at(t, i - 1) && !next_word) {
      ++i;
      break;
    }
    if ((c == '.' || c == '/') && prev_word && next_word) {
      ++i;
      continue;
    }
    break;
  }
  return i;
}

void push(std::vector<Token>& out, std::string_view t, std::size_t b, std::size_t e) {
  while (e > b && (t[e - 1] == '.' || t[e - 1] == '/')) --e;
  if (e > b) out.push_back({lower(t.substr(b, e - b)), b, e});
}

}  // namespace

std::string lower(std::string_view s) { return base::lower_ascii(s); }

std::vector<Token> tokenize(std::string_view text, const std::set<std::string>* compounds) {
  std::vector<Token> out;
  std::size_t i = 0, n = text.size();
  while (i < n) {
    bool start = word_char(text, i) > 0 ||
                 (text[i] == '.' && letter_at(text, i + 1) && (i == 0 || !word_char(text, i - 1)));
    if (!start) {
      ++i;
      continue;
    }
    std::size_t e = scan_chunk(text, i);
    std::string_view chunk = text.substr(i, e - i);
    if (chunk.find('/') == std::string_view::npos ||
        (compounds && compounds->count(lower(chunk)))) {
      push(out, text, i, e);
    } else {
      // Split at slashes: "Python/Django" -> "Python", "Django".
      std::size_t b = i;
      for (std::size_t k = i; k <= e; ++k) {
        if (k == e || text[k] == '/') {
          if (k > b) {
            std::size_t sub = b;
            while (sub < k) {
              std::size_t se = std::min(scan_chunk(text.substr(0, k), sub), k);
              if (se == sub) {
                ++sub;
                continue;
              }
              push(out, text, sub, se);
              sub = se;
            }
          }
          b = k + 1;
        }
      }
    }
    i = e > i ? e : i + 1;
  }
  return out;
}

Matcher::Matcher(const std::vector<std::string>& terms, const std::vector<Synonym>& synonyms,
                 const std::vector<std::string>& cased)
    : terms_(terms.size()) {
  // Compounds first: the phrases themselves decide which slash forms are single tokens.
  auto note_compounds = [&](const std::string& phrase) {
    std::string l = lower(phrase);
    std::size_t pos = 0;
    while (pos < l.size()) {
      std::size_t sp = l.find(' ', pos);
      std::string word = l.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      if (word.find('/') != std::string::npos) compounds_.insert(word);
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
  };
  for (const std::string& t : terms) note_compounds(t);
  for (const Synonym& s : synonyms) {
    note_compounds(s.canonical);
    for (const std::string& v : s.variants) note_compounds(v);
  }
  for (std::size_t k = 0; k < terms.size(); ++k) {
    bool exact = std::find(cased.begin(), cased.end(), terms[k]) != cased.end();
    add(terms[k], k, exact);
  }
  for (const Synonym& s : synonyms) {
    std::string canon = lower(s.canonical);
    for (std::size_t k = 0; k < terms.size(); ++k) {
      if (lower(terms[k]) != canon) continue;
      for (const std::string& v : s.variants) add(v, k, false);
    }
  }
  for (auto& [first, list] : index_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.seq.size() > b.seq.size(); });
  }
}

void Matcher::add(const std::string& phrase, std::size_t keyword, bool exact_case) {
  Entry e;
  e.keyword = keyword;
  for (Token& t : tokenize(phrase, &compounds_)) {
    if (exact_case) e.exact.push_back(phrase.substr(t.begin, t.end - t.begin));
    e.seq.push_back(std::move(t.norm));
  }
  if (e.seq.empty()) return;
  auto& list = index_[e.seq.front()];
  for (const Entry& x : list) {
    if (x.seq == e.seq && x.keyword == keyword && x.exact == e.exact) return;
  }
  list.push_back(std::move(e));
}

std::vector<Hit> Matcher::find(std::string_view text) const {
  std::vector<Hit> hits;
  std::vector<Token> toks = tokenize(text, &compounds_);
  for (std::size_t i = 0; i < toks.size();) {
    auto it = index_.find(toks[i].norm);
    bool matched = false;
    if (it != index_.end()) {
      for (const Entry& e : it->second) {
        const std::vector<std::string>& seq = e.seq;
        if (i + seq.size() > toks.size()) continue;
        bool ok = true;
        for (std::size_t j = 1; j < seq.size() && ok; ++j) ok = toks[i + j].norm == seq[j];
        for (std::size_t j = 0; j < e.exact.size() && ok; ++j) {
          const Token& t = toks[i + j];
          ok = text.substr(t.begin, t.end - t.begin) == e.exact[j];
        }
        if (!ok) continue;
        hits.push_back({e.keyword, toks[i].begin, toks[i + seq.size() - 1].end});
        i += seq.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return hits;
}

std::vector<std::size_t> Matcher::find_distinct(std::string_view text) const {
  std::vector<std::size_t> out;
  for (const Hit& h : find(text)) {
    if (std::find(out.begin(), out.end(), h.keyword) == out.end()) out.push_back(h.keyword);
  }
  return out;
}

}  // namespace tailor::transform
