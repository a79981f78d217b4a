// Titles: the headline a title rule may write, keeping the resume's own seniority words.
#pragma once

#include "model/document.hpp"
#include "transform/ordering.hpp"
#include "transform/profile.hpp"
#include "transform/report.hpp"

namespace tailor::transform {

/// Tries one title rule on the evidence: its weight conditions, its defining evidence
/// (`requires`), and evidence from two independent places, one of them a job or project.
RuleCheck check_rule(const TitleRule& r, const Profile& p, const Evidence& ev);

/// Rewrites the headline with the first title rule that holds on rep.evidence: its weight
/// conditions, its defining evidence (`requires`), and evidence from two independent places.
/// Keeps seniority words (any language the lexicon knows, never doubled), a headline in a
/// language the profile has no titles in, whitespace of a kept headline, and a more specific
/// true title when the profile is the generalist fallback. Fills rep.title for --explain.
void tailor_headline(model::Document& doc, const Profile& p, const Lexicon& lex,
                     const TailorOptions& opt, Report& rep);

}  // namespace tailor::transform
