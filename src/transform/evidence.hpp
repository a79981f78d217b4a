// The resume's evidence for a profile: where each keyword is mentioned, how much it weighs,
// and whether a title rule's conditions hold.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "transform/profile.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

/// The profile's keywords, deduplicated by spelling, with a matcher that knows the synonyms.
class KeywordIndex {
 public:
  KeywordIndex(const Profile& profile, const Lexicon& lexicon);
  /// Profile keyword indices found in text (distinct, first appearance first).
  std::vector<std::size_t> keywords_in(std::string_view text) const;
  /// Byte ranges of keyword hits in text, with a profile keyword index each.
  std::vector<Hit> hits(std::string_view text) const;
  const Matcher& matcher() const { return matcher_; }

 private:
  std::vector<std::vector<std::size_t>> term_keywords_;  // term -> profile keyword indices
  Matcher matcher_;
};

/// Where the resume shows a keyword.
struct Occurrence {
  std::string section;  ///< Section title as written.
  std::string entry;    ///< "role, organisation" for entries; empty otherwise.
  int bullet = 0;       ///< 1-based bullet number inside the entry or section; 0 for none.
  std::string kind;     ///< "skills", "summary", "bullet", "description", "paragraph", "heading".
  int points = 0;       ///< Recency points of this place (skills 1; current role 3, ...).
  model::SourceSpan span;
};

struct KeywordEvidence {
  bool in_skills = false;
  int best_text = 0;  ///< Highest recency points among bullets, descriptions and summary.
  int score = 0;      ///< weight * (in_skills + best_text).
  std::vector<Occurrence> occurrences;
};

/// The resume's own evidence for each keyword of a profile, and per evidence group.
struct Evidence {
  std::vector<KeywordEvidence> keywords;  ///< Parallel to Profile::keywords.
  std::map<std::string, int> groups;      ///< Group name -> sum of keyword scores.
};

Evidence collect_evidence(const model::Document& doc, const Profile& profile,
                          const KeywordIndex& index);

/// `a op b`.
bool compare(int a, CompareOp op, int b);

/// The evidence score of group `g` (0 when the group has none).
int group_score(const Evidence& ev, const std::string& g);

/// Whether the condition holds for this evidence.
bool holds(const Condition& c, const Evidence& ev);

/// Whether every condition of an AND-chain holds.
bool chain_holds(const std::vector<Condition>& chain, const Evidence& ev);

/// The condition with the actual values, e.g. "infra 15 >= 12" or "infra 15 > backend 9".
std::string condition_text(const Condition& c, const Evidence& ev);

}  // namespace tailor::transform
