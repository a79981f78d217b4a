// Token-exact, case-insensitive keyword matching shared by the rule engine and job postings.
// "C", "C++" and "C#" are different tokens; ".NET", "Node.js" and "CI/CD" are single tokens;
// "Go" never matches inside "Google" or "good".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "transform/profile.hpp"

namespace tailor::transform {

/// A token of some text: its lower-cased form and its byte range in the text.
struct Token {
  std::string norm;  ///< NFC, lower case by the text's language (casefold.hpp).
  std::size_t begin = 0;
  std::size_t end = 0;
  /// Non-zero: the token is a part of a hyphenated or slashed compound the lexicon does not
  /// know ("C-level", "Go/No-Go", "three-node"); parts of one compound share the number.
  std::uint32_t compound = 0;
  bool hyphenated = false;      ///< That compound has a '-'.
  bool initial = false;         ///< "C" in "C. Smith": a capital, a period and a name.
  bool sentence_start = false;  ///< First word of the text or of a sentence.
};

/// Splits text into tokens. Letters, digits and non-ASCII letters form words; '+' after a word
/// ("C++"), '#' after a letter ("C#"), '.' between word characters or before a letter at the
/// start (".NET", "Node.js") stay inside the token. '/' joins only the compounds listed in
/// `compounds` (lower-case, e.g. "ci/cd"), so "Python/Django" is two tokens; those parts, and
/// the parts of a hyphenated word, carry a compound number. `lang` chooses the case rules;
/// empty: guessed from the text (casefold.hpp).
std::vector<Token> tokenize(std::string_view text, const std::set<std::string>* compounds = nullptr,
                            const std::string* lang = nullptr);

/// Lower-case ASCII letters, leave every other byte alone.
std::string lower(std::string_view s);

/// Where a keyword was found in a text: the keyword's index and the byte range.
struct Hit {
  std::size_t keyword = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Where a text stands, for the guards of ambiguous tools.
struct MatchContext {
  bool list = false;  ///< A skills list item: a technology context.
  std::string lang;   ///< Case rules; empty: guessed from the text.
};

/// Finds canonical terms and their synonyms in text, longest match first, non-overlapping.
/// A mention counts only as a mention: an initial ("C. Smith") never does; a guarded spelling
/// (Lexicon::guards: "Helm", "REST", "C") counts only where a guard holds, and never inside a
/// compound the lexicon does not know ("C-level", "Go-Live"), except in a slash list of tools
/// ("Go/Rust").
class Matcher {
 public:
  /// terms[i] is the canonical spelling of keyword i. Synonyms whose canonical spelling equals
  /// a term (case-insensitively) also find that term.
  /// Terms listed in `cased` match only with the exact spelling (their synonyms in any case).
  /// `lexicon` (may be null) gives the guards and the tools a list guard looks for.
  Matcher(const std::vector<std::string>& terms, const std::vector<Synonym>& synonyms,
          const std::vector<std::string>& cased = {}, const Lexicon* lexicon = nullptr);

  std::vector<Hit> find(std::string_view text, const MatchContext& ctx = {}) const;
  /// Distinct keyword indices found in text, in order of first appearance.
  std::vector<std::size_t> find_distinct(std::string_view text, const MatchContext& ctx = {}) const;
  const std::set<std::string>& compounds() const { return compounds_; }
  std::size_t size() const { return terms_; }

 private:
  struct Entry {
    std::vector<std::string> seq;  // lower-case tokens
    std::size_t keyword = 0;
    int guard = -1;  // index into guards_, or -1
  };
  void add(const std::string& phrase, std::size_t keyword);
  bool guard_holds(const Guard& g, std::string_view text, const std::vector<Token>& toks,
                   std::size_t i, std::size_t n, const MatchContext& ctx) const;
  bool compound_allows(const std::vector<Token>& toks, std::size_t i, std::size_t n) const;
  bool list_neighbour(std::string_view text, const std::vector<Token>& toks, std::size_t i,
                      std::size_t n) const;
  std::set<std::string> compounds_;
  std::uint32_t compounds_id_ = 0;  ///< compounds_id(compounds_), the token cache's key.
  std::vector<Guard> guards_;
  std::unordered_map<std::string, int> guard_index_;  // lower-case spelling -> guard
  std::set<std::string> tool_words_;  // lower-case single-token tools that need no guard
  // First token -> entries, longest sequences first.
  std::map<std::string, std::vector<Entry>> index_;
  std::size_t terms_ = 0;
};

}  // namespace tailor::transform
