// Token-exact, case-insensitive keyword matching shared by the rule engine and job postings.
// "C", "C++" and "C#" are different tokens; ".NET", "Node.js" and "CI/CD" are single tokens;
// "Go" never matches inside "Google" or "good".
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "transform/profile.hpp"

namespace tailor::transform {

/// A token of some text: its lower-cased form and its byte range in the text.
struct Token {
  std::string norm;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits text into tokens. Letters, digits and non-ASCII letters form words; '+' after a word
/// ("C++"), '#' after a letter ("C#"), '.' between word characters or before a letter at the
/// start (".NET", "Node.js") stay inside the token. '/' joins only the compounds listed in
/// `compounds` (lower-case, e.g. "ci/cd"), so "Python/Django" is two tokens.
std::vector<Token> tokenize(std::string_view text,
                            const std::set<std::string>* compounds = nullptr);

/// Lower-case ASCII letters, leave every other byte alone.
std::string lower(std::string_view s);

/// Where a keyword was found in a text: the keyword's index and the byte range.
struct Hit {
  std::size_t keyword = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Finds canonical terms and their synonyms in text, longest match first, non-overlapping.
class Matcher {
 public:
  /// terms[i] is the canonical spelling of keyword i. Synonyms whose canonical spelling equals
  /// a term (case-insensitively) also find that term.
  /// Terms listed in `cased` match only with the exact spelling (their synonyms in any case).
  Matcher(const std::vector<std::string>& terms, const std::vector<Synonym>& synonyms,
          const std::vector<std::string>& cased = {});

  std::vector<Hit> find(std::string_view text) const;
  /// Distinct keyword indices found in text, in order of first appearance.
  std::vector<std::size_t> find_distinct(std::string_view text) const;
  const std::set<std::string>& compounds() const { return compounds_; }
  std::size_t size() const { return terms_; }

 private:
  struct Entry {
    std::vector<std::string> seq;  // lower-case tokens
    std::size_t keyword = 0;
    std::vector<std::string> exact;  // non-empty: the tokens must be spelled exactly so
  };
  void add(const std::string& phrase, std::size_t keyword, bool exact_case);
  std::set<std::string> compounds_;
  // First token -> entries, longest sequences first.
  std::map<std::string, std::vector<Entry>> index_;
  std::size_t terms_ = 0;
};

}  // namespace tailor::transform
