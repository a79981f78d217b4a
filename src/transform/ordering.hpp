// Ordering: skills and bullets by their relevance to the role, and --max-skills/--max-bullets.
#pragma once

#include "model/document.hpp"
#include "transform/evidence.hpp"
#include "transform/report.hpp"

namespace tailor::transform {

struct TailorOptions {
  int max_skills = 0;   ///< 0: keep every skill.
  int max_bullets = 0;  ///< 0: keep every bullet; else the best N per entry (never fewer than 1).
  bool keep_order = false;
  /// Every loaded profile, so the generalist fallback can see a more specific true title.
  const RuleSet* rules = nullptr;
  /// The profile's keyword index when the caller keeps one (a batch builds it once per role);
  /// null, or one built for another profile or lexicon: tailor() builds its own.
  const KeywordIndex* index = nullptr;
};

/// Orders skill groups and skills by keyword weight; marks skills that are keywords.
void tailor_skills(model::Document& doc, const Profile& p, const KeywordIndex& index,
                   const TailorOptions& opt, Report& rep);

/// Orders (and with --max-bullets trims) each entry's bullets by relevance.
void tailor_bullets(model::Document& doc, const Profile& p, const KeywordIndex& index,
                    const TailorOptions& opt, Report& rep);

}  // namespace tailor::transform
