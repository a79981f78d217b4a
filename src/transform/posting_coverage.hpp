// What a posting asks for that Tailor cannot check: the terms of its requirement lines that the
// vocabulary does not know ("not assessed": Scala, Snowflake, dbt, ...), and the share of its
// requirement lines that the vocabulary understood. The score never counts these terms, and
// `tailor match` says so (docs/matching.md, "Not assessed").
#pragma once

#include "transform/job.hpp"

namespace tailor::transform {

/// Finds the terms of the posting's requirement lines that `matcher` (the posting vocabulary)
/// does not know. A term is a word written as a name: capitalised inside a sentence (not in a
/// German sentence, where every noun is), with a capital after its first letter ("GraphQL"), a
/// Latin word in a Cyrillic line, or a one-word item of a list of names ("Spark, Airflow, dbt").
/// Role names (`role_names`: every profile's title and aliases, "SRE", "DevOps") are never
/// terms: "three years as an SRE" asks for experience in a role, not for a tool.
Coverage assess_coverage(const Posting& posting, const TermMatcher& matcher,
                         const std::vector<std::string>& role_names);

}  // namespace tailor::transform
