// Job postings (issue 6): reading a posting (plain text or the JSON Resume job schema), deriving
// a profile the rule engine can tailor to, and scoring how well a resume matches it.
// docs/matching.md describes the posting format, the weights and the score formula.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/source_manager.hpp"
#include "transform/engine.hpp"
#include "transform/profile.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

// ------------------------------------------------------------------------------------------------
// The posting
// ------------------------------------------------------------------------------------------------

/// What a part of a posting is about. The order is the order of importance.
enum class PostingPart {
  Title,           ///< The job title line.
  Required,        ///< Requirements, Must have, Qualifications, What you'll need, ...
  Responsibility,  ///< Responsibilities, What you'll do, Tech stack, ...
  Optional,        ///< Nice to have, Bonus, Preferred, Pluses, or a line saying "is a plus".
  Context,         ///< About us, Benefits, the introduction, anything else.
};

/// "title", "required", "responsibilities", "nice-to-have", "context".
const char* to_string(PostingPart part);

/// One line (or one JSON string) of a posting, and the part it belongs to.
struct PostingLine {
  std::string text;
  PostingPart part = PostingPart::Context;
  model::SourceSpan span;
  /// The line gives its work to someone else ("... is built by a separate team"): it asks
  /// nothing of the candidate, so its terms are not keywords (posting_scope.hpp).
  bool elsewhere = false;
  bool bullet = false;  ///< Written as a list item ("- Go", "• Helm").
};

/// Whether a posting line is a technology context for the lexicon's ambiguous tools, the way a
/// resume's skills list is: the title, requirement, responsibility and nice-to-have lines, and
/// list items. Prose (about us, benefits, the introduction) is not.
bool technology_context(const PostingLine& line);

/// A job posting as read from a file.
struct Posting {
  std::string path;
  std::string title;  ///< As written ("Senior Infrastructure Engineer (Remote)"); may be empty.
  model::SourceSpan title_span;
  std::string company;
  std::vector<PostingLine> lines;  ///< Every line that may hold keywords, in file order.
  /// Skills the posting names explicitly: JSON `skills`/`tools` names and keywords, and the
  /// comma-separated items of a "Tech stack: a, b, c" line. They join the vocabulary.
  std::vector<std::string> named_skills;
};

/// Reads a posting: JSON when the path ends in .json or the text starts with '{', else plain
/// text. Invalid UTF-8, JSON syntax and type errors are located diagnostics; nullopt on error.
std::optional<Posting> read_posting(const std::string& path, model::SourceManager& sources,
                                    diag::Diagnostics& diags);

/// Plain text pasted from a job board (the registered text of file_id).
std::optional<Posting> parse_posting_text(std::uint32_t file_id, std::string_view text,
                                          diag::Diagnostics& diags);

/// JSON in the JSON Resume job schema (title, company, description, responsibilities,
/// qualifications, skills[{name, level, keywords}], ...). Type errors name the JSON path.
std::optional<Posting> parse_posting_json(std::uint32_t file_id, std::string_view text,
                                          diag::Diagnostics& diags);

// ------------------------------------------------------------------------------------------------
// Matching words: token-exact, with a small stemmer for lower-case practice words
// ------------------------------------------------------------------------------------------------

/// The stem of one lower-case word: plural, -ing, -ed and -ize/-ise forms fold together
/// ("databases" -> "databas", "testing" -> "test", "containerized" -> "container"). Words
/// shorter than four letters, or with anything but ASCII letters, are returned unchanged.
std::string stem_word(std::string_view word);

/// A term of the posting vocabulary: a canonical spelling and its other spellings.
struct Term {
  std::string text;
  std::vector<std::string> variants;
  bool cased = false;  ///< The lexicon's `cased`: `text` matches only as written ("Go").
};

/// Where a term occurs in a text.
struct TermHit {
  std::size_t term = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Finds terms in text, longest first and non-overlapping, on the engine's tokens. Words of
/// all-lower-case spellings ("load testing") also match their inflected forms ("load tests");
/// all-caps acronyms also match with a plural s ("VPCs"). With `strict_case` (posting text), a
/// short capitalised spelling (at most four letters: "Go", "REST") or an ambiguous tool of the
/// lexicon ("Express", "Vault") does not match a lower-case occurrence, which in a posting is
/// usually English ("go", "the rest"); an ambiguous tool counts only where the lexicon's guard
/// holds in `ctx`, exactly as on a resume (the resume Matcher decides: guards, compounds such as
/// "C-level", initials). Terms marked `cased` match only as written, always.
class TermMatcher {
 public:
  explicit TermMatcher(const std::vector<Term>& terms, const Lexicon* lexicon = nullptr);
  std::vector<TermHit> find(std::string_view text, bool strict_case,
                            const MatchContext& ctx = {}) const;

 private:
  struct Pattern {
    std::vector<std::string> keys;  // token norms, stemmed where `stemmed` says so
    std::vector<bool> stemmed;
    bool case_sensitive = false;     // strict_case applies
    std::vector<std::string> exact;  // non-empty: tokens spelled exactly so (lexicon `cased`)
    std::size_t term = 0;
    bool guarded = false;  // an ambiguous tool of the lexicon
  };
  void add(const std::string& spelling, std::size_t term, bool cased);
  std::set<std::string> guarded_;  // lower-case spellings of the lexicon's ambiguous tools
  std::optional<Matcher> guards_;  // the resume Matcher over those spellings
  std::set<std::string> compounds_;
  std::vector<Pattern> patterns_;
  std::map<std::string, std::vector<std::size_t>> by_first_;  // first key -> patterns
};

// ------------------------------------------------------------------------------------------------
// The derived profile
// ------------------------------------------------------------------------------------------------

/// A keyword of the posting with its weight and where it was asked for.
struct PostingKeyword {
  std::string text;
  int weight = 0;
  bool required = false;                 ///< In the title, requirements or responsibilities.
  std::vector<PostingPart> parts;        ///< Distinct parts it appears in, by importance.
  int mentions = 0;                      ///< Lines (and the title) that mention it.
  std::vector<model::SourceSpan> spans;  ///< First mention per line, in file order.
};

/// How close the posting is to one built-in role.
struct RoleSimilarity {
  const Profile* role = nullptr;
  double similarity = 0;  ///< Cosine of keyword weights, 0..1.
};

/// One title rule tried for the headline, and what came of it.
struct HeadlineNote {
  std::string text;
  model::SourceSpan rule;
};

/// The headline decision, taken with a role's own title rules and evidence.
struct HeadlineChoice {
  const Profile* role = nullptr;  ///< The role whose rule fired; nullptr when none did.
  const TitleRule* rule = nullptr;
  std::string reason;               ///< "infra 96 >= 30" or why no rule held.
  std::vector<HeadlineNote> notes;  ///< One per rule tried, for --explain.
};

/// A term the posting asks for that no profile, synonym, posting skill list or resume skill
/// names.
struct NotAssessed {
  std::string term;                         ///< As first written ("Snowflake").
  PostingPart part = PostingPart::Context;  ///< The most important part that asks for it.
  std::vector<model::SourceSpan> spans;     ///< One per mention, in file order.
};

/// What the posting asks for that the vocabulary understood (posting_coverage.hpp).
struct Coverage {
  std::vector<NotAssessed> not_assessed;  ///< In order of first mention.
  /// Lines of the requirements, responsibilities and nice-to-have parts, except those that
  /// give their work to someone else.
  int requirement_lines = 0;
  /// Of those, lines with at least one known term and no term that is not assessed.
  int understood_lines = 0;
  std::vector<model::SourceSpan> not_understood;  ///< The other requirement lines.
};

/// Everything derived from a posting for one resume.
struct JobAnalysis {
  std::vector<PostingKeyword> keywords;  ///< In order of first mention.
  std::vector<RoleSimilarity> roles;     ///< Every profile, most similar first.
  const Profile* nearest = nullptr;
  const Profile* title_role = nullptr;  ///< The role named by the posting's title, if any.
  HeadlineChoice headline;
  Profile profile;    ///< The derived profile the engine tailors to.
  Coverage coverage;  ///< Terms not assessed, and the share of requirement lines understood.
};

/// Derives the posting's profile for this resume. The vocabulary is every keyword and synonym
/// of every profile in `rules`, the posting's named skills and the resume's own skills.
JobAnalysis analyse_posting(const Posting& posting, const RuleSet& rules,
                            const model::Document& resume);

/// "infrastructure.rules:20": a rule's file name (no folder, so reports are portable) and line.
std::string rule_file_line(const model::SourceSpan& span, const model::SourceManager& sources);

/// "path:line: job: ..." lines: the posting's keywords, the nearest role and the headline rule.
std::string render_analysis(const JobAnalysis& analysis, const Posting& posting,
                            const model::SourceManager& sources);

// ------------------------------------------------------------------------------------------------
// The match report
// ------------------------------------------------------------------------------------------------

/// Credit for a keyword the resume shows in a bullet, an entry's description or its heading.
inline constexpr double kCreditShown = 1.0;
/// Credit for a keyword the resume only lists (skills) or claims (summary, free text).
inline constexpr double kCreditListed = 0.5;

struct MatchedKeyword {
  const PostingKeyword* keyword = nullptr;
  double credit = 0;  ///< 0, kCreditListed or kCreditShown.
  std::vector<Occurrence> evidence;
};

struct MatchResult {
  double score = 0;                     ///< 0..100, rounded to one decimal.
  double earned = 0;                    ///< Sum of weight * credit.
  int total = 0;                        ///< Sum of weights.
  std::vector<MatchedKeyword> matched;  ///< Weight descending, then name.
  std::vector<MatchedKeyword> missing;  ///< Same order; credit 0.
  std::string headline_before;
  std::string headline_after;  ///< After tailoring with the derived profile.
};

/// Scores the resume against the analysed posting (see docs/matching.md for the formula).
MatchResult match_resume(const JobAnalysis& analysis, const RuleSet& rules,
                         const model::Document& resume);

/// The readable report of `tailor match`.
std::string render_match_text(const Posting& posting, const JobAnalysis& analysis,
                              const MatchResult& result, const std::string& resume_path,
                              const model::SourceManager& sources);

/// The JSON report of `tailor match --json` (fixed key order, two-space indent, LF).
std::string render_match_json(const Posting& posting, const JobAnalysis& analysis,
                              const MatchResult& result, const std::string& resume_path,
                              const model::SourceManager& sources);

}  // namespace tailor::transform
