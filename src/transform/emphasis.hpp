// Emphasis: marks the role's keywords inside bullets, as runs, never adding text.
#pragma once

#include "model/document.hpp"
#include "transform/evidence.hpp"
#include "transform/report.hpp"

namespace tailor::transform {

/// Marks keywords of weight >= 2 in every bullet; reports how many.
void emphasise_bullets(model::Document& doc, const Profile& p, const KeywordIndex& index,
                       Report& rep);

}  // namespace tailor::transform
