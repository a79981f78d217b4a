// The rule engine (see engine.hpp and docs/rules.md for the scoring and the truthfulness rules).
#include "transform/engine.hpp"

#include <algorithm>
#include <optional>

#include "base/strings.hpp"
#include "transform/basic.hpp"
#include "transform/emphasis.hpp"
#include "transform/engine_util.hpp"
#include "transform/titles.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::quote;
using detail::skill_section;

Report tailor(Document& doc, const Profile& profile, const Lexicon& lexicon,
              const TailorOptions& options) {
  Report rep;
  rep.role = profile.title;
  rep.profile = &profile;
  rep.lexicon = &lexicon;
  std::optional<KeywordIndex> own;
  const KeywordIndex* kept = options.index;
  if (!kept || &kept->profile() != &profile || &kept->lexicon() != &lexicon) {
    kept = &own.emplace(profile, lexicon);
  }
  const KeywordIndex& index = *kept;

  std::size_t summaries = 0;
  for (const Section& s : doc.sections) summaries += s.kind == SectionKind::Summary;
  select_variants(doc, profile.summary_tags);
  if (summaries > 1) {
    for (const Section& s : doc.sections) {
      if (s.kind != SectionKind::Summary) continue;
      rep.changes.push_back(
          {"summary",
           "chose the variant " +
               (s.tags.empty() ? std::string("without tags") : "{" + base::join(s.tags) + "}"),
           "summary-tags " + base::join(profile.summary_tags), profile.summary_tags_span});
    }
  }

  rep.evidence = collect_evidence(doc, profile, index);
  tailor_headline(doc, profile, lexicon, options, rep);
  tailor_skills(doc, profile, index, options, rep);
  tailor_bullets(doc, profile, index, options, rep);

  emphasise_bullets(doc, profile, index, rep);

  std::vector<std::string> before;
  for (const Section& s : doc.sections) before.push_back(s.title);
  if (!options.keep_order) order_sections(doc, profile.sections);
  std::vector<std::string> after;
  for (const Section& s : doc.sections) after.push_back(s.title);
  if (before != after) {
    rep.changes.push_back({"sections", base::join(before) + " -> " + base::join(after),
                           "preferred order of " + quote(profile.title), profile.sections_span});
  }

  doc.meta.target_role = profile.title;
  doc.meta.keywords.clear();
  for (const Section& s : doc.sections) {
    if (!skill_section(s)) continue;
    for (const Block& b : s.blocks) {
      if (const SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        for (const Skill& sk : g->items) {
          if (sk.keyword && std::find(doc.meta.keywords.begin(), doc.meta.keywords.end(),
                                      sk.name) == doc.meta.keywords.end()) {
            doc.meta.keywords.push_back(sk.name);
          }
        }
      }
    }
  }
  return rep;
}

}  // namespace tailor::transform
