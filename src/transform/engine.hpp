// The rule engine: tailors a document to a profile, truthfully, and explains every change.
// A job posting's derived profile (issue 6) goes through the same functions. The steps live in
// their own files: evidence, titles, ordering, emphasis, report.
#pragma once

#include "model/document.hpp"
#include "model/source_manager.hpp"
#include "transform/evidence.hpp"
#include "transform/ordering.hpp"
#include "transform/profile.hpp"
#include "transform/report.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

/// Tailors doc to the profile: summary variant, headline, skill and bullet order, emphasis,
/// section order, meta. Never inserts text the input lacks.
Report tailor(model::Document& doc, const Profile& profile, const Lexicon& lexicon,
              const TailorOptions& options);

}  // namespace tailor::transform
