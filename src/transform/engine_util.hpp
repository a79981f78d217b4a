// Small helpers shared by the rule engine's steps (internal to src/transform/).
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "transform/profile.hpp"

namespace tailor::transform::detail {

// Supporting keywords (weight 1) count as evidence and relevance but are not emphasised.
constexpr int kEmphasisWeight = 2;

std::string quote(const std::string& s);
bool skill_section(const model::Section& s);
std::string entry_label(const model::Entry& e);
/// Sort key of an entry by its end date (ongoing first when sorted descending).
int entry_key(const model::Entry& e);

/// Relevance of a text: the sum over the distinct terms in it of each term's weight (a term
/// listed in two groups counts once, at its higher weight).
int relevance(const std::vector<std::size_t>& kws, const Profile& p);
std::vector<std::string> keyword_names(const std::vector<std::size_t>& kws, const Profile& p);
/// The heaviest keyword's span: the rule to cite for an ordering decision.
model::SourceSpan strongest(const std::vector<std::size_t>& kws, const Profile& p);
/// Stable order of indices 0..n-1 by descending score.
std::vector<std::size_t> ranked(const std::vector<int>& score);

}  // namespace tailor::transform::detail
