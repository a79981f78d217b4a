// The shared lexicon's questions: what kind a keyword is, which language a seniority word is.
#include <algorithm>

#include "transform/casefold.hpp"
#include "transform/profile.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

const char* to_string(KeywordKind kind) { return kind == KeywordKind::Tool ? "tool" : "practice"; }

KeywordKind Lexicon::kind_of(const std::string& term) const {
  std::string t = lower(term);
  auto same = [&](const std::string& s) { return lower(s) == t; };
  if (std::any_of(tools.begin(), tools.end(), same)) return KeywordKind::Tool;
  for (const Guard& g : guards) {
    if (same(g.spelling)) return KeywordKind::Tool;
  }
  if (std::any_of(cased.begin(), cased.end(), same)) return KeywordKind::Tool;
  // A synonym of a tool is the tool: "golang" is Go.
  for (const Synonym& s : synonyms) {
    if (!same(s.canonical) && std::none_of(s.variants.begin(), s.variants.end(), same)) continue;
    if (std::any_of(tools.begin(), tools.end(),
                    [&](const std::string& x) { return lower(x) == lower(s.canonical); })) {
      return KeywordKind::Tool;
    }
  }
  return KeywordKind::Practice;
}

std::string Lexicon::seniority_language(const std::string& word) const {
  std::string w = fold_case(word, guess_language(word));
  for (const SeniorityWords& s : seniority_by_language) {
    for (const std::string& x : s.words) {
      if (fold_case(x, s.language) == w) return s.language;
    }
  }
  return {};
}

}  // namespace tailor::transform
