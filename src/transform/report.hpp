// What tailoring changed and why: the report behind --explain, and a profile as text.
#pragma once

#include <string>
#include <vector>

#include "model/source_manager.hpp"
#include "transform/evidence.hpp"

namespace tailor::transform {

/// One change, for --explain.
struct Change {
  std::string what;    ///< "headline", "skills", "bullets", "summary", "sections", "emphasis".
  std::string detail;  ///< old -> new, or the new position.
  std::string reason;
  model::SourceSpan rule;  ///< The rule that caused it (file:line), when there is one.
};

/// One title rule as tried: what held, what failed, what evidence is still missing.
struct RuleCheck {
  const TitleRule* rule = nullptr;
  bool holds = false;
  std::vector<std::string> passed;   ///< "infra 34 >= 30", "infra.iac in 2 places"
  std::vector<std::string> failed;   ///< "infra 12 >= 30 is false", "requires infra.iac: ..."
  std::vector<std::string> missing;  ///< Keywords and defining evidence with none.
  std::vector<std::string> missing_defining;  ///< Defining evidence not shown: "label (name)".
  std::vector<std::size_t> defining;          ///< Profile::defining indices the rule requires.
};

/// The headline decision, for --explain: every rule tried and every keyword that counted.
struct TitleDecision {
  std::string before;                ///< The headline as it was.
  std::string after;                 ///< As it is now (equal when kept).
  std::string reason;                ///< Why it was kept or changed.
  std::string language;              ///< The headline's language as judged ("en", "ru", ...).
  std::vector<RuleCheck> rules;      ///< In file order, up to the one that fired.
  std::vector<std::size_t> counted;  ///< Profile keywords with evidence in the rules' groups.
  bool decided = false;              ///< False for a derived (posting) rule without conditions.
};

/// A moved or emphasised bullet and the keywords behind it.
struct BulletNote {
  std::string what;   ///< "moved" or "emphasised".
  std::string where;  ///< "bullet 3 of \"SRE, Azercell\""
  std::vector<std::string> keywords;
  model::SourceSpan span;  ///< The bullet.
};

struct Report {
  std::string role;
  std::vector<Change> changes;
  Evidence evidence;
  const TitleRule* fired = nullptr;         ///< The title rule that rewrote the headline.
  std::vector<std::string> licensed_words;  ///< Title words the fired rule may use.
  TitleDecision title;
  std::vector<BulletNote> bullets;
  const Profile* profile = nullptr;
  const Lexicon* lexicon = nullptr;  ///< For the kinds of keywords in --explain.
};

/// "path:line: what: detail (reason)" lines.
std::string render_report(const Report& report, const model::SourceManager& sources);

/// The same as one JSON object (--explain=json); `render_report_json_list` wraps several.
std::string render_report_json(const Report& report, const model::SourceManager& sources);

/// The title decision of `role` for this resume, as --explain prints it for `--role`
/// (`--job` builds show it for the role behind the suggested headline).
std::string explain_role_evidence(const model::Document& doc, const Profile& role,
                                  const RuleSet& rules, const model::SourceManager& sources);

/// A profile as text (for `tailor roles NAME`).
std::string describe_profile(const Profile& profile, const model::SourceManager& sources);

}  // namespace tailor::transform
