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

/// A spelling that is also an English word, a person's name or a letter ("Helm", "REST",
/// "Jenkins", "C"). It counts as the tool only where one of its guards holds; with no guard it
/// never counts. `ambiguous "Helm": written, list, before("chart", "charts")`.
struct Guard {
  std::string spelling;             ///< As the tool is written: "Helm".
  bool written = false;             ///< Spelled exactly as `spelling`, anywhere.
  bool mid_sentence = false;        ///< Spelled exactly, and not the first word of a sentence.
  bool list = false;                ///< In a skills list, or beside another tool in a list.
  std::vector<std::string> after;   ///< Lower-case words the mention may follow ("in", "using").
  std::vector<std::string> before;  ///< Lower-case words that may follow it ("pipelines").
  model::SourceSpan span;
};

/// What a keyword names: a tool or technology ("Terraform") or a practice ("code review").
enum class KeywordKind { Practice, Tool };

/// "tool" or "practice".
const char* to_string(KeywordKind kind);

/// Seniority words of one language ("de": "Senior", "Leitender").
struct SeniorityWords {
  std::string language;  ///< "en", "ru", ...; the words count in every language.
  std::vector<std::string> words;
};

/// Words shared by all profiles: synonyms, seniority words, tools and their guards.
struct Lexicon {
  std::vector<Synonym> synonyms;
  std::vector<std::string> seniority;  ///< "Senior", "Staff", ... kept, never added.
  std::vector<SeniorityWords> seniority_by_language;
  /// Terms that match only as written ("Go", not the verb "go"); their synonyms still match
  /// in any case ("golang", "Golang"). The older form of `ambiguous "X": written`.
  std::vector<std::string> cased;
  std::vector<std::string> tools;  ///< Spellings of named tools and technologies.
  std::vector<Guard> guards;
  model::SourceSpan seniority_span;

  /// The kind of a keyword or spelling: Tool when listed in `tools` or guarded.
  KeywordKind kind_of(const std::string& term) const;
  /// The language of a seniority word, "" when it is none.
  std::string seniority_language(const std::string& word) const;
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

/// The work that defines a role, beyond keyword weight (docs/rules.md "Defining evidence"):
/// defining infra.iac "infrastructure as code": "Terraform", "Pulumi", "infrastructure as code"
/// defining backend.design "design owned": "designed", "architected" with "architecture", "API"
/// A bullet or description supports it when it names a term (and, with `with`, also one of
/// the `with` words); a skills list supports it when an item names a term or a `with` word.
struct DefiningEvidence {
  std::string name;   ///< "infra.iac".
  std::string label;  ///< "infrastructure as code", for --explain.
  std::vector<std::string> terms;
  std::vector<std::string> with;  ///< Empty: a term alone is enough.
  int places = 2;                 ///< Independent places needed (entries, the skills list).
  model::SourceSpan span;
};

/// title "Backend & Infrastructure Engineer" when backend >= 12 and infra >= 12 or ...
/// The condition is an OR of AND-chains. The first rule (file order) that holds fires.
struct TitleRule {
  std::string title;
  std::vector<std::vector<Condition>> any_of;
  std::vector<std::string> requires_;             ///< DefiningEvidence names, all needed.
  std::vector<model::SourceSpan> requires_spans;  ///< Parallel to requires_.
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
  std::vector<DefiningEvidence> defining;
  /// The generalist profile (`fallback`): its title never replaces a more specific title.
  bool fallback = false;
  /// `fallback replaces "Programmer", …`: the generic headlines (seniority words aside) the
  /// fallback title may replace. Any other headline, a more specific software title or not a
  /// software title at all, is kept.
  std::vector<std::string> fallback_replaces;
  std::vector<std::string> title_languages{"en"};  ///< Languages its titles are written in.
  std::vector<model::SectionKind> sections;
  model::SourceSpan sections_span;
  std::vector<std::string> summary_tags;
  model::SourceSpan summary_tags_span;
  model::SourceSpan span;  ///< The `role` directive.

  const EvidenceGroup* group(const std::string& name) const;
  const DefiningEvidence* defining_evidence(const std::string& name) const;
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
