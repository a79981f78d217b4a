// Titles: the headline a title rule may write, keeping the resume's own seniority words.
#pragma once

#include "model/document.hpp"
#include "transform/profile.hpp"
#include "transform/report.hpp"

namespace tailor::transform {

/// Rewrites the headline with the first title rule whose condition holds (rep.evidence).
void tailor_headline(model::Document& doc, const Profile& p, const Lexicon& lex, Report& rep);

}  // namespace tailor::transform
