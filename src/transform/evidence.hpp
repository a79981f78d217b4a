// The resume's evidence for a profile: where each keyword is mentioned, how much it weighs,
// and whether a title rule's conditions hold.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "transform/profile.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

/// The profile's keywords, deduplicated by spelling, with a matcher that knows the synonyms
/// and the lexicon's guards: every question about a text goes through mentions, never
/// substrings (tokens.hpp). It depends on the profile and the lexicon only, never on a resume,
/// so a batch builds it once per role and shares it (read-only) across documents and threads.
class KeywordIndex {
 public:
  /// The defining evidence's matcher: one over every definition's terms and `with` words.
  struct Defining {
    std::vector<std::string> spellings;  ///< Distinct, case-insensitively; first spelling kept.
    /// Per spelling: (definition index, whether it is a `with` word) for each use.
    std::vector<std::vector<std::pair<std::size_t, bool>>> uses;
    std::optional<Matcher> matcher;  ///< Absent when the profile defines no evidence.
  };

  /// Keeps references to both: they must outlive the index.
  KeywordIndex(const Profile& profile, const Lexicon& lexicon);
  /// Profile keyword indices found in text (distinct, first appearance first).
  std::vector<std::size_t> keywords_in(std::string_view text, const MatchContext& ctx = {}) const;
  /// Byte ranges of keyword hits in text, with the heaviest profile keyword of the spelling.
  std::vector<Hit> hits(std::string_view text, const MatchContext& ctx = {}) const;
  /// Byte ranges of hits with the term index (see keywords_of).
  std::vector<Hit> term_hits(std::string_view text, const MatchContext& ctx = {}) const;
  /// Profile keyword indices sharing term t's spelling, heaviest first.
  const std::vector<std::size_t>& keywords_of(std::size_t t) const { return term_keywords_[t]; }
  const Matcher& matcher() const { return matcher_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  /// The profile it was built for.
  const Profile& profile() const { return *profile_; }
  const Defining& defining() const { return defining_; }

 private:
  std::vector<std::vector<std::size_t>> term_keywords_;  // term -> profile keyword indices
  Matcher matcher_;
  const Lexicon* lexicon_;
  const Profile* profile_;
  Defining defining_;
};

/// Where the resume shows a keyword.
struct Occurrence {
  std::string section;  ///< Section title as written.
  std::string entry;    ///< "role, organisation" for entries; empty otherwise.
  int bullet = 0;       ///< 1-based bullet number inside the entry or section; 0 for none.
  std::string kind;     ///< "skills", "summary", "bullet", "description", "paragraph", "heading".
  int points = 0;       ///< Recency points of this place (skills 1; current role 3, ...).
  model::SourceSpan span;  ///< The mention itself when the source allows, else its text.
  std::string written;     ///< The mention as written ("k8s").
  int place = -1;          ///< Index into Evidence::places.
};

/// An independent place of evidence: one entry, the skills lists, the summary, a section's
/// loose text. Two bullets of one job are one place.
struct Place {
  std::string label;         ///< "Senior SRE, Azercell" or the section title.
  std::string kind;          ///< "entry", "skills", "summary", "section".
  int points = 1;            ///< Recency points (current role 3, the one before 2, else 1).
  bool independent = false;  ///< Counts toward defining evidence (entries and skills).
};

/// Whether a profile's defining evidence (DefiningEvidence) is in the resume.
struct DefiningResult {
  bool holds = false;
  std::vector<int> places;           ///< Supporting places, in document order.
  std::vector<Occurrence> mentions;  ///< One per supporting text.
  int strength = 0;                  ///< Sum of the supporting places' recency points.
  std::string why;                   ///< Why it does not hold.
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
  std::vector<Place> places;
  std::vector<DefiningResult> defining;  ///< Parallel to Profile::defining.
};

/// The result for a defining evidence name, nullptr when the profile has none of that name.
const DefiningResult* defining_result(const Evidence& ev, const Profile& p,
                                      const std::string& name);

/// Independent places behind the keywords of `group` (entries and skills, distinct).
std::vector<int> group_places(const Evidence& ev, const Profile& p, const std::string& group);

/// Mentions of the profile's keywords in what the output shows (never the header's contact
/// fields, organisations or the references section), and the defining evidence.
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
