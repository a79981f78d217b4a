// Role profiles and the shared lexicon: what a .rules file says, as plain values.
// Built by the rule loader (grammar/rules/) or by code (a job posting's derived profile).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace tailor::transform {

/// "k8s" and "kube" mean "Kubernetes". Applies to every profile that shares the lexicon.
struct Synonym {
  std::string canonical;
  std::vector<std::string> variants;
  model::SourceSpan span;
};

/// Words shared by all profiles: synonyms and the seniority words a headline may keep.
struct Lexicon {
  std::vector<Synonym> synonyms;
  std::vector<std::string> seniority;  ///< "Senior", "Staff", ... kept, never added.
  /// Terms that match only as written ("Go", not the verb "go"); their synonyms still match
  /// in any case ("golang", "Golang").
  std::vector<std::string> cased;
  model::SourceSpan seniority_span;
};

/// A named body of evidence ("infra"), with the title word it licenses ("Infrastructure").
struct EvidenceGroup {
  std::string name;
  std::string label;  ///< May be empty: the group then licenses no title word.
  model::SourceSpan span;
};

/// A skill or practice the role values. weight: core = 3, supporting = 1, or 1..9.
struct Keyword {
  std::string text;   ///< Canonical spelling ("Kubernetes", "load testing").
  std::string group;  ///< EvidenceGroup::name.
  int weight = 1;
  model::SourceSpan span;
};

enum class CompareOp { Less, LessEqual, Greater, GreaterEqual };

/// "<", "<=", ">" or ">=".
const char* op_text(CompareOp op);

/// "infra >= 12" or "infra > backend".
struct Condition {
  std::string group;
  CompareOp op = CompareOp::GreaterEqual;
  int number = 0;
  std::string other_group;       ///< Non-empty: compare against this group's evidence instead.
  model::SourceSpan span;        ///< The whole condition.
  model::SourceSpan other_span;  ///< The other group's name.
};

/// title "Backend & Infrastructure Engineer" when backend >= 12 and infra >= 12 or ...
/// The condition is an OR of AND-chains. The first rule (file order) that holds fires.
struct TitleRule {
  std::string title;
  std::vector<std::vector<Condition>> any_of;
  model::SourceSpan span;
};

/// One target role.
struct Profile {
  std::string title;                 ///< Canonical title: "Infrastructure Engineer".
  std::vector<std::string> aliases;  ///< Other names for lookup ("infra", "Cloud Engineer").
  std::string description;           ///< One line for `tailor roles`.
  std::string stem;                  ///< File stem ("infrastructure"); also a lookup name.
  std::string path;                  ///< The file it came from, for messages.
  std::vector<EvidenceGroup> groups;
  std::vector<Keyword> keywords;
  std::vector<Synonym> synonyms;  ///< Profile-local, added to the shared lexicon.
  std::vector<TitleRule> titles;
  std::vector<model::SectionKind> sections;
  model::SourceSpan sections_span;
  std::vector<std::string> summary_tags;
  model::SourceSpan summary_tags_span;
  model::SourceSpan span;  ///< The `role` directive.

  const EvidenceGroup* group(const std::string& name) const;
};

/// Everything loaded: the shared lexicon and the profiles, in load order.
struct RuleSet {
  Lexicon lexicon;
  std::vector<Profile> profiles;
};

/// Case-insensitive lookup by canonical title, alias or file stem; nullptr when unknown.
const Profile* find_profile(const RuleSet& rules, const std::string& name);

/// Known names closest to `name` by edit distance (for "did you mean"), best first.
std::vector<std::string> closest_profile_names(const RuleSet& rules, const std::string& name);

/// Candidates within a distance that scales with the word's length, best first (max 3).
std::vector<std::string> did_you_mean(const std::string& word,
                                      const std::vector<std::string>& candidates);

}  // namespace tailor::transform
