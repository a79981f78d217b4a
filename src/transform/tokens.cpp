// The tokenizer and keyword matcher (see tokens.hpp for the token rules).
#include "transform/tokens.hpp"

#include <algorithm>
#include <unordered_map>

#include <unicode/uchar.h>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "transform/casefold.hpp"
#include "transform/token_cache.hpp"

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
    if ((c == '.' || c == '/' || c == '-') && prev_word && next_word) {
      ++i;
      continue;
    }
    break;
  }
  return i;
}

struct Pusher {
  std::vector<Token>& out;
  std::string_view t;
  const std::string& lang;
  void operator()(std::size_t b, std::size_t e, std::uint32_t compound = 0,
                  bool hyphen = false) const {
    while (e > b && (t[e - 1] == '.' || t[e - 1] == '/' || t[e - 1] == '-')) --e;
    if (e <= b) return;
    std::string_view w = t.substr(b, e - b);
    // The text's language when it has one, else the word's own letters ("Məmmədova").
    bool ascii = std::all_of(w.begin(), w.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    // The common case, an ASCII word outside Turkish or Azerbaijani text, needs no ICU.
    std::string norm = ascii && lang != "tr" && lang != "az"
                           ? lower(w)
                           : fold_case(w, lang.empty() ? guess_language(w) : lang);
    out.push_back({std::move(norm), b, e, compound, hyphen});
  }
};

bool upper_start(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  std::size_t j = i;
  return u_isupper(static_cast<UChar32>(base::decode_next(t, j)));
}

// Sentence starts and initials, from the text around each token.
void mark_positions(std::string_view t, std::vector<Token>& toks) {
  for (std::size_t k = 0; k < toks.size(); ++k) {
    Token& x = toks[k];
    std::size_t from = k == 0 ? 0 : toks[k - 1].end;
    std::string_view gap = t.substr(from, x.begin - from);
    x.sentence_start = k == 0 || gap.find_first_of(".!?;:\n") != std::string_view::npos ||
                       gap.find("\u2022") != std::string_view::npos;
    // "C. Smith": one capital letter, a period, blanks, then a capitalised word.
    if (x.end - x.begin == 1 && upper_start(t, x.begin) && x.end + 2 < t.size() &&
        t[x.end] == '.' && t[x.end + 1] == ' ') {
      std::size_t j = x.end + 1;
      while (j < t.size() && t[j] == ' ') ++j;
      x.initial = upper_start(t, j);
    }
  }
}

}  // namespace

std::string lower(std::string_view s) { return base::lower_ascii(s); }

std::vector<Token> tokenize(std::string_view text, const std::set<std::string>* compounds,
                            const std::string* lang) {
  std::vector<Token> out;
  std::string guessed = lang ? *lang : guess_language(text);
  Pusher push{out, text, guessed};
  std::uint32_t next_compound = 0;
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
    while (!chunk.empty() && (chunk.back() == '-' || chunk.back() == '/' || chunk.back() == '.')) {
      chunk.remove_suffix(1);
    }
    bool slash = chunk.find('/') != std::string_view::npos;
    bool hyphen = chunk.find('-') != std::string_view::npos;
    if ((!slash && !hyphen) || (compounds && compounds->count(lower(chunk)))) {
      push(i, e);
    } else {
      // Split at slashes and hyphens: "Python/Django" -> "Python", "Django"; the parts keep
      // the compound's number, so an ambiguous tool inside "C-level" is not the tool.
      std::uint32_t id = ++next_compound;
      std::size_t b = i;
      for (std::size_t k = i; k <= e; ++k) {
        if (k == e || text[k] == '/' || text[k] == '-') {
          if (k > b) {
            std::size_t sub = b;
            while (sub < k) {
              std::size_t se = std::min(scan_chunk(text.substr(0, k), sub), k);
              if (se == sub) {
                ++sub;
                continue;
              }
              push(sub, se, id, hyphen);
              sub = se;
            }
          }
          b = k + 1;
        }
      }
    }
    i = e > i ? e : i + 1;
  }
  mark_positions(text, out);
  return out;
}

Matcher::Matcher(const std::vector<std::string>& terms, const std::vector<Synonym>& synonyms,
                 const std::vector<std::string>& cased, const Lexicon* lexicon)
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
  for (const std::string& c : cased) guards_.push_back(Guard{c, true, false, false, {}, {}, {}});
  if (lexicon) {
    for (const std::string& c : lexicon->cased) {
      guards_.push_back(Guard{c, true, false, false, {}, {}, {}});
    }
    guards_.insert(guards_.end(), lexicon->guards.begin(), lexicon->guards.end());
    // One-word tools, lower-cased (tool names are ASCII; a word is one token).
    auto one_word = [](const std::string& w) { return w.find(' ') == std::string::npos; };
    for (const std::string& t : lexicon->tools) {
      if (one_word(t)) tool_words_.insert(lower(t));
    }
    for (const Synonym& s : lexicon->synonyms) {
      if (!tool_words_.count(lower(s.canonical))) continue;
      for (const std::string& v : s.variants) {
        if (one_word(v)) tool_words_.insert(lower(v));
      }
    }
    for (const Guard& g : guards_) tool_words_.erase(lower(g.spelling));
  }
  for (std::size_t g = 0; g < guards_.size(); ++g) {
    guard_index_[lower(guards_[g].spelling)] = static_cast<int>(g);
  }
  std::unordered_map<std::string, std::vector<std::size_t>> by_spelling;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    add(terms[k], k);
    by_spelling[lower(terms[k])].push_back(k);
  }
  for (const Synonym& s : synonyms) {
    auto it = by_spelling.find(lower(s.canonical));
    if (it == by_spelling.end()) continue;
    for (std::size_t k : it->second) {
      for (const std::string& v : s.variants) add(v, k);
    }
  }
  for (auto& [first, list] : index_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.seq.size() > b.seq.size(); });
  }
  compounds_id_ = compounds_id(compounds_);
}

void Matcher::add(const std::string& phrase, std::size_t keyword) {
  Entry e;
  e.keyword = keyword;
  for (Token& t : tokenize(phrase, &compounds_)) e.seq.push_back(std::move(t.norm));
  if (e.seq.empty()) return;
  // A guard belongs to a spelling: "Node" is guarded, its canonical "Node.js" is not.
  if (auto g = guard_index_.find(lower(phrase)); g != guard_index_.end()) e.guard = g->second;
  auto& list = index_[e.seq.front()];
  for (const Entry& x : list) {
    if (x.seq == e.seq && x.keyword == keyword && x.guard == e.guard) return;
  }
  list.push_back(std::move(e));
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool list_separator(std::string_view gap) {
  gap = trim(gap);
  return gap == "," || gap == "/" || gap == "&" || gap == "+" || gap == "|" || gap == ";" ||
         gap == "(" || gap == ")" || gap == "),";
}

bool blank(std::string_view gap) { return trim(gap).empty(); }

}  // namespace

bool Matcher::list_neighbour(std::string_view text, const std::vector<Token>& toks, std::size_t i,
                             std::size_t n) const {
  auto gap = [&](std::size_t a, std::size_t b) {
    return text.substr(toks[a].end, toks[b].begin - toks[a].end);
  };
  auto tool = [&](std::size_t k) { return tool_words_.count(toks[k].norm) > 0; };
  auto conj = [&](std::size_t k) { return toks[k].norm == "and" || toks[k].norm == "or"; };
  if (i > 0) {
    std::size_t l = i - 1;
    if (list_separator(gap(l, i)) && tool(l)) return true;
    if (conj(l) && blank(gap(l, i)) && l > 0 && tool(l - 1) &&
        (list_separator(gap(l - 1, l)) || blank(gap(l - 1, l)))) {
      return true;
    }
  }
  std::size_t r = i + n;
  if (r < toks.size()) {
    if (list_separator(gap(r - 1, r)) && tool(r)) return true;
    if (conj(r) && blank(gap(r - 1, r)) && r + 1 < toks.size() && tool(r + 1)) return true;
  }
  return false;
}

bool Matcher::guard_holds(const Guard& g, std::string_view text, const std::vector<Token>& toks,
                          std::size_t i, std::size_t n, const MatchContext& ctx) const {
  bool exact = text.substr(toks[i].begin, toks[i + n - 1].end - toks[i].begin) == g.spelling;
  if (g.written && exact) return true;
  if (g.mid_sentence && exact && !toks[i].sentence_start) return true;
  if (g.list && (ctx.list || list_neighbour(text, toks, i, n))) return true;
  if (!g.after.empty() && i > 0 &&
      blank(text.substr(toks[i - 1].end, toks[i].begin - toks[i - 1].end)) &&
      std::count(g.after.begin(), g.after.end(), toks[i - 1].norm)) {
    return true;
  }
  std::size_t r = i + n;
  if (!g.before.empty() && r < toks.size() &&
      blank(text.substr(toks[r - 1].end, toks[r].begin - toks[r - 1].end)) &&
      std::count(g.before.begin(), g.before.end(), toks[r].norm)) {
    return true;
  }
  return false;
}

bool Matcher::compound_allows(const std::vector<Token>& toks, std::size_t i, std::size_t n) const {
  std::uint32_t c = toks[i].compound;
  if (!c) c = toks[i + n - 1].compound;
  if (!c) return true;
  bool inside =
      (i > 0 && toks[i - 1].compound == c) || (i + n < toks.size() && toks[i + n].compound == c);
  if (!inside) return true;  // the mention is the whole compound
  if (toks[i].hyphenated) return false;
  // "Go/Rust": a slash list of tools, when every other part is a tool.
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].compound != c || (k >= i && k < i + n)) continue;
    if (!tool_words_.count(toks[k].norm)) return false;
  }
  return true;
}

std::vector<Hit> Matcher::find(std::string_view text, const MatchContext& ctx) const {
  std::vector<Hit> hits;
  // Every matcher with these compounds reads the same tokens of a text: kept per thread.
  const std::vector<Token>& toks = TokenCache::for_thread().tokens(
      text, &compounds_, compounds_id_, ctx.lang.empty() ? nullptr : &ctx.lang);
  for (std::size_t i = 0; i < toks.size();) {
    auto it = index_.find(toks[i].norm);
    bool matched = false;
    if (it != index_.end()) {
      for (const Entry& e : it->second) {
        const std::vector<std::string>& seq = e.seq;
        std::size_t n = seq.size();
        if (i + n > toks.size()) continue;
        bool ok = true;
        for (std::size_t j = 1; j < n && ok; ++j) ok = toks[i + j].norm == seq[j];
        // An initial ("C. Smith") is a name, unless a guard's own context word precedes it
        // ("written in C. Later, ...").
        for (std::size_t j = 0; j < n && ok; ++j) {
          if (!toks[i + j].initial) continue;
          const Guard* g = e.guard >= 0 ? &guards_[static_cast<std::size_t>(e.guard)] : nullptr;
          ok = g && i > 0 && std::count(g->after.begin(), g->after.end(), toks[i - 1].norm);
        }
        if (ok && e.guard >= 0) {
          ok = compound_allows(toks, i, n) &&
               guard_holds(guards_[static_cast<std::size_t>(e.guard)], text, toks, i, n, ctx);
        }
        if (!ok) continue;
        hits.push_back({e.keyword, toks[i].begin, toks[i + n - 1].end});
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return hits;
}

std::vector<std::size_t> Matcher::find_distinct(std::string_view text,
                                                const MatchContext& ctx) const {
  std::vector<std::size_t> out;
  for (const Hit& h : find(text, ctx)) {
    if (std::find(out.begin(), out.end(), h.keyword) == out.end()) out.push_back(h.keyword);
  }
  return out;
}

}  // namespace tailor::transform
